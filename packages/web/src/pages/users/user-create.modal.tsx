import type { Role } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { JurisdictionSelect, RoleSelect } from './role-select.tsx';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionId: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** The one-time password is null only when a password was set, which this form never does. */
  onCreated: (username: string, oneTimePassword: string | null) => void;
}

/** A new account with its first role; the server generates a one-time password that is shown once. */
export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/api/users', { body: values })),
    meta: { ownErrors: true },
    onSuccess: (created) => {
      showSuccess(t('user.created'));
      onCreated(created.username, created.oneTimePassword);
    },
    onError: (error) => applyFormError(form, error, ['username', 'displayName', 'role', 'jurisdictionId']),
  });
  return (
    <Modal
      open={open}
      title={t('user.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: 'grid_worker', jurisdictionId: jurisdiction?.id }}
        onFinish={(values) => create.mutate({ ...values, username: values.username.trim(), displayName: values.displayName.trim() })}
      >
        <Form.Item
          name="username"
          label={t('user.username')}
          extra={t('user.usernameRule')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: t('user.usernameRule') }]}
        >
          <Input data-testid="user-create-username" autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, max: 60, whitespace: true }]}>
          <Input data-testid="user-create-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('user.firstRole')} rules={[{ required: true }]}>
          <RoleSelect />
        </Form.Item>
        <Form.Item name="jurisdictionId" label={t('user.roleJurisdiction')} rules={[{ required: true }]}>
          <JurisdictionSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
