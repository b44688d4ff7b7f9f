import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { RISK_COLOURS } from '../zones/zone-api-types.ts';
import { COMMAND_KEY } from './command-queries.ts';
import { TaskDrawer, TaskStateTag } from './task-drawer.tsx';

const LEVEL_COLOUR: Record<string, string> = { IV: 'blue', III: 'gold', II: 'orange', I: 'red' };

const fetchOverview = (jurisdictionId: string | undefined) =>
  unwrap(api.GET('/api/command/overview', { params: { query: jurisdictionId ? { jurisdictionId } : {} } }));
type Overview = Awaited<ReturnType<typeof fetchOverview>>;

/**
 * The overview of a jurisdiction (the one given, else the one chosen in the scope picker). The panel and the
 * details below it ask with the same key, so the page fetches it once.
 */
export function useCommandOverview(jurisdictionId: string | undefined, enabled = true) {
  const { jurisdiction } = useScope();
  const id = jurisdictionId ?? jurisdiction?.id;
  return useQuery({ queryKey: [...COMMAND_KEY, 'overview', id], queryFn: () => fetchOverview(id), enabled });
}

/** The levels set below the place (a town's own level under a district that has none). */
export function LevelsBelow({ o }: { o: Overview }) {
  const { t } = useI18n();
  return o.levelsBelow.map((l) => (
    <Tag
      key={l.jurisdictionId}
      color={LEVEL_COLOUR[l.level]}
      data-testid="command-level-below"
      data-level={l.level}
      data-name={l.jurisdictionName}
    >
      {l.jurisdictionName} {t(`response.level.${l.level}` as MessageKey)}
    </Tag>
  ));
}

function LevelLine({ o }: { o: Overview }) {
  const { t } = useI18n();
  if (!o.level)
    return (
      <Space>
        <Tag data-testid="command-level" data-level="none">
          {t('response.none')}
        </Tag>
        <LevelsBelow o={o} />
      </Space>
    );
  return (
    <Space>
      <Tag color={LEVEL_COLOUR[o.level.level]} data-testid="command-level" data-level={o.level.level}>
        {t(`response.level.${o.level.level}` as MessageKey)}
      </Tag>
      {o.level.inherited && (
        <Typography.Text type="secondary">{t('commandOverview.inherited', { name: o.level.jurisdictionName ?? '' })}</Typography.Text>
      )}
      <LevelsBelow o={o} />
    </Space>
  );
}

/** The figures of the overview in one row: measures done, tasks open and overdue, findings, reports, cases. */
function Figures({ o }: { o: Overview }) {
  const { t } = useI18n();
  const m = o.measures;
  const issued = m ? m.open + m.overdue + m.done : 0;
  return (
    <Row
      gutter={16}
      data-testid="command-figures"
      data-done={m?.done ?? 0}
      data-issued={issued}
      data-overdue={o.tasks.overdue}
      data-findings={o.findings.open}
    >
      <Col span={6}>
        <Typography.Text type="secondary">{t('commandOverview.measures')}</Typography.Text>
        <Progress
          percent={issued > 0 ? Math.round(((m?.done ?? 0) / issued) * 100) : 0}
          format={() => `${m?.done ?? 0}/${issued}`}
          status={(m?.overdue ?? 0) > 0 ? 'exception' : 'active'}
        />
      </Col>
      <Col span={3}>
        <Statistic title={t('commandOverview.tasksOpen')} value={o.tasks.open} />
      </Col>
      <Col span={3}>
        <Statistic
          title={t('commandOverview.tasksOverdue')}
          value={o.tasks.overdue}
          valueStyle={o.tasks.overdue > 0 ? { color: '#cf1322' } : undefined}
        />
      </Col>
      <Col span={4}>
        <Statistic
          title={t('commandOverview.findingsOpen')}
          value={o.findings.open}
          suffix={o.findings.overdue > 0 ? `(${o.findings.overdue} ${t('commandOverview.overdue')})` : undefined}
        />
      </Col>
      <Col span={4}>
        {o.reports ? (
          <Statistic title={t('commandOverview.reports')} value={o.reports.onTime + o.reports.late} suffix={`/ ${o.reports.expected}`} />
        ) : null}
      </Col>
      <Col span={4}>{o.cases ? <Statistic title={t('commandOverview.casesToday')} value={o.cases.total} /> : null}</Col>
    </Row>
  );
}

/**
 * The commander's panel (issue 13 "command view"): level, measures' progress, tasks, findings, reports, cases.
 * On the dashboard it follows the jurisdiction drilled into there; elsewhere it links to the dashboard.
 */
