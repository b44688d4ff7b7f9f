import { AutoComplete, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { showError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export interface SignatureValues {
  password: string;
  sealHolder?: string;
}

interface SignModalProps {
  open: boolean;
  /** The table needs the unit seal: the seal holder is asked for. */
  seal: boolean;
  title?: string;
  onClose: () => void;
  /** Sends with the signature; a refusal naming a signature field lands under it. */
  onSign: (signature: SignatureValues) => Promise<unknown>;
}

/**
 * The responsible person's e-signature (DAILY-003): their own password again as the second confirmation, and the
 * seal holder where the table is stamped. The time is the server's.
 */
export function SignModal({ open, seal, title, onClose, onSign }: SignModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<SignatureValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: SignatureValues) => {
    setBusy(true);
    try {
      await onSign({ password: values.password, ...(seal ? { sealHolder: values.sealHolder?.trim() } : {}) });
      form.resetFields();
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      if (field === 'signature.password' || field === 'password')
        form.setFields([{ name: 'password', errors: [(error as Error).message] }]);
      else if (field === 'signature.sealHolder' || field === 'sealHolder')
        form.setFields([{ name: 'sealHolder', errors: [(error as Error).message] }]);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title ?? t('report.signTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('report.signAndSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'sign-confirm' }}
    >
      <Typography.Paragraph type="secondary">{t('report.signHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="password" label={t('report.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="sign-password" />
        </Form.Item>
        {seal && (
          <Form.Item name="sealHolder" label={t('report.sealHolder')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input placeholder={t('report.sealHolderPlaceholder')} data-testid="sign-seal-holder" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

interface PurposeModalProps {
  open: boolean;
  title: string;
  onClose: () => void;
  onPurpose: (purpose: string) => void;
}

/** Why a report leaves the platform (printed or exported): the purpose goes into the audit log. */
export function PurposeModal({ open, title, onClose, onPurpose }: PurposeModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ purpose: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'purpose-confirm' }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => {
          onPurpose(values.purpose.trim());
          onClose();
        }}
      >
        <Form.Item name="purpose" label={t('report.purpose')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <AutoComplete
            options={[t('report.purpose.upward'), t('report.purpose.archive')].map((value) => ({ value }))}
            placeholder={t('report.purposePlaceholder')}
            data-testid="report-purpose"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
