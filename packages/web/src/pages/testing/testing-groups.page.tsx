import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { useEditionName } from '../key-persons/key-person-queries.ts';
import { GroupImportDrawer } from './group-import.drawer.tsx';
import { cycleLabel, type GroupCoverage, type GroupId, groupLabel, useGroupCoverage } from './group-queries.ts';
import { GroupRoster } from './group-roster.tsx';

/** The clause a group's cycle rests on; a value the seeds leave open is marked as configured. */
function Basis({ basis }: { basis: GroupCoverage['basis'] }) {
  const { t } = useI18n();
  if (!basis) return null;
  return (
    <Space size={4}>
      <ClauseRef basis={basis} testId="group-basis" />
      {basis.configured && <Tag color="gold">{t('keyPerson.configured')}</Tag>}
    </Space>
  );
}

const count = (testId: string, color?: string) => (n: number, row: GroupCoverage) => (
  <span data-testid={testId} data-group={row.group} data-value={n}>
    {color && n > 0 ? <Tag color={color}>{n}</Tag> : n}
  </span>
);

/** 应检尽检: the 12 groups with cycle, basis and coverage in the picked jurisdiction; a group's roster; the roster import. */
export function TestingGroupsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { jurisdiction } = useScope();
  const [group, setGroup] = useState<GroupId | undefined>();
  const [importing, setImporting] = useState(false);
  const coverage = useGroupCoverage(jurisdiction?.id);
  const report = coverage.data;
  const editionName = useEditionName();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('testing.groups.title')}
        extra={
          <Space>
            {report && (
              <Typography.Text type="secondary" data-testid="groups-as-of">
                {t('testing.groups.asOf', { name: jurisdiction?.name ?? '', date: report.date, edition: editionName(report.editionId) })}
              </Typography.Text>
            )}
            {can('testing.manage') && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} disabled={!jurisdiction} data-testid="group-import-open">
                {t('testing.groups.import')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<GroupCoverage>
          data-testid="groups-table"
          rowKey="group"
          size="small"
          loading={coverage.isPending}
          dataSource={report?.groups ?? []}
          pagination={false}
          rowClassName={(row) => (row.group === group ? 'ant-table-row-selected' : '')}
          onRow={(row) => ({ onClick: () => setGroup(row.group as GroupId), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('testing.groups.no'), key: 'no', width: 60, render: (_, _row, index) => `(${index + 1})` },
            { title: t('testing.groups.group'), dataIndex: 'group', render: (id: string) => groupLabel(t, id) },
            { title: t('testing.groups.cycle'), dataIndex: 'cycle', render: (cycle: GroupCoverage['cycle']) => cycleLabel(t, cycle) },
            { title: t('testing.groups.basis'), dataIndex: 'basis', render: (basis: GroupCoverage['basis']) => <Basis basis={basis} /> },
            { title: t('testing.groups.members'), dataIndex: 'members', render: count('group-members') },
            { title: t('testing.memberState.covered'), dataIndex: 'covered', render: count('group-covered') },
            { title: t('testing.memberState.due'), dataIndex: 'due', render: count('group-due', 'orange') },
            { title: t('testing.memberState.overdue'), dataIndex: 'overdue', render: count('group-overdue', 'red') },
          ]}
        />
        {!group && (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('testing.groups.pickGroup')}
          </Typography.Paragraph>
        )}
      </Card>
      {group && <GroupRoster key={`${group}/${jurisdiction?.id ?? ''}`} group={group} jurisdictionId={jurisdiction?.id} />}
      {jurisdiction && <GroupImportDrawer open={importing} onClose={() => setImporting(false)} group={group} jurisdiction={jurisdiction} />}
    </Space>
  );
}
