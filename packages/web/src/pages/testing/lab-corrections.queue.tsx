import { useMutation, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { useApprovalActions } from '../../components/approval-actions.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { testingLabel, useInvalidateTesting } from './testing-queries.ts';

type Status = 'pending' | 'approved' | 'rejected';
export const CORRECTIONS_KEY = ['testing', 'corrections'] as const;
const RESULT_COLOUR: Record<string, string> = { negative: 'green', positive: 'red', indeterminate: 'orange' };

function listCorrections(status: Status) {
  return unwrap(api.GET('/api/testing/lab-result-corrections', { params: { query: { status } } }));
}

const STATUS_KEYS = {
  pending: 'testing.correction.status.pending',
  approved: 'testing.correction.status.approved',
  rejected: 'testing.correction.status.rejected',
} as const;

export const correctionStatusLabel = (t: Translate, status: string) => (status in STATUS_KEYS ? t(STATUS_KEYS[status as Status]) : status);

export function ResultTag({ t, result }: { t: Translate; result: string | null | undefined }) {
  return result ? <Tag color={RESULT_COLOUR[result]}>{testingLabel(t, 'result', result)}</Tag> : <span>—</span>;
}

/** "tasks opened 10, closed 0, alerts 1, handed over 0" from what an approval recorded. */
function followUpText(t: Translate, followUp: Record<string, unknown> | null): string {
  if (!followUp) return '';
  const n = (key: string) => (typeof followUp[key] === 'number' ? (followUp[key] as number) : 0);
  return t('testing.correction.followUpSummary', {
    opened: n('controlTasks') + n('caseCandidates'),
    closed: n('closedTasks'),
    alerts: n('alerts') + n('episodeAlerts'),
    keyPersons: n('keyPersons'),
  });
}

/** The corrections in my scope: pending ones for approvers to decide (never their own), decided ones with what they set off. */
export function LabCorrectionsQueue() {
  const { t } = useI18n();
  const { can } = useSession();
  const invalidate = useInvalidateTesting();
  const [status, setStatus] = useState<Status>('pending');
  const corrections = useQuery({ queryKey: [...CORRECTIONS_KEY, status], queryFn: () => listCorrections(status) });
  const approve = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/testing/lab-result-corrections/{id}/approve', { params: { path: { id } }, body: {} })),
    onSuccess: async () => {
      showSuccess(t('testing.correction.approved'));
      await invalidate();
    },
  });
  const reject = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/testing/lab-result-corrections/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      showSuccess(t('testing.correction.rejected'));
      await invalidate();
    },
  });
  const decisions = useApprovalActions({
    approver: can('testing.manage'),
    labels: { approve: t('testing.correction.approve'), reject: t('testing.correction.reject') },
    approve,
    reject,
  });
  return (
    <Card
      title={t('testing.correction.queue')}
      extra={
        <Select<Status>
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          data-testid="correction-status"
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: correctionStatusLabel(t, s) }))}
        />
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={corrections.isPending}
        data-testid="correction-queue"
        dataSource={corrections.data?.items ?? []}
        locale={{ emptyText: t('testing.correction.none') }}
        columns={[
          { title: t('testing.barcode'), dataIndex: 'barcode' },
          {
            title: t('testing.correction.change'),
            render: (_, c) => (
              <Space size={4}>
                <ResultTag t={t} result={c.previousResult} />→<ResultTag t={t} result={c.newResult} />
              </Space>
            ),
          },
          {
            title: t('testing.correction.reason'),
            render: (_, c) => (
              <span>
                {c.reason}
                {c.labReference && <Typography.Text type="secondary">（{c.labReference}）</Typography.Text>}
              </span>
            ),
          },
          {
            title: t('testing.correction.requestedBy'),
            render: (_, c) => `${c.requestedByName} ${formatTime(c.requestedAt, 'MM-DD HH:mm')}`,
          },
          {
            title: t('testing.correction.decidedBy'),
            render: (_, c) => (c.decidedByName ? `${c.decidedByName} ${formatTime(c.decidedAt, 'MM-DD HH:mm')}` : ''),
          },
          { title: t('testing.correction.decisionReason'), dataIndex: 'decisionReason' },
          { title: t('testing.correction.followUp'), render: (_, c) => followUpText(t, c.followUp) },
          { title: t('common.actions'), render: (_, c) => decisions.actions(c) },
        ]}
      />
      {decisions.modal}
    </Card>
  );
}
