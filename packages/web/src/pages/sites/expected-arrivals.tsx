import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

type Arrival = Awaited<ReturnType<typeof fetchArrivals>>['items'][number];

const fetchArrivals = () => unwrap(api.GET('/api/key-persons/expected-arrivals', { params: { query: {} } }));
const STATUS_COLORS: Record<string, string> = { expected: 'blue', arrived: 'green', cancelled: 'default' };

/** SC-13: on arrival the person goes into the bed reserved for them; a reservation not needed is cancelled with its reason. */
function ArrivalActions({ arrival }: { arrival: Arrival }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['expected-arrivals'] });
  const path = { params: { path: { id: arrival.id } } };
  const arrived = useMutation({
    mutationFn: () => unwrap(api.POST('/api/key-persons/expected-arrivals/{id}/arrived', path)),
    onSuccess: () => {
      showSuccess(t('site.arrivals.arrivedDone'));
      void queryClient.invalidateQueries();
    },
    onError: showError,
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.POST('/api/key-persons/expected-arrivals/{id}/cancel', { ...path, body: { reason } })),
    onSuccess: () => {
      setCancelling(false);
      void refresh();
    },
    onError: showError,
  });
  if (arrival.episodeId) return <Link to={`/key-persons?episode=${arrival.episodeId}`}>{t('site.arrivals.episode')}</Link>;
  if (arrival.status !== 'expected') return arrival.cancelReason ?? null;
  return (
    <Space>
      <Button size="small" type="primary" loading={arrived.isPending} onClick={() => arrived.mutate()} data-testid="arrival-arrived">
        {t('site.arrivals.arrived')}
      </Button>
      <Button size="small" onClick={() => setCancelling(true)} data-testid="arrival-cancel">
        {t('site.arrivals.cancel')}
      </Button>
      <Modal
        open={cancelling}
        title={t('site.arrivals.cancel')}
        onCancel={() => setCancelling(false)}
        onOk={() => cancel.mutate()}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={cancel.isPending}
      >
        <Input placeholder={t('site.arrivals.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
      </Modal>
    </Space>
  );
}

/** SC-13, LVL-IV-09: the persons the police's big-data leads expect, each with the centralized quarantine bed reserved for them. */
export function ExpectedArrivals() {
  const { t } = useI18n();
  const { can } = useSession();
  const arrivals = useQuery({ queryKey: ['expected-arrivals'], queryFn: fetchArrivals });
  return (
    <Card size="small" title={t('site.arrivals')} style={{ marginTop: 16 }}>
      <Table<Arrival>
        rowKey="id"
        size="small"
        loading={arrivals.isFetching}
        dataSource={arrivals.data?.items ?? []}
        locale={{ emptyText: t('site.arrivals.none') }}
        pagination={{ pageSize: 20 }}
        data-testid="expected-arrivals"
        columns={[
          { title: t('site.arrivals.name'), dataIndex: 'name' },
          { title: t('site.arrivals.id'), dataIndex: 'idMasked' },
          { title: t('site.arrivals.origin'), dataIndex: 'origin' },
          { title: t('site.arrivals.date'), dataIndex: 'expectedArrivalDate' },
          { title: t('site.arrivals.bed'), key: 'bed', render: (_, a) => `${a.siteName} · ${a.roomCode}` },
          { title: t('site.arrivals.feed'), dataIndex: 'feedReference', ellipsis: true },
          {
            title: t('site.arrivals.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={STATUS_COLORS[v]}>{t(`site.arrivals.status.${v}` as MessageKey)}</Tag>,
          },
          ...(can('keyPerson.write')
            ? [{ title: t('site.arrivals.actions'), key: 'actions', render: (_: unknown, a: Arrival) => <ArrivalActions arrival={a} /> }]
            : []),
        ]}
      />
    </Card>
  );
}
