import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Descriptions, Drawer, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { ZONE_TAG, type ZoneDetail } from './zone-api-types.ts';

type Item = ZoneDetail['checklist']['items'][number];

function ChecklistItem({ item }: { item: Item }) {
  const { t } = useI18n();
  const facts = Object.fromEntries(Object.entries(item.facts).map(([k, v]) => [k, String(v ?? '—')]));
  return (
    <List.Item data-testid="checklist-item" data-item={item.item} data-holds={String(item.holds)}>
      <Space wrap>
        <Tag color={item.holds ? 'green' : 'red'}>{item.holds ? '✓' : '✗'}</Tag>
        <span>{t(`zone.item.${item.item}` as MessageKey, facts)}</span>
        {item.because.map((b) => (
          <ClauseRef key={b.rule} basis={b} />
        ))}
      </Space>
    </List.Item>
  );
}

function Effects({ zone }: { zone: ZoneDetail }) {
  const { t } = useI18n();
  const effects = zone.effects;
  if (!effects) return null;
  const colour = effects.codeColour.colour;
  return (
    <ul data-testid="zone-effects">
      <li data-testid="effect-pool" data-size={effects.pool.size}>
        {t('zone.effect.pool', { size: effects.pool.size })}
      </li>
      <li data-testid="effect-code" data-colour={colour ?? 'none'}>
        {colour ? t('zone.effect.code', { colour: t(`zone.colour.${colour}` as MessageKey) }) : t('zone.effect.codeNone')}
      </li>
      <li data-testid="effect-pass" data-goes-out={String(effects.pass.goesOut)}>
        {effects.pass.goesOut ? t('zone.effect.passOut') : t('zone.effect.passIn')}
      </li>
    </ul>
  );
}

/** SC-24: the residents the active search lists (symptoms within the window before the zone was drawn), names masked. */
function ActiveSearch({ zone }: { zone: ZoneDetail }) {
  const { t } = useI18n();
  const search = zone.activeSearch;
  return (
    <>
      <Typography.Title level={5}>
        {t('zone.activeSearch', { days: search.withinDays })}{' '}
        {search.because.map((b) => (
          <ClauseRef key={b.rule} basis={b} />
        ))}
      </Typography.Title>
      <List
        size="small"
        data-testid="zone-active-search"
        dataSource={search.items}
        locale={{ emptyText: t('zone.activeSearch.none') }}
        renderItem={(item) => (
          <List.Item>
            {item.name} · {item.reportedOn} · {item.symptoms.map((s) => t(`zone.symptom.${s}` as MessageKey)).join('、')}
          </List.Item>
        )}
      />
    </>
  );
}

function LiftControls({ zone }: { zone: ZoneDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const lift = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/control-zones/{id}/lift', { params: { path: { id: zone.id } }, body: override ? { override, reason } : {} })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['control-zones'] });
      client.invalidateQueries({ queryKey: ['control-zone', zone.id] });
      client.invalidateQueries({ queryKey: ['zone-map'] });
      showSuccess(t('zone.lifted.ok'));
    },
    onError: showError,
  });
  if (zone.status !== 'active' || !can('zone.lift')) return null;
  const holds = zone.checklist.holds;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!holds && can('zone.override') && (
        <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} data-testid="zone-override">
          {t('zone.override')}
        </Checkbox>
      )}
      {override && (
        <Input.TextArea rows={2} placeholder={t('zone.overrideReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      )}
      <Button
        type="primary"
        danger
        disabled={!holds && !override}
        loading={lift.isPending}
        onClick={() => lift.mutate()}
        data-testid="zone-lift"
      >
        {t('zone.lift')}
      </Button>
    </Space>
  );
}

/** A zone: its units and basis, the residents, the lifting checklist as it stands today, its effects, and lifting. */
export function ZoneDetailDrawer({ zoneId, onClose }: { zoneId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['control-zone', zoneId],
    enabled: zoneId !== null,
    queryFn: () => unwrap(api.GET('/api/control-zones/{id}', { params: { path: { id: zoneId ?? '' } } })),
  });
  const zone = detail.data;
  return (
    <Drawer open={zoneId !== null} width={640} onClose={onClose} title={zone?.name} destroyOnHidden>
      {zone && (
        <div data-testid="zone-detail" data-status={zone.status}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('zone.type')}>
              <Tag color={ZONE_TAG[zone.zoneType]}>{t(`zone.type.${zone.zoneType}` as MessageKey)}</Tag>
              {t(`zone.kind.${zone.kind}` as MessageKey)}
            </Descriptions.Item>
            <Descriptions.Item label={t('zone.units')}>
              {zone.units.map((u) => `${t(`zone.unitKind.${u.kind}` as MessageKey)}：${u.name}`).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('zone.basisKind')}>
              {t(`zone.basisKind.${zone.basisKind}` as MessageKey)} · {zone.basisRef} · {zone.basisNote}
            </Descriptions.Item>
            <Descriptions.Item label={t('zone.startAt')}>{formatTime(zone.startAt)}</Descriptions.Item>
            <Descriptions.Item label={t('zone.residents')}>
              <span data-testid="zone-residents">{zone.residents}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('zone.status')}>
              {t(`zone.status.${zone.status}` as MessageKey)}
              {zone.liftOverride && ` · ${t('zone.overridden')}：${zone.overrideReason ?? ''}`}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('zone.checklist')}
          </Typography.Title>
          <Alert
            type={zone.checklist.holds ? 'success' : 'warning'}
            message={zone.checklist.holds ? t('zone.checklistHolds') : t('zone.checklistNotYet')}
            data-testid="zone-checklist"
            data-holds={String(zone.checklist.holds)}
          />
          <List size="small" dataSource={zone.checklist.items} renderItem={(item) => <ChecklistItem item={item} />} />
          <Typography.Title level={5}>{t('zone.effects')}</Typography.Title>
          <Effects zone={zone} />
          <ActiveSearch zone={zone} />
          <LiftControls zone={zone} />
        </div>
      )}
    </Drawer>
  );
}
