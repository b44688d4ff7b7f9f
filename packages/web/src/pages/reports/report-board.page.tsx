import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { PurposeModal } from './report-modals.tsx';
import { type Board, type BoardUnit, openFile, STATE_COLORS, stateLabel, statusLabel, useBoard, useSums } from './report-queries.ts';
import { SubmissionDrawer } from './submission.drawer.tsx';

type TemplateRow = Board['templates'][number];
type LateRow = Board['lateList'][number];

function StateTag({ unit }: { unit: BoardUnit }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLORS[unit.state]} data-testid="board-state" data-state={unit.state}>
        {stateLabel(t, unit.state)}
      </Tag>
      {unit.draft && <Tag color="gold">{statusLabel(t, 'draft')}</Tag>}
      {unit.submission?.zero && <Tag color="cyan">{t('report.zero')}</Tag>}
    </Space>
  );
}

function Templates({ rows, selected, onSelect }: { rows: TemplateRow[]; selected?: string; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const count = (n: number, color?: string) => <Typography.Text style={color && n > 0 ? { color } : undefined}>{n}</Typography.Text>;
  return (
    <Table<TemplateRow>
      size="small"
      rowKey="code"
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      data-testid="board-templates"
      rowClassName={(row) => (row.code === selected ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onClick: () => onSelect(row.code), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('report.template'), dataIndex: 'name', render: (name: string) => <span data-testid="board-template">{name}</span> },
        { title: t('report.deadline'), dataIndex: 'deadline', width: 80 },
        { title: t('report.expected'), dataIndex: 'expected', width: 70 },
        { title: t('report.onTime'), dataIndex: 'on_time', width: 70, render: (n: number) => count(n, '#389e0d') },
        { title: t('report.lateCount'), dataIndex: 'late', width: 70, render: (n: number) => count(n, '#d46b08') },
        { title: t('report.missing'), dataIndex: 'missing', width: 70, render: (n: number) => count(n, '#cf1322') },
        { title: t('report.pending'), key: 'pending', width: 70, render: (_, r) => r.open + r.due_soon },
        { title: t('report.drafts'), dataIndex: 'drafts', width: 70 },
      ]}
    />
  );
}

function Units({ units, onOpen }: { units: BoardUnit[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Table<BoardUnit>
      size="small"
      rowKey={(u) => u.unit.id}
      dataSource={units}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: true }}
      data-testid="board-units"
      onRow={(u) => ({ 'data-unit': u.unit.name }) as never}
      columns={[
        { title: t('report.unit'), key: 'unit', render: (_, u) => u.unit.name },
        { title: t('report.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
        { title: t('report.state'), key: 'state', render: (_, u) => <StateTag unit={u} /> },
        { title: t('report.submittedAt'), key: 'at', render: (_, u) => formatTime(u.submission?.firstSubmittedAt, 'HH:mm') },
        { title: t('report.signer'), key: 'signer', render: (_, u) => u.submission?.signerName ?? '—' },
        {
          title: '',
          key: 'view',
          render: (_, u) =>
            u.submission && (
              <Button type="link" size="small" onClick={() => u.submission && onOpen(u.submission.id)}>
                {t('report.view')}
              </Button>
            ),
        },
      ]}
    />
  );
}

function LateList({ rows }: { rows: LateRow[] }) {
  const { t } = useI18n();
  return (
    <Table<LateRow>
      size="small"
      rowKey={(r) => `${r.templateCode}:${r.unit.id}`}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('report.noneLate') }}
      scroll={{ x: true }}
      data-testid="board-late"
      onRow={(r) => ({ 'data-unit': r.unit.name, 'data-state': r.state }) as never}
      columns={[
        { title: t('report.unit'), key: 'unit', render: (_, r) => r.unit.name },
        { title: t('report.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
        { title: t('report.template'), dataIndex: 'templateName' },
        { title: t('report.deadline'), dataIndex: 'dueAt', render: (at: string) => formatTime(at, 'HH:mm') },
        { title: t('report.state'), key: 'state', render: (_, r) => <StateTag unit={r} /> },
      ]}
    />
  );
}

/** 逐级汇总 (DAILY-001): the signed figures of the day summed per child jurisdiction and in total. */
function Sums({ code, date, jurisdictionId }: { code?: string; date?: string; jurisdictionId?: string }) {
  const { t, language } = useI18n();
  const sums = useSums(code, date, jurisdictionId).data;
  if (!sums) return null;
  const figures = sums.template.figures;
  const rows = [
    ...sums.children.map((c) => ({ key: c.id, ...c })),
    { key: 'total', name: t('report.total'), figures: sums.total, reported: sums.reported, expected: sums.expected },
  ];
  return (
    <Table
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      data-testid="board-sums"
      columns={[
        { title: sums.jurisdiction.name, dataIndex: 'name' },
        { title: t('report.reported'), key: 'reported', render: (_, r) => `${r.reported} / ${r.expected}` },
        ...figures.map((f) => ({
          title: language === 'en' ? f.labelEn : f.label,
          key: f.key,
          render: (_: unknown, r: (typeof rows)[number]) => <span data-testid={`sum-${r.key}-${f.key}`}>{r.figures[f.key] ?? 0}</span>,
        })),
      ]}
    />
  );
}

/**
 * 报送看板 (DAILY-003, SC-45, SC-46): for the jurisdiction picked in the header and a day, who has reported each
 * table on time, late or not yet, the late list across tables, the sums by level, and the collected table in Excel.
 */
export function ReportBoardPage() {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [date, setDate] = useState<string | undefined>();
  const [code, setCode] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const board = useBoard(date, jurisdiction?.id, code);
  const b = board.data;
  const selected = b?.selected?.code;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`${t('report.board')}${jurisdiction ? ` · ${jurisdiction.name}` : ''}`}
        loading={board.isPending}
        extra={
          <Space wrap>
            <DatePicker
              value={b ? dayjs(b.date) : null}
              allowClear={false}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
              data-testid="board-date"
            />
            <Button icon={<DownloadOutlined />} disabled={!selected} onClick={() => setExporting(true)} data-testid="board-export">
              {t('report.exportCollected')}
            </Button>
          </Space>
        }
      >
        {b && b.templates.length === 0 ? <Empty /> : <Templates rows={b?.templates ?? []} selected={selected} onSelect={setCode} />}
      </Card>
      {b?.selected && (
        <Card size="small" title={b.selected.name}>
          <Units units={b.selected.units} onOpen={setOpen} />
        </Card>
      )}
      <Card size="small" title={t('report.lateList')}>
        <LateList rows={b?.lateList ?? []} />
      </Card>
      <Card size="small" title={t('report.sums')}>
        <Sums code={selected} date={b?.date} jurisdictionId={jurisdiction?.id} />
      </Card>
      <PurposeModal
        open={exporting}
        title={t('report.exportCollected')}
        onClose={() => setExporting(false)}
        onPurpose={(purpose) =>
          openFile(
            `/api/reports/exports/collected.xlsx?${new URLSearchParams({
              templateCode: selected ?? '',
              date: b?.date ?? '',
              purpose,
              ...(jurisdiction ? { jurisdictionId: jurisdiction.id } : {}),
            })}`,
            true,
          )
        }
      />
      <SubmissionDrawer id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
