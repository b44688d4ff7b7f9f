import { useQuery } from '@tanstack/react-query';
import { Button, Input, message, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.zh-CN.ts';
import { useHouseholds } from '../checkpoints/checkpoint-queries.ts';
import { COMMUNITY_KEY, useRefreshCommunity } from './community-queries.ts';

const STATUS_COLOUR: Record<string, string> = { requested: 'orange', delivered: 'green', cancelled: 'default' };

/** Necessities for sealed households, bought on their behalf and delivered without contact (COMM-022). */
export function SuppliesTab({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [q, setQ] = useState('');
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [items, setItems] = useState('');
  const households = useHouseholds(q);
  const list = useQuery({
    queryKey: [...COMMUNITY_KEY, 'supplies', communityId],
    queryFn: () => unwrap(api.GET('/api/community/supply-requests', { params: { query: { jurisdictionId: communityId } } })),
  });
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const request = () =>
    act(async () => {
      await unwrap(api.POST('/api/community/supply-requests', { body: { householdId: householdId ?? '', items } }));
      setItems('');
      setHouseholdId(null);
    });
  const close = (id: string, to: 'deliver' | 'cancel') =>
    act(() =>
      to === 'deliver'
        ? unwrap(api.POST('/api/community/supply-requests/{id}/deliver', { params: { path: { id } }, body: {} }))
        : unwrap(api.POST('/api/community/supply-requests/{id}/cancel', { params: { path: { id } }, body: {} })),
    );
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          style={{ minWidth: 300 }}
          value={householdId}
          placeholder={t('community.supply.household')}
          onChange={setHouseholdId}
          showSearch={{ filterOption: false, onSearch: setQ }}
          options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.code}）` }))}
        />
        <Input style={{ width: 260 }} value={items} placeholder={t('community.supply.items')} onChange={(e) => setItems(e.target.value)} />
        <Button type="primary" disabled={!householdId || !items.trim()} onClick={request}>
          {t('community.supply.request')}
        </Button>
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="supplies-table"
        columns={[
          { title: t('community.supply.household'), render: (_, s) => s.householdName ?? s.householdCode },
          { title: t('community.supply.items'), dataIndex: 'items' },
          {
            title: t('community.supply.status'),
            render: (_, s) => <Tag color={STATUS_COLOUR[s.status]}>{t(`community.supply.status.${s.status}` as MessageKey)}</Tag>,
          },
          {
            title: '',
            render: (_, s) =>
              s.status === 'requested' && (
                <Space>
                  <Button size="small" type="primary" onClick={() => close(s.id, 'deliver')}>
                    {t('community.supply.deliver')}
                  </Button>
                  <Button size="small" onClick={() => close(s.id, 'cancel')}>
                    {t('community.supply.cancel')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
