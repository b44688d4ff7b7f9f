import { Alert, Button, Card, DatePicker, Form, Input, List, Select, Space, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { h5Api, useArrivals, useH5Mutation, useMe } from './h5-api.ts';
import { usePersonParam } from './h5-app.tsx';
import { useH5 } from './h5-i18n.ts';

interface ArrivalForm {
  inbound: boolean;
  fromPlace: string;
  fromRiskLevel: 'low' | 'medium' | 'high';
  expectedArrival: Dayjs;
}

export function ArrivalPage() {
  const { t } = useH5();
  const me = useMe();
  const p = usePersonParam();
  const personId = p ?? me.data?.personId ?? '';
  const arrivals = useArrivals(personId || undefined);
  const [form] = Form.useForm<ArrivalForm>();
  const report = useH5Mutation(
    (v: ArrivalForm) => h5Api.reportArrival(personId, { ...v, expectedArrival: v.expectedArrival.format('YYYY-MM-DD') }),
    () => showSuccess(t('reported')),
  );
  const arrived = useH5Mutation((id: string) => h5Api.arrived(personId, id));
  const days = arrivals.data?.daysAheadRequired ?? 3;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title={t('arrival')} data-testid="arrival-card">
        <Alert type="info" showIcon message={t('arrivalHint', { days })} style={{ marginBottom: 12 }} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ inbound: true, fromRiskLevel: 'low' }}
          onFinish={(v) => report.mutate(v, { onError: (e) => applyFormError(form, e, ['fromPlace', 'expectedArrival']) })}
        >
          <Form.Item name="inbound" label={t('inbound')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="fromPlace" label={t('fromPlace')} rules={[{ required: true, message: t('required') }]}>
            <Input data-testid="arrival-from" />
          </Form.Item>
          <Form.Item name="fromRiskLevel" label={t('fromRiskLevel')}>
            <Select options={(['low', 'medium', 'high'] as const).map((v) => ({ value: v, label: t(`risk.${v}`) }))} />
          </Form.Item>
          <Form.Item name="expectedArrival" label={t('expectedArrival')} rules={[{ required: true, message: t('required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="arrival-date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={report.isPending} data-testid="arrival-submit">
            {t('arrival')}
          </Button>
        </Form>
      </Card>
      <List
        bordered
        style={{ background: '#fff' }}
        dataSource={arrivals.data?.items ?? []}
        renderItem={(a) => (
          <List.Item
            data-testid="arrival-item"
            actions={
              a.atDestination
                ? [<Tag key="a">{t('arrived')}</Tag>]
                : [
                    <Button key="a" size="small" onClick={() => arrived.mutate(a.id)}>
                      {t('markArrived')}
                    </Button>,
                  ]
            }
          >
            <Space direction="vertical" size={0}>
              <span>
                {a.fromPlace} → {a.expectedArrival}
              </span>
              {a.inbound && <Tag color={a.late ? 'red' : 'green'}>{a.late ? t('late') : t('onTime')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
