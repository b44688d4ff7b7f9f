import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

type Arrival = Awaited<ReturnType<typeof fetchArrivals>>['items'][number];

const fetchArrivals = () => unwrap(api.GET('/api/key-persons/expected-arrivals', { params: { query: {} } }));
const STATUS_COLORS: Record<string, string> = { expected: 'blue', arrived: 'green', cancelled: 'default' };

/** SC-13, LVL-IV-09: the persons the police's big-data leads expect, each with the centralized quarantine bed reserved for them. */
export function ExpectedArrivals() {
  const { t } = useI18n();
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
        ]}
      />
    </Card>
  );
}
