import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { RISK_COLOURS, ZONE_COLOURS, type ZoneMapData } from './zone-api-types.ts';

type MapNode = ZoneMapData['nodes'][number];
type MapZone = ZoneMapData['zones'][number];

/** The zone type drawn on a node: the strictest active zone with a unit inside the node (or over it). */
function zoneOn(node: MapNode, zones: readonly MapZone[]): string | null {
  const order = ['sealed_zone', 'controlled_zone', 'precaution_zone'];
  const types = zones.filter((z) => z.units.some((u) => u.path.startsWith(node.path))).map((z) => z.zoneType);
  return types.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0] ?? null;
}

function Tile({ node, inherited, zones, small }: { node: MapNode; inherited: string | null; zones: readonly MapZone[]; small?: boolean }) {
  const { t } = useI18n();
  const level = node.riskLevel ?? inherited;
  const zone = zoneOn(node, zones);
  const label = `${node.name}${level ? ` · ${t(`zone.risk.${level}` as MessageKey)}` : ''}${zone ? ` · ${t(`zone.type.${zone}` as MessageKey)}` : ''}`;
  return (
    <Tooltip title={label}>
      <div
        data-testid="map-node"
        data-name={node.name}
        data-risk={level ?? 'none'}
        data-zone={zone ?? 'none'}
        style={{
          background: level ? RISK_COLOURS[level] : '#f0f0f0',
          opacity: node.riskLevel || !small ? 1 : 0.75,
          border: zone ? `3px solid ${ZONE_COLOURS[zone]}` : '1px solid #d9d9d9',
          borderRadius: 4,
          padding: small ? 2 : 6,
          minHeight: small ? 18 : undefined,
          fontSize: small ? 10 : 13,
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          textOverflow: 'ellipsis',
          color: level ? '#fff' : undefined,
        }}
      >
        {small ? (zone ? '●' : '') : label}
      </div>
    </Tooltip>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {(['low', 'medium', 'high'] as const).map((level) => (
        <Tag key={level} color={RISK_COLOURS[level]}>
          {t(`zone.risk.${level}`)}
        </Tag>
      ))}
      <Tag>{t('zone.legend.none')}</Tag>
      {Object.entries(ZONE_COLOURS).map(([type, colour]) => (
        <Tag key={type} style={{ border: `2px solid ${colour}`, background: 'transparent' }}>
          {t(`zone.type.${type}` as MessageKey)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * The district as a schematic map (issue 14 part 2): real boundaries are not available offline, so each
 * jurisdiction below the root is a tile of the tree — towns with their villages inside — coloured by its
 * published grade (a village without its own takes its town's), and bordered by the strictest active zone.
 */
export function ZoneMap({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const map = useQuery({
    queryKey: ['zone-map', jurisdictionId],
    queryFn: () => unwrap(api.GET('/api/zone-map', { params: { query: { jurisdictionId } } })),
  });
  const data = map.data;
  if (!data) return <Card loading={map.isLoading} />;
  const top = data.nodes.filter((n) => n.parentId === data.root.id);
  const childrenOf = (id: string) => data.nodes.filter((n) => n.parentId === id);
  return (
    <div data-testid="zone-map">
      <Typography.Paragraph type="secondary">{t('zone.mapNote')}</Typography.Paragraph>
      <Legend />
      {top.length === 0 && <Empty />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 8 }}>
        {top.map((node) => (
          <div key={node.id} style={{ border: '1px solid #eee', borderRadius: 6, padding: 6 }}>
            <Tile node={node} inherited={null} zones={data.zones} />
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(22px, 1fr))', gap: 2, marginTop: 4 }}>
              {childrenOf(node.id).map((child) => (
                <Tile key={child.id} node={child} inherited={node.riskLevel} zones={data.zones} small />
              ))}
            </div>
          </div>
        ))}
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('zone.markers')}
      </Typography.Title>
      {data.markers.length === 0 ? (
        <Typography.Text type="secondary">{t('zone.noMarkers')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data.markers}
          renderItem={(m) => (
            <List.Item>
              {m.name} ({m.lat.toFixed(4)}, {m.lng.toFixed(4)}){' '}
              {m.zoneType && <Tag color={ZONE_COLOURS[m.zoneType]}>{t(`zone.type.${m.zoneType}` as MessageKey)}</Tag>}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
