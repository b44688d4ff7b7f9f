import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AddGroupMemberModal, LeaveGroupModal } from './group-member.modals.tsx';
import { type GroupId, type GroupMember, groupLabel, type MemberState, useGroupMembers } from './group-queries.ts';
import { testingLabel } from './testing-queries.ts';

const STATE_COLORS: Record<string, string> = { covered: 'green', due: 'orange', overdue: 'red' };
const STATES: (MemberState | 'all')[] = ['all', 'overdue', 'due', 'covered'];

/** The latest sample: its time and its tube's result (a pooled positive waits for the single-tube retest). */
function LastTest({ member }: { member: GroupMember }) {
  const { t } = useI18n();
  if (!member.lastSampledAt) return <Typography.Text type="secondary">{t('testing.groups.noTest')}</Typography.Text>;
  const result = member.lastResult ? testingLabel(t, 'result', member.lastResult) : t('testing.groups.pending');
  const color = member.lastResult === 'negative' ? 'green' : member.lastResult ? 'red' : 'default';
  return (
    <Space size={4}>
      <span>{formatTime(member.lastSampledAt, 'MM-DD HH:mm')}</span>
      <Tag color={color}>
        {result}
        {member.lastPooled && member.lastResult && member.lastResult !== 'negative' ? ` (${t('testing.groups.pooled')})` : ''}
      </Tag>
    </Space>
  );
}

interface Props {
  group: GroupId;
  jurisdictionId: string | undefined;
}

/** A group's roster in the picked jurisdiction, each member's state and last test; `overdue` is the list to chase. */
export function GroupRoster({ group, jurisdictionId }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const [state, setState] = useState<MemberState | 'all'>('all');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<GroupMember | null>(null);
  const members = useGroupMembers({ group, jurisdictionId, state: state === 'all' ? undefined : state, page });
  const manage = can('testing.manage');
  return (
    <Card
      title={t('testing.groups.roster', { group: groupLabel(t, group) })}
      data-testid="group-roster"
      data-group={group}
      extra={
        <Space>
          <Segmented
            data-testid="member-state-filter"
            value={state}
            onChange={(value) => {
              setState(value as MemberState | 'all');
              setPage(1);
            }}
            options={STATES.map((s) => ({ value: s, label: t(`testing.memberState.${s}`) }))}
          />
          {manage && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="group-add-member">
              {t('testing.groups.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<GroupMember>
        data-testid="group-members-table"
        rowKey="id"
        size="small"
        loading={members.isPending}
        dataSource={members.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: members.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('testing.name.person'), dataIndex: 'name' },
          { title: t('testing.idNumber'), dataIndex: 'idMasked' },
          { title: t('testing.phone'), dataIndex: 'phoneMasked' },
          { title: t('testing.groups.unit'), dataIndex: 'unitName' },
          { title: t('testing.groups.community'), dataIndex: 'jurisdictionLabel' },
          { title: t('testing.groups.joinedOn'), dataIndex: 'joinedOn' },
          { title: t('testing.groups.lastTest'), key: 'last', render: (_, member) => <LastTest member={member} /> },
          {
            title: t('testing.status'),
            dataIndex: 'state',
            render: (s: MemberState) => (
              <Tag color={STATE_COLORS[s]} data-testid="member-state" data-state={s}>
                {t(`testing.memberState.${s}`)}
              </Tag>
            ),
          },
          { title: t('testing.groups.dueDate'), dataIndex: 'dueDate' },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'leave',
                  render: (_: unknown, member: GroupMember) =>
                    member.fromKeyPersons ? (
                      <Tag data-testid="member-from-key-persons">{t('testing.groups.fromKeyPersons')}</Tag>
                    ) : (
                      <Button size="small" type="link" danger onClick={() => setLeaving(member)} data-testid="member-leave">
                        {t('testing.groups.leave')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <AddGroupMemberModal open={adding} group={group} jurisdictionId={jurisdictionId} onClose={() => setAdding(false)} />
      <LeaveGroupModal member={leaving} onClose={() => setLeaving(null)} />
    </Card>
  );
}
