import { ArrowUpOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { Loading } from '../../components/loading.tsx';
import { type MessageKey, type Translate, useI18n } from '../../i18n/i18n.tsx';
import { CommandDetails, CommandPanel, LevelsBelow, useCommandOverview } from '../command/command-overview.page.tsx';
import { categoryLabel } from '../key-persons/key-person-labels.ts';
import { RISK_COLOURS } from '../zones/zone-api-types.ts';
import { ChartCard } from './chart-card.tsx';
import { epicurve, keyPersonChart, rtChart, sentinelChart } from './charts.ts';
import { type DashboardData, fetchDashboard } from './dashboard-api.ts';
import { EarlyWarningList } from './early-warning-list.tsx';
import { SituationReports } from './situation-reports.tsx';

interface Crumb {
  id: string;
  name: string;
}

function Figures({ d }: { d: DashboardData }) {
  const { t } = useI18n();
  const { can } = useSession();
  // A place without its own level names the levels set below it (the district under 湖塘镇's IV), as the command panel does.
  const overview = useCommandOverview(d.jurisdiction.id, can('command.read'));
  const cases = Object.entries(d.cases.totals)
    .filter(([c]) => c !== 'excluded')
    .reduce((sum, [, n]) => sum + n, 0);
  const level = d.level?.level;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6} lg={3}>
        <Statistic title={t('dashboard.cases')} value={cases} data-testid="figure-cases" />
      </Col>
      <Col xs={12} md={6} lg={3}>
        <Statistic title={t('dashboard.keyPersons')} value={d.keyPersons.total} />
      </Col>
      <Col xs={12} md={6} lg={4}>
        <Statistic
          title={t('dashboard.level')}
          value={level ? t(`response.level.${level}` as MessageKey) : t('dashboard.levelNone')}
          data-testid="figure-level"
        />
        {!level && overview.data && overview.data.levelsBelow.length > 0 && (
          <div data-testid="figure-levels-below">
            <LevelsBelow o={overview.data} />
          </div>
        )}
      </Col>
      <Col xs={12} md={6} lg={3}>
        <Statistic
          title={t('dashboard.openSignals')}
          value={d.signals.open}
          valueStyle={{ color: d.signals.open ? '#cf1322' : undefined }}
          data-testid="figure-signals"
        />
      </Col>
      <Col xs={12} md={6} lg={3}>
        <Statistic title={t('dashboard.overdueTasks')} value={d.tasks?.overdue ?? '—'} />
      </Col>
      <Col xs={12} md={6} lg={3}>
        <Statistic title={t('dashboard.lateReports')} value={d.reports?.late ?? '—'} />
      </Col>
      <Col xs={12} md={6} lg={5}>
        <Statistic title={t('dashboard.codes')} value={`${d.codes.byColour.yellow ?? 0} / ${d.codes.byColour.red ?? 0}`} />
      </Col>
    </Row>
  );
}

/** The schematic map (no boundary polygons offline): one tile per child jurisdiction, coloured by risk, with its cases. */
function JurisdictionTiles({ d, onOpen }: { d: DashboardData; onOpen: (c: Crumb) => void }) {
  const { t } = useI18n();
  const children = d.map?.children ?? [];
  const most = Math.max(1, ...children.map((c) => c.cases));
  return (
    <Card
      size="small"
      title={t('dashboard.map')}
      extra={<Typography.Text type="secondary">{t('dashboard.mapHint')}</Typography.Text>}
      data-testid="dashboard-map"
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }}>
        {children.map((c) => (
          <button
            type="button"
            key={c.id}
            data-testid="dashboard-tile"
            data-name={c.name}
            data-risk={c.riskLevel ?? 'none'}
            onClick={() => onOpen({ id: c.id, name: c.name })}
            style={{
              cursor: 'pointer',
              textAlign: 'left',
              borderRadius: 6,
              padding: 8,
              border: '1px solid #d9d9d9',
              background: c.riskLevel ? RISK_COLOURS[c.riskLevel] : `rgba(207, 19, 34, ${(0.08 + (0.5 * c.cases) / most).toFixed(2)})`,
              color: c.riskLevel ? '#fff' : undefined,
            }}
          >
            <div style={{ fontWeight: 600 }}>{c.name}</div>
            <div>{t('dashboard.casesIn', { n: c.cases })}</div>
            {c.riskLevel && <div>{t(`zone.risk.${c.riskLevel}` as MessageKey)}</div>}
          </button>
        ))}
      </div>
    </Card>
  );
}

