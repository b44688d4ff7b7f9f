import {
  addDays,
  type DisinfectionPlaceKind,
  disinfectionStatus,
  invalid,
  readinessRules,
  shanghaiDate,
  shanghaiDayStart,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findSchedule, insertDisinfectionRecord, insertSchedule, recordTimesSince, schedulesUnder } from './preparedness.repository.ts';
import { checkDates, inScope, readPaths, writeJurisdiction } from './supplies-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Schedules under the paths with their state now (done, due, overdue: ENV-003). */
export async function scheduleStatuses(db: Db, paths: readonly string[], now: Date) {
  const schedules = await schedulesUnder(db, paths);
  // Two weeks back covers this period and the previous one, weekly schedules included.
  const since = shanghaiDayStart(addDays(shanghaiDate(now), -14));
  const times = await recordTimesSince(
    db,
    schedules.map((s) => s.id),
    since,
  );
  return schedules.map((s) => ({
    schedule: s,
    status: disinfectionStatus({ times: s.times, per: s.per as 'day' | 'week' }, s.startsOn, times.get(s.id) ?? [], now),
  }));
}

const view = ({ schedule: s, status }: Awaited<ReturnType<typeof scheduleStatuses>>[number]) => ({
  id: s.id,
  jurisdictionId: s.jurisdictionId,
  placeKind: s.placeKind,
  placeName: s.placeName,
  times: s.times,
  per: s.per,
  startsOn: s.startsOn,
  ...status,
});

export async function listSchedules(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  return (await scheduleStatuses(db, await readPaths(db, context, query.jurisdictionId), deps.clock())).map(view);
}

export interface NewSchedule {
  jurisdictionId: string;
  placeKind: DisinfectionPlaceKind;
  placeName: string;
  times?: number;
  startsOn?: string;
}

/** A place put on the schedule at its kind's frequency (ENV-003); more often is allowed, less is not. */
export async function createSchedule(deps: Deps, context: RequestContext, input: NewSchedule) {
  checkDates({ startsOn: input.startsOn });
  const db = deps.database.db;
  const where = await writeJurisdiction(db, context, input.jurisdictionId);
  const norm = readinessRules().disinfection[input.placeKind];
  const times = input.times ?? norm.times;
  if (times < norm.times) throw invalid('times', 'belowDisinfectionNorm', { min: norm.times });
  const startsOn = input.startsOn ?? shanghaiDate(deps.clock());
  return db.transaction(async (tx) => {
    const row = await insertSchedule(tx, {
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
      placeKind: input.placeKind,
      placeName: input.placeName.trim(),
      times,
      per: norm.per,
      startsOn,
    });
    await recordAudit(tx, context, {
      action: 'supply.disinfectionSchedule',
      entityType: 'disinfection_schedule',
      entityId: row.id,
      jurisdictionPath: where.path,
      after: { ...input, times, per: norm.per },
    });
    return view({ schedule: row, status: disinfectionStatus({ times, per: norm.per }, startsOn, [], deps.clock()) });
  });
}

/** A disinfection done (ENV-003): not in the future, not before the schedule began. */
export async function recordDisinfection(deps: Deps, context: RequestContext, id: string, input: { doneAt?: string; note?: string }) {
  const db = deps.database.db;
  const schedule = inScope(await findSchedule(db, id), context, 'supply.write');
  const now = deps.clock();
  const doneAt = input.doneAt ? new Date(input.doneAt) : now;
  if (Number.isNaN(doneAt.getTime())) throw invalid('doneAt', 'invalidDateTime');
  if (doneAt.getTime() > now.getTime()) throw invalid('doneAt', 'futureTime');
  if (shanghaiDate(doneAt) < schedule.startsOn) throw invalid('doneAt', 'beforeSchedule');
  return db.transaction(async (tx) => {
    const row = await insertDisinfectionRecord(tx, {
      scheduleId: id,
      doneAt,
      doneBy: context.actor.userId,
      note: input.note ?? null,
      jurisdictionPath: schedule.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'supply.disinfectionRecord',
      entityType: 'disinfection_schedule',
      entityId: id,
      jurisdictionPath: schedule.jurisdictionPath,
      after: { doneAt: doneAt.toISOString(), note: input.note ?? null },
    });
    return { id: row.id, doneAt: row.doneAt.toISOString() };
  });
}
