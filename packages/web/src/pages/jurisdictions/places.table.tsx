import { PLACE_KINDS } from '@fangkong/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PlaceItem } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';

type PlaceKind = (typeof PLACE_KINDS)[number];
const PAGE_SIZE = 10;

function HouseholdMembers({ placeId }: { placeId: string }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['places', placeId],
    queryFn: () => unwrap(api.GET('/api/places/{id}', { params: { path: { id: placeId } } })),
  });
  return (
    <Table
      size="small"
      rowKey="id"
      loading={detail.isPending}
      dataSource={detail.data?.members ?? []}
      pagination={false}
      locale={{ emptyText: t('common.none') }}
      columns={[
        { title: t('person.name'), dataIndex: 'name' },
        {
          title: t('person.householdRole'),
          dataIndex: 'householdRole',
          render: (role: string | null) => labelOf(t, 'person.householdRole', role),
        },
        { title: t('person.idNumber'), dataIndex: 'idMasked' },
      ]}
    />
  );
}

/** The places under a jurisdiction (its whole subtree), filterable by kind and name; a household opens to its members. */
export function PlacesTable({ jurisdictionId }: { jurisdictionId: string }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PlaceKind | undefined>(undefined);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const places = useQuery({
    queryKey: ['places', { jurisdictionId, kind, q, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/places', {
          params: { query: { jurisdictionId, page, pageSize: PAGE_SIZE, ...(kind ? { kind } : {}), ...(q ? { q } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      size="small"
      title={t('jurisdiction.places')}
      extra={
        <Space>
          <Select<PlaceKind>
            allowClear
            style={{ width: 160 }}
            placeholder={t('place.allKinds')}
            value={kind}
            onChange={(value) => {
              setKind(value);
              setPage(1);
            }}
            options={PLACE_KINDS.map((k) => ({ value: k, label: labelOf(t, 'place.kind', k) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('place.searchPlaceholder')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
        </Space>
      }
    >
      <Table<PlaceItem>
        size="small"
        rowKey="id"
        data-testid="places-table"
        loading={places.isFetching}
        dataSource={places.data?.items ?? []}
        expandable={{
          rowExpandable: (row) => row.kind === 'household',
          expandedRowRender: (row) => <HouseholdMembers placeId={row.id} />,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: places.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('place.name'), dataIndex: 'name' },
          { title: t('place.kind'), dataIndex: 'kind', render: (value: string) => <Tag>{labelOf(t, 'place.kind', value)}</Tag> },
          { title: t('place.code'), dataIndex: 'code' },
          { title: t('jurisdiction.jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('place.address'), dataIndex: 'address', ellipsis: true },
        ]}
      />
    </Card>
  );
}
