// The dashboard's chart data as workbooks (issue 17 §5): each chart's table is built here once from the dashboard's
// answer, and the page's data buttons download it; the writing is the shared titled-table helper.
import { type Cell, type TitledTable, titledTablesXlsx } from '../../exports/titled-table.xlsx.ts';
import type { RequestContext } from '../../http/context.ts';
import { zhCategory, zhManagement } from '../key-persons/documents/labels.ts';
import { type DashboardQuery, dashboard } from './dashboard.service.ts';
import { seriesLabel } from './series-labels.ts';

type Deps = Parameters<typeof dashboard>[0];
type DashboardAnswer = Awaited<ReturnType<typeof dashboard>>;

/** The charts of the dashboard page, by the id its cards carry. */
export const DASHBOARD_CHARTS = ['epicurve-report', 'epicurve-onset', 'rt', 'sentinel', 'key-persons'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

const classificationZh = (c: string) => (c === 'excluded' ? '已排除' : zhCategory(c));

function seriesRows(days: readonly string[], series: Record<string, number[]>): Cell[][] {
  const keys = Object.keys(series);
  return days.map((day, i) => [day, ...keys.map((k) => series[k]?.[i] ?? 0)]);
}

function chartTable(d: DashboardAnswer, chart: DashboardChart): Omit<TitledTable, 'subtitle'> {
  if (chart === 'epicurve-report' || chart === 'epicurve-onset') {
    const series = chart === 'epicurve-report' ? d.cases.byReportDay : d.cases.byOnsetDay;
    const by = chart === 'epicurve-report' ? '报告日期' : '发病日期';
    return {
      sheet: `病例（按${by}）`,
      title: `${d.jurisdiction.name} 每日新增病例（按${by}、分类）`,
      header: [by, ...Object.keys(series).map(classificationZh)],
      rows: seriesRows(d.days, series),
    };
  }
  if (chart === 'sentinel') {
    return {
      sheet: '哨点监测',
      title: `${d.jurisdiction.name} 哨点监测每日计数`,
      header: ['日期', ...Object.keys(d.sentinel.series).map((s) => seriesLabel(s).zh)],
      rows: seriesRows(d.days, d.sentinel.series),
    };
  }
  if (chart === 'rt') {
    const rt = d.analytics.rt;
    return {
      sheet: '实时再生数Rt',
      title: `${d.jurisdiction.name} 实时再生数 Rt（Cori 等 2013，7 天滑动窗）`,
      header: ['窗口起', '窗口止', 'Rt 均值', '95% 下限', '95% 上限'],
      rows: rt.available
        ? rt.estimates.map((e) => [e.tStart, e.tEnd, e.mean, e.q025, e.q975])
        : [[rt.detail ?? rt.reason, null, null, null, null]],
    };
  }
  return {
    sheet: '在管重点人员',
    title: `${d.jurisdiction.name} 在管重点人员（按类别、管理方式）`,
    header: ['人员类别', '管理方式', '人数'],
    rows: d.keyPersons.byCategory.map((k) => [zhCategory(k.category), zhManagement(k.managementType), k.count]),
  };
}

/** The data of one chart, or of every chart, for a jurisdiction and range, as one workbook (a sheet per chart). */
export async function dashboardXlsx(deps: Deps, context: RequestContext, query: DashboardQuery & { chart?: DashboardChart }) {
  const d = await dashboard(deps, context, query);
  const subtitle = `辖区：${d.jurisdiction.name}    时段：${d.range.from} 至 ${d.range.to}    生成时间：${d.asOf}`;
  const charts = query.chart ? [query.chart] : DASHBOARD_CHARTS;
  const file = await titledTablesXlsx(charts.map((c) => ({ ...chartTable(d, c), subtitle })));
  return { file, name: `${d.jurisdiction.name}-${query.chart ?? 'dashboard'}-${d.range.from}-${d.range.to}.xlsx` };
}
