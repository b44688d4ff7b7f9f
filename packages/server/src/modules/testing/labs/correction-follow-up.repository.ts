import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { communityOf } from '../testing-sql.ts';

/** What a correction's follow-up works on: the correction and its tube. */
export interface CorrectionRef {
  correctionId: string;
  tubeId: string;
  barcode: string;
  from: string;
  to: string;
}

const count = async (db: Db, statement: SQL): Promise<number> =>
  (await queryRows<{ n: number }>(db, sql`with done as (${statement} returning 1) select count(*)::int as n from done`))[0]?.n ?? 0;

/** Closing marks the task with the correction that closed it, and why. */
const closedBy = (ref: CorrectionRef, now: Date) =>
  sql`status = 'closed', closed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz,
      details = task.details || jsonb_build_object('closedReason', 'resultCorrected', 'correctionId', ${ref.correctionId}::text)`;

/**
 * The tube's own open follow-up tasks, closed by a correction to negative: a people's tube's control,
 * retest and case-candidate tasks, or an environment tube's place tasks (disinfection, worker
 * screening, batch trace, resample), found by their sample. Each by its own origin index.
 */
export async function closeTubeTasks(db: Db, ref: CorrectionRef, now: Date): Promise<number> {
  const people = await count(
    db,
    sql`update task set ${closedBy(ref, now)}
        where task.status = 'open' and task.kind in ('control', 'retest', 'case_candidate')
          and task.details->>'source' = 'testing' and task.details->>'tubeId' = ${ref.tubeId}`,
  );
  const places = await count(
    db,
    sql`update task set ${closedBy(ref, now)}
        from environment_sample es
        where es.tube_id = ${ref.tubeId} and task.status = 'open'
          and task.details->>'source' = 'environment' and task.details->>'sampleId' = es.id::text`,
  );
  return people + places;
}

/** A retest corrected to negative ends its member's tasks of the pool it answers for, as a negative retest does on import. */
export function closePoolTasksOfRetest(db: Db, ref: CorrectionRef, now: Date): Promise<number> {
  return count(
    db,
    sql`update task set ${closedBy(ref, now)}
        from pool_member pm join tube rt on rt.id = pm.tube_id
        where rt.id = ${ref.tubeId} and task.person_id = pm.person_id and task.status = 'open' and task.kind in ('control', 'retest')
          and task.details->>'source' = 'testing' and task.details->>'tubeId' = rt.retest_of_tube_id::text`,
  );
}

const alertDetails = (ref: CorrectionRef) =>
  sql`jsonb_build_object('source', 'testing', 'correctionId', ${ref.correctionId}::text, 'tubeId', ${ref.tubeId}::text,
      'barcode', ${ref.barcode}::text, 'from', ${ref.from}::text, 'to', ${ref.to}::text)`;

/**
 * One `result_corrected` alert per community the tube's members live in, or, for an environment
 * tube, the community of the sampled place (no members).
 */
export function raiseCorrectionAlerts(db: Db, ref: CorrectionRef): Promise<number> {
  const community = communityOf(sql`src.jurisdiction_path`);
  return count(
    db,
    sql`insert into alert (kind, status, dedup_key, details, jurisdiction_path)
        select 'result_corrected', 'open', 'correction:' || ${ref.correctionId}::text || ':' || c.path,
          ${alertDetails(ref)} || jsonb_build_object('members', count(src.person_id)), c.path
        from (
          select pm.jurisdiction_path, pm.person_id from pool_member pm where pm.tube_id = ${ref.tubeId}
          union all
          select es.jurisdiction_path, null::uuid from environment_sample es where es.tube_id = ${ref.tubeId}
        ) src cross join lateral (select ${community} as path) c
        group by c.path
        on conflict (dedup_key) do nothing`,
  );
}

/**
 * Active episodes handed over from this tube: a positive single tube registers the member as a
 * suspected case, audited with the reason `positive single tube <barcode>` (fan-out.service.ts).
 */
export async function episodesOpenedFrom(db: Db, ref: CorrectionRef): Promise<{ id: string; jurisdiction_path: string }[]> {
  return queryRows(
    db,
    sql`select e.id, e.jurisdiction_path from key_person_episode e
        join pool_member pm on pm.person_id = e.person_id and pm.tube_id = ${ref.tubeId}
        where e.status = 'active' and e.source = 'testing'
          and exists (select 1 from audit_event a where a.entity_type = 'key_person_episode' and a.entity_id = e.id::text
                      and a.action = 'keyPerson.register' and a.reason = ${`positive single tube ${ref.barcode}`})`,
  );
}

/** Tells key-person staff an episode lost its basis; a person decides whether it ends. */
export function raiseEpisodeAlerts(db: Db, ref: CorrectionRef, episodes: readonly { id: string; jurisdiction_path: string }[]) {
  if (episodes.length === 0) return Promise.resolve(0);
  return count(
    db,
    sql`insert into alert (kind, status, episode_id, dedup_key, details, jurisdiction_path)
        select 'episode_basis_changed', 'open', e.id::uuid, 'correction:' || ${ref.correctionId}::text || ':episode:' || e.id,
          ${alertDetails(ref)}, e.path
        from json_to_recordset(${JSON.stringify(episodes.map((e) => ({ id: e.id, path: e.jurisdiction_path })))}::json) as e(id text, path text)
        on conflict (dedup_key) do nothing`,
  );
}
