import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, type GroupView, type HeadquartersDetail, useInvalidateCommand, useOrgUnits } from './command-queries.ts';
import { AddRosterModal, type RosterPlace, RosterTable } from './roster.tsx';

interface GroupValues {
  nameZh: string;
  leadOfficial?: string;
  duties: string;
  leadUnitIds: string[];
  memberUnitIds: string[];
  reason: string;
}

/** Adjusts a group (member units "adjusted in time", seed 002 §六(一)); the server keeps the version before. */
function EditGroupModal({ hq, group, onClose }: { hq: HeadquartersDetail; group: GroupView | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<GroupValues>();
  const units = useOrgUnits(hq.jurisdictionId);
  const invalidate = useInvalidateCommand();
  const save = useMutation({
    mutationFn: (v: GroupValues) =>
      unwrap(
        api.PATCH('/api/command/working-groups/{id}', {
          params: { path: { id: group?.id ?? '' } },
          body: {
            nameZh: v.nameZh.trim(),
            leadOfficial: v.leadOfficial?.trim() || null,
            duties: v.duties
              .split('\n')
              .map((d) => d.trim())
              .filter(Boolean),
            leadUnitIds: v.leadUnitIds,
            memberUnitIds: v.memberUnitIds,
            reason: v.reason.trim(),
          },
        }),
      ),
    onSuccess: async (saved) => {
      showSuccess(t('command.group.changed', { version: saved.version }));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['nameZh', 'leadOfficial', 'duties', 'leadUnitIds', 'memberUnitIds', 'reason']),
  });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal
      open={group !== null}
      width={720}
      title={t('command.group.editTitle', { name: group?.nameZh ?? '' })}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'group-edit-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {group && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            nameZh: group.nameZh,
            leadOfficial: group.leadOfficial ?? '',
            duties: group.duties.join('\n'),
            leadUnitIds: group.leadUnits.map((u) => u.id),
            memberUnitIds: group.memberUnits.map((u) => u.id),
          }}
        >
          <Form.Item name="nameZh" label={t('command.group.name')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="leadOfficial" label={t('command.group.leadOfficial')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="leadUnitIds" label={t('command.group.leadUnits')}>
            <Select mode="multiple" options={options} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="memberUnitIds" label={t('command.group.memberUnits')}>
            <Select mode="multiple" options={options} optionFilterProp="label" data-testid="group-members" />
          </Form.Item>
          <Form.Item name="duties" label={t('command.group.duties')}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, min: 2, max: 500, whitespace: true }]}>
            <Input placeholder={t('common.reasonPlaceholder')} data-testid="group-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function RevisionsModal({ group, onClose }: { group: GroupView | null; onClose: () => void }) {
  const { t } = useI18n();
  const revisions = useQuery({
    queryKey: [...COMMAND_KEY, 'revisions', group?.id],
    queryFn: () => unwrap(api.GET('/api/command/working-groups/{id}/revisions', { params: { path: { id: group?.id ?? '' } } })),
    enabled: group !== null,
  });
  return (
    <Modal
      open={group !== null}
      title={`${group?.nameZh ?? ''} · ${t('command.group.revisions')}`}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <List
        dataSource={[...(revisions.data?.items ?? [])].reverse()}
        locale={{ emptyText: t('command.group.noRevisions') }}
        renderItem={(r) => (
          <List.Item>
            {t('command.group.revision', {
              version: r.version,
              at: formatTime(r.changedAt, 'YYYY-MM-DD HH:mm'),
              by: r.changedByName ?? '—',
              reason: r.reason,
            })}
          </List.Item>
        )}
      />
    </Modal>
  );
}

function GroupDetail({
  hq,
  group,
  canEdit,
  onAdd,
}: {
  hq: HeadquartersDetail;
  group: GroupView;
  canEdit: boolean;
  onAdd: (p: RosterPlace) => void;
}) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('command.group.memberUnits')}>
          {group.memberUnits.map((u) => (
            <Tag key={u.id}>{u.name}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('command.group.duties')}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="group-duties">
            {group.duties.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        </Descriptions.Item>
        <Descriptions.Item label={t('command.group.clause')}>{group.clause ?? '—'}</Descriptions.Item>
      </Descriptions>
      <RosterTable entries={group.roster} canEdit={canEdit} testId="group-roster" />
      {canEdit && (
        <Button
          size="small"
          onClick={() => onAdd({ headquartersId: hq.id, workingGroupId: group.id, label: group.nameZh })}
          data-testid="group-add-person"
        >
          {t('command.roster.add')}
        </Button>
      )}
    </Space>
  );
}

/** The working groups of a headquarters with their lead official, units, duties, roster and tasks (ORG-010). */
export function GroupsTab({ hq, canEdit }: { hq: HeadquartersDetail; canEdit: boolean }) {
  const { t, language } = useI18n();
  const [editing, setEditing] = useState<GroupView | null>(null);
  const [history, setHistory] = useState<GroupView | null>(null);
  const [adding, setAdding] = useState<RosterPlace | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={hq.groups.filter((g) => g.status === 'active')}
        data-testid="group-table"
        expandable={{ expandedRowRender: (g) => <GroupDetail hq={hq} group={g} canEdit={canEdit} onAdd={setAdding} /> }}
        columns={[
          {
            title: t('command.group.name'),
            dataIndex: 'nameZh',
            render: (v: string, g) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{language === 'en' ? g.nameEn : v}</Typography.Text>
                {language !== 'en' && <Typography.Text type="secondary">{g.nameEn}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('command.group.leadOfficial'), dataIndex: 'leadOfficial', render: (v: string | null) => v ?? '—' },
          {
            title: t('command.group.leadUnits'),
            dataIndex: 'leadUnits',
            render: (units: GroupView['leadUnits']) => units.map((u) => u.name).join('、'),
          },
          {
            title: t('command.group.roster'),
            dataIndex: 'roster',
            width: 180,
            render: (roster: GroupView['roster']) => roster.map((e) => e.name).join('、') || '—',
          },
          {
            title: t('command.group.tasks'),
            key: 'tasks',
            render: (_: unknown, g) => (
              <Link
                to={`/tasks?hq=${hq.id}&group=${g.id}`}
                style={{ whiteSpace: 'nowrap', color: g.overdueTasks > 0 ? '#cf1322' : undefined }}
              >
                {t('command.group.taskCounts', { open: g.openTasks, overdue: g.overdueTasks })}
              </Link>
            ),
          },
          { title: 'v', dataIndex: 'version', width: 50 },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, g) => (
              <Space>
                {canEdit && (
                  <Button size="small" type="link" onClick={() => setEditing(g)} data-testid={`group-edit-${g.templateKey ?? g.id}`}>
                    {t('command.group.edit')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setHistory(g)}>
                  {t('command.group.revisions')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <EditGroupModal hq={hq} group={editing} onClose={() => setEditing(null)} />
      <RevisionsModal group={history} onClose={() => setHistory(null)} />
      <AddRosterModal place={adding} onClose={() => setAdding(null)} />
    </>
  );
}
