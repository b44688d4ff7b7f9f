import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, findEdition, measuresForLevel, type ProtocolEdition } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { responseLevel, sentinelDailyCount } from '../../db/schema/index.ts';
import { addTwoTowns, addUser, expectOk, loginAs, signInCommandStaff, type TestClient } from '../../testing/factories.ts';
import { adoptProtocolDocument, townEdition } from '../../testing/protocol-documents.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { runEarlyWarning } from '../dashboard/early-warning.job.ts';
import { insertPlace } from '../places/place.repository.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const TODAY = '2026-12-01';
const DAY = 86_400_000;
const NINTH = findEdition('cn-2022-9th') as ProtocolEdition;
const LEVEL_IV = measuresForLevel('IV', NINTH).length;

/**
 * 湖塘镇's own edition (issue 14 part 3, RULES-001, §18) changing the rules of three more modules that read only the
 * edition: the exposure look-back a checkpoint device's scan must lie in (10 days, not 14: CASE-002/003, COMM-010),
 * the level IV measures the command overview counts (one fewer: LVL-018) and the smallest pharmacy count that is an
 * early-warning signal (60, not 5: CASE-007).
 */
const operationsEdition = () =>
  townEdition((edition) => {
    assert.ok(edition.cases && edition.response && edition.earlyWarning);
    edition.cases.exposureLookbackDays.days = 10;
    const levelIV = edition.response.levels.find((l) => l.level === 'IV');
    assert.ok(levelIV && levelIV.measures.length > 1);
    levelIV.measures.pop();
    for (const w of edition.earlyWarning.watches) if (w.series === 'pharmacy_fever_drug_purchase') w.minCount = 60;
  });

/**
 * Issue 14 part 3 (RULES-001: rules per jurisdiction and effective date; one fact, one answer): once 湖塘镇's own
 * edition is active, closed management's stale-scan window, the command overview's measure checklist and early
 * warning's thresholds follow it in the town (each module asks `editionAt`), while 牛塘镇 keeps the shipped 9th edition.
 */
describe('an active district edition changes closed management, the command overview and early warning (issue 14)', () => {
  let runtime: TestRuntime;
  let commander: TestClient;
  const towns = {} as Awaited<ReturnType<typeof addTwoTowns>>;
  const deviceKeys: Record<'hutang' | 'niutang', string> = { hutang: '', niutang: '' };

  const batch = (key: string, scannedAt: Date) =>
    runtime.app.inject({
      method: 'POST',
      url: '/api/scans/batch',
      headers: { 'x-device-key': key },
      payload: { scans: [{ sequence: 1, scannedAt: scannedAt.toISOString(), decision: 'allow' }] },
    });
  const checklist = async (jurisdictionId: string) =>
    ((await expectOk(commander, 'GET', `/api/command/overview?jurisdictionId=${jurisdictionId}`)).measures as { checklist: number } | null)
      ?.checklist;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => NOW;
    const deps = runtime.deps;
    const db = deps.database.db;
    Object.assign(towns, await addTwoTowns(deps));
    const staff = await signInCommandStaff(deps, runtime.app, towns.county.id);
    commander = staff.commander;
    await adoptProtocolDocument(staff.office, commander, operationsEdition(), { jurisdictionId: towns.townA.id });
    const [approver] = await queryRows<{ id: string }>(db, sql`select id from app_user where username = 'commander'`);
    for (const [key, village] of [
      ['hutang', towns.villageA],
      ['niutang', towns.villageB],
    ] as const) {
      // a checkpoint with a registered device in each town's community (COMM-010)
      const at = { jurisdictionId: village.id, jurisdictionPath: village.path };
      const checkpoint = await insertPlace(db, { kind: 'checkpoint', name: `${key}东门卡口`, code: `${village.code}-CP-1`, ...at });
      await addUser(deps, `grid-${key}`, 'grid_worker', village.id);
      const grid = await loginAs(runtime.app, `grid-${key}`);
      deviceKeys[key] = String((await expectOk(grid, 'POST', `/api/checkpoints/${checkpoint.id}/devices`, { name: '东门平板' })).key);
      // three weeks of pharmacy fever-drug purchases, yesterday jumping from about 10 to 48 (CASE-007)
      const yesterday = addDays(TODAY, -1);
      const rows = Array.from({ length: 21 }, (_, i) => ({
        series: 'pharmacy_fever_drug_purchase',
        count: i === 20 ? 48 : 10 + (i % 3),
        day: addDays(yesterday, i - 20),
        ...at,
      }));
      await db.insert(sentinelDailyCount).values(rows);
    }
    // each town runs a level IV response, approved (LVL-018: the overview counts its cumulative measures)
    for (const town of [towns.townA, towns.townB]) {
      await db.insert(responseLevel).values({
        jurisdictionId: town.id,
        jurisdictionPath: town.path,
        editionId: 'cn-2022-9th',
        direction: 'activate',
        level: 'IV',
        basis: 'trigger',
        status: 'approved',
        reason: '测试',
        assessment: {},
        proposedBy: approver?.id ?? '',
        proposedAt: new Date(NOW.getTime() - DAY),
        approvedBy: approver?.id ?? '',
        approvedAt: new Date(NOW.getTime() - DAY),
      });
    }
  });
  after(() => runtime.close());

  it('closed management (COMM-010, CASE-002/003): a device scan 12 days old is stale in 湖塘镇 (10-day look-back), kept in 牛塘镇 (14)', async () => {
    const twelveDaysAgo = new Date(NOW.getTime() - 12 * DAY);
    const town = (await batch(deviceKeys.hutang, twelveDaysAgo)).json() as { accepted: number; items: { reason?: string }[] };
    assert.deepEqual([town.accepted, town.items[0]?.reason], [0, 'staleScan']);
    const sibling = (await batch(deviceKeys.niutang, twelveDaysAgo)).json() as { accepted: number; rejected: number };
    assert.deepEqual([sibling.accepted, sibling.rejected], [1, 0]);
  });

  it('command overview (LVL-018): 湖塘镇’s level IV checklist counts the town’s measures (one fewer), 牛塘镇’s the edition’s', async () => {
    assert.equal(await checklist(towns.townA.id), LEVEL_IV - 1);
    assert.equal(await checklist(towns.townB.id), LEVEL_IV);
  });

  it('early warning (CASE-007, SC-61): the same pharmacy jump raises a signal in 牛塘镇 only; 湖塘镇 needs 60 purchases', async () => {
    const run = await runEarlyWarning(runtime.deps);
    assert.equal(run.raised, 1);
    const signals = await queryRows<{ jurisdiction_path: string; count: number }>(
      runtime.deps.database.db,
      sql`select jurisdiction_path, count from early_warning_signal`,
    );
    assert.deepEqual(signals, [{ jurisdiction_path: towns.villageB.path, count: 48 }]);
  });
});
