import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReportColumn, ReportFigure, SubmittedTemplate } from '@fangkong/core';
import { Button, Card, Form, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelIn, type Prefill } from './report-queries.ts';

export type RowValues = Record<string, string | number | null | undefined>;

export interface ReportValues {
  figures: Record<string, number | null | undefined>;
  rows: RowValues[];
  notes?: string;
  reason?: string;
}

type Prefilled = Prefill['figures'][number];

/** What the form starts from: the platform's figures and rows, the unit's last standing counts. */
export function initialValues(prefill: Prefill): ReportValues {
  return {
    figures: Object.fromEntries(prefill.figures.map((f) => [f.key, f.value])),
    rows: (prefill.rows ?? []).map((row) => ({ ...row })),
  };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The request body of the form: typed and pre-filled figures (derived ones are counted by the server), non-empty cells. */
export function bodyOf(template: SubmittedTemplate, values: ReportValues) {
  const figures = Object.fromEntries(
    template.figures
      .filter((f) => (f.from.kind === 'entered' || f.from.kind === 'platform') && !isEmpty(values.figures?.[f.key]))
      .map((f) => [f.key, values.figures[f.key] as number]),
  );
  const rows = (values.rows ?? []).map((row) =>
    Object.fromEntries(Object.entries(row).filter(([, v]) => !isEmpty(v)) as [string, string | number][]),
  );
  return {
    figures,
    ...(template.columns.length > 0 ? { rows } : {}),
    ...(values.notes?.trim() ? { notes: values.notes.trim() } : {}),
    ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
  };
}

/** `rows.3.temperature` → ['rows', 3, 'temperature']: the form field a server problem is about. */
const pathOf = (field: string) => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** Each problem of a refused report under its field; true when the form showed them all. */
export function showProblems(form: ReturnType<typeof Form.useForm<ReportValues>>[0], error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = (error.details as { problems?: { field: string; message: string }[] } | undefined)?.problems;
  const list = problems ?? (error.field ? [{ field: error.field, message: error.message }] : []);
  const inForm = list.filter((p) => p.field.startsWith('figures.') || p.field.startsWith('rows.'));
  if (inForm.length === 0 || inForm.length < list.length) return false;
  form.setFields(inForm.map((p) => ({ name: pathOf(p.field) as never, errors: [p.message] })));
  return true;
}

function FigureInput({ figure, prefilled }: { figure: ReportFigure; prefilled: Prefilled | undefined }) {
  const { t, language } = useI18n();
  const derived = figure.from.kind !== 'entered' && figure.from.kind !== 'platform';
  const label = (
    <Space size={4}>
      {labelIn(language, figure)}
      {prefilled?.source === 'platform' && (
        <Tooltip title={t('report.fromPlatformHint', { value: prefilled.value })}>
          <Tag color="blue" data-testid={`prefilled-${figure.key}`} data-value={prefilled.value}>
            {t('report.fromPlatform')}
          </Tag>
        </Tooltip>
      )}
      {prefilled?.source === 'previous' && <Tag>{t('report.fromPrevious')}</Tag>}
      {derived && <Tag>{t('report.derived')}</Tag>}
    </Space>
  );
  return (
    <Form.Item name={['figures', figure.key]} label={label} rules={[{ required: figure.required && !derived }]}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={derived} data-testid={`figure-input-${figure.key}`} />
    </Form.Item>
  );
}

export function FigureInputs({ template, prefill }: { template: SubmittedTemplate; prefill: Prefill }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('report.figures')}>
      {template.figures.map((f) => (
        <FigureInput key={f.key} figure={f} prefilled={prefill.figures.find((p) => p.key === f.key)} />
      ))}
    </Card>
  );
}

/** The input of one cell by its column's type; Form.Item hands it `value`, `onChange` and `id`, passed on as they are. */
function CellInput({ column, ...control }: { column: ReportColumn; value?: unknown; onChange?: (value: unknown) => void; id?: string }) {
  const { language } = useI18n();
  const props = { ...control, 'data-testid': `cell-${column.key}` } as Record<string, unknown>;
  if (column.type === 'count') return <InputNumber min={0} precision={0} style={{ width: '100%' }} {...props} />;
  if (column.type === 'temperature') return <InputNumber min={30} max={45} step={0.1} precision={1} style={{ width: '100%' }} {...props} />;
  if (column.type === 'choice') {
    return <Select options={(column.choices ?? []).map((c) => ({ value: c.value, label: labelIn(language, c) }))} {...props} />;
  }
  return <Input placeholder={column.type === 'date' ? 'YYYY-MM-DD' : undefined} {...props} />;
}

/** The table's rows as cards (one person or building each): they read on a phone as well as on a desk. */
export function RowsEditor({ template, prefilledRows }: { template: SubmittedTemplate; prefilledRows: number }) {
  const { t, language } = useI18n();
  return (
    <Card
      size="small"
      title={t('report.rows')}
      extra={prefilledRows > 0 ? <Tag color="blue">{t('report.prefilledRows', { n: prefilledRows })}</Tag> : null}
    >
      <Form.List name="rows">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={t('report.row', { n: i + 1 })}
                data-testid="report-row"
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('report.removeRow')}
                  />
                }
              >
                {template.columns.map((c) => (
                  <Form.Item key={c.key} name={[field.name, c.key]} label={labelIn(language, c)} rules={[{ required: c.required }]}>
                    <CellInput column={c} />
                  </Form.Item>
                ))}
              </Card>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} block data-testid="report-add-row">
              {t('report.addRow')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

export function NotesInput({ correcting }: { correcting: boolean }) {
  const { t } = useI18n();
  return (
    <Card size="small">
      <Form.Item name="notes" label={t('report.notes')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {correcting && (
        <Form.Item name="reason" label={t('report.reason')} rules={[{ max: 500 }]}>
          <Input data-testid="report-reason" />
        </Form.Item>
      )}
    </Card>
  );
}
