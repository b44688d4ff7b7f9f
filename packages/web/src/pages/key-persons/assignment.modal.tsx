import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { EpisodeDetail } from '../../api/key-person-types.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAssignableUsers, useInvalidateKeyPersons } from './key-person-queries.ts';
import { SignerSelect } from './signer-select.tsx';

interface Values {
  assignedCadreId?: string;
  assignedMedicId?: string;
  reason: string;
}

/** Names the 包保干部 and 包保医务人员 who sign the release; the change and its reason are audited. */
export function AssignmentModal({ episode, open, onClose }: { episode: EpisodeDetail; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const signers = useAssignableUsers(episode.jurisdictionId);
  const invalidate = useInvalidateKeyPersons();
  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.PATCH('/api/key-persons/episodes/{id}/assignment', {
          params: { path: { id: episode.id } },
          body: {
            ...(values.assignedCadreId ? { assignedCadreId: values.assignedCadreId } : {}),
            ...(values.assignedMedicId ? { assignedMedicId: values.assignedMedicId } : {}),
            reason: values.reason.trim(),
          },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async () => {
      showSuccess(t('keyPerson.assignmentSaved'));
      await invalidate();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['assignedCadreId', 'assignedMedicId', 'reason']),
  });
  return (
    <Modal
      open={open}
      title={t('keyPerson.editAssignment')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'assignment-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ assignedCadreId: episode.assignedCadreId ?? undefined, assignedMedicId: episode.assignedMedicId ?? undefined }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="assignedCadreId" label={t('keyPerson.assignedCadre')}>
          <SignerSelect as="cadre" users={signers.data ?? []} loading={signers.isFetching} testId="assignment-cadre" />
        </Form.Item>
        <Form.Item name="assignedMedicId" label={t('keyPerson.assignedMedic')}>
          <SignerSelect as="medic" users={signers.data ?? []} loading={signers.isFetching} testId="assignment-medic" />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <Input.TextArea rows={2} placeholder={t('common.reasonPlaceholder')} data-testid="assignment-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
