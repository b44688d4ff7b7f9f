import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { landingPath } from '../../auth/landing.ts';
import { signIn } from '../../auth/session.tsx';
import { applyFormError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

interface Credentials {
  username: string;
  password: string;
}

/** The page the user asked for before signing in, else the landing page of their roles (residents: /h5). */
function returnPath(state: unknown, roles: readonly { role: string }[]): string {
  const landing = landingPath(roles);
  if (landing === '/h5') return landing;
  const from = typeof state === 'object' && state !== null && 'from' in state ? state.from : null;
  return typeof from === 'string' && from.startsWith('/') && from !== '/login' && from !== '/' ? from : landing;
}

export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const [form] = Form.useForm<Credentials>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useMutation({
    mutationFn: (credentials: Credentials) => signIn(queryClient, credentials),
    meta: { ownErrors: true },
    onSuccess: (me) => navigate(returnPath(location.state, me?.roles ?? []), { replace: true }),
    onError: (error) => applyFormError(form, error, ['username', 'password']),
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
      <Card style={{ width: 380 }} data-testid="login-card">
        <Typography.Title level={3} style={{ marginBottom: 0, color: '#1f5fbf' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 8, display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
            {t('app.language')}
          </Button>
          <Link to="/notices" data-testid="public-notices-link">
            {t('notices.link')}
          </Link>
        </div>
      </Card>
    </div>
  );
}
