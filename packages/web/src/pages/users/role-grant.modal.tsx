import type { Role } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { UserItem } from '../../api/types.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { JurisdictionSelect, RoleSelect } from './role-select.tsx';

interface Values {
  role: Role;
  jurisdictionId: string;
}

/** Grants one more role to a user on a jurisdiction subtree. */
export function RoleGrantModal({ user, onClose, onGranted }: { user: UserItem | null; onClose: () => void; onGranted: () => void }) {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [form] = Form.useForm<Values>();
  const grant = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/api/users/{id}/roles', { params: { path: { id: user?.id ?? '' } }, body: values })),
    meta: { ownErrors: true },
    onSuccess: () => {
      showSuccess(t('user.saved'));
      onGranted();
    },
    onError: (error) => applyFormError(form, error, ['role', 'jurisdictionId']),
  });
  return (
    <Modal
      open={user !== null}
      title={`${t('user.grantRole')} · ${user?.username ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={grant.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ jurisdictionId: jurisdiction?.id }}
        onFinish={(values) => grant.mutate(values)}
      >
        <Form.Item name="role" label={t('role.role')} rules={[{ required: true }]}>
          <RoleSelect />
        </Form.Item>
        <Form.Item name="jurisdictionId" label={t('user.roleJurisdiction')} rules={[{ required: true }]}>
          <JurisdictionSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
