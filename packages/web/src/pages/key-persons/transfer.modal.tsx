import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Select, TreeSelect } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { toTreeItems } from '../../jurisdictions/use-jurisdiction-tree.ts';
import { useInvalidateKeyPersons, useSites } from './key-person-queries.ts';

interface Values {
  toJurisdictionId: string;
  toSiteId?: string;
  reason: string;
}

/** Asks another jurisdiction (or a quarantine site there) to take the person over; nothing moves until it accepts. */
export function TransferModal({ episodeId, open, onClose }: { episodeId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { tree } = useScope();
  const [form] = Form.useForm<Values>();
  const sites = useSites(can('site.read'));
  const invalidate = useInvalidateKeyPersons();
  const request = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/key-persons/episodes/{id}/transfers', {
          params: { path: { id: episodeId } },
          body: {
            toJurisdictionId: values.toJurisdictionId,
            ...(values.toSiteId ? { toSiteId: values.toSiteId } : {}),
            reason: values.reason.trim(),
          },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async () => {
      showSuccess(t('keyPerson.transferRequested'));
      await invalidate();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['toJurisdictionId', 'toSiteId', 'reason']),
  });
  return (
    <Modal
      open={open}
      title={t('keyPerson.transfer')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => request.mutate(values)}>
        <Form.Item name="toJurisdictionId" label={t('keyPerson.transferTo')} rules={[{ required: true }]}>
          <TreeSelect
            treeData={toTreeItems(tree, tree.roots, (node) => `${node.name} · ${labelOf(t, 'jurisdiction.level', node.level)}`)}
            loadData={(node) => tree.loadChildren(String(node.value))}
            showSearch={{ treeNodeFilterProp: 'title' }}
            data-testid="transfer-jurisdiction"
          />
        </Form.Item>
        {can('site.read') && (
          <Form.Item name="toSiteId" label={t('keyPerson.transferSite')}>
            <Select allowClear options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <Input.TextArea rows={2} placeholder={t('common.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
