import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api, setCsrfToken, unwrap } from '../../api/client.ts';
import { ME_KEY } from '../../auth/session.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * After signing in with a one-time password (`mustChangePassword`), nothing else opens until a new password is set;
 * `/api/auth/me` is then read again and the app appears.
 */
export function ForcedPasswordPage() {
  const { t, language, setLanguage } = useI18n();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (values: Values) =>
      unwrap(api.POST('/api/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } })),
    meta: { ownErrors: true },
    onSuccess: async () => {
      showSuccess(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
    onError: (error) => applyFormError(form, error, ['currentPassword', 'newPassword']),
  });
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    },
  });
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #e8f0fb 0%, #f7f9fc 60%)',
      }}
    >
      <Card style={{ width: 420 }} data-testid="forced-password">
        <Typography.Title level={3} style={{ color: '#1f5fbf' }}>
          {t('password.forcedTitle')}
        </Typography.Title>
        <Alert type="warning" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => change.mutate(values)}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="forced-current" autoFocus />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="forced-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="forced-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="forced-submit">
            {t('password.forcedSubmit')}
          </Button>
        </Form>
        <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
            {t('app.language')}
          </Button>
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => logout.mutate()}>
            {t('app.logout')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
