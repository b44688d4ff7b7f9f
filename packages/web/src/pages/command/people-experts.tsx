import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, commandLabel, type HeadquartersDetail } from './command-queries.ts';
import { AddRosterModal, type RosterPlace, RosterTable } from './roster.tsx';

/** The roster by person (SC-69): one row per person with every role they hold, in which group. */
export function PeopleTab({ hq }: { hq: HeadquartersDetail }) {
  const { t } = useI18n();
  const people = useQuery({
    queryKey: [...COMMAND_KEY, 'people', hq.id],
    queryFn: () => unwrap(api.GET('/api/command/headquarters/{id}/people', { params: { path: { id: hq.id } } })),
  });
  return (
    <Table
      rowKey="key"
      size="small"
      loading={people.isFetching}
      dataSource={people.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      data-testid="people-table"
      columns={[
        { title: t('command.roster.name'), dataIndex: 'name' },
        { title: t('command.roster.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
        {
          title: t('command.people.roles'),
          dataIndex: 'roles',
          render: (roles: NonNullable<typeof people.data>['items'][number]['roles']) => (
            <Space wrap size={4}>
              {roles.map((r) => (
                <Tag key={r.rosterMemberId}>
                  {r.groupName ?? r.expertGroupName ?? t('command.people.leadership')} · {commandLabel(t, 'command.role', r.role)}
                </Tag>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

type Expert = HeadquartersDetail['expertGroups'][number];

/** The headquarters' expert groups (ORG-050): their own, with status "目前未成立" shown, and the outside reviewers. */
export function ExpertsTab({ hq, canEdit }: { hq: HeadquartersDetail; canEdit: boolean }) {
  const { t, language } = useI18n();
  const [adding, setAdding] = useState<RosterPlace | null>(null);
  return (
    <>
      <Table
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={hq.expertGroups}
        data-testid="expert-table"
        expandable={{
          expandedRowRender: (e: Expert) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {e.duties.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ol>
              <RosterTable entries={e.members} canEdit={canEdit} />
              {canEdit && (
                <Button size="small" onClick={() => setAdding({ headquartersId: hq.id, expertGroupId: e.id, label: e.nameZh })}>
                  {t('command.roster.add')}
                </Button>
              )}
            </Space>
          ),
        }}
        columns={[
          { title: t('command.expert.name'), dataIndex: 'nameZh', render: (v: string, e: Expert) => (language === 'en' ? e.nameEn : v) },
          { title: t('command.expert.level'), dataIndex: 'level', render: (v: string) => commandLabel(t, 'command.expert.level', v) },
          {
            title: t('command.expert.status'),
            dataIndex: 'established',
            render: (v: boolean, e: Expert) => (
              <Space>
                <Tag color={v ? 'green' : 'default'}>{v ? t('command.expert.established') : t('command.expert.notEstablished')}</Tag>
                {e.kind === 'outside_reviewer' && <Tag color="purple">{t('command.expert.outside')}</Tag>}
              </Space>
            ),
          },
          { title: t('command.expert.recommendedBy'), dataIndex: 'recommendedBy', render: (v: string | null) => v ?? '—' },
          {
            title: t('command.expert.members'),
            dataIndex: 'members',
            render: (m: Expert['members']) => <Typography.Text>{m.map((x) => x.name).join('、') || '—'}</Typography.Text>,
          },
          { title: t('command.group.clause'), dataIndex: 'clause', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <AddRosterModal place={adding} onClose={() => setAdding(null)} />
    </>
  );
}
