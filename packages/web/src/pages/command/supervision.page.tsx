import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Table, Tag, Typography } from 'antd';
import { type Key, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, commandLabel, FINDING_STATE_COLORS, type Finding, type Inspection, useHeadquartersList } from './command-queries.ts';
import { CreateInspectionModal, RecheckModal } from './supervision-modals.tsx';
import { TaskDrawer } from './task-drawer.tsx';

export function FindingStateTag({ finding }: { finding: Pick<Finding, 'state'> }) {
  const { t } = useI18n();
  return (
    <Tag color={FINDING_STATE_COLORS[finding.state]} data-testid="finding-state" data-state={finding.state}>
      {commandLabel(t, 'supervision.findingState', finding.state)}
    </Tag>
  );
}

interface FindingsProps {
  findings: Finding[];
  canRecheck: boolean;
  onRecheck: (f: Finding) => void;
  onOpenTask: (id: string) => void;
}

/** The findings of an inspection: who rectifies by when, the task's state and evidence, and the re-checks. */
export function FindingsTable({ findings, canRecheck, onRecheck, onOpenTask }: FindingsProps) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={findings}
      data-testid="finding-table"
      columns={[
        { title: t('supervision.finding'), dataIndex: 'description' },
        { title: t('supervision.responsibleUnit'), dataIndex: 'responsibleUnitName', render: (v: string | null) => v ?? '—' },
        { title: t('supervision.findingState'), dataIndex: 'state', render: (_: unknown, f: Finding) => <FindingStateTag finding={f} /> },
        {
          title: t('supervision.rectificationTask'),
          dataIndex: 'task',
          render: (task: Finding['task']) =>
            task ? (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenTask(task.id)}>
                {formatTime(task.dueAt, 'MM-DD HH:mm')} · {commandLabel(t, 'task.state', task.state)} · {t('task.evidence')}{' '}
                {task.evidenceCount}
              </Button>
            ) : (
              '—'
            ),
        },
        {
          title: t('supervision.rechecks'),
          dataIndex: 'rechecks',
          render: (rechecks: Finding['rechecks']) => (
            <List
              size="small"
              split={false}
              dataSource={rechecks}
              renderItem={(r) => (
                <Typography.Text type={r.passed ? 'success' : 'danger'}>
                  {formatTime(r.checkedAt, 'MM-DD HH:mm')} {r.checkedByName ?? ''}：{r.note}
                </Typography.Text>
              )}
            />
          ),
        },
        ...(canRecheck
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, f: Finding) =>
                  f.state === 'awaiting_recheck' && (
                    <Button size="small" type="primary" onClick={() => onRecheck(f)} data-testid="finding-recheck">
                      {t('supervision.recheck')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 督查检查: inspections in my scope with their findings, rectification and re-checks (REQUIREMENTS §12). */
export function SupervisionPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const [rechecking, setRechecking] = useState<Finding | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...COMMAND_KEY, 'supervisions'],
    queryFn: () => unwrap(api.GET('/api/supervisions', { params: { query: { pageSize: 100 } } })),
  });
  const canWrite = can('supervision.write');
  // Only the inspecting headquarters re-checks (the server refuses the inspected side): those in my scope.
  const headquarters = useHeadquartersList();
  const inspecting = new Set((headquarters.data?.items ?? []).map((h) => h.id));
  // Every inspection opens on its findings until the user folds one (defaultExpandAllRows sees only the first render).
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const items = list.data?.items ?? [];
  return (
    <Card
      title={t('menu.supervision')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="supervision-create">
            {t('supervision.new')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('supervision.none') }}
        data-testid="supervision-table"
        expandable={{
          expandedRowKeys: expanded ?? items.map((s) => s.id),
          onExpandedRowsChange: (keys) => setExpanded(keys),
          expandedRowRender: (s: Inspection) => (
            <FindingsTable
              findings={s.findings}
              canRecheck={canWrite && inspecting.has(s.headquartersId)}
              onRecheck={setRechecking}
              onOpenTask={setTaskId}
            />
          ),
        }}
        columns={[
          { title: t('supervision.subject'), dataIndex: 'subject' },
          { title: t('supervision.method'), dataIndex: 'method', render: (v: string) => commandLabel(t, 'supervision.method', v) },
          { title: t('supervision.area'), dataIndex: 'jurisdictionName' },
          { title: t('supervision.group'), dataIndex: 'workingGroupName', render: (v: string | null) => v ?? '—' },
          { title: t('supervision.inspectedAt'), dataIndex: 'inspectedAt', render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
          {
            title: t('supervision.findings'),
            dataIndex: 'openFindings',
            render: (n: number, s: Inspection) => (
              <Space>
                {s.findings.length}
                {n > 0 && <Tag color="orange">{t('supervision.openFindings', { count: n })}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <CreateInspectionModal open={creating} onClose={() => setCreating(false)} />
      <RecheckModal finding={rechecking} onClose={() => setRechecking(null)} />
      <TaskDrawer taskId={taskId} onClose={() => setTaskId(null)} />
    </Card>
  );
}
