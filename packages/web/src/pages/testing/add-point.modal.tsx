import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAreaOptions } from './jurisdiction-options.ts';
import { useInvalidateTesting } from './testing-queries.ts';

interface Values {
  name: string;
  jurisdictionId: string;
  opensAt: string;
  closesAt: string;
  staff: number;
  expectedResidents: number;
  labName?: string;
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function AddPointModal({
  campaign,
  open,
  onClose,
}: {
  campaign: { id: string; jurisdictionId: string; jurisdictionName: string };
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const areas = useAreaOptions({ id: campaign.jurisdictionId, name: campaign.jurisdictionName });
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateTesting();
  const add = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/testing/campaigns/{id}/collection-points', {
          params: { path: { id: campaign.id } },
          body: { ...values, ...(values.labName ? {} : { labName: undefined }) },
        }),
      ),
    onSuccess: () => {
      message.success(t('testing.pointAdded'));
      void invalidate();
      form.resetFields();
      onClose();
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Modal
      open={open}
      title={t('testing.addPoint')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'point-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ opensAt: '07:00', closesAt: '19:00', staff: 4, expectedResidents: 100 }}
        onFinish={(values) => add.mutate(values)}
      >
        <Form.Item name="name" label={t('testing.pointName')} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="point-name" />
        </Form.Item>
        <Form.Item name="jurisdictionId" label={t('testing.community')} rules={[{ required: true }]}>
          <Select options={areas} data-testid="point-community" />
        </Form.Item>
        <Space>
          <Form.Item name="opensAt" label={t('testing.opensAt')} rules={[{ required: true, pattern: HHMM }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="closesAt" label={t('testing.closesAt')} rules={[{ required: true, pattern: HHMM }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="staff" label={t('testing.staff')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="expectedResidents" label={t('testing.expectedResidents')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000000} data-testid="point-expected" />
          </Form.Item>
        </Space>
        <Form.Item name="labName" label={t('testing.labName')}>
          <Input data-testid="point-lab" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
