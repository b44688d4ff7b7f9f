import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import type { CaseDetail } from '../../api/types.ts';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { shanghaiToday } from '../key-persons/key-person-labels.ts';
import { caseLabel } from './case-labels.ts';

type InvestigationShape = NonNullable<CaseDetail['investigation']>;

interface FormValues {
  onsetDate?: Dayjs;
  symptoms?: string[];
  noSymptoms?: boolean;
  exposureHistory?: string;
  travelHistory?: string;
  occupation?: string;
  workplace?: string;
  vaccinationDoses?: number;
  lastVaccinationDate?: Dayjs;
  householdSize?: number;
  sourceHypothesis?: string;
}

const SYMPTOMS = ['发热', '干咳', '乏力', '咽痛', '嗅觉味觉减退', '鼻塞', '流涕', '结膜炎', '肌痛', '腹泻'];
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const count = (v: unknown) => (typeof v === 'number' ? v : undefined);
const day = (v: string | null | undefined) => (v ? dayjs(v) : undefined);

function initialValues(onsetDate: string | null, form: Record<string, unknown>): FormValues {
  return {
    onsetDate: day(onsetDate),
    symptoms: Array.isArray(form.symptoms) ? form.symptoms.filter((s): s is string => typeof s === 'string') : [],
    noSymptoms: form.noSymptoms === true,
    exposureHistory: text(form.exposureHistory),
    travelHistory: text(form.travelHistory),
    occupation: text(form.occupation),
    workplace: text(form.workplace),
    vaccinationDoses: count(form.vaccinationDoses),
    lastVaccinationDate: day(text(form.lastVaccinationDate)),
    householdSize: count(form.householdSize),
    sourceHypothesis: text(form.sourceHypothesis),
  };
}

/** Only the answers given: an empty field is left out, never sent as "". */
function bodyOf(v: FormValues) {
  const answered = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const form = {
    symptoms: v.symptoms ?? [],
    noSymptoms: v.noSymptoms ?? false,
    exposureHistory: answered(v.exposureHistory),
    travelHistory: answered(v.travelHistory),
    occupation: answered(v.occupation),
    workplace: answered(v.workplace),
    vaccinationDoses: v.vaccinationDoses ?? undefined,
    lastVaccinationDate: v.lastVaccinationDate?.format('YYYY-MM-DD'),
    householdSize: v.householdSize ?? undefined,
    sourceHypothesis: answered(v.sourceHypothesis),
  };
  return { form, onsetDate: v.onsetDate?.format('YYYY-MM-DD') };
}

