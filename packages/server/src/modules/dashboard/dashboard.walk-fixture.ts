import assert from 'node:assert/strict';
import { addDays, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { sentinelDailyCount } from '../../db/schema/index.ts';
import { runEarlyWarning } from './early-warning.job.ts';
import { compileSituationReport } from './situation-report.service.ts';

/** Town A's early-warning signal for the scope walk (http/scope-walk.test.ts): a town-B user must not reach it. */
export interface DashboardWalkIds {
  signalId: string;
  situationReportId: string;
}

/** Three weeks of pharmacy purchases in A's community with a jump yesterday, then one early-warning run. */
export async function dashboardWalkFixture(
  deps: AppDeps,
  village: { id: string; path: string },
  town: { id: string; path: string },
): Promise<DashboardWalkIds> {
  const yesterday = addDays(shanghaiDate(deps.clock()), -1);
  const rows = Array.from({ length: 21 }, (_, i) => ({
    jurisdictionId: village.id,
    jurisdictionPath: village.path,
    series: 'pharmacy_fever_drug_purchase',
    day: addDays(yesterday, i - 20),
    count: i === 20 ? 60 : 10 + (i % 3),
  }));
  await deps.database.db.insert(sentinelDailyCount).values(rows);
  const run = await runEarlyWarning(deps);
  assert.equal(run.raised, 1, 'the walk fixture raises one signal');
  const [signal] = await deps.database.db.query.earlyWarningSignal.findMany({ limit: 1 });
  assert.ok(signal);
  // Town A's own 疫情日报 (DAILY-007) of yesterday: towns compile their own, and a list shows the caller's place's.
  assert.ok(await compileSituationReport(deps, town, yesterday));
  const [report] = await deps.database.db.query.situationReport.findMany({ limit: 1 });
  assert.ok(report);
  return { signalId: signal.id, situationReportId: report.id };
}
