import {
  type CalendarDate,
  clusterName,
  detectClusters,
  editionInForce,
  maskName,
  scopePaths,
  serialInterval,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { type ChainFilter, chainNodes, chainRoots, clusterInput, followUpByInvestigator, transmissionPairs } from './chain.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const readScope = (context: RequestContext) => scopePaths(context.actor.grants, 'keyPerson.read');

/**
 * Transmission chains (CASE-009, issue 11 §6): a page of roots and, in one recursive query, every case
 * below them with its infector and depth; the client draws the tree. Names masked.
 */
export async function chains(deps: Deps, context: RequestContext, query: Omit<ChainFilter, 'paths'>, limit: number, offset: number) {
  const db = deps.database.db;
  const filter = { ...query, paths: readScope(context) };
  const { rootIds, total } = await chainRoots(db, filter, limit, offset);
  const nodes = await chainNodes(db, rootIds, filter.paths);
  const byRoot = new Map<string, typeof nodes>();
  for (const n of nodes) byRoot.set(n.root_id, [...(byRoot.get(n.root_id) ?? []), n]);
  const items = rootIds.map((rootId) => {
    const members = byRoot.get(rootId) ?? [];
    return {
      rootId,
      caseNumber: members[0]?.case_number ?? '',
      size: members.length,
      depth: Math.max(0, ...members.map((m) => m.depth)),
      contacts: members.reduce((sum, m) => sum + m.contacts, 0),
      nodes: members.map((m) => ({
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
  });
  return { items, total };
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

/** Clusters (聚集性疫情) by the rule of the edition in force today, over the cases in scope, named by area and start. */
export async function clusters(deps: Deps, context: RequestContext) {
  const today = shanghaiDate(deps.clock());
  const rule = editionInForce(today)?.tracing?.cluster;
  if (!rule) return { rule: null, items: [] };
  const rows = await clusterInput(deps.database.db, readScope(context));
  const found = detectClusters(
    rows.map((r) => ({ caseId: r.id, date: r.date as CalendarDate, areaKey: r.area_key })),
    rows.flatMap((r) => (r.infector_case_id ? [{ fromCaseId: r.infector_case_id, toCaseId: r.id }] : [])),
    rule,
  );
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
