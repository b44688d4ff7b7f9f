import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { applyFormError } from '../../components/feedback.tsx';
import { useOutsiderReport } from './h5-api.ts';
import { useH5 } from './h5-i18n.ts';

type Report = { whereabouts: string; description: string };

/** Seed 001 §三(二)2 (SC-38, KP-I02): a resident tells their community of an unregistered outsider; the town tracks them. */
export function OutsiderReportCard() {
  const { t } = useH5();
  const [form] = Form.useForm<Report>();
  const [sent, setSent] = useState(false);
  const report = useOutsiderReport();
  const send = (v: Report) =>
    report.mutate(v, {
      onSuccess: () => {
        setSent(true);
        form.resetFields();
      },
      onError: (e) => applyFormError(form, e, ['whereabouts', 'description']),
    });
  return (
    <Card size="small" title={t('outsiderReport')} data-testid="outsider-report">
      {sent && <Alert type="success" showIcon message={t('outsiderSent')} style={{ marginBottom: 8 }} data-testid="outsider-report-sent" />}
      <Form form={form} layout="vertical" onFinish={send} onValuesChange={() => setSent(false)}>
        <Form.Item
          name="whereabouts"
          label={t('outsiderWhereabouts')}
          rules={[{ required: true, whitespace: true }]}
          extra={t('outsiderReportHint')}
        >
          <Input maxLength={200} data-testid="outsider-whereabouts" />
        </Form.Item>
        <Form.Item name="description" label={t('outsiderDescription')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="outsider-description" />
        </Form.Item>
        <Button htmlType="submit" block loading={report.isPending} data-testid="outsider-send">
          {t('outsiderSend')}
        </Button>
      </Form>
    </Card>
  );
}
