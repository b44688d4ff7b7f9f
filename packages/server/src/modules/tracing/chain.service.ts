import {
  type CalendarDate,
  clusterName,
  detectClusters,
  maskName,
  notFound,
  scopePaths,
  serialInterval,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { editionAt } from '../protocols/protocol-in-force.ts';
import {
  type ChainFilter,
  caseNumbers,
  chainNodes,
  chainRoots,
  chainSummaries,
  clusterInput,
  followUpByInvestigator,
  transmissionPairs,
} from './chain.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const readScope = (context: RequestContext) => scopePaths(context.actor.grants, 'keyPerson.read');

/**
 * Transmission chains (CASE-009, issue 11 §6): a page of roots (cases without a known infector) with each
 * chain's size, generations and confirmed contacts aggregated in SQL; the cases of a chain come with
 * `chainDetail` when it is opened, so the list stays small however large the outbreak (Go.Data's pain).
 */
export async function chains(deps: Deps, context: RequestContext, query: Omit<ChainFilter, 'paths'>, limit: number, offset: number) {
  const db = deps.database.db;
  const filter = { ...query, paths: readScope(context) };
  const { rootIds, total } = await chainRoots(db, filter, limit, offset);
  const [summaries, roots] = await Promise.all([chainSummaries(db, rootIds, filter.paths), caseNumbers(db, rootIds)]);
  const byRoot = new Map(summaries.map((s) => [s.root_id, s]));
  const numbers = new Map(roots.map((r) => [r.id, r.case_number]));
  const items = rootIds.map((rootId) => ({
    rootId,
    caseNumber: numbers.get(rootId) ?? '',
    size: byRoot.get(rootId)?.size ?? 0,
    depth: byRoot.get(rootId)?.depth ?? 0,
    contacts: byRoot.get(rootId)?.contacts ?? 0,
  }));
  return { items, total };
}

/** The cases of one chain in my scope (names masked), nearest generations first, at most `limit`; 404 outside scope. */
export async function chainDetail(deps: Deps, context: RequestContext, rootId: string, limit: number) {
  const nodes = await chainNodes(deps.database.db, rootId, readScope(context), limit + 1);
  if (nodes.length === 0) throw notFound('id');
  return {
    rootId,
    truncated: nodes.length > limit,
    nodes: nodes.slice(0, limit).map((m) => ({
      caseId: m.id,
      infectorCaseId: m.infector_case_id,
      depth: m.depth,
      caseNumber: m.case_number,
      classification: m.classification,
      onsetDate: m.onset_date,
      name: maskName(m.name),
      contacts: m.contacts,
    })),
  };
}

/** The observed serial interval from confirmed infector → infectee pairs in scope (mean, sd, pairs). */
export async function serialIntervalOfChains(deps: Deps, context: RequestContext) {
  const rows = await transmissionPairs(deps.database.db, readScope(context));
  return serialInterval(
    rows.map((r) => ({
      infectorCaseId: r.infector_case_id,
      infecteeCaseId: r.infectee_case_id,
      infectorOnset: r.infector_onset as CalendarDate | null,
      infecteeOnset: r.infectee_onset as CalendarDate | null,
    })),
  );
}

/**
 * Clusters (聚集性疫情) by the rule of the edition in force today over the cases under `paths`, with the
 * chain links they were found from: the one detection the clusters page and the response levels read. The
 * edition is the one in force at the first path (the caller's own jurisdiction, or the place a level is set
 * for): the district's own when it activated one (issue 14, RULES-001), else shipped.
 */
export async function clustersUnder(deps: Deps, paths: readonly string[]) {
  const rule = (await editionAt(deps.database.db, paths[0] ?? '/', deps.clock()))?.tracing?.cluster;
  if (!rule) return { rule: null, found: [], links: [] };
  const rows = await clusterInput(deps.database.db, paths);
  const links = rows.flatMap((r) => (r.infector_case_id ? [{ fromCaseId: r.infector_case_id, toCaseId: r.id }] : []));
  const found = detectClusters(
    rows.map((r) => ({ caseId: r.id, date: r.date as CalendarDate, areaKey: r.area_key })),
    links,
    rule,
  );
  return { rule, found, links };
}

/** Clusters (聚集性疫情) by the rule of the edition in force today, over the cases in scope, named by area and start. */
export async function clusters(deps: Deps, context: RequestContext) {
  const { rule, found } = await clustersUnder(deps, readScope(context));
  if (!rule) return { rule: null, items: [] };
  return {
    rule: { minCases: rule.minCases, windowDays: rule.windowDays, grouping: rule.grouping },
    items: found.map((c) => ({
      name: clusterName(c.areaKey ?? c.caseIds[0] ?? '', c.from),
      caseIds: c.caseIds,
      areaKey: c.areaKey,
      from: c.from,
      to: c.to,
      size: c.caseIds.length,
    })),
  };
}

/** Per investigator: contacts under follow-up, checks done against due, lost to follow-up, turned cases (issue 11 §4). */
export async function followUpStatus(deps: Deps, context: RequestContext) {
  const rows = await followUpByInvestigator(deps.database.db, readScope(context), shanghaiDate(deps.clock()));
  return rows.map((r) => ({
    investigatorId: r.investigator_id,
    investigator: r.investigator,
    underFollowUp: r.under_follow_up,
    checksDue: r.checks_due,
    checksDone: r.checks_done,
    lost: r.lost,
    becameCases: r.became_cases,
  }));
}
