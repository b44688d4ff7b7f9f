import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Progress, Space, Spin, Table, Tag } from 'antd';
import { useState } from 'react';
import type { SiteDetail, SiteItem } from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSite, useSites } from '../key-persons/key-person-queries.ts';
import { AddRoomsModal } from './add-rooms.modal.tsx';
import { ExpectedArrivals } from './expected-arrivals.tsx';

type Capacity = Pick<SiteItem, 'ratio' | 'alert' | 'full' | 'noRooms'>;

/** Occupancy as a bar: red from 90 % (the capacity alert), with a tag when full. */
function Occupancy({ site }: { site: Capacity }) {
  const { t } = useI18n();
  if (site.noRooms) {
    return (
      <Tag data-testid="site-occupancy" data-alert="false" data-no-rooms="true">
        {t('site.noRooms')}
      </Tag>
    );
  }
  return (
    <Space size={4} style={{ width: '100%' }} data-testid="site-occupancy" data-alert={site.alert ? 'true' : 'false'}>
      <Progress
        percent={Math.round(site.ratio * 100)}
        size="small"
        status={site.alert ? 'exception' : 'normal'}
        strokeColor={site.alert ? '#cf1322' : undefined}
        style={{ width: 140, margin: 0 }}
      />
      {site.full ? <Tag color="red">{t('site.full')}</Tag> : site.alert ? <Tag color="red">{t('site.alert')}</Tag> : null}
    </Space>
  );
}

type Room = SiteDetail['rooms'][number];

function SiteDrawer({ siteId, onClose }: { siteId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const site = useSite(siteId);
  const [adding, setAdding] = useState(false);
  const data = site.data && site.data.id === siteId ? site.data : null;
  return (
    <Drawer
      open={siteId !== null}
      onClose={onClose}
      size={720}
      title={data?.name ?? t('site.detail')}
      destroyOnHidden
      data-testid="site-drawer"
    >
      {data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'address', label: t('site.address'), span: 2, children: data.address ?? '—' },
              { key: 'beds', label: t('site.beds'), children: data.beds },
              { key: 'occupied', label: t('site.occupied'), children: data.occupied },
              { key: 'free', label: t('site.free'), children: data.free },
              { key: 'ratio', label: t('site.ratio'), children: <Occupancy site={data} /> },
            ]}
          />
          {can('site.manage') && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="site-add-rooms">
              {t('site.addRooms')}
            </Button>
          )}
          <Table<Room>
            size="small"
            rowKey="id"
            dataSource={data.rooms}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="site-rooms"
            columns={[
              { title: t('site.room'), dataIndex: 'code' },
              { title: t('site.beds'), dataIndex: 'beds' },
              {
                title: t('site.occupied'),
                dataIndex: 'occupied',
                render: (occupied: number, room) => (
                  <span style={occupied >= room.beds ? { color: '#cf1322' } : undefined}>{occupied}</span>
                ),
              },
            ]}
          />
          <AddRoomsModal siteId={data.id} open={adding} onClose={() => setAdding(false)} />
        </Space>
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}

/** Quarantine sites in my scope with beds and occupancy; a site opens with its rooms. */
export function SitesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const sites = useSites();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Card title={t('menu.sites')}>
      <Table<SiteItem>
        rowKey="id"
        size="middle"
        loading={sites.isFetching}
        dataSource={sites.data ?? []}
        locale={{ emptyText: t('site.none') }}
        pagination={false}
        data-testid="sites-table"
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('site.name'), dataIndex: 'name', render: (name: string) => <span data-testid="site-row-name">{name}</span> },
          { title: t('site.address'), dataIndex: 'address', ellipsis: true },
          { title: t('site.rooms'), dataIndex: 'rooms' },
          { title: t('site.beds'), dataIndex: 'beds' },
          { title: t('site.occupied'), dataIndex: 'occupied' },
          { title: t('site.free'), dataIndex: 'free' },
          { title: t('site.ratio'), key: 'ratio', width: 260, render: (_, row) => <Occupancy site={row} /> },
        ]}
      />
      <SiteDrawer siteId={openId} onClose={() => setOpenId(null)} />
      {can('keyPerson.read') && <ExpectedArrivals />}
    </Card>
  );
}
