import { useMutation } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useInvalidateKeyPersons } from '../key-persons/key-person-queries.ts';

interface Values {
  prefix: string;
  count: number;
  beds: number;
}

/** Numbered rooms with beds for a quarantine site (A001, A002…). */
export function AddRoomsModal({ siteId, open, onClose }: { siteId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateKeyPersons();
  const add = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/quarantine-sites/{id}/rooms', {
          params: { path: { id: siteId } },
          body: { ...values, prefix: values.prefix.trim() },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async (reply) => {
      showSuccess(t('site.roomsAdded', { count: reply.created }));
      await invalidate();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['prefix', 'count', 'beds']),
  });
  return (
    <Modal
      open={open}
      title={t('site.addRooms')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ count: 10, beds: 1 }} onFinish={(values) => add.mutate(values)}>
        <Form.Item
          name="prefix"
          label={t('site.prefix')}
          extra={t('site.prefixHint')}
          rules={[{ required: true, whitespace: true, max: 10 }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="count" label={t('site.count')} rules={[{ required: true }]}>
          <InputNumber min={1} max={2000} precision={0} />
        </Form.Item>
        <Form.Item name="beds" label={t('site.bedsPerRoom')} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
