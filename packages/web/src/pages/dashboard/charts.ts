// The dashboard's chart options: pure functions of the API's answer (the data tables are the server's .xlsx export).
import type { EChartsCoreOption } from 'echarts';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import type { DashboardData } from './dashboard-api.ts';

const CLASS_COLOURS: Record<string, string> = { confirmed: '#cf1322', asymptomatic: '#fa8c16', suspected: '#fadb14', excluded: '#bfbfbf' };

export function epicurve(d: DashboardData, by: 'byReportDay' | 'byOnsetDay', t: Translate) {
  const series = d.cases[by];
  const label = (c: string) => t(`case.classification.${c}` as MessageKey);
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: d.days },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: [{ type: 'inside' }],
    series: Object.entries(series).map(([c, counts]) => ({
      name: label(c),
      type: 'bar',
      stack: 'cases',
      data: counts,
      itemStyle: { color: CLASS_COLOURS[c] },
    })),
  };
  return { option };
}

export function rtChart(d: DashboardData, t: Translate) {
  const rt = d.analytics.rt;
  const estimates = rt.available ? rt.estimates : [];
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: estimates.map((e) => e.tEnd) },
    yAxis: { type: 'value' },
    series: [
      {
        name: t('dashboard.rtLower'),
        type: 'line',
        data: estimates.map((e) => e.q025),
        lineStyle: { opacity: 0 },
        stack: 'ci',
        symbol: 'none',
      },
      {
        name: t('dashboard.rtUpper'),
        type: 'line',
        data: estimates.map((e) => (e.q975 !== null && e.q025 !== null ? e.q975 - e.q025 : null)),
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#91caff', opacity: 0.5 },
        stack: 'ci',
        symbol: 'none',
      },
      {
        name: t('dashboard.rtMean'),
        type: 'line',
        data: estimates.map((e) => e.mean),
        itemStyle: { color: '#1677ff' },
        markLine: { silent: true, symbol: 'none', data: [{ yAxis: 1 }], lineStyle: { color: '#cf1322', type: 'dashed' } },
      },
    ],
  };
  return { option };
}

export function sentinelChart(d: DashboardData, t: Translate) {
  const label = (s: string) => t(`sentinel.${s}` as MessageKey);
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: d.days },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: [{ type: 'inside' }],
    series: Object.entries(d.sentinel.series).map(([s, counts]) => ({ name: label(s), type: 'line', data: counts, symbol: 'none' })),
  };
  return { option };
}

export function keyPersonChart(d: DashboardData, label: (category: string) => string) {
  const byCategory = new Map<string, number>();
  for (const k of d.keyPersons.byCategory) byCategory.set(k.category, (byCategory.get(k.category) ?? 0) + k.count);
  const rows = [...byCategory.entries()].sort((a, b) => b[1] - a[1]);
  const option: EChartsCoreOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(([c]) => label(c)), inverse: true },
    series: [{ type: 'bar', data: rows.map(([, n]) => n), itemStyle: { color: '#722ed1' } }],
  };
  return { option };
}
