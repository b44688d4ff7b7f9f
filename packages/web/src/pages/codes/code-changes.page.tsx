import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { useApprovalActions } from '../../components/approval-actions.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { ColourTag, codeStatusLabel } from './code-labels.tsx';
import { CODES_KEY } from './code-panel.tsx';

type Status = 'pending' | 'approved' | 'rejected';

/** Manual colour changes waiting for a second user's approval (the requester cannot approve their own). */
export function CodeChangesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('pending');
  const changes = useQuery({
    queryKey: [...CODES_KEY, 'changes', status],
    queryFn: () => unwrap(api.GET('/api/code-changes', { params: { query: { status } } })),
  });
  const done = async (message: MessageKey) => {
    showSuccess(t(message));
    await client.invalidateQueries({ queryKey: CODES_KEY });
  };
  const approve = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/code-changes/{id}/approve', { params: { path: { id } }, body: {} })),
    onSuccess: () => done('code.approved'),
  });
  const reject = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/code-changes/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => done('code.rejected'),
  });
  const decisions = useApprovalActions({
    approver: can('code.approve'),
    labels: { approve: t('code.approve'), reject: t('code.reject') },
    approve,
    reject,
  });
  return (
    <Card
      title={t('menu.codeChanges')}
      extra={
        <Select<Status>
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: codeStatusLabel(t, s) }))}
        />
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={changes.isPending}
        data-testid="code-changes"
        dataSource={changes.data?.items ?? []}
        locale={{ emptyText: t('code.none') }}
        columns={[
          { title: t('code.person'), render: (_, c) => `${c.personName} ${c.idMasked}` },
          {
            title: t('code.change'),
            render: (_, c) => (
              <Space size={4}>
                <ColourTag colour={c.fromColour} t={t} />→<ColourTag colour={c.toColour} t={t} />
              </Space>
            ),
          },
          {
            title: t('code.basisRef'),
            render: (_, c) =>
              `${c.basisKind === 'rule' ? t('code.basisKind.rule') : t('code.basisKind.record')} ${c.basisRef}：${c.basisNote}`,
          },
          { title: t('code.requestedBy'), render: (_, c) => `${c.requestedByName ?? ''} ${formatTime(c.requestedAt, 'MM-DD HH:mm')}` },
          { title: t('code.validUntil'), dataIndex: 'validUntil', render: (v: string | null) => formatTime(v, 'MM-DD HH:mm') },
          { title: t('code.decisionReason'), dataIndex: 'decisionReason' },
          { title: t('common.actions'), render: (_, c) => decisions.actions(c) },
        ]}
      />
      {decisions.modal}
    </Card>
  );
}
