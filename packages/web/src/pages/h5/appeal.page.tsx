import { Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { h5Api, useAppeals, useH5Mutation, useMe } from './h5-api.ts';
import { usePersonParam } from './h5-app.tsx';
import { type H5Key, useH5 } from './h5-i18n.ts';

export function AppealPage() {
  const { t } = useH5();
  const me = useMe();
  const p = usePersonParam();
  const personId = p ?? me.data?.personId ?? '';
  const appeals = useAppeals(personId || undefined);
  const [form] = Form.useForm<{ reason: string }>();
  const file = useH5Mutation(
    (v: { reason: string }) => h5Api.appeal(personId, v.reason),
    () => {
      showSuccess(t('appealFiled'));
      form.resetFields();
    },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card title={t('appeal')}>
        <Form form={form} layout="vertical" onFinish={(v) => file.mutate(v, { onError: (e) => applyFormError(form, e, ['reason']) })}>
          <Form.Item name="reason" label={t('appealReason')} rules={[{ required: true, min: 2, message: t('required') }]}>
            <Input.TextArea rows={4} maxLength={1000} data-testid="appeal-reason" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={file.isPending} data-testid="appeal-submit">
            {t('appeal')}
          </Button>
        </Form>
      </Card>
      <List
        bordered
        style={{ background: '#fff' }}
        header={t('appeals')}
        dataSource={appeals.data?.items ?? []}
        renderItem={(a) => (
          <List.Item data-testid="appeal-item">
            <Space direction="vertical" size={0}>
              <span>
                <Tag>{t(`colour.${a.colourAppealed}` as H5Key)}</Tag>
                <Tag color={a.status === 'open' ? 'blue' : a.status === 'upheld' ? 'green' : 'red'}>{t(`appeal.${a.status}` as H5Key)}</Tag>
              </span>
              <span>{a.reason}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('deadline')} {formatTime(a.deadlineAt, 'MM-DD HH:mm')}
                {a.decisionReason ? ` · ${a.decisionReason}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