/** What is still missing, each with the clause asking for it (core investigationGaps). */
function GapList({ gaps }: { gaps: InvestigationShape['gaps'] }) {
  const { t } = useI18n();
  if (gaps.length === 0) return <Alert type="success" showIcon message={t('case.investigation.noGaps')} data-testid="investigation-gaps" />;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="investigation-gaps"
      message={t('case.investigation.gaps')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {gaps.map((g) => (
            <li key={g.rule}>
              {caseLabel(t, 'case', g.rule)} <ClauseRef basis={{ source: g.source, clause: g.clause }} color="default" />
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The CDC investigators assigned (CASE-002: CDC and police within 24 hours); the first is the lead. */
function Investigators({ caseId, assigned, editable }: { caseId: string; assigned: string[]; editable: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const options = useQuery({
    queryKey: ['cases', caseId, 'investigators'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/investigators', { params: { path: { id: caseId } } })),
  });
  const assign = useMutation({
    mutationFn: (userIds: string[]) =>
      unwrap(
        api.PATCH('/api/cases/{id}/investigation', {
          params: { path: { id: caseId } },
          body: { assignees: userIds.map((userId) => ({ userId, agency: 'cdc' as const })) },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('case.investigation.saved'));
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  return (
    <Space wrap>
      <Typography.Text>{t('case.investigation.investigators')}</Typography.Text>
      <Select
        mode="multiple"
        style={{ minWidth: 320 }}
        disabled={!editable}
        value={assigned}
        loading={options.isFetching || assign.isPending}
        onChange={(ids: string[]) => assign.mutate(ids)}
        options={(options.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        data-testid="investigation-assignees"
      />
    </Space>
  );
}

/**
 * The investigation (流调, CASE-002): the structured form with the onset date, the gaps checklist, completion
 * (refused by the server while anything is missing), spot sealing, and the report PDF to file (CASE-014).
 */
export function InvestigationTab({
  caseId,
  onsetDate,
  investigation,
}: {
  caseId: string;
  onsetDate: string | null;
  investigation: InvestigationShape;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const today = shanghaiToday();
  const completed = investigation.state === 'completed';
  const update = useMutation({
    mutationFn: (body: Partial<ReturnType<typeof bodyOf>> & { complete?: boolean; sealed?: boolean; sealingNote?: string }) =>
      unwrap(api.PATCH('/api/cases/{id}/investigation', { params: { path: { id: caseId } }, body })),
    onSuccess: async () => {
      showSuccess(t('case.investigation.saved'));
      await client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const save = (extra: { complete?: boolean } = {}) => form.validateFields().then((v) => update.mutate({ ...bodyOf(v), ...extra }));
  const seal = () => update.mutate({ sealed: true, sealingNote: t('case.investigation.sealNote') });
  const report = `/api/cases/${caseId}/investigation-report.pdf?purpose=${encodeURIComponent(t('case.investigation.reportPurpose'))}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('case.status')}>{caseLabel(t, 'case.investigation.state', investigation.state)}</Descriptions.Item>
        <Descriptions.Item label={t('case.investigation.complete')}>{formatTime(investigation.completedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('case.investigation.seal')}>{formatTime(investigation.sealedAt)}</Descriptions.Item>
      </Descriptions>
      <Investigators caseId={caseId} assigned={investigation.assignees.map((a) => a.userId)} editable={!completed} />
      <GapList gaps={investigation.gaps} />
      <Form
        form={form}
        layout="vertical"
        disabled={completed}
        initialValues={initialValues(onsetDate, investigation.form)}
        data-testid="investigation-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="onsetDate" label={t('case.onsetDate')}>
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                data-testid="investigation-onset"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="symptoms" label={t('case.investigation.symptoms')}>
              <Select mode="tags" options={SYMPTOMS.map((s) => ({ value: s, label: s }))} data-testid="investigation-symptoms" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="noSymptoms" valuePropName="checked" label=" ">
              <Checkbox data-testid="investigation-no-symptoms">{t('case.investigation.noSymptoms')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="exposureHistory" label={t('case.investigation.exposureHistory')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="investigation-exposure" />
        </Form.Item>
        <Form.Item name="travelHistory" label={t('case.investigation.travelHistory')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="investigation-travel" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="occupation" label={t('case.investigation.occupation')}>
              <Input maxLength={60} data-testid="investigation-occupation" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="workplace" label={t('case.investigation.workplace')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="vaccinationDoses" label={t('case.investigation.vaccinationDoses')}>
              <InputNumber min={0} max={10} style={{ width: '100%' }} data-testid="investigation-doses" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lastVaccinationDate" label={t('case.investigation.lastVaccinationDate')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="householdSize" label={t('case.investigation.householdSize')}>
              <InputNumber min={1} max={50} style={{ width: '100%' }} data-testid="investigation-household" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sourceHypothesis" label={t('case.investigation.sourceHypothesis')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      <Space wrap>
        {!completed && (
          <Button onClick={() => save()} loading={update.isPending} data-testid="investigation-save">
            {t('common.save')}
          </Button>
        )}
        {!completed && (
          <Button type="primary" onClick={() => save({ complete: true })} loading={update.isPending} data-testid="investigation-complete">
            {t('case.investigation.complete')}
          </Button>
        )}
        {!investigation.sealedAt && (
          <Button onClick={seal} data-testid="investigation-seal">
            {t('case.investigation.seal')}
          </Button>
        )}
        <Button href={report} target="_blank" data-testid="investigation-report">
          {t('case.investigation.report')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('case.investigation.hint')}</Typography.Text>
    </Space>
  );
}
