import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Schedule, supplyLabel, useInvalidateSupplies, useSchedules } from './supplies-queries.ts';

const PLACE_KINDS = ['residential_community', 'sealed_building', 'live_poultry_market', 'household'] as const;
const STATE_COLOURS: Record<string, string> = { done: 'green', due: 'gold', overdue: 'red' };

function NewScheduleModal({ open, jurisdictionId, onClose }: { open: boolean; jurisdictionId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ placeKind: (typeof PLACE_KINDS)[number]; placeName: string }>();
  const invalidate = useInvalidateSupplies();
  const create = useMutation({
    mutationFn: (v: { placeKind: (typeof PLACE_KINDS)[number]; placeName: string }) =>
      unwrap(api.POST('/api/supplies/disinfection', { body: { ...v, jurisdictionId } })),
    onSuccess: async () => {
      form.resetFields();
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['placeKind', 'placeName']),
  });
  return (
    <Modal open={open} title={t('supply.disinfection.new')} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ placeKind: 'residential_community' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="placeKind" label={t('supply.disinfection.placeKind')} rules={[{ required: true }]}>
          <Select options={PLACE_KINDS.map((k) => ({ value: k, label: supplyLabel(t, 'supply.place', k) }))} />
        </Form.Item>
        <Form.Item name="placeName" label={t('supply.disinfection.place')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Disinfection schedules at the frequencies of ENV-003, each done, due or overdue, with a one-click record. */
export function DisinfectionTab({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const schedules = useSchedules(jurisdictionId);
  const invalidate = useInvalidateSupplies();
  const [adding, setAdding] = useState(false);
  const record = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/supplies/disinfection/{id}/records', { params: { path: { id } }, body: {} })),
    onSuccess: async () => {
      showSuccess(t('supply.movement.saved'));
      await invalidate();
    },
    onError: showError,
  });
  return (
    <>
      {can('supply.write') && jurisdictionId && (
        <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('supply.disinfection.new')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={schedules.isPending}
        dataSource={schedules.data ?? []}
        data-testid="disinfection-table"
        columns={[
          { title: t('supply.disinfection.place'), dataIndex: 'placeName' },
          { title: t('supply.disinfection.placeKind'), dataIndex: 'placeKind', render: (v: string) => supplyLabel(t, 'supply.place', v) },
          {
            title: t('supply.disinfection.frequency'),
            key: 'f',
            render: (_: unknown, s: Schedule) =>
              t(s.per === 'week' ? 'supply.disinfection.perWeek' : 'supply.disinfection.perDay', { times: s.times }),
          },
          { title: t('supply.disinfection.done'), key: 'd', render: (_: unknown, s: Schedule) => `${s.doneThisPeriod}/${s.required}` },
          {
            title: t('common.status'),
            dataIndex: 'state',
            render: (v: string) => <Tag color={STATE_COLOURS[v]}>{t(`supply.disinfection.state.${v as 'done'}`)}</Tag>,
          },
          ...(can('supply.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, s: Schedule) => (
                    <Button size="small" loading={record.isPending} onClick={() => record.mutate(s.id)}>
                      {t('supply.disinfection.record')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {jurisdictionId && <NewScheduleModal open={adding} jurisdictionId={jurisdictionId} onClose={() => setAdding(false)} />}
    </>
  );
}
