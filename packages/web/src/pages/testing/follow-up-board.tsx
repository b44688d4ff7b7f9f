import { Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { PoolMember, TestingBoard } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { formatTime, testingLabel, usePoolMembers } from './testing-queries.ts';

const STATE_COLORS: Record<string, string> = { case: 'red', cleared: 'green', awaitingResult: 'gold', awaitingRetestResults: 'gold' };
const TASK_COLORS: Record<string, string> = { open: 'orange', closed: 'green' };

/** Tubes open, in transit and resulted, and the oldest still in transit. */
function TubeStats({ tubes }: { tubes: TestingBoard['tubes'] }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col span={5}>
        <Statistic title={t('testing.tubesOpen')} value={tubes.open} />
      </Col>
      <Col span={5}>
        <span data-testid="tubes-in-transit" data-value={tubes.inTransit}>
          <Statistic title={t('testing.tubesInTransit')} value={tubes.inTransit} />
        </span>
      </Col>
      <Col span={5}>
        <span data-testid="tubes-resulted" data-value={tubes.resulted}>
          <Statistic title={t('testing.tubesResulted')} value={tubes.resulted} />
        </span>
      </Col>
      <Col span={9}>
        <Statistic title={t('testing.oldestInTransit')} value={formatTime(tubes.oldestInTransitSince) || '—'} />
      </Col>
    </Row>
  );
}

/** Closed tubes without a result per lab, against the turnaround limit of their protocol edition. */
function PendingByLab({ rows }: { rows: TestingBoard['pendingByLab'] }) {
  const { t } = useI18n();
  return (
    <Table
      data-testid="pending-by-lab"
      size="small"
      rowKey={(row) => `${row.labName ?? '-'}/${row.setting}/${row.limitHours ?? ''}`}
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('testing.labName'), dataIndex: 'labName' },
        { title: t('testing.setting'), dataIndex: 'setting', render: (s: string) => testingLabel(t, 'setting', s) },
        { title: t('testing.tubes'), dataIndex: 'tubes' },
        { title: t('testing.limit'), dataIndex: 'limitHours' },
        {
          title: t('testing.overLimit'),
          dataIndex: 'overLimit',
          render: (n: number) => <Tag color={n > 0 ? 'red' : 'green'}>{n}</Tag>,
        },
        { title: t('testing.oldestClosedAt'), dataIndex: 'oldestClosedAt', render: formatTime },
      ]}
    />
  );
}

function TaskTag({ state }: { state: string | null }) {
  const { t } = useI18n();
  return state ? <Tag color={TASK_COLORS[state]}>{testingLabel(t, 'task', state)}</Tag> : null;
}

/** A positive pool's members in the caller's scope with their control and retest tasks, retest and hand-over. */
function PoolMembers({ tubeId, barcode }: { tubeId: string; barcode: string }) {
  const { t } = useI18n();
  const pool = usePoolMembers(tubeId);
  const hidden = pool.data?.membersOutsideScope ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<PoolMember>
        data-testid="pool-members"
        data-barcode={barcode}
        size="small"
        rowKey="personId"
        loading={pool.isPending}
        pagination={false}
        dataSource={pool.data?.members ?? []}
        onRow={(row) => ({ 'data-state': row.state }) as object}
        columns={[
          { title: t('testing.name.person'), dataIndex: 'nameMasked' },
          { title: t('testing.idNumber'), dataIndex: 'idMasked' },
          { title: t('testing.community'), dataIndex: 'communityName' },
          { title: t('testing.controlTask'), dataIndex: 'controlTask', render: (s: string | null) => <TaskTag state={s} /> },
          { title: t('testing.retestTask'), dataIndex: 'retestTask', render: (s: string | null) => <TaskTag state={s} /> },
          {
            title: t('testing.retestTube'),
            dataIndex: 'retest',
            render: (r: PoolMember['retest']) =>
              r && (
                <Space size={4}>
                  {r.barcode}
                  <Tag>{r.result ? testingLabel(t, 'result', r.result) : t('testing.awaitingResult')}</Tag>
                </Space>
              ),
          },
          {
            title: t('testing.handedOver'),
            dataIndex: 'episode',
            render: (e: PoolMember['episode']) => e && <Tag color="red">{labelOf(t, 'keyPerson.category', e.category)}</Tag>,
          },
          {
            title: t('testing.state'),
            dataIndex: 'state',
            render: (s: string) => <Tag color={STATE_COLORS[s]}>{testingLabel(t, 'memberState', s)}</Tag>,
          },
        ]}
      />
      {hidden > 0 && <Typography.Text type="secondary">{t('testing.membersOutsideScope', { n: hidden })}</Typography.Text>}
    </Space>
  );
}

/** Positive and indeterminate tubes with their follow-up; each row opens to its members. */
function PositivesTable({ rows }: { rows: TestingBoard['positives'] }) {
  const { t } = useI18n();
  return (
    <Table
      data-testid="positives-table"
      size="small"
      rowKey="tubeId"
      pagination={false}
      dataSource={rows}
      onRow={(row) => ({ 'data-barcode': row.barcode }) as object}
      expandable={{ expandedRowRender: (row) => <PoolMembers tubeId={row.tubeId} barcode={row.barcode} /> }}
      columns={[
        { title: t('testing.barcode'), dataIndex: 'barcode' },
        {
          title: t('testing.result'),
          dataIndex: 'result',
          render: (r: string) => <Tag color="red">{testingLabel(t, 'result', r)}</Tag>,
        },
        {
          title: t('testing.members'),
          dataIndex: 'members',
          render: (n: number) => <span data-testid="positive-members">{n}</span>,
        },
        { title: t('testing.resultAt'), dataIndex: 'resultAt', render: formatTime },
        { title: t('testing.retests'), dataIndex: 'retests' },
        { title: t('testing.retestsNegative'), dataIndex: 'retestsNegative' },
        { title: t('testing.retestsPositive'), dataIndex: 'retestsPositive' },
        {
          title: t('testing.openTasks'),
          dataIndex: 'openTasks',
          render: (n: number) => <span data-testid="positive-open-tasks">{n}</span>,
        },
        {
          title: t('testing.state'),
          dataIndex: 'state',
          render: (s: string) => <Tag color={STATE_COLORS[s]}>{testingLabel(t, 'state', s)}</Tag>,
        },
      ]}
    />
  );
}

/** The follow-up part of a dashboard: tubes, results pending by lab, positives (the overview's are today's). */
export function FollowUpBoard({ board, positivesTitle }: { board: TestingBoard; positivesTitle?: string }) {
  const { t } = useI18n();
  return (
    <>
      <TubeStats tubes={board.tubes} />
      <Typography.Title level={5}>{t('testing.pendingByLab')}</Typography.Title>
      <PendingByLab rows={board.pendingByLab} />
      <Typography.Title level={5}>{positivesTitle ?? t('testing.positives')}</Typography.Title>
      <PositivesTable rows={board.positives} />
    </>
  );
}
