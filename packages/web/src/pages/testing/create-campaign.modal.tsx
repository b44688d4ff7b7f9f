import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { useAreaOptions } from './jurisdiction-options.ts';
import { testingLabel, useInvalidateTesting } from './testing-queries.ts';

const ZONE_TYPES = ['sealed_zone', 'controlled_zone', 'precaution_zone', 'general'] as const;
type ZoneType = (typeof ZONE_TYPES)[number];

interface Values {
  name: string;
  defaultPoolSize?: number;
  zones?: { jurisdictionId: string; zoneType: ZoneType; poolSize?: number; household?: boolean }[];
}

/** A campaign over the jurisdiction picked in the header, starting now, with its zones; the server checks pools against the edition. */
export function CreateCampaignModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { jurisdiction } = useScope();
  const areas = useAreaOptions(jurisdiction);
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateTesting();
  const create = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/testing/campaigns', {
          body: {
            name: values.name,
            jurisdictionId: jurisdiction?.id ?? '',
            startsAt: new Date().toISOString(),
            ...(values.defaultPoolSize ? { defaultPoolSize: values.defaultPoolSize } : {}),
            zones: (values.zones ?? []).map((z) => ({
              jurisdictionId: z.jurisdictionId,
              zoneType: z.zoneType,
              ...(z.poolSize ? { poolSize: z.poolSize } : {}),
              ...(z.household ? { household: true } : {}),
            })),
          },
        }),
      ),
    onSuccess: (campaign) => {
      message.success(t('testing.created'));
      void invalidate();
      form.resetFields();
      onCreated(campaign.id);
    },
    onError: (error) => message.error(error.message),
  });
  return (
    <Modal
      open={open}
      title={t('testing.newCampaign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'campaign-submit' }}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} data-testid="campaign-form">
        <Form.Item label={t('testing.jurisdiction')}>
          <Typography.Text strong>{jurisdiction?.name}</Typography.Text>
        </Form.Item>
        <Form.Item name="name" label={t('testing.name')} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="campaign-name" />
        </Form.Item>
        <Form.Item name="defaultPoolSize" label={t('testing.defaultPool')}>
          <Select
            allowClear
            data-testid="campaign-pool"
            options={[1, 5, 10, 20].map((n) => ({ value: n, label: t('testing.pool', { n }) }))}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Typography.Text strong>{t('testing.zones')}</Typography.Text>
        <Form.List name="zones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'jurisdictionId']} rules={[{ required: true }]}>
                    <Select style={{ width: 180 }} options={areas} placeholder={t('testing.community')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'zoneType']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 140 }}
                      placeholder={t('testing.zoneType')}
                      options={ZONE_TYPES.map((z) => ({ value: z, label: testingLabel(t, 'zone', z) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'poolSize']}>
                    <InputNumber min={1} max={20} placeholder={t('testing.poolSize')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'household']} valuePropName="checked">
                    <Checkbox>{t('testing.household')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ zoneType: 'general' })} block>
                {t('testing.addZone')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
