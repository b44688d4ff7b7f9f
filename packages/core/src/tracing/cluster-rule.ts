import { type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { TracingRules } from '../protocols/protocol-types.ts';

/** A case as the cluster rule sees it: its date (onset, else sampling) and the small area it belongs to. */
export interface ClusterCase {
  caseId: string;
  date: CalendarDate;
  /** The small area (residential compound, village, school, factory): the key of the same-area grouping. */
  areaKey: string | null;
}

/** An epidemiological link between two cases (infector → infectee, or a shared exposure). */
export interface CaseLink {
  fromCaseId: string;
  toCaseId: string;
}

export interface DetectedCluster {
  /** Sorted by date, then id: a stable key for naming and storing. */
  caseIds: string[];
  areaKey: string | null;
  from: CalendarDate;
  to: CalendarDate;
  because: Reason[];
}

type Rule = TracingRules['cluster'];

function linkedGroups(cases: readonly ClusterCase[], links: readonly CaseLink[]): ClusterCase[][] {
  const parent = new Map(cases.map((c) => [c.caseId, c.caseId]));
  const root = (id: string): string => {
    const up = parent.get(id) ?? id;
    return up === id ? id : root(up);
  };
  for (const link of links) {
    if (!parent.has(link.fromCaseId) || !parent.has(link.toCaseId)) continue;
    parent.set(root(link.fromCaseId), root(link.toCaseId));
  }
  return groupBy(cases, (c) => root(c.caseId));
}

function groupBy(cases: readonly ClusterCase[], key: (c: ClusterCase) => string | null): ClusterCase[][] {
  const groups = new Map<string, ClusterCase[]>();
  for (const c of cases) {
    const k = key(c);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  return [...groups.values()];
}

/** Splits a group's cases (sorted by date) where two consecutive dates are a full window or more apart. */
function runs(sorted: readonly ClusterCase[], windowDays: number): ClusterCase[][] {
  const out: ClusterCase[][] = [];
  for (const c of sorted) {
    const last = out.at(-1);
    const previous = last?.at(-1);
    if (last && previous && daysBetween(previous.date, c.date) < windowDays) last.push(c);
    else out.push([c]);
  }
  return out;
}

/** The most cases whose dates fit one window of `windowDays` calendar days (day 0 … day windowDays − 1). */
export function mostInWindow(sorted: readonly ClusterCase[], windowDays: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (daysBetween(sorted[start]?.date ?? '', sorted[end]?.date ?? '') >= windowDays) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

const byDate = (a: ClusterCase, b: ClusterCase) => a.date.localeCompare(b.date) || a.caseId.localeCompare(b.caseId);

/**
 * 聚集性疫情 by the edition's rule (REQUIREMENTS CASE-009): at least `minCases` cases whose dates fit in
 * `windowDays` days, grouped by small area or by epidemiological links. A run of such cases is one cluster.
 */
export function detectClusters(cases: readonly ClusterCase[], links: readonly CaseLink[], rule: Rule): DetectedCluster[] {
  const groups = rule.grouping === 'same_area' ? groupBy(cases, (c) => c.areaKey) : linkedGroups(cases, links);
  const found: DetectedCluster[] = [];
  for (const group of groups) {
    for (const run of runs([...group].sort(byDate), rule.windowDays)) {
      if (mostInWindow(run, rule.windowDays) < rule.minCases) continue;
      const first = run[0];
      const last = run.at(-1);
      if (!first || !last) continue;
      const areaKey = rule.grouping === 'same_area' ? first.areaKey : null;
      found.push({
        caseIds: run.map((c) => c.caseId),
        areaKey,
        from: first.date,
        to: last.date,
        because: [because('clusterRule', rule.basis)],
      });
    }
  }
  return found.sort((a, b) => a.from.localeCompare(b.from));
}

/** The name a cluster is listed under: its area (or first case) and the date it began. */
export function clusterName(label: string, from: CalendarDate): { zh: string; en: string } {
  return { zh: `${label}聚集性疫情（${from}）`, en: `${label} cluster (${from})` };
}
