// The information reminders (DAILY-007, INFO-006, INFO-004), run like the daily reports' reminder sweep
// (reports/report-reminder.job.ts): every minute, idempotent by dedup key, one audited job event when anything rose.
import {
  type AlertKind,
  type CalendarDate,
  COUNTRY_ROOT,
  dailyOutbreakDueAt,
  dailyOutbreakState,
  informationRules,
  opinionClock,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import { systemContext } from '../../http/context.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import { editionAt } from '../protocols/protocol-in-force.ts';
import { raisedKeys } from '../reports/report-alert.repository.ts';
import { levelsSetUnder } from '../response/response.service.ts';
import { dailyPublishedAt, unclosedOpinions } from './information.repository.ts';
import { informationRulesOf } from './information-access.ts';
import { itemOf } from './opinion.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface InformationReminderSweep {
  dailyDue: number;
  dailyLate: number;
  opinionOverdue: number;
}

interface Notice {
  kind: Extract<AlertKind, 'info_daily_due' | 'info_daily_late' | 'opinion_overdue'>;
  dedupKey: string;
  path: string;
  details: Record<string, unknown>;
}

/**
 * The places that owe the day's outbreak information: those whose own emergency response is running (an outbreak,
 * DAILY-007 "after an outbreak"; the level's one answer, response.service), each due at its edition's hour.
 */
async function dailyNotices(db: Db, now: Date, day: CalendarDate): Promise<Notice[]> {
  const places = await findJurisdictionsByPaths(
    db,
    (await levelsSetUnder(db, COUNTRY_ROOT.path)).map((l) => l.jurisdictionPath),
  );
  const published = await dailyPublishedAt(
    db,
    places.map((p) => p.id),
    day,
  );
  const notices: Notice[] = [];
  for (const place of places) {
    // A place with no edition in force has no hour to miss (informationNow refuses it): it is left out, not the sweep.
    const edition = await editionAt(db, place.path, now);
    if (!edition) continue;
    const rules = informationRules(edition);
    const state = dailyOutbreakState(rules, day, published.get(place.id) ?? null, now);
    if (state !== 'due_soon' && state !== 'missing') continue;
    const kind = state === 'missing' ? 'info_daily_late' : 'info_daily_due';
    notices.push({
      kind,
      dedupKey: `${kind}:${place.id}:${day}`,
      path: place.path,
      details: {
        jurisdictionId: place.id,
        jurisdictionName: place.name,
        day,
        dueAt: dailyOutbreakDueAt(rules, day).toISOString(),
        basis: rules.dailyOutbreak.basis,
      },
    });
  }
  return notices;
}

/** An item past its response deadline (still open) or its closure deadline (not closed) raises once per deadline (INFO-004). */
async function opinionNotices(db: Db, now: Date): Promise<Notice[]> {
  const rows = await unclosedOpinions(db);
  const rulesOf = await informationRulesOf(
    db,
    rows.map((r) => r.editionId),
  );
  return rows.flatMap((row) => {
    const clock = opinionClock(rulesOf(row.editionId), itemOf(row), now);
    const stages = [
      ...(row.status === 'open' && clock.responseOverdue ? [{ stage: 'respond', dueAt: clock.respondBy }] : []),
      ...(clock.closeOverdue ? [{ stage: 'close', dueAt: clock.closeBy }] : []),
    ];
    return stages.map(({ stage, dueAt }) => ({
      kind: 'opinion_overdue' as const,
      dedupKey: `opinion_overdue:${stage}:${row.id}`,
      path: row.jurisdictionPath,
      details: {
        opinionId: row.id,
        opinionKind: row.kind,
        summary: row.summary,
        stage,
        dueAt: dueAt.toISOString(),
        because: clock.because,
      },
    }));
  });
}

/**
 * Reminders for the information duties: the day's outbreak information due within its reminder window or missed at
 * its hour (10:00 Asia/Shanghai in the shipped edition, DAILY-007, INFO-006), and rumours, complaints and queries past
 * their handling deadlines (INFO-004). Alerts sit at the place and are seen there and above. Safe to run any number of times.
 */
export async function runInformationReminderSweep(deps: Deps): Promise<InformationReminderSweep> {
  const db = deps.database.db;
  const now = deps.clock();
  const day = shanghaiDate(now);
  const all = [...(await dailyNotices(db, now, day)), ...(await opinionNotices(db, now))];
  const raisedBefore = await raisedKeys(
    db,
    all.map((n) => n.dedupKey),
  );
  const notices = all.filter((n) => !raisedBefore.has(n.dedupKey));
  return db.transaction(async (tx) => {
    const result = { dailyDue: 0, dailyLate: 0, opinionOverdue: 0 };
    const field = { info_daily_due: 'dailyDue', info_daily_late: 'dailyLate', opinion_overdue: 'opinionOverdue' } as const;
    for (const n of notices) {
      if (await raiseAlert(tx, { kind: n.kind, dedupKey: n.dedupKey, details: n.details, jurisdictionPath: n.path }))
        result[field[n.kind]] += 1;
    }
    if (result.dailyDue + result.dailyLate + result.opinionOverdue > 0) {
      await recordAudit(tx, systemContext('information-reminder-sweep', `information-reminders-${now.toISOString()}`), {
        action: 'jobs.informationReminderSweep',
        entityType: 'job',
        after: { day, ...result },
      });
    }
    return result;
  });
}

/** Runs now and then every minute (the 10:00 hour is missed at 10:01); the timer does not keep the process alive. */
export function scheduleInformationReminderSweep(deps: Deps, log: (message: string) => void, intervalMs = 60_000): () => void {
  const run = () =>
    runInformationReminderSweep(deps)
      .then((r) =>
        r.dailyDue + r.dailyLate + r.opinionOverdue > 0
          ? log(`information reminders: ${r.dailyDue} due soon, ${r.dailyLate} late, ${r.opinionOverdue} opinion items overdue`)
          : undefined,
      )
      .catch((error: unknown) => log(`information reminder sweep failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
