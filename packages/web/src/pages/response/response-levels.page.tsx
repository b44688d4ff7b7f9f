import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Modal, Select, Space, Steps, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { commandLabel, TASK_STATE_COLORS } from '../command/command-queries.ts';
import { Reasons } from '../key-persons/reasons.tsx';
import { AssessmentFields } from './assessment-fields.tsx';
import { ReassessmentCard } from './reassessment.card.tsx';

type Overview = Awaited<ReturnType<typeof fetchOverview>>;
type Change = NonNullable<Overview['open']>;
const LEVELS = ['IV', 'III', 'II', 'I'] as const;
type Level = (typeof LEVELS)[number];
const LEVEL_COLOUR: Record<Level, string> = { IV: 'blue', III: 'gold', II: 'orange', I: 'red' };

const fetchOverview = (id: string) => unwrap(api.GET('/api/response-levels/{id}', { params: { path: { id }, query: {} } }));

function LevelTag({ level }: { level: Level | null }) {
  const { t } = useI18n();
  if (!level)
    return (
      <Tag data-testid="response-level" data-level="none">
        {t('response.none')}
      </Tag>
    );
  return (
    <Tag color={LEVEL_COLOUR[level]} data-testid="response-level" data-level={level}>
      {t(`response.level.${level}` as MessageKey)}
    </Tag>
  );
}

interface ProposalValues {
  to: Level | 'end';
  basis: 'trigger' | 'other_situations';
  reason: string;
  factors: Record<string, string>;
  records: Record<string, string>;
}

