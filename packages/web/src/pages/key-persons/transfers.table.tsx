import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { TransferItem } from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReasonModal } from '../users/reason.modal.tsx';
import { categoryLabel } from './key-person-labels.ts';
import { KEY_PERSONS_KEY, useInvalidateKeyPersons } from './key-person-queries.ts';

/** Pending transfers into or out of my scope; the receiving side accepts or returns them with a reason. */
export function TransfersTable() {
  const { t } = useI18n();
  const { me, can } = useSession();
  /** Out of my own scope means it is coming in: only the receiving side decides. */
  const incoming = (row: TransferItem) => !me.roles.some((r) => row.fromJurisdictionPath.startsWith(r.jurisdictionPath));
  const [returning, setReturning] = useState<TransferItem | null>(null);
  const invalidate = useInvalidateKeyPersons();
  const transfers = useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'transfers'],
    queryFn: () => unwrap(api.GET('/api/key-persons/transfers')),
  });
  const accept = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/key-persons/transfers/{id}/accept', { params: { path: { id } }, body: {} })),
    onSuccess: async () => {
      showSuccess(t('keyPerson.transferAccepted'));
      await invalidate();
    },
  });
  const giveBack = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/key-persons/transfers/{id}/return', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setReturning(null);
      showSuccess(t('keyPerson.transferReturnedMsg'));
      await invalidate();
    },
  });
  return (
    <>
      <Table<TransferItem>
        size="small"
        rowKey="id"
        loading={transfers.isFetching}
        dataSource={transfers.data ?? []}
        locale={{ emptyText: t('keyPerson.noTransfers') }}
        pagination={false}
        columns={[
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm') },
          { title: t('person.name'), dataIndex: 'personName' },
          { title: t('person.idNumber'), dataIndex: 'idMasked' },
          { title: t('keyPerson.category'), dataIndex: 'category', render: (c: string) => categoryLabel(t, c) },
          { title: t('common.reason'), dataIndex: 'reason' },
          ...(can('keyPerson.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, row: TransferItem) =>
                    incoming(row) && (
                      <Space size={0}>
                        <Button type="link" size="small" loading={accept.isPending} onClick={() => accept.mutate(row.id)}>
                          {t('keyPerson.transferAccept')}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => setReturning(row)}>
                          {t('keyPerson.transferReturn')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <ReasonModal
        open={returning !== null}
        title={t('keyPerson.transferReturn')}
        loading={giveBack.isPending}
        onCancel={() => setReturning(null)}
        onSubmit={(reason) => returning && giveBack.mutate({ id: returning.id, reason })}
      />
    </>
  );
}
