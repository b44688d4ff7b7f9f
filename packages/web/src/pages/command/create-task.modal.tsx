import { useMutation, useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { COMMAND_KEY, type HeadquartersSummary, useHeadquarters, useHeadquartersList, useInvalidateCommand } from './command-queries.ts';

interface Values {
  headquartersId: string;
  title: string;
  description?: string;
  dueAt: Dayjs;
  workingGroupId?: string;
  leadUnitIds?: string[];
  responsibleUnitIds?: string[];
  assigneeUserId?: string;
}

/** Where the task is: the jurisdiction picked in the header when it lies under the headquarters, else the headquarters' own. */
function taskPlace(hq: HeadquartersSummary | undefined, scope: { id: string; code: string; name: string } | null) {
  if (!hq) return null;
  if (scope?.code.startsWith(hq.jurisdictionCode)) return { id: scope.id, name: scope.name };
  return { id: hq.jurisdictionId, name: hq.jurisdictionName };
}

/** Issues a task (ORG-060) to a group, its lead and responsible units and a person, with a deadline. */
export function CreateTaskModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateCommand();
  const list = useHeadquartersList();
  const hqId = Form.useWatch('headquartersId', form);
  const groupId = Form.useWatch('workingGroupId', form);
  const summary = list.data?.items.find((h) => h.id === hqId);
  const place = taskPlace(summary, jurisdiction);
  const hq = useHeadquarters(hqId);
  const group = hq.data?.groups.find((g) => g.id === groupId);
  const users = useQuery({
    queryKey: [...COMMAND_KEY, 'assignable', place?.id],
    queryFn: () => unwrap(api.GET('/api/tasks/assignable-users', { params: { query: { jurisdictionId: place?.id ?? '' } } })),
    enabled: Boolean(place),
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/tasks', {
          body: {
            jurisdictionId: place?.id ?? '',
            headquartersId: v.headquartersId,
            title: v.title.trim(),
            dueAt: v.dueAt.toISOString(),
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            ...(v.workingGroupId ? { workingGroupId: v.workingGroupId } : {}),
            ...(v.assigneeUserId ? { assigneeUserId: v.assigneeUserId } : {}),
            units: [
              ...(v.leadUnitIds ?? []).map((unitId) => ({ unitId, role: 'lead' as const })),
              ...(v.responsibleUnitIds ?? []).map((unitId) => ({ unitId, role: 'responsible' as const })),
            ],
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('task.created'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['title', 'dueAt', 'workingGroupId', 'assigneeUserId', 'headquartersId']),
  });
  const unitOptions = group ? [...group.leadUnits, ...group.memberUnits].map((u) => ({ value: u.id, label: u.name })) : [];
  return (
    <Modal
      open={open}
      width={640}
      title={t('task.create')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => create.mutate(v))}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'task-create-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ headquartersId: list.data?.items[0]?.id }}>
        <Form.Item name="headquartersId" label={t('command.headquarters')} rules={[{ required: true }]}>
          <Select options={(list.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
        <Form.Item label={t('task.jurisdiction')}>
          <Input value={place?.name ?? ''} disabled />
        </Form.Item>
        <Form.Item name="title" label={t('task.title')} rules={[{ required: true, max: 120, whitespace: true }]}>
          <Input data-testid="task-title" />
        </Form.Item>
        <Form.Item name="description" label={t('task.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('task.dueAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="task-due" />
        </Form.Item>
        <Form.Item name="workingGroupId" label={t('task.group')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(hq.data?.groups ?? []).map((g) => ({ value: g.id, label: g.nameZh }))}
            data-testid="task-group"
          />
        </Form.Item>
        <Form.Item name="leadUnitIds" label={`${t('task.units')}（${t('task.unitRole.lead')}）`}>
          <Select mode="multiple" options={unitOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="responsibleUnitIds" label={`${t('task.units')}（${t('task.unitRole.responsible')}）`}>
          <Select mode="multiple" options={unitOptions} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="assigneeUserId" label={t('task.assignee')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