/** The proposal with its assessment (LVL-003): a finding on every factor item, and the records the change needs. */
function ProposeModal({
  overview,
  open,
  initialTo,
  onClose,
}: {
  overview: Overview;
  open: boolean;
  initialTo?: 'end';
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProposalValues>();
  useEffect(() => {
    if (open && initialTo) form.setFieldsValue({ to: initialTo });
  }, [open, initialTo, form]);
  const client = useQueryClient();
  const to = Form.useWatch('to', form);
  const direction = to === 'end' ? 'terminate' : overview.level === null ? 'activate' : 'escalate';
  const records = overview.assessmentForm.records.find((r) => r.direction === direction)?.records ?? ['trendAnalysis'];
  const propose = useMutation({
    mutationFn: (values: ProposalValues) =>
      unwrap(
        api.POST('/api/response-levels/{id}/proposals', {
          params: { path: { id: overview.jurisdiction.id } },
          body: {
            to: values.to === 'end' ? null : values.to,
            basis: values.basis,
            reason: values.reason,
            assessment: { factors: values.factors ?? {}, records: values.records ?? {} },
          },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['response-level'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['to', 'basis', 'reason']),
  });
  return (
    <Modal
      open={open}
      title={t('response.propose')}
      width={880}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'response-propose-submit', loading: propose.isPending }}
    >
      <Form form={form} layout="vertical" onFinish={(values) => propose.mutate(values)} initialValues={{ basis: 'trigger' }}>
        <Space wrap>
          <Form.Item name="to" label={t('response.to')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              data-testid="response-to"
              options={[
                ...LEVELS.map((l) => ({ value: l, label: t(`response.level.${l}` as MessageKey) })),
                ...(overview.level ? [{ value: 'end', label: t('response.proposeEnd') }] : []),
              ]}
            />
          </Form.Item>
          <Form.Item name="basis" label={t('response.basis')}>
            <Select
              style={{ width: 280 }}
              data-testid="response-basis"
              options={(['trigger', 'other_situations'] as const).map((b) => ({ value: b, label: t(`response.basis.${b}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('response.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="response-reason" />
        </Form.Item>
        <AssessmentFields factors={overview.assessmentForm.factors} records={records} testIdPrefix="response" />
      </Form>
    </Modal>
  );
}

/** The change under way: chain progress, the next body's decision, approval (with override to end early), rejection. */
function OpenChange({ change }: { change: Change }) {
  const { t } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [importRiskReduced, setImportRiskReduced] = useState(false);
  const done = async () => {
    await client.invalidateQueries({ queryKey: ['response-level'] });
    showSuccess(t('user.saved'));
  };
  const act = useMutation({
    mutationFn: async (action: 'confirm' | 'approve' | 'reject') => {
      const path = { id: change.id };
      if (action === 'confirm') {
        return unwrap(
          api.POST('/api/response-level-changes/{id}/confirmations', {
            params: { path },
            body: { body: change.nextConfirmation ?? 'district', decision: 'confirmed', note },
          }),
        );
      }
      if (action === 'approve') {
        return unwrap(
          api.POST('/api/response-level-changes/{id}/approve', {
            params: { path },
            body: { ...(overrideReason ? { overrideReason } : {}), importRiskReduced },
          }),
        );
      }
      return unwrap(api.POST('/api/response-level-changes/{id}/reject', { params: { path }, body: { reason: note || '驳回' } }));
    },
    onSuccess: done,
    onError: showError,
  });
  const current = change.chain.findIndex((b) => b === change.nextConfirmation);
  return (
    <Card size="small" title={t('response.open')} data-testid="response-open" data-status={change.status}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('response.to')}>
          {change.toLevel ? <LevelTag level={change.toLevel} /> : t('response.proposeEnd')}
        </Descriptions.Item>
        <Descriptions.Item label={t('response.basis')}>{t(`response.basis.${change.basis}`)}</Descriptions.Item>
        <Descriptions.Item label={t('response.reason')}>{change.reason}</Descriptions.Item>
        <Descriptions.Item label="">{t(`response.status.${change.status}` as MessageKey)}</Descriptions.Item>
      </Descriptions>
      <Steps
        size="small"
        current={current === -1 ? change.chain.length : current}
        items={change.chain.map((body) => ({ title: t(`response.body.${body}`) }))}
        data-testid="response-chain"
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Input placeholder={t('response.note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="response-note" />
        {change.nextConfirmation && can('response.confirm') && (
          <Button onClick={() => act.mutate('confirm')} data-testid="response-confirm">
            {t('response.confirmNext')}：{t(`response.body.${change.nextConfirmation}`)}
          </Button>
        )}
        {change.status === 'confirmed' && can('response.approve') && (
          <>
            {change.direction === 'terminate' && (
              <>
                <Checkbox checked={importRiskReduced} onChange={(e) => setImportRiskReduced(e.target.checked)}>
                  {t('response.importRiskReduced')}
                </Checkbox>
                <Input
                  placeholder={t('response.overrideReason')}
                  value={overrideReason}
                  onChange={(e) => setOverrideReason(e.target.value)}
                  style={{ width: 320 }}
                />
              </>
            )}
            <Button type="primary" onClick={() => act.mutate('approve')} data-testid="response-approve">
              {t('response.approve')}
            </Button>
          </>
        )}
        <Button danger onClick={() => act.mutate('reject')} data-testid="response-reject">
          {t('response.reject')}
        </Button>
      </Space>
    </Card>
  );
}

function FileButton({ change }: { change: Change }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const file = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/response-level-changes/{id}/file', { params: { path: { id: change.id } }, body: { reference } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['response-level'] }),
    onError: showError,
  });
  return (
    <Space>
      <Input
        placeholder={t('response.reference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        data-testid="response-reference"
      />
      <Button onClick={() => file.mutate()} disabled={!reference} data-testid="response-file">
        {t('response.file')}
      </Button>
    </Space>
  );
}

/** 应急响应 (issue 13): the level in force, the suggestion with its reasons, the change under way, the measures and the history. */
/** Issues the level's measures that are not yet tasks (a headquarters set up after the approval); never twice. */
function ReissueButton({ jurisdictionId }: { jurisdictionId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const reissue = useMutation({
    mutationFn: () => unwrap(api.POST('/api/response-levels/{id}/measure-tasks', { params: { path: { id: jurisdictionId } } })),
    onSuccess: async (sync) => {
      showSuccess(t('response.reissued', { n: sync.issued.length }));
      await client.invalidateQueries({ queryKey: ['response-level'] });
    },
  });
  return (
    <Button size="small" loading={reissue.isPending} onClick={() => reissue.mutate()} data-testid="response-reissue">
      {t('response.reissue')}
    </Button>
  );
}

export function ResponseLevelsPage() {
  const { t, language } = useI18n();
  const { can } = useSession();
  const { jurisdiction } = useScope();
  const [proposing, setProposing] = useState<{ to?: 'end' } | null>(null);
  const overview = useQuery({
    queryKey: ['response-level', jurisdiction?.id],
    queryFn: () => fetchOverview(jurisdiction?.id ?? ''),
    enabled: Boolean(jurisdiction?.id),
  });
  const data = overview.data;
  if (!data) return <Card loading={overview.isLoading} title={t('menu.responseLevels')} />;
  const unfiled = data.history.find((c) => c.status === 'approved');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="response-page">
      <Card
        title={`${t('menu.responseLevels')} · ${data.jurisdiction.name}`}
        extra={
          can('response.propose') &&
          !data.open && (
            <Button type="primary" onClick={() => setProposing({})} data-testid="response-propose">
              {t('response.propose')}
            </Button>
          )
        }
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('response.current')}>
            <LevelTag level={data.level} /> {data.phase === 'terminated' && t('response.terminated')}
          </Descriptions.Item>
        </Descriptions>
        <Alert
          type={data.suggestion.level ? 'warning' : 'info'}
          data-testid="response-suggestion"
          data-level={data.suggestion.level ?? 'none'}
          message={
            <span>
              {t('response.suggestion')}：
              {data.suggestion.level ? <LevelTag level={data.suggestion.level} /> : t('response.suggestionNone')}
            </span>
          }
          description={<Reasons reasons={data.suggestion.because} testId="suggestion-reasons" />}
        />
        {data.termination && (
          <Alert
            style={{ marginTop: 8 }}
            type={data.termination.proposeNow ? 'success' : 'info'}
            data-testid="response-termination"
            data-propose={data.termination.proposeNow}
            message={`${t('response.termination')}：${
              data.termination.proposeNow
                ? t('response.proposeEndNow')
                : t('response.notEligible', { date: data.termination.eligibleFrom ?? '—' })
            }`}
            description={<Reasons reasons={data.termination.because} testId="termination-reasons" />}
            action={
              data.termination.proposeNow &&
              !data.open &&
              can('response.propose') && (
                <Button size="small" type="primary" onClick={() => setProposing({ to: 'end' })} data-testid="response-propose-end">
                  {t('response.proposeEndAction')}
                </Button>
              )
            }
          />
        )}
      </Card>
      {data.open && <OpenChange change={data.open} />}
      <ReassessmentCard overview={data} />
      {unfiled && can('response.file') && <FileButton change={unfiled} />}
      <Card
        size="small"
        title={t('response.checklist')}
        extra={data.level && can('response.approve') && <ReissueButton jurisdictionId={data.jurisdiction.id} />}
      >
        {data.checklist.length === 0 ? (
          <Empty />
        ) : (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.checklist}
            data-testid="response-checklist"
            columns={[
              { title: 'ID', dataIndex: 'id', width: 110 },
              { title: '', render: (_, m) => <LevelTag level={m.level} />, width: 130 },
              { title: t('response.checklist'), render: (_, m) => (language === 'en' ? m.en : m.zh) },
              { title: t('response.group'), render: (_, m) => (m.group ? (language === 'en' ? m.group.en : m.group.zh) : '—') },
              {
                title: t('response.task'),
                width: 120,
                render: (_, m) =>
                  m.task ? (
                    <Tag color={TASK_STATE_COLORS[m.task.state]} data-testid="measure-task" data-state={m.task.state}>
                      {commandLabel(t, 'task.state', m.task.state)}
                    </Tag>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('response.history')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.history}
          columns={[
            { title: t('response.to'), render: (_, c) => (c.toLevel ? <LevelTag level={c.toLevel} /> : t('response.proposeEnd')) },
            { title: t('response.reason'), dataIndex: 'reason' },
            { title: '', render: (_, c) => t(`response.status.${c.status}` as MessageKey) },
            { title: t('response.reference'), render: (_, c) => c.filingReference ?? '' },
          ]}
        />
      </Card>
      <ProposeModal overview={data} open={proposing !== null} initialTo={proposing?.to} onClose={() => setProposing(null)} />
    </Space>
  );
}