function growthText(d: DashboardData, t: Translate): string {
  const g = d.analytics.growth;
  if (!g.available) return t('dashboard.unavailable', { detail: g.detail ?? g.reason });
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const parts = [t('dashboard.growthRate', { rate: pct(g.growthRate), lower: pct(g.growthRateLower), upper: pct(g.growthRateUpper) })];
  if (g.doublingTime) parts.push(t('dashboard.doubling', { days: g.doublingTime.days.toFixed(1) }));
  if (g.halvingTime) parts.push(t('dashboard.halving', { days: g.halvingTime.days.toFixed(1) }));
  return parts.join('；');
}

function Charts({ d, name }: { d: DashboardData; name: string }) {
  const { t } = useI18n();
  const byReport = useMemo(() => epicurve(d, 'byReportDay', t), [d, t]);
  const byOnset = useMemo(() => epicurve(d, 'byOnsetDay', t), [d, t]);
  const rt = useMemo(() => rtChart(d, t), [d, t]);
  const sentinel = useMemo(() => sentinelChart(d, t), [d, t]);
  const kp = useMemo(() => keyPersonChart(d, (c) => categoryLabel(t, c)), [d, t]);
  const file = (what: string) => `${name}-${what}-${d.range.from}-${d.range.to}`;
  const dataUrl = (chart: string) =>
    `/api/dashboard/export.xlsx?${new URLSearchParams({ jurisdictionId: d.jurisdiction.id, from: d.range.from, to: d.range.to, chart })}`;
  const from = (what: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('dashboard.computedFrom', { what })}
    </Typography.Text>
  );
  const rtFoot = d.analytics.rt.available ? (
    from(
      `${d.analytics.rt.method}; SI ${d.analytics.rt.serialInterval.mean}±${d.analytics.rt.serialInterval.sd} (${d.analytics.rt.serialInterval.id})`,
    )
  ) : (
    <Alert
      type="info"
      showIcon
      title={t('dashboard.unavailable', { detail: d.analytics.rt.detail ?? d.analytics.rt.reason })}
      data-testid="rt-unavailable"
    />
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <ChartCard
          id="epicurve-report"
          title={t('dashboard.epicurveReport')}
          option={byReport.option}
          dataUrl={dataUrl('epicurve-report')}
          fileName={file('cases-report')}
          footer={from(d.cases.computedFrom)}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="epicurve-onset"
          title={t('dashboard.epicurveOnset')}
          option={byOnset.option}
          dataUrl={dataUrl('epicurve-onset')}
          fileName={file('cases-onset')}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="rt"
          title={t('dashboard.rt')}
          option={rt.option}
          dataUrl={dataUrl('rt')}
          fileName={file('rt')}
          footer={
            <Space orientation="vertical" size={2}>
              {rtFoot}
              <Typography.Text data-testid="growth">{growthText(d, t)}</Typography.Text>
            </Space>
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="sentinel"
          title={t('dashboard.sentinel')}
          option={sentinel.option}
          dataUrl={dataUrl('sentinel')}
          fileName={file('sentinel')}
          footer={from(d.sentinel.computedFrom)}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard
          id="key-persons"
          title={t('dashboard.keyPersonsByCategory')}
          option={kp.option}
          dataUrl={dataUrl('key-persons')}
          fileName={file('key-persons')}
          footer={from(d.keyPersons.computedFrom)}
        />
      </Col>
      {d.testing && (
        <Col xs={24} xl={12}>
          <Card size="small" title={t('dashboard.testing', { date: d.testing.date })}>
            <Space wrap>
              <Tag>{t('dashboard.sampled', { n: d.testing.sampled })}</Tag>
              <Tag color={d.testing.turnaround.overLimit ? 'red' : undefined}>
                {t('dashboard.turnaroundOver', { n: d.testing.turnaround.overLimit })}
              </Tag>
            </Space>
          </Card>
        </Col>
      )}
    </Row>
  );
}

