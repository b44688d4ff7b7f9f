import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { commandLabel, type RosterEntry, useInvalidateCommand } from './command-queries.ts';

export const ROSTER_ROLES = [
  'commander_in_chief',
  'deputy_commander',
  'office_director',
  'office_deputy_director',
  'group_leader',
  'executive_deputy_leader',
  'deputy_leader',
  'member',
  'liaison',
  'info_collection_contact',
  'expert',
] as const;
type RosterRole = (typeof ROSTER_ROLES)[number];

/** A roster: name, title, role and phone (masked unless the caller is inside the headquarters). */
export function RosterTable({ entries, canEdit, testId }: { entries: RosterEntry[]; canEdit: boolean; testId?: string }) {
  const { t } = useI18n();
  const invalidate = useInvalidateCommand();
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/command/roster-members/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      showSuccess(t('command.roster.removed'));
      await invalidate();
    },
  });
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={entries}
      data-testid={testId}
      locale={{ emptyText: t('common.none') }}
      columns={[
        { title: t('command.roster.name'), dataIndex: 'name' },
        { title: t('command.roster.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
        { title: t('command.roster.role'), dataIndex: 'role', render: (v: string) => commandLabel(t, 'command.role', v) },
        { title: t('command.roster.unit'), dataIndex: 'orgUnitName', render: (v: string | null) => v ?? '—' },
        {
          title: t('command.roster.phone'),
          dataIndex: 'phone',
          render: (v: string | null) => <Typography.Text data-testid="roster-phone">{v ?? '—'}</Typography.Text>,
        },
        ...(canEdit
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, row: RosterEntry) => (
                  <Popconfirm title={t('command.roster.remove')} onConfirm={() => remove.mutate(row.id)}>
                    <Button size="small" type="link" danger>
                      {t('command.roster.remove')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

interface RosterValues {
  name: string;
  title?: string;
  role: RosterRole;
  phone?: string;
}

export interface RosterPlace {
  headquartersId: string;
  workingGroupId?: string;
  expertGroupId?: string;
  label: string;
}

/** Puts someone on the leadership, a group's or an expert group's roster (ORG-005). */
export function AddRosterModal({ place, onClose }: { place: RosterPlace | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RosterValues>();
  const invalidate = useInvalidateCommand();
  const add = useMutation({
    mutationFn: (v: RosterValues) =>
      unwrap(
        api.POST('/api/command/roster-members', {
          body: {
            headquartersId: place?.headquartersId ?? '',
            ...(place?.workingGroupId ? { workingGroupId: place.workingGroupId } : {}),
            ...(place?.expertGroupId ? { expertGroupId: place.expertGroupId } : {}),
            name: v.name.trim(),
            role: v.role,
            ...(v.title?.trim() ? { title: v.title.trim() } : {}),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('command.roster.added'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['name', 'title', 'role', 'phone']),
  });
  return (
    <Modal
      open={place !== null}
      title={t('command.roster.addTo', { name: place?.label ?? '' })}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => add.mutate(v))}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'roster-add-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ role: place?.expertGroupId ? 'expert' : 'member' }}>
        <Form.Item name="name" label={t('command.roster.name')} rules={[{ required: true, max: 40, whitespace: true }]}>
          <Input data-testid="roster-name" />
        </Form.Item>
        <Form.Item name="title" label={t('command.roster.title')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('command.roster.role')} rules={[{ required: true }]}>
          <Select options={ROSTER_ROLES.map((r) => ({ value: r, label: commandLabel(t, 'command.role', r) }))} data-testid="roster-role" />
        </Form.Item>
        <Form.Item name="phone" label={t('command.roster.phone')}>
          <Input data-testid="roster-phone-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
