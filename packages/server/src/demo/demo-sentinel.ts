// The demo's sentinel series (issue 17): 60 days of fever-clinic visits, pharmacy fever/cough drug purchases,
// school illness absences and ILI for every community of the demo town, as the institutions' modules write them
// (sentinel_daily_count), with a weekly rhythm and a jump in pharmacy purchases yesterday in one community;
// then one early-warning run, so that `commander` and `cdc` find the charts filled and one signal open.
import { addDays, createRandom, type SentinelSeries, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { sentinelDailyCount } from '../db/schema/index.ts';
import { runEarlyWarning } from '../modules/dashboard/early-warning.job.ts';
import type { JurisdictionRow } from '../modules/jurisdictions/jurisdiction.repository.ts';

const DAYS = 60;
/** Base daily level per community; the weekend is lower (clinics and schools). */
const BASE: Partial<Record<SentinelSeries, number>> = {
  fever_clinic_visit: 9,
  pharmacy_fever_drug_purchase: 14,
  school_illness_absence: 4,
  ili: 3,
};
/** Yesterday's pharmacy purchases in the first community: the jump the early-warning run finds (CASE-007, SC-61). */
const JUMP = 46;

function countOf(series: SentinelSeries, base: number, i: number, wobble: number): number {
  const weekend = i % 7 >= 5;
  if (series === 'school_illness_absence' && weekend) return 0;
  return Math.max(0, base - (weekend ? 2 : 0) + wobble);
}

/** The (community, series) pairs the institutions' demo records (issue 16) have already counted. */
async function recordedSeries(deps: AppDeps): Promise<Set<string>> {
  const rows = await deps.database.db
    .selectDistinct({ jurisdictionId: sentinelDailyCount.jurisdictionId, series: sentinelDailyCount.series })
    .from(sentinelDailyCount);
  return new Set(rows.map((r) => `${r.jurisdictionId} ${r.series}`));
}

/**
 * The series and one run of the early-warning job; the number of signals raised. A series the institutions'
 * demo records already count is theirs alone; the jump goes to the first community whose pharmacy series is ours.
 */
export async function seedDemoSentinel(deps: AppDeps, communities: readonly JurisdictionRow[], seed: number): Promise<number> {
  const yesterday = addDays(shanghaiDate(deps.clock()), -1);
  const recorded = await recordedSeries(deps);
  const ours = (community: JurisdictionRow, series: SentinelSeries) => !recorded.has(`${community.id} ${series}`);
  const jumpCommunity = communities.find((c) => ours(c, 'pharmacy_fever_drug_purchase'));
  const rows: (typeof sentinelDailyCount.$inferInsert)[] = [];
  communities.forEach((community, c) => {
    const random = createRandom(seed, 'sentinel', c);
    for (const [series, base] of Object.entries(BASE) as [SentinelSeries, number][]) {
      if (!ours(community, series)) continue;
      for (let i = 0; i < DAYS; i++) {
        const day = addDays(yesterday, i - DAYS + 1);
        const jump = community === jumpCommunity && series === 'pharmacy_fever_drug_purchase' && i === DAYS - 1;
        rows.push({
          jurisdictionId: community.id,
          jurisdictionPath: community.path,
          series,
          day,
          count: jump ? JUMP : countOf(series, base, i, random.int(0, 1)),
        });
      }
    }
  });
  for (let i = 0; i < rows.length; i += 1000) await deps.database.db.insert(sentinelDailyCount).values(rows.slice(i, i + 1000));
  return (await runEarlyWarning(deps)).raised;
}
