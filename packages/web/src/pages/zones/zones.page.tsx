import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { DrawZoneModal } from './draw-zone.modal.tsx';
import { RiskAreasTab } from './risk-areas.tab.tsx';
import { ZONE_TAG } from './zone-api-types.ts';
import { ZoneDetailDrawer } from './zone-detail.drawer.tsx';
import { ZoneMap } from './zone-map.tsx';

function ControlZonesTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [drawing, setDrawing] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const zones = useQuery({ queryKey: ['control-zones'], queryFn: () => unwrap(api.GET('/api/control-zones', { params: { query: {} } })) });
  return (
    <>
      {can('zone.write') && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setDrawing(true)} data-testid="zone-draw">
          {t('zone.draw')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={zones.isFetching}
        dataSource={zones.data?.items ?? []}
        onRow={(zone) =>
          ({
            onClick: () => setOpened(zone.id),
            'data-testid': 'zone-row',
            'data-name': zone.name,
            style: { cursor: 'pointer' },
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('zone.name'), dataIndex: 'name' },
          {
            title: t('zone.type'),
            render: (_, z) => <Tag color={ZONE_TAG[z.zoneType]}>{t(`zone.type.${z.zoneType}` as MessageKey)}</Tag>,
          },
          { title: t('zone.kind'), render: (_, z) => t(`zone.kind.${z.kind}` as MessageKey) },
          { title: t('zone.units'), render: (_, z) => z.units.map((u) => u.name).join('；') },
          { title: t('zone.startAt'), render: (_, z) => formatTime(z.startAt) },
          {
            title: t('zone.status'),
            render: (_, z) => <span data-testid="zone-status">{t(`zone.status.${z.status}` as MessageKey)}</span>,
          },
        ]}
      />
      <DrawZoneModal open={drawing} onClose={() => setDrawing(false)} />
      <ZoneDetailDrawer zoneId={opened} onClose={() => setOpened(null)} />
    </>
  );
}

/** 风险区域 (issue 14): the district map, the risk grades with their reasons and publication, and the control zones. */
export function ZonesPage() {
  const { t } = useI18n();
  return (
    <Card title={t('menu.zones')}>
      <Tabs
        items={[
          { key: 'map', label: <span data-testid="zones-tab-map">{t('zone.tab.map')}</span>, children: <ZoneMap /> },
          { key: 'risk', label: <span data-testid="zones-tab-risk">{t('zone.tab.risk')}</span>, children: <RiskAreasTab /> },
          { key: 'zones', label: <span data-testid="zones-tab-zones">{t('zone.tab.zones')}</span>, children: <ControlZonesTab /> },
        ]}
      />
    </Card>
  );
}
