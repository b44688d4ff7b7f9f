import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import type { Suggestion } from './zone-api-types.ts';
import { ZoneReasons } from './zone-reasons.tsx';

const KINDS = ['outbreak_spot', 'outbreak_zone', 'control_area'] as const;
const TYPES = ['sealed_zone', 'controlled_zone', 'precaution_zone'] as const;
const OUTBREAKS = ['sporadic', 'cluster', 'transmission'] as const;
const BASES = ['case', 'cluster', 'decision'] as const;
type UnitKind = 'jurisdiction' | 'grid' | 'building' | 'unit';
interface Unit {
  kind: UnitKind;
  id: string;
  name: string;
}
interface Values {
  name: string;
  kind: (typeof KINDS)[number];
  zoneType: (typeof TYPES)[number];
  outbreakType?: (typeof OUTBREAKS)[number];
  basisKind: (typeof BASES)[number];
  caseId?: string;
  basisRef: string;
  basisNote: string;
}

function useCaseOptions() {
  return useQuery({
    queryKey: ['zone-cases'],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { pageSize: 100, status: 'open' } } })),
  });
}

function BuildingSearch({ onPick }: { onPick: (unit: Unit) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['zone-buildings', q],
    enabled: q.length > 0,
    queryFn: () => unwrap(api.GET('/api/places', { params: { query: { q, kind: 'building', pageSize: 20 } } })),
  });
  return (
    <Select
      showSearch
      filterOption={false}
      style={{ width: 320 }}
      placeholder={t('zone.searchBuilding')}
      onSearch={setQ}
      value={null}
      data-testid="zone-building-search"
      onChange={(id: string) => {
        const place = found.data?.items.find((p) => p.id === id);
        if (place) onPick({ kind: 'building', id, name: place.address ?? place.name });
      }}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.address ?? p.name}（${p.jurisdictionName}）` }))}
    />
  );
}

/** 划定区域: a zone over minimum control units with its basis; from a case, the outbreak type suggests the spot or zone (ZONE-004). */
export function DrawZoneModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [units, setUnits] = useState<Unit[]>([]);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const cases = useCaseOptions();
  const client = useQueryClient();
  const suggest = useMutation({
    mutationFn: (q: { caseId: string; outbreakType: (typeof OUTBREAKS)[number] }) =>
      unwrap(api.GET('/api/control-zones/suggestion', { params: { query: q } })),
    onSuccess: (s) => {
      setSuggestion(s);
      form.setFieldsValue({ kind: s.kind as Values['kind'], zoneType: s.zoneType as Values['zoneType'] });
      if (s.unit) setUnits([{ kind: s.unit.kind, id: s.unit.id, name: s.unitName ?? s.unit.id }]);
    },
    onError: showError,
  });
  const draw = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.POST('/api/control-zones', { body: { ...values, units: units.map(({ kind, id }) => ({ kind, id })) } })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['control-zones'] });
      client.invalidateQueries({ queryKey: ['zone-map'] });
      showSuccess(t('zone.drawn.ok'));
      setUnits([]);
      setSuggestion(null);
      form.resetFields();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['name', 'basisRef', 'basisNote', 'caseId', 'kind', 'zoneType']),
  });
  const askSuggestion = () => {
    const { caseId, outbreakType } = form.getFieldsValue();
    if (caseId && outbreakType) suggest.mutate({ caseId, outbreakType });
  };
  return (
    <Modal
      open={open}
      width={720}
      title={t('zone.draw')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'zone-draw-ok', disabled: units.length === 0 }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ basisKind: 'case', kind: 'outbreak_spot', zoneType: 'sealed_zone' }}
        onFinish={(v) => draw.mutate(v)}
      >
        <Form.Item name="name" label={t('zone.name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={100} data-testid="zone-name" />
        </Form.Item>
        <Space wrap align="end">
          <Form.Item name="basisKind" label={t('zone.basisKind')}>
            <Select style={{ width: 160 }} options={BASES.map((b) => ({ value: b, label: t(`zone.basisKind.${b}`) }))} />
          </Form.Item>
          <Form.Item name="caseId" label={t('zone.case')}>
            <Select
              allowClear
              style={{ width: 260 }}
              data-testid="zone-case"
              onChange={(id: string | undefined) => {
                const found = cases.data?.items.find((c) => c.id === id);
                if (found) form.setFieldsValue({ basisRef: `${found.caseNumber} ${found.name}` });
              }}
              options={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.name}` }))}
            />
          </Form.Item>
          <Form.Item name="outbreakType" label={t('zone.outbreakType')}>
            <Select
              allowClear
              style={{ width: 140 }}
              data-testid="zone-outbreak"
              options={OUTBREAKS.map((o) => ({ value: o, label: t(`zone.outbreakType.${o}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Button onClick={askSuggestion} loading={suggest.isPending} data-testid="zone-suggest">
              {t('zone.suggest')}
            </Button>
          </Form.Item>
        </Space>
        {suggestion && <ZoneReasons reasons={suggestion.because} />}
        <Space wrap>
          <Form.Item name="kind" label={t('zone.kind')}>
            <Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: t(`zone.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="zoneType" label={t('zone.type')}>
            <Select style={{ width: 160 }} data-testid="zone-type" options={TYPES.map((z) => ({ value: z, label: t(`zone.type.${z}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('zone.units')} required>
          <Space direction="vertical">
            <Space wrap data-testid="zone-units">
              {units.map((u) => (
                <Tag key={u.id} closable onClose={() => setUnits(units.filter((x) => x.id !== u.id))} data-testid="zone-unit">
                  {t(`zone.unitKind.${u.kind}` as MessageKey)}：{u.name}
                </Tag>
              ))}
            </Space>
            <BuildingSearch onPick={(u) => setUnits(units.some((x) => x.id === u.id) ? units : [...units, u])} />
          </Space>
        </Form.Item>
        <Form.Item name="basisRef" label={t('zone.basisRef')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} data-testid="zone-basis-ref" />
        </Form.Item>
        <Form.Item name="basisNote" label={t('zone.basisNote')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="zone-basis-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
