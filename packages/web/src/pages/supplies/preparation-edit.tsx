import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, InputNumber, List, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { supplyLabel, useInvalidateSupplies, usePreparations } from './supplies-queries.ts';

export const PREPARATION_STATUSES = ['ready', 'in_progress', 'not_started'] as const;
type Status = (typeof PREPARATION_STATUSES)[number];
type Preparation = NonNullable<ReturnType<typeof usePreparations>['data']>['items'][number];

const patch = (id: string, body: { status?: Status; capacity?: number; note?: string }) =>
  unwrap(api.PATCH('/api/preparedness/items/{id}', { params: { path: { id } }, body }));

/** A facility's status and capacity as they change (in preparation → ready; PREP-001, RES-002, RES-008), audited by the server. */
export function EditPreparationModal({ item, onClose }: { item: Preparation | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ status: Status; capacity?: number }>();
  const invalidate = useInvalidateSupplies();
  useEffect(() => {
    if (item) form.setFieldsValue({ status: item.status as Status, capacity: item.capacity ?? undefined });
  }, [item, form]);
  const save = useMutation({
    mutationFn: (values: { status: Status; capacity?: number }) => patch(item?.id ?? '', values),
    onSuccess: async () => {
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['status', 'capacity']),
  });
  return (
    <Modal
      open={item !== null}
      title={`${t('prep.edit')} · ${item?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'prep-edit-save' }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="status" label={t('prep.status')} rules={[{ required: true }]}>
          <Select
            data-testid="prep-edit-status"
            options={PREPARATION_STATUSES.map((k) => ({ value: k, label: supplyLabel(t, 'prep.status', k) }))}
          />
        </Form.Item>
        <Form.Item name="capacity" label={t('prep.capacity')}>
          <InputNumber min={0} precision={0} data-testid="prep-edit-capacity" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The PREP-001 checklist: each item ready or not, and for a writer of this jurisdiction a button that records it
 * ready (a new checklist item, or its existing record moved to ready) or back in preparation.
 */
export function ChecklistCard({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const items = usePreparations(jurisdictionId);
  const invalidate = useInvalidateSupplies();
  const ownRecord = (no: number) =>
    (items.data?.items ?? []).find((i) => i.kind === 'checklist' && i.checklistNo === no && i.jurisdictionId === jurisdictionId);
  const mark = useMutation({
    mutationFn: async (c: { no: number; zh: string; ready: boolean }) => {
      const own = ownRecord(c.no);
      const status: Status = c.ready ? 'in_progress' : 'ready';
      if (own) return patch(own.id, { status });
      return unwrap(
        api.POST('/api/preparedness/items', {
          body: { jurisdictionId: jurisdictionId ?? '', kind: 'checklist', checklistNo: c.no, name: c.zh, status },
        }),
      );
    },
    onSuccess: invalidate,
    onError: showError,
  });
  const writes = can('supply.write') && jurisdictionId !== undefined;
  return (
    <Card size="small" title={`${t('prep.checklist')} · ${items.data?.clause ?? ''}`}>
      <List
        size="small"
        grid={{ column: 2 }}
        dataSource={items.data?.checklist ?? []}
        renderItem={(c) => (
          <List.Item
            data-testid={`prep-checklist-${c.no}`}
            data-ready={c.ready}
            extra={
              // Ready by a place below is not this jurisdiction's to take back: only its own record toggles.
              writes && (!c.ready || ownRecord(c.no)?.status === 'ready') ? (
                <Button
                  size="small"
                  type="link"
                  loading={mark.isPending}
                  onClick={() => mark.mutate(c)}
                  data-testid={`prep-checklist-mark-${c.no}`}
                >
                  {c.ready ? t('prep.checklist.unmark') : t('prep.checklist.mark')}
                </Button>
              ) : null
            }
          >
            {c.ready ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined />} {c.no}. {language === 'en' ? c.en : c.zh}
          </List.Item>
        )}
      />
    </Card>
  );
}