export function CommandPanel({ jurisdictionId, onDashboard = false }: { jurisdictionId?: string; onDashboard?: boolean }) {
  const { t } = useI18n();
  const overview = useCommandOverview(jurisdictionId);
  const o = overview.data;
  return (
    <Card
      size="small"
      loading={overview.isPending}
      data-testid="command-panel"
      title={
        <Space>
          {t('commandOverview.title')}
          {o && <Typography.Text type="secondary">{o.jurisdiction.name}</Typography.Text>}
          {o && <LevelLine o={o} />}
        </Space>
      }
      extra={
        onDashboard ? <Link to="/supervision">{t('menu.supervision')}</Link> : <Link to="/dashboard">{t('commandOverview.open')}</Link>
      }
    >
      {o && <Figures o={o} />}
    </Card>
  );
}

/** The published risk grades (the place, then each jurisdiction under it) and the active control zones, from the zones module. */
function ZonesCard({ o }: { o: Overview }) {
  const { t } = useI18n();
  if (!o.zones) return null;
  return (
    <Card size="small" title={t('commandOverview.zones')} data-testid="command-zones">
      <Space wrap size={[4, 8]}>
        {o.zones.grades.map((g) => (
          <Tag
            key={g.jurisdictionId}
            color={g.riskLevel ? RISK_COLOURS[g.riskLevel] : undefined}
            data-testid="command-grade"
            data-name={g.name}
            data-risk={g.riskLevel ?? 'none'}
          >
            {g.name} · {g.riskLevel ? t(`zone.risk.${g.riskLevel}` as MessageKey) : t('commandOverview.noGrade')}
          </Tag>
        ))}
      </Space>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }} data-testid="command-zone-count" data-count={o.zones.zones.length}>
        {t('commandOverview.activeZones', { n: o.zones.zones.length })}
        {o.zones.zones.slice(0, 5).map((z) => (
          <Tag key={z.id} style={{ marginLeft: 8 }}>
            {z.name}（{t(`zone.type.${z.zoneType}` as MessageKey)}）
          </Tag>
        ))}
      </Typography.Paragraph>
    </Card>
  );
}

/** The measures per group and the overdue tasks to chase (a click opens the task), with the grades and zones. */
export function CommandDetails({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t, language } = useI18n();
  const overview = useCommandOverview(jurisdictionId);
  const [taskId, setTaskId] = useState<string | null>(null);
  const o = overview.data;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('commandOverview.byGroup')} loading={overview.isPending}>
          {!o?.measures || o.measures.groups.length === 0 ? (
            <Empty description={t('commandOverview.noMeasures')} />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(g) => `${g.jurisdictionName ?? ''}-${g.workingGroupId ?? 'none'}`}
              dataSource={o.measures.groups}
              data-testid="command-groups"
              columns={[
                { title: t('command.jurisdiction'), dataIndex: 'jurisdictionName' },
                { title: t('response.group'), render: (_, g) => (language === 'en' ? g.nameEn : g.nameZh) ?? '—' },
                { title: t('task.state.open'), dataIndex: 'open' },
                { title: t('task.state.overdue'), render: (_, g) => (g.overdue > 0 ? <Tag color="red">{g.overdue}</Tag> : 0) },
                { title: t('task.state.done'), dataIndex: 'done' },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('commandOverview.overdueTasks')} loading={overview.isPending}>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={o?.tasks.overdueItems ?? []}
            data-testid="command-overdue"
            onRow={(task) => ({ onClick: () => setTaskId(task.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('commandOverview.task'), dataIndex: 'title', ellipsis: true },
              { title: t('response.group'), dataIndex: 'workingGroupName', width: 160 },
              { title: t('task.state'), render: (_, task) => <TaskStateTag task={task} />, width: 100 },
              {
                title: t('commandOverview.dueAt'),
                render: (_, task) => formatTime(task.dueAt, 'YYYY-MM-DD HH:mm'),
                width: 170,
              },
            ]}
          />
        </Card>
      </Col>
      {o?.zones && (
        <Col span={24}>
          <ZonesCard o={o} />
        </Col>
      )}
      <TaskDrawer taskId={taskId} onClose={() => setTaskId(null)} />
    </Row>
  );
}

/** 指挥总览 is the dashboard now (issue 17: one landing page for the commander); the old address leads there. */
export function CommandOverviewPage() {
  return <Navigate to="/dashboard" replace />;
}
