import { useMutation } from '@tanstack/react-query';
import { Alert, AutoComplete, Form, Input, Modal, Select } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { download } from '../../components/dated-export.modal.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { type HeadquartersDetail, useInvalidateCommand } from './command-queries.ts';

const TEMPLATE_SETS = ['seed-002-district', 'seed-001-township', 'seed-004a-street', 'none'] as const;
type TemplateSet = (typeof TEMPLATE_SETS)[number];
const DEFAULT_SET: Record<string, TemplateSet> = { county: 'seed-002-district', town: 'seed-001-township', village: 'none' };

interface CreateValues {
  templateSet: TemplateSet;
  officeLocation?: string;
}

/** Sets up the headquarters of the jurisdiction picked in the header, its groups from a seed template (ORG-001, ORG-010). */
export function CreateHeadquartersModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [form] = Form.useForm<CreateValues>();
  const invalidate = useInvalidateCommand();
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      unwrap(
        api.POST('/api/command/headquarters', {
          body: {
            jurisdictionId: jurisdiction?.id ?? '',
            templateSet: v.templateSet,
            ...(v.officeLocation?.trim() ? { officeLocation: v.officeLocation.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (hq) => {
      showSuccess(t('command.created'));
      onClose();
      await invalidate();
      onCreated(hq.id);
    },
    onError: (error) => applyFormError(form, error, ['templateSet', 'officeLocation']),
  });
  return (
    <Modal
      open={open}
      title={t('command.create')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => create.mutate(v))}
      confirmLoading={create.isPending}
      okButtonProps={{ disabled: !jurisdiction }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {jurisdiction ? (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ templateSet: DEFAULT_SET[jurisdiction.level] ?? 'none' }}>
          <Form.Item label={t('command.jurisdiction')}>
            <Input value={jurisdiction.name} disabled />
          </Form.Item>
          <Form.Item name="templateSet" label={t('command.templateSet')} rules={[{ required: true }]}>
            <Select options={TEMPLATE_SETS.map((s) => ({ value: s, label: t(`command.templateSet.${s}`) }))} />
          </Form.Item>
          <Form.Item name="officeLocation" label={t('command.office')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      ) : (
        <Alert type="info" message={t('app.scopePlaceholder')} />
      )}
    </Modal>
  );
}

/** 工作组名单及职责 as an Excel file; rosters carry phones, so the purpose is stated and audited. */
export function ExportGroupsModal({ hq, open, onClose }: { hq: HeadquartersDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ purpose: string }>();
  const submit = ({ purpose }: { purpose: string }) => {
    download(`/api/command/headquarters/${hq.id}/groups.xlsx?purpose=${encodeURIComponent(purpose.trim())}`);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('command.exportTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.download')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {!hq.phonesVisible && <Alert type="info" showIcon message={t('command.roster.masked')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="purpose" label={t('command.exportPurpose')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <AutoComplete
            options={[t('command.exportPurpose.filing'), t('command.exportPurpose.meeting')].map((value) => ({ value }))}
            data-testid="export-purpose"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
