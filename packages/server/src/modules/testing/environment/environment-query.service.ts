import {
  environmentFollowUpOf,
  environmentRulesOf,
  isEnvironmentSpecimenKind,
  notFound,
  pathInScope,
  type TestingRules,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { RequestContext } from '../../../http/context.ts';
import { rulesOfStoredEdition, scopeOf } from '../testing-access.ts';
import { iso, readPaths } from './environment-access.ts';
import { followUpPaths } from './environment-paths.ts';
import { findSampleRow, followUpOfSample, type SampleFilter, type SampleRow, sampleRows } from './environment-sample.repository.ts';
import { placeStatusRows } from './place-status.repository.ts';
import { riskOfRow } from './place-status.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const itemOf = (row: SampleRow) => ({
  id: row.id,
  tubeId: row.tube_id,
  barcode: row.barcode,
  labName: row.lab_name,
  placeId: row.place_id,
  placeName: row.place_name,
  placeKind: row.place_kind,
  jurisdictionName: row.jurisdiction_name,
  specimenKind: row.specimen_kind,
  goodsDescription: row.goods_description,
  coldChain: row.cold_chain,
  imported: row.imported,
  originCountry: row.origin_country,
  batchNumber: row.batch_number,
  note: row.note,
  sampledAt: iso(row.sampled_at) ?? '',
  sampledByName: row.sampled_by_name,
  result: row.result,
  resultAt: iso(row.tested_at),
  openTasks: row.open_tasks,
});

export type SampleQuery = Omit<SampleFilter, 'paths'> & { jurisdictionId?: string };

/** Environment and goods samples in scope, newest first, with their results and open follow-up. */
export async function listEnvironmentSamples(deps: Deps, context: RequestContext, query: SampleQuery) {
  const paths = await readPaths(deps.database.db, context, query.jurisdictionId);
  const rows = await sampleRows(deps.database.db, { ...query, paths });
  return { total: rows[0]?.total ?? 0, items: rows.map(itemOf) };
}

/** Why the result set off what it did: the edition's rules for the sample, recomputed (core is pure). */
function followUpReasons(row: SampleRow, testing: TestingRules) {
  if (!row.result || !isEnvironmentSpecimenKind(row.specimen_kind)) return { decision: [], because: [] };
  const rules = environmentRulesOf(testing);
  return environmentFollowUpOf(rules, { result: row.result, specimenKind: row.specimen_kind, batchNumber: row.batch_number });
}

/** One sample with its follow-up (alerts, tasks, each traceable to the tube) and its place's risk flag. */
export async function environmentSampleDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await findSampleRow(db, id);
  if (!row || !pathInScope(row.jurisdiction_path, scopeOf(context, 'testing.read'))) throw notFound('id');
  const [{ tasks, alerts }, [place]] = await Promise.all([
    followUpOfSample(db, id, followUpPaths(row.jurisdiction_path)),
    placeStatusRows(db, { paths: [row.jurisdiction_path], placeId: row.place_id }),
  ]);
  const testing = await rulesOfStoredEdition(db, row.edition_id);
  const risk = place ? riskOfRow(environmentRulesOf(testing), place) : null;
  return {
    ...itemOf(row),
    editionId: row.edition_id,
    followUp: followUpReasons(row, testing),
    placeRisk: risk ? { decision: risk.decision, since: risk.since?.toISOString() ?? null, because: risk.because } : null,
    tasks: tasks.map((task) => ({
      id: task.id,
      kind: task.kind,
      status: task.status,
      createdAt: iso(task.created_at) ?? '',
      closedAt: iso(task.closed_at),
      // The district's batch trace is the district's to close, not the community's.
      closable: task.status === 'open' && pathInScope(task.jurisdiction_path, scopeOf(context, 'testing.sample')),
      details: task.details,
    })),
    alerts: alerts.map((alert) => ({
      id: alert.id,
      kind: alert.kind,
      status: alert.status,
      audience: String(alert.details.audience ?? ''),
      createdAt: iso(alert.created_at) ?? '',
    })),
  };
}