/**
 * The command dashboard (issue 17): the commander's landing, the same page for every jurisdiction and range, and
 * the command view of issue 13 (level, measures per group, overdue tasks, findings, grades and zones) for the
 * jurisdiction drilled into here.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(59, 'day'), dayjs()]);
  const [big, setBig] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const current = trail.at(-1);
  const query = { jurisdictionId: current?.id, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const dashboard = useQuery({ queryKey: ['dashboard', query], queryFn: () => fetchDashboard(query) });
  const d = dashboard.data;
  const toggleBig = () => {
    if (!big) void frame.current?.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen();
    setBig(!big);
  };
  // The caller's own jurisdiction, as the server chose it on the first answer: the trail starts there.
  const home = useRef<Crumb | null>(null);
  if (d && trail.length === 0 && home.current?.id !== d.jurisdiction.id)
    home.current = { id: d.jurisdiction.id, name: d.jurisdiction.name };
  const root = home.current;
  return (
    <div
      ref={frame}
      data-testid="dashboard"
      style={big ? { background: '#0b1d3a', padding: 16, minHeight: '100vh', overflow: 'auto' } : undefined}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0, color: big ? '#fff' : undefined }}>
              {t('dashboard.title')}
            </Typography.Title>
            <Breadcrumb
              data-testid="dashboard-trail"
              items={[...(root ? [root] : []), ...trail].map((c, i) => ({
                key: c.id,
                title: (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setTrail(trail.slice(0, Math.max(0, i)))}>
                    {c.name}
                  </Button>
                ),
              }))}
            />
            {d && trail.length > 0 && <Tag data-testid="dashboard-jurisdiction">{d.jurisdiction.name}</Tag>}
            {trail.length > 0 && (
              <Tooltip title={t('dashboard.up')}>
                <Button size="small" icon={<ArrowUpOutlined />} onClick={() => setTrail(trail.slice(0, -1))} data-testid="dashboard-up" />
              </Tooltip>
            )}
          </Space>
          <Space wrap>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="dashboard-range"
            />
            <Button icon={big ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={toggleBig}>
              {big ? t('dashboard.exitBigScreen') : t('dashboard.bigScreen')}
            </Button>
          </Space>
        </Space>
        {dashboard.isError && <Alert type="error" showIcon title={(dashboard.error as Error).message} />}
        {!d ? (
          dashboard.isPending && <Loading />
        ) : (
          <>
            <Card size="small" data-testid="dashboard-figures" data-jurisdiction={d.jurisdiction.name}>
              <Figures d={d} />
            </Card>
            {d.notPermitted.length > 0 && (
              <Alert type="info" showIcon title={t('dashboard.notPermitted', { sections: d.notPermitted.join(', ') })} />
            )}
            {can('command.read') && (
              <>
                <CommandPanel jurisdictionId={d.jurisdiction.id} onDashboard />
                <CommandDetails jurisdictionId={d.jurisdiction.id} />
              </>
            )}
            {d.map && d.map.children.length > 0 && <JurisdictionTiles d={d} onOpen={(c) => setTrail([...trail, c])} />}
            <EarlyWarningList jurisdictionId={d.jurisdiction.id} />
            <SituationReports jurisdictionId={d.jurisdiction.id} />
            <Charts d={d} name={d.jurisdiction.name} />
          </>
        )}
      </Space>
    </div>
  );
}
