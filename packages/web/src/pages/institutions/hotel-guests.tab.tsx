import { ID_TYPES } from '@fangkong/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { riskPlaceOptions, useRiskPlaces } from '../community/community-queries.ts';
import { INSTITUTION_KEY, useInstitutions, useInvalidateInstitutions } from './institution-queries.ts';

const key = (k: string) => k as MessageKey;
const GUEST_FIELDS = ['name', 'idType', 'idNumber', 'phone', 'fromPlace', 'fromJurisdictionId', 'checkInOn'] as const;
type GuestInput = {
  name: string;
  idType: (typeof ID_TYPES)[number];
  idNumber: string;
  phone?: string;
  fromPlace: string;
  fromJurisdictionId?: string;
};

/** A stated purpose, then the one record in full: every view is audited on the server (PUB-007). */
export function RevealButton({ reveal, testId }: { reveal: (purpose: string) => Promise<string>; testId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [full, setFull] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => reveal(purpose.trim()),
    onSuccess: (text) => {
      setFull(text);
      setOpen(false);
    },
    onError: showError,
  });
  if (full) return <span data-testid={`${testId}-full`}>{full}</span>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={testId}>
        {t('records.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('records.reveal')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            disabled={purpose.trim().length < 2}
            loading={run.isPending}
            onClick={() => run.mutate()}
            data-testid={`${testId}-ok`}
          >
            {t('records.reveal')}
          </Button>,
        ]}
      >
        <Input
          placeholder={t('records.reveal.purpose')}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          data-testid={`${testId}-purpose`}
        />
      </Modal>
    </>
  );
}

function GuestForm({ hotelId }: { hotelId: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<GuestInput>();
  // PUB-007: a guest from a published risk area is reported to the community (the server grades the place).
  const riskPlaces = useRiskPlaces();
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: (v: GuestInput) =>
      unwrap(
        api.POST('/api/institutions/{id}/guests', {
          params: { path: { id: hotelId } },
          body: { ...v, phone: v.phone || undefined, fromJurisdictionId: v.fromJurisdictionId || undefined },
        }),
      ),
    onSuccess: (g) => {
      showSuccess(g.keyArea ? t('records.guest.reported') : t('records.guest.registered'));
      form.resetFields();
      void invalidate();
    },
    onError: (e) => applyFormError(form, e, GUEST_FIELDS),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ idType: 'resident_id' }}
      onFinish={(v) => save.mutate(v)}
      style={{ marginBottom: 12, rowGap: 8 }}
      data-testid="guest-form"
    >
      <Form.Item name="name" label={t('records.guest.name')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 100 }} data-testid="guest-name" />
      </Form.Item>
      <Form.Item name="idType" label={t('records.guest.idType')}>
        <Select style={{ width: 120 }} options={ID_TYPES.map((v) => ({ value: v, label: t(key(`records.guest.idType.${v}`)) }))} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('records.guest.idNumber')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 190 }} data-testid="guest-id" />
      </Form.Item>
      <Form.Item name="phone" label={t('records.guest.phone')}>
        <Input style={{ width: 130 }} data-testid="guest-phone" />
      </Form.Item>
      <Form.Item name="fromJurisdictionId" label={t('records.guest.fromRiskArea')}>
        <Select
          allowClear
          style={{ width: 170 }}
          data-testid="guest-from-risk-area"
          options={riskPlaceOptions(t, riskPlaces.data?.items)}
          onChange={(value?: string) => {
            const name = riskPlaces.data?.items.find((p) => p.jurisdictionId === value)?.name;
            if (name && !form.getFieldValue('fromPlace')) form.setFieldValue('fromPlace', name);
          }}
        />
      </Form.Item>
      <Form.Item name="fromPlace" label={t('records.guest.fromPlace')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 120 }} data-testid="guest-from" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="guest-submit">
        {t('records.guest.register')}
      </Button>
    </Form>
  );
}

/** PUB-007: the hotels in scope, their guests masked, a guest in full only with a purpose (audited). */
export function HotelGuestsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const places = useInstitutions('public_place');
  const hotels = (places.data?.items ?? []).filter((p) => p.profile.venueType === 'hotel');
  const [chosen, setChosen] = useState<string | null>(null);
  const hotelId = chosen ?? hotels[0]?.id ?? null;
  const guests = useQuery({
    queryKey: [INSTITUTION_KEY, 'guests', hotelId],
    enabled: hotelId !== null,
    queryFn: () => unwrap(api.GET('/api/hotel-guests', { params: { query: { institutionId: hotelId ?? undefined } } })),
  });
  if (!places.isPending && hotels.length === 0) return <Empty description={t('records.noHotel')} />;
  const reveal = async (id: string, purpose: string) => {
    const g = await unwrap(api.POST('/api/hotel-guests/{id}/reveal', { params: { path: { id } }, body: { purpose } }));
    return [g.name, g.idNumber, g.phone].filter(Boolean).join(' ');
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {t('records.hotel')}
        <Select
          style={{ minWidth: 220 }}
          value={hotelId}
          onChange={setChosen}
          loading={places.isPending}
          options={hotels.map((h) => ({ value: h.id, label: h.name }))}
          data-testid="guest-hotel"
        />
      </Space>
      {hotelId && can('institution.report') && <GuestForm hotelId={hotelId} />}
      <Table
        rowKey="id"
        size="small"
        loading={guests.isPending && hotelId !== null}
        dataSource={guests.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        data-testid="guest-table"
        columns={[
          { title: t('records.guest.checkInOn'), dataIndex: 'checkInOn' },
          { title: t('records.guest.name'), dataIndex: 'name' },
          { title: t('records.guest.idNumber'), dataIndex: 'idNumber' },
          { title: t('records.guest.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: t('records.guest.fromPlace'), dataIndex: 'fromPlace' },
          {
            title: t('records.guest.grade'),
            key: 'grade',
            render: (_: unknown, g) =>
              g.keyArea ? (
                <Tag color="red" data-testid="guest-key-area">
                  {t('records.guest.keyArea')} {labelOf(t, 'zone.risk', g.fromGrade)}
                </Tag>
              ) : g.fromGrade ? (
                labelOf(t, 'zone.risk', g.fromGrade)
              ) : (
                '—'
              ),
          },
          {
            title: '',
            key: 'reveal',
            render: (_: unknown, g) => <RevealButton reveal={(purpose) => reveal(g.id, purpose)} testId="guest-reveal" />,
          },
        ]}
      />
    </>
  );
}
