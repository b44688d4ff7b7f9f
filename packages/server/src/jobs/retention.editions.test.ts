import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clause } from '@fangkong/core/protocols/clause';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { scan } from '../db/schema/index.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { registerEpisode } from '../modules/key-persons/episode.service.ts';
import { registerPerson } from '../modules/persons/person.service.ts';
import { addHousehold, addTwoTowns, addUser, residentId, signInCommandStaff } from '../testing/factories.ts';
import { adoptProtocolDocument, townEdition } from '../testing/protocol-documents.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { runRetention } from './retention.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** 湖塘镇's own edition keeps scans 14 days and closed episodes 60 days (the shipped 9th edition: 28 and 180). */
const shorterRetention = () =>
  townEdition((edition) => {
    assert.ok(edition.retention);
    const basis = clause('湖塘镇防控方案（2026）', '七(二)', 'Scans kept 14 days, closed episodes 60 days');
    edition.retention.scans = { days: 14, basis };
    edition.retention.closedEpisodes = { days: 60, basis };
  });

/**
 * Issue 14 part 3 (RULES-001: rules per jurisdiction and effective date; one fact, one answer) with issue 12's
 * retention (CODE-009/011): the retention job asks the edition in force where each record lies (`editionAt`), so
 * once 湖塘镇 activates its own edition, its scans and people go on its periods while 牛塘镇 keeps the shipped ones.
 */
describe('retention follows the edition in force in each town (issue 14, RULES-001)', () => {
  let runtime: TestRuntime;
  const ids: Record<string, string> = {};

  const personRow = async (id: string) =>
    (
      await queryRows<{ name: string; anonymised_at: unknown }>(
        runtime.deps.database.db,
        sql`select name, anonymised_at from person where id = ${id}`,
      )
    )[0];
  const scansLeft = async () =>
    queryRows<{ jurisdiction_path: string }>(runtime.deps.database.db, sql`select jurisdiction_path from scan order by jurisdiction_path`);

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    const deps = runtime.deps;
    deps.clock = () => at('2026-08-20');
    const { county, townA, villageA, villageB } = await addTwoTowns(deps);
    ids.townA = townA.id;
    const admin = await addUser(deps, 'admin', 'system_admin', county.id);
    const root = { role: 'system_admin' as const, jurisdictionId: county.id, jurisdictionPath: '/' };
    const context: RequestContext = {
      ...systemContext('test'),
      actor: { userId: admin.id, username: 'admin', displayName: 'admin', grants: [root] },
    };
    // A close contact in each town, released 90 days before now: past 60 days, within 180.
    for (const [key, village, sequence] of [
      ['hutang', villageA, 31],
      ['niutang', villageB, 32],
    ] as const) {
      const person = await registerPerson(deps, context, {
        idType: 'resident_id',
        idNumber: residentId('19800101', sequence),
        name: `人员${key}`,
        jurisdictionId: village.id,
      });
      ids[key] = person.id;
      const episode = await registerEpisode(deps, context, { personId: person.id, category: 'close_contact', startDate: '2026-08-20' });
      const closedAt = at('2026-09-02').toISOString();
      await deps.database.db.execute(
        sql`update key_person_episode set status = 'released', released_at = ${closedAt}::timestamptz, updated_at = ${closedAt}::timestamptz
            where id = ${episode.id}`,
      );
      // A place-code scan 20 days before now (nobody's): past 14 days, within 28.
      const home = await addHousehold(deps, village, `${village.code}-01-1-0101`);
      await deps.database.db
        .insert(scan)
        .values({ personId: null, placeId: home.id, scannedAt: at('2026-11-11'), decision: 'register', jurisdictionPath: village.path });
    }
    deps.clock = () => NOW;
  });
  after(() => runtime.close());

  it('before: one general scope, the shipped 9th edition’s 28 and 180 days; nothing is due', async () => {
    const dry = await runRetention(runtime.deps, { dryRun: true });
    assert.deepEqual(
      dry.scopes.map((s) => [s.jurisdictionCode, s.editionId, s.scanDays, s.closedEpisodeDays]),
      [[null, 'cn-2022-9th', 28, 180]],
    );
    assert.deepEqual([dry.scans, dry.persons.anonymised], [0, 0]);
  });

  it('RULES-001, CODE-009/011: with 湖塘镇’s own edition active, its scan and its released person go on 14 and 60 days; 牛塘镇’s stay on 28 and 180', async () => {
    const { office, commander } = await signInCommandStaff(runtime.deps, runtime.app, ids.townA ?? '');
    await adoptProtocolDocument(office, commander, shorterRetention(), { jurisdictionId: ids.townA });
    const dry = await runRetention(runtime.deps, { dryRun: true });
    assert.deepEqual(
      dry.scopes.map((s) => [s.jurisdictionCode, s.editionId, s.scanDays, s.closedEpisodeDays]),
      [
        ['320412100', 'hutang-2026', 14, 60],
        [null, 'cn-2022-9th', 28, 180],
      ],
    );
    const result = await runRetention(runtime.deps);
    assert.deepEqual([result.editionId, result.scans, result.persons.anonymised], ['cn-2022-9th', 1, 1]);
    assert.equal(result.persons.kept['retention.keep.closedRecently'], 1, '牛塘镇’s person, released 90 days ago');
    assert.deepEqual(await scansLeft(), [{ jurisdiction_path: '/32/3204/320412/320412102/320412102001/' }]);
    assert.equal((await personRow(ids.hutang ?? ''))?.name, '已匿名');
    assert.deepEqual(await personRow(ids.niutang ?? ''), { name: '人员niutang', anonymised_at: null });
  });
});
