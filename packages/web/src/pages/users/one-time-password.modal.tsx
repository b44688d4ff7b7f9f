import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

/** Shown once: the server keeps only a hash, so closing this is the last chance to read it. */
export function OneTimePasswordModal({ value, onClose }: { value: { username: string; password: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={value !== null}
      title={t('user.oneTimePassword')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      {value && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('user.oneTimePasswordNotice', { username: value.username })}
            style={{ marginBottom: 16 }}
          />
          <Typography.Text code copyable style={{ fontSize: 20 }} data-testid="one-time-password">
            {value.password}
          </Typography.Text>
        </>
      )}
    </Modal>
  );
}
