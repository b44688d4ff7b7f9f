import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, commandLabel, type TaskItem, useHeadquarters, useHeadquartersList } from './command-queries.ts';
import { CreateTaskModal } from './create-task.modal.tsx';
import { TaskDrawer, TaskStateTag, unitsText } from './task-drawer.tsx';

const STATES = ['all', 'open', 'overdue', 'done'] as const;
type StateFilter = (typeof STATES)[number];
const PAGE_SIZE = 20;

function TaskTable({
  items,
  loading,
  onOpen,
  paging,
}: {
  items: TaskItem[];
  loading: boolean;
  onOpen: (id: string) => void;
  paging?: object;
}) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={paging ?? false}
      locale={{ emptyText: t('task.none') }}
      data-testid="task-table"
      columns={[
        {
          title: t('task.title'),
          dataIndex: 'title',
          render: (v: string, row) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(row.id)} data-testid="task-open">
              {v}
            </Button>
          ),
        },
        { title: t('task.state'), dataIndex: 'state', render: (_: unknown, row) => <TaskStateTag task={row} /> },
        { title: t('task.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatTime(v, 'YYYY-MM-DD HH:mm') },
        { title: t('task.group'), dataIndex: 'workingGroupName', render: (v: string | null) => v ?? '—' },
        { title: t('task.units'), dataIndex: 'units', render: (units: TaskItem['units']) => unitsText(t, units) },
        { title: t('task.assignee'), dataIndex: 'assigneeName', render: (v: string | null) => v ?? '—' },
        { title: t('task.jurisdiction'), dataIndex: 'jurisdictionName', render: (v: string | null) => v ?? '—' },
        { title: t('task.source'), dataIndex: 'sourceKind', render: (v: string) => commandLabel(t, 'task.source', v) },
        { title: t('task.evidence'), dataIndex: 'evidenceCount' },
      ]}
    />
  );
}

const stateParam = (state: StateFilter) => (state === 'all' ? undefined : state);

function MyTasks({ state, onOpen }: { state: StateFilter; onOpen: (id: string) => void }) {
  const mine = useQuery({
    queryKey: [...COMMAND_KEY, 'tasks', 'mine', state],
    queryFn: () => unwrap(api.GET('/api/tasks/mine', { params: { query: { state: stateParam(state) } } })),
  });
  return <TaskTable items={mine.data?.items ?? []} loading={mine.isFetching} onOpen={onOpen} />;
}

interface Filter {
  headquartersId?: string;
  workingGroupId?: string;
}

/** Headquarters and group to narrow the command's list to (a group's tasks). */
function GroupFilter({ filter, onChange }: { filter: Filter; onChange: (next: Filter) => void }) {
  const { t } = useI18n();
  const list = useHeadquartersList();
  const hq = useHeadquarters(filter.headquartersId);
  return (
    <Space>
      <Select
        allowClear
        style={{ minWidth: 240 }}
        placeholder={t('command.headquarters')}
        value={filter.headquartersId}
        onChange={(headquartersId) => onChange({ headquartersId })}
        options={(list.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
      />
      <Select
        allowClear
        style={{ minWidth: 200 }}
        placeholder={t('task.group')}
        value={filter.workingGroupId}
        disabled={!filter.headquartersId}
        onChange={(workingGroupId) => onChange({ ...filter, workingGroupId })}
        options={(hq.data?.groups ?? []).map((g) => ({ value: g.id, label: g.nameZh }))}
        data-testid="task-group-filter"
      />
    </Space>
  );
}

function AllTasks({ state, onOpen, initial }: { state: StateFilter; onOpen: (id: string) => void; initial: Filter }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<Filter>(initial);
  const all = useQuery({
    queryKey: [...COMMAND_KEY, 'tasks', 'all', state, page, filter],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { state: stateParam(state), page, pageSize: PAGE_SIZE, ...filter } } })),
    placeholderData: keepPreviousData,
  });
  const counts = all.data?.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size="large">
        <GroupFilter
          filter={filter}
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {counts && <Typography.Text data-testid="task-counts">{t('task.counts', counts)}</Typography.Text>}
      </Space>
      <TaskTable
        items={all.data?.items ?? []}
        loading={all.isFetching}
        onOpen={onOpen}
        paging={{ current: page, pageSize: PAGE_SIZE, total: all.data?.total ?? 0, onChange: setPage }}
      />
    </Space>
  );
}

/** 任务督办: my tasks (ORG-060) and, for the command, every task in scope; each opens to its evidence and closing. */
export function TasksPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [state, setState] = useState<StateFilter>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // A group's task count on 指挥体系 links here with ?hq=…&group=…: the command's list, narrowed to that group.
  const [params] = useSearchParams();
  const initial = { headquartersId: params.get('hq') ?? undefined, workingGroupId: params.get('group') ?? undefined };
  const tabs = [
    ...(can('task.work') ? [{ key: 'mine', label: t('task.mine'), children: <MyTasks state={state} onOpen={setOpenId} /> }] : []),
    ...(can('command.read')
      ? [{ key: 'all', label: t('task.all'), children: <AllTasks state={state} onOpen={setOpenId} initial={initial} /> }]
      : []),
  ];
  return (
    <Card
      title={t('menu.tasks')}
      extra={
        can('task.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="task-create">
            {t('task.create')}
          </Button>
        )
      }
    >
      <Segmented
        value={state}
        onChange={(v) => setState(v as StateFilter)}
        options={STATES.map((s) => ({ value: s, label: s === 'all' ? t('common.all') : commandLabel(t, 'task.state', s) }))}
        data-testid="task-state-filter"
      />
      <Tabs items={tabs} defaultActiveKey={initial.workingGroupId ? 'all' : undefined} data-testid="task-tabs" />
      <TaskDrawer taskId={openId} onClose={() => setOpenId(null)} />
      {/* The modal lists headquarters (command.read): mounted only for those who may create a task, so a grid worker asks nothing it may not read. */}
      {can('task.write') && <CreateTaskModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
