import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { ReasonModal } from '../users/reason.modal.tsx';
import { ColourTag, codeStatusLabel } from './code-labels.tsx';
import { CODES_KEY } from './code-panel.tsx';

type Status = 'pending' | 'approved' | 'rejected';

/** Manual colour changes waiting for a second user's approval (the requester cannot approve their own). */
export function CodeChangesPage() {
  const { t } = useI18n();
  const { can, me } = useSession();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>('pending');
  const [rejecting, setRejecting] = useState<string | null>(null);
  const changes = useQuery({
    queryKey: [...CODES_KEY, 'changes', status],
    queryFn: () => unwrap(api.GET('/api/code-changes', { params: { query: { status } } })),
  });
  const done = async (message: MessageKey) => {
    showSuccess(t(message));
    setRejecting(null);
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
  const approver = can('code.approve');
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
          {
            title: t('common.actions'),
            render: (_, c) =>
              c.status === 'pending' && approver && c.requestedBy !== me.id ? (
                <Space>
                  <Button size="small" type="primary" loading={approve.isPending} onClick={() => approve.mutate(c.id)}>
                    {t('code.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => setRejecting(c.id)}>
                    {t('code.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <ReasonModal
        open={rejecting !== null}
        title={t('code.reject')}
        loading={reject.isPending}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) => rejecting && reject.mutate({ id: rejecting, reason })}
      />
    </Card>
  );
}
