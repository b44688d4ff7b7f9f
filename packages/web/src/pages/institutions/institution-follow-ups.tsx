import { Card, Table, Tag, Typography } from 'antd';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { commandLabel } from '../command/command-queries.ts';
import { useInstitutionTasks } from './institution-queries.ts';

const STATE_COLOR: Record<string, string> = { open: 'blue', overdue: 'red', done: 'green' };

/** The follow-ups institutions started (PHAR-001 buyers, SC-51 NATs, CASE-013 steps): on the work list and the institutions page. */
export function InstitutionFollowUpsCard() {
  const { t } = useI18n();
  const { can } = useSession();
  const tasks = useInstitutionTasks(can('institution.read'));
  if (!can('institution.read')) return null;
  return (
    <Card title={t('inst.followUps')} style={{ marginTop: 16 }} data-testid="institution-follow-ups">
      <Typography.Paragraph type="secondary">{t('inst.followUpsHint')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={tasks.isPending}
        dataSource={tasks.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: t('inst.none') }}
        columns={[
          { title: t('inst.task.title'), dataIndex: 'title' },
          { title: t('task.source'), dataIndex: 'sourceKind', render: (v: string) => commandLabel(t, 'task.source', v) },
          {
            title: t('inst.task.state'),
            dataIndex: 'state',
            render: (v: string) => <Tag color={STATE_COLOR[v]}>{commandLabel(t, 'task.state', v)}</Tag>,
          },
          { title: t('inst.task.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatTime(v, 'YYYY-MM-DD HH:mm') },
          { title: t('inst.jurisdiction'), dataIndex: 'jurisdictionName', render: (v: string | null) => v ?? '—' },
          { title: t('inst.task.assignee'), dataIndex: 'assigneeName', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
