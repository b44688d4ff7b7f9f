import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { signIn } from '../../auth/session.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { H5Frame } from './h5-app.tsx';
import { useH5 } from './h5-i18n.ts';

interface RegistrationForm {
  idType: 'resident_id' | 'passport' | 'other';
  idNumber: string;
  name: string;
  phone: string;
  password: string;
  code: string;
}

/** Seconds before another code may be asked for (the server allows one a minute per phone). */
const RESEND_SECONDS = 60;

function useCountdown() {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft] as const;
}

/** Step 1 of registration: the registry check, then a code to the registered phone (issue 12 defect 5). */
function useSendCode(form: ReturnType<typeof Form.useForm<RegistrationForm>>[0]) {
  const { t } = useH5();
  const [left, setLeft] = useCountdown();
  const send = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields(['idType', 'idNumber', 'name', 'phone']);
      return unwrap(api.POST('/api/residents/register/code', { body: v }));
    },
    meta: { ownErrors: true },
    onSuccess: (sent) => {
      showSuccess(t('codeSent', { minutes: Math.round(sent.expiresInSeconds / 60) }));
      setLeft(RESEND_SECONDS);
    },
    onError: (error) => applyFormError(form, error, ['idNumber', 'name', 'phone']),
  });
  return { send, left };
}

export function RegisterPage() {
  const { t } = useH5();
  const [form] = Form.useForm<RegistrationForm>();
  const navigate = useNavigate();
  const { send, left } = useSendCode(form);
  const register = useMutation({
    mutationFn: (body: RegistrationForm) => unwrap(api.POST('/api/residents/register', { body })),
    meta: { ownErrors: true },
    onSuccess: (created) => {
      showSuccess(t('registered'));
      navigate(`/h5/login?u=${encodeURIComponent(created.username)}`);
    },
    onError: (error) => applyFormError(form, error, ['password', 'code']),
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <H5Frame>
      <Card data-testid="h5-register">
        <Typography.Title level={4}>{t('register')}</Typography.Title>
        <Alert type="info" showIcon message={t('registerHint')} style={{ marginBottom: 16 }} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ idType: 'resident_id' }}
          onFinish={(v) => register.mutate(v)}
          requiredMark={false}
        >
          <Form.Item name="idType" label={t('idType')}>
            <Select options={(['resident_id', 'passport', 'other'] as const).map((v) => ({ value: v, label: t(`idType.${v}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('idNumber')} rules={required}>
            <Input data-testid="reg-id" autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={required}>
            <Input data-testid="reg-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('phone')} rules={required}>
            <Input data-testid="reg-phone" inputMode="tel" />
          </Form.Item>
          <Form.Item label={t('smsCode')} required={false}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="code" noStyle rules={required}>
                <Input data-testid="reg-code" inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
              </Form.Item>
              <Button onClick={() => send.mutate()} loading={send.isPending} disabled={left > 0} data-testid="reg-send-code">
                {left > 0 ? t('resendIn', { seconds: left }) : t('sendCode')}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={required}>
            <Input.Password data-testid="reg-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="reg-submit">
            {t('register')}
          </Button>
        </Form>
        <AccountFooter to="/h5/login" label={t('haveAccount')} />
      </Card>
    </H5Frame>
  );
}

/** The link to the other account page and the language switch, under both forms. */
function AccountFooter({ to, label }: { to: string; label: string }) {
  const { t, toggleLanguage } = useH5();
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 12 }}>
      <Link to={to}>{label}</Link>
      <Button type="link" size="small" onClick={toggleLanguage}>
        {t('language')}
      </Button>
    </div>
  );
}

/** The same sign-in as the staff app, then the residents' home. */
export function H5LoginPage() {
  const { t } = useH5();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const initial = new URLSearchParams(window.location.search).get('u') ?? '';
  const login = useMutation({
    mutationFn: (credentials: { username: string; password: string }) => signIn(queryClient, credentials),
    meta: { ownErrors: true },
    onSuccess: () => navigate('/h5', { replace: true }),
    onError: (error) => applyFormError(form, error, ['username', 'password']),
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <H5Frame>
      <Card data-testid="h5-login">
        <Typography.Title level={4} style={{ color: '#1f5fbf' }}>
          {t('login')}
        </Typography.Title>
        <Form form={form} layout="vertical" initialValues={{ username: initial }} onFinish={(v) => login.mutate(v)} requiredMark={false}>
          <Form.Item name="username" label={t('loginName')} extra={t('loginNameHint')} rules={required}>
            <Input data-testid="h5-login-phone" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={required}>
            <Input.Password data-testid="h5-login-password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="h5-login-submit">
            {t('submit')}
          </Button>
        </Form>
        <AccountFooter to="/h5/register" label={t('noAccount')} />
      </Card>
    </H5Frame>
  );
}
