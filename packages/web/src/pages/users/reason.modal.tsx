import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  open: boolean;
  title: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
}

/** Asks why before an audited change (the server requires 2–200 characters). */
export function ReasonModal({ open, title, loading, onCancel, onSubmit }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => onSubmit(values.reason.trim())}>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <Input.TextArea rows={3} placeholder={t('common.reasonPlaceholder')} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
