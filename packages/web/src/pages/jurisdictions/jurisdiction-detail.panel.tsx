import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Space, Statistic, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { JurisdictionNode } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { type ScopedJurisdiction, useScope } from '../../jurisdictions/scope.tsx';
import { fetchChildren } from '../../jurisdictions/use-jurisdiction-tree.ts';
import { PlacesTable } from './places.table.tsx';

interface Props {
  id: string;
  /** Selects another jurisdiction; `parentId` is the node to expand in the tree so it shows. */
  onOpen: (target: ScopedJurisdiction, parentId?: string) => void;
}

function sum(nodes: JurisdictionNode[], pick: (node: JurisdictionNode) => number) {
  return nodes.reduce((total, node) => total + pick(node), 0);
}

export function JurisdictionDetailPanel({ id, onOpen }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const detail = useQuery({
    queryKey: ['jurisdictions', id],
    queryFn: () => unwrap(api.GET('/api/jurisdictions/{id}', { params: { path: { id } } })),
  });
  const children = useQuery({ queryKey: ['jurisdictions', id, 'children'], queryFn: () => fetchChildren(id), staleTime: 60_000 });
  const known = useScope().tree.byId.get(id);
  const rows = children.data ?? [];
  const households = known?.householdCount ?? sum(rows, (n) => n.householdCount);
  const residents = known?.residentCount ?? sum(rows, (n) => n.residentCount);
  const ancestors = [...(detail.data?.ancestors ?? [])].sort((a, b) => a.path.length - b.path.length);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" loading={detail.isPending} data-testid="jurisdiction-detail">
        <Breadcrumb
          data-testid="jurisdiction-breadcrumb"
          items={ancestors.map((a) => ({
            key: a.id,
            title: a.id === id ? a.name : <Typography.Link onClick={() => onOpen(a)}>{a.name}</Typography.Link>,
          }))}
        />
        <Typography.Title level={4} style={{ margin: '12px 0 4px' }} data-testid="jurisdiction-name">
          {detail.data?.name} <Tag color="blue">{labelOf(t, 'jurisdiction.level', detail.data?.level)}</Tag>
        </Typography.Title>
        <Space size={48} wrap>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'code', label: t('jurisdiction.code'), children: detail.data?.code },
              { key: 'path', label: t('jurisdiction.childCount'), children: detail.data ? rows.length : '' },
            ]}
          />
          <Statistic title={t('jurisdiction.householdCount')} value={households} />
          <Statistic title={t('jurisdiction.residentCount')} value={residents} />
        </Space>
      </Card>
      {rows.length > 0 && (
        <Card size="small" title={t('jurisdiction.children')}>
          <Table
            size="small"
            rowKey="id"
            loading={children.isPending}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            onRow={(row) => ({ onClick: () => onOpen(row, id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('place.name'), dataIndex: 'name' },
              { title: t('jurisdiction.code'), dataIndex: 'code' },
              { title: t('jurisdiction.level'), dataIndex: 'level', render: (level: string) => labelOf(t, 'jurisdiction.level', level) },
              { title: t('jurisdiction.householdCount'), dataIndex: 'householdCount', align: 'right' },
              { title: t('jurisdiction.residentCount'), dataIndex: 'residentCount', align: 'right' },
            ]}
          />
        </Card>
      )}
      {/* Lab staff browse jurisdictions without place rights: no places table (it would answer 403). */}
      {can('place.read') && <PlacesTable jurisdictionId={id} />}
    </Space>
  );
}
