import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportProfile, type LocalProfile, shanghaiDate } from '@fangkong/core';
import { clause } from '@fangkong/core/protocols/clause';
import { eq, sql } from 'drizzle-orm';
import { searchAudit } from '../audit/audit.service.ts';
import { queryRows } from '../db/query-rows.ts';
import { healthObservation, householdPass, outsiderRegistration, passUse, protocolDocument, scan } from '../db/schema/index.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { endCase, openCase } from '../modules/cases/case.service.ts';
import { registerEpisode } from '../modules/key-persons/episode.service.ts';
import { changePerson, listPersons, registerPerson } from '../modules/persons/person.service.ts';
import { insertProtocolDocument } from '../modules/protocols/protocol-document.repository.ts';
import { addHousehold, addTwoTowns, addUser, residentId } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { runRetention } from './retention.ts';

// Issue 12 "Hardening" (retention), CODE-009/011 (the data platforms hold key persons, results and scans):
// scans past 28 days are deleted and people whose episodes closed more than 180 days ago are anonymised,
// by an audited job. The edition in force on 2021-03-01 is seed-2020 (periods configured: the seeds are silent).
const REGISTERED = '2020-06-01';
const NOW = new Date('2021-03-01T10:00:00+08:00');
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

type Ids = Record<'old' | 'open' | 'recent' | 'resident' | 'investigated' | 'otherVillage' | 'neverManaged', string>;

async function personRow(runtime: TestRuntime, id: string) {
  const rows = await queryRows<Record<string, unknown>>(
    runtime.deps.database.db,
    sql`select name, id_hash, id_masked, phone_cipher, phone_hash, address_cipher, household_id, gender, birth_date::text as birth_date,
               jurisdiction_id, jurisdiction_path, anonymised_at, updated_at from person where id = ${id}`,
  );
  return rows[0] as Record<string, unknown>;
}

const countBy = (runtime: TestRuntime, query: ReturnType<typeof sql>) =>
  queryRows<Record<string, unknown>>(runtime.deps.database.db, query);

/** Closes an episode on a date: what the release or the daily sweep would have done then. */
async function closeEpisode(runtime: TestRuntime, episodeId: string, closedAt: Date) {
  await runtime.deps.database.db.execute(
    sql`update key_person_episode set status = 'released', released_at = ${closedAt.toISOString()}::timestamptz,
          updated_at = ${closedAt.toISOString()}::timestamptz where id = ${episodeId}`,
  );
}

describe('retention job', () => {
  let runtime: TestRuntime;
  let context: RequestContext;
  const ids = {} as Ids;
  const idNumbers = { old: residentId('19700817', 11) };

  async function person(key: keyof Ids, village: { id: string }, idNumber = residentId('19800101', Object.keys(ids).length + 20)) {
    const created = await registerPerson(runtime.deps, context, {
      idType: 'resident_id',
      idNumber,
      name: `人员${key}`,
      phone: '13800138000',
      address: '湖塘镇花园路8号3幢201室',
      jurisdictionId: village.id,
    });
    ids[key] = created.id;
    return created.id;
  }

  async function closedEpisode(personId: string, closedAt: Date, category: 'close_contact' | 'inbound_traveller' = 'close_contact') {
    const startDate = shanghaiDate(runtime.deps.clock());
    const episode = await registerEpisode(runtime.deps, context, { personId, category, startDate, homeSeal: '门磁 0421' });
    await closeEpisode(runtime, episode.id, closedAt);
    return episode.id;
  }

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => at(REGISTERED);
    const { villageA, villageB } = await addTwoTowns(runtime.deps);
    const admin = await addUser(runtime.deps, 'admin', 'system_admin', villageA.id);
    const root = { role: 'system_admin' as const, jurisdictionId: villageA.id, jurisdictionPath: '/' };
    context = { ...systemContext('test'), actor: { userId: admin.id, username: 'admin', displayName: 'admin', grants: [root] } };
    const home = await addHousehold(runtime.deps, villageA, '320412100001-01-1-0101');
    const old = await registerPerson(runtime.deps, context, {
      idType: 'resident_id',
      idNumber: idNumbers.old,
      name: '赵一',
      phone: '13900139000',
      address: '湖塘镇花园路8号3幢201室',
      householdId: home.id,
      jurisdictionId: villageA.id,
    });
    ids.old = old.id;
    const oldEpisode = await closedEpisode(old.id, at('2020-06-15'));
    await runtime.deps.database.db.insert(healthObservation).values({
      episodeId: oldEpisode,
      observedAt: at('2020-06-02'),
      observedDate: '2020-06-02',
      notMeasuredReason: '本人在医院陪护母亲，无法测量',
      jurisdictionPath: villageA.path,
    });
    await closedEpisode(await person('open', villageA), at('2020-06-15'));
    await registerEpisode(runtime.deps, context, { personId: ids.open, category: 'inbound_traveller', startDate: REGISTERED });
    // Managed twice: the second episode closed 45 days ago counts.
    await closedEpisode(await person('recent', villageA), at('2020-06-15'));
    runtime.deps.clock = () => at('2021-01-10');
    await closedEpisode(ids.recent, at('2021-01-15'), 'inbound_traveller');
    runtime.deps.clock = () => at(REGISTERED);
    await closedEpisode(await person('resident', villageA), at('2020-06-15'));
    const account = await addUser(runtime.deps, 'resident', 'grid_worker', villageA.id);
    await runtime.deps.database.db.execute(sql`update app_user set person_id = ${ids.resident} where id = ${account.id}`);
    // A case discharged long ago whose investigation was never completed: still under investigation.
    const opened = await openCase(runtime.deps, context, {
      personId: await person('investigated', villageA),
      classification: 'confirmed',
      clinicalType: 'mild',
      source: 'manual',
    });
    runtime.deps.clock = () => at('2020-06-20');
    await endCase(runtime.deps, context, opened.id, { ending: 'discharged', at: at('2020-06-10').toISOString() });
    const [caseEpisode] = await queryRows<{ id: string }>(
      runtime.deps.database.db,
      sql`select id from key_person_episode where person_id = ${ids.investigated}`,
    );
    await closeEpisode(runtime, caseEpisode?.id ?? '', at('2020-06-15'));
    await closedEpisode(await person('otherVillage', villageB), at('2020-05-20'));
    await person('neverManaged', villageA);
    await runtime.deps.database.db.insert(scan).values([
      { personId: ids.old, placeId: home.id, scannedAt: at('2020-06-10'), decision: 'allow', jurisdictionPath: villageA.path },
      {
        personId: ids.neverManaged,
        placeId: home.id,
        scannedAt: at('2021-01-31', '23:00'),
        decision: 'allow',
        jurisdictionPath: villageA.path,
      },
      {
        personId: ids.neverManaged,
        placeId: home.id,
        scannedAt: at('2021-02-01', '00:30'),
        decision: 'allow',
        jurisdictionPath: villageA.path,
      },
      { personId: null, placeId: home.id, scannedAt: at('2021-02-28'), decision: 'register', jurisdictionPath: villageB.path },
    ]);
    const pass = await runtime.deps.database.db
      .insert(householdPass)
      .values({ householdId: home.id, passNumber: 'P-0001', validFrom: REGISTERED, jurisdictionPath: villageA.path })
      .returning();
    const gate = { passId: pass[0]?.id ?? '', checkpointId: home.id, direction: 'out', jurisdictionPath: villageA.path };
    await runtime.deps.database.db.insert(passUse).values([
      { ...gate, personId: ids.old, usedAt: at('2020-06-03') },
      { ...gate, personId: ids.neverManaged, usedAt: at('2021-02-27') },
    ]);
    await runtime.deps.database.db.insert(outsiderRegistration).values({
      checkpointId: home.id,
      personId: ids.old,
      name: '赵一',
      idHash: 'hash-of-the-id',
      idMasked: '320412********0117',
      phoneMasked: '139****9000',
      fromPlace: '武汉',
      reason: '探亲',
      registeredAt: at('2020-06-01'),
      jurisdictionPath: villageA.path,
    });
    runtime.deps.clock = () => NOW;
  });
  after(() => runtime.close());

  it('a dry run counts what is due, with the reasons people are kept, and changes nothing (no audit event either)', async () => {
    const before = await personRow(runtime, ids.old);
    const result = await runRetention(runtime.deps, { dryRun: true });
    assert.deepEqual([result.dryRun, result.editionId, result.scans, result.persons.anonymised], [true, 'seed-2020', 2, 2]);
    assert.deepEqual(result.persons.kept, {
      'retention.keep.open.episode': 1,
      'retention.keep.closedRecently': 1,
      // the tests of the second episode (January 2021) were never done: still due within the period
      'retention.keep.followUpDue': 1,
      'retention.keep.residentAccount': 1,
      'retention.keep.open.investigation': 1,
    });
    assert.deepEqual(result.scopes[0], {
      jurisdictionCode: null,
      editionId: 'seed-2020',
      scanDays: 28,
      closedEpisodeDays: 180,
      configured: true,
      scansBefore: at('2021-02-01', '00:00').toISOString(),
      closedBefore: at('2020-09-02', '00:00').toISOString(),
    });
    assert.deepEqual(await personRow(runtime, ids.old), before);
    assert.deepEqual(await countBy(runtime, sql`select count(*)::int as n from scan`), [{ n: 4 }]);
    assert.deepEqual(await countBy(runtime, sql`select count(*)::int as n from audit_event where action like 'jobs.retention%'`), [
      { n: 0 },
    ]);
  });

  it('an operator setting and a district profile change the periods where they hold (dry runs)', async () => {
    const shorter = { ...runtime.deps, config: { ...runtime.deps.config, retention: { closedEpisodeDays: 30 } } };
    const withSetting = await runRetention(shorter, { dryRun: true });
    assert.equal(withSetting.persons.anonymised, 3, 'closed 45 days ago is past a 30-day setting');
    const townB: LocalProfile = {
      id: 'test-town-b',
      name: 'test',
      jurisdictionCode: '320412102',
      editionId: 'seed-2020',
      basis: clause('test', '1', 'a town keeps closed episodes a year'),
      overrides: {},
      retention: { closedEpisodes: { days: 365, basis: clause('test', '2', 'kept 365 days') } },
    };
    // issue 14, RULES-001: the town's profile as the district's own active document (data, not code) is asked by the job
    const [town] = await queryRows<{ id: string; path: string }>(
      runtime.deps.database.db,
      sql`select id, path from jurisdiction where code = '320412102'`,
    );
    assert.ok(town);
    const document = await insertProtocolDocument(runtime.deps.database.db, {
      kind: 'profile',
      key: townB.id,
      editionId: townB.editionId,
      name: townB.name,
      jurisdictionId: town.id,
      jurisdictionPath: town.path,
      document: exportProfile(townB),
      status: 'active',
      draftedAt: NOW,
      effectiveFrom: '2020-01-01',
    });
    const fromDistrict = await runRetention(runtime.deps, { dryRun: true });
    assert.deepEqual([fromDistrict.persons.anonymised, fromDistrict.persons.kept['retention.keep.closedRecently']], [1, 2]);
    assert.ok(fromDistrict.scopes.some((scope) => scope.jurisdictionCode === '320412102' && scope.closedEpisodeDays === 365));
    assert.equal(fromDistrict.scopes.length, 2, 'the town and the general scope');
    await runtime.deps.database.db.delete(protocolDocument).where(eq(protocolDocument.id, document.id));
  });

  it('deletes scans older than 28 days and keeps the recent ones (the last day kept is 1 February)', async () => {
    const counts = await countBy(runtime, sql`select jurisdiction_path, count(*)::int as n from person group by 1 order by 1`);
    const result = await runRetention(runtime.deps, { batchSize: 1 });
    assert.deepEqual([result.scans, result.passUses], [2, 1]);
    assert.deepEqual(await countBy(runtime, sql`select person_id from pass_use`), [{ person_id: ids.neverManaged }]);
    const left = await queryRows<{ scanned_at: Date | string }>(
      runtime.deps.database.db,
      sql`select scanned_at from scan order by scanned_at`,
    );
    assert.deepEqual(
      left.map((r) => new Date(r.scanned_at).toISOString()),
      [at('2021-02-01', '00:30').toISOString(), at('2021-02-28').toISOString()],
    );
    // Counts by jurisdiction are unchanged: nobody is deleted.
    assert.deepEqual(await countBy(runtime, sql`select jurisdiction_path, count(*)::int as n from person group by 1 order by 1`), counts);
  });

  it('anonymises a person closed long ago: the ID lookup no longer finds them; sex, birth year and village stay', async () => {
    const row = await personRow(runtime, ids.old);
    assert.deepEqual(
      [row.name, row.id_masked, row.phone_cipher, row.phone_hash, row.address_cipher, row.household_id],
      ['已匿名', '', null, null, null, null],
    );
    assert.deepEqual([row.gender, row.birth_date], ['male', '1970-01-01']);
    assert.ok(row.anonymised_at);
    assert.match(String(row.id_hash), /^anonymised:/);
    const found = await listPersons(runtime.deps, context, { q: idNumbers.old, limit: 10, offset: 0 });
    assert.equal(found.total, 0);
    const byPhone = await listPersons(runtime.deps, context, { q: '13900139000', limit: 10, offset: 0 });
    assert.equal(byPhone.total, 0);
    const free = await countBy(runtime, sql`select count(*)::int as n from health_observation where not_measured_reason is not null`);
    assert.deepEqual(free, [{ n: 0 }], 'free text of observations is cleared');
    const seals = await countBy(runtime, sql`select home_seal from key_person_episode where person_id = ${ids.old}`);
    assert.deepEqual(seals, [{ home_seal: null }]);
    assert.equal((await personRow(runtime, ids.otherVillage)).name, '已匿名');
    const copies = await countBy(runtime, sql`select name, id_masked, phone_masked, from_place from outsider_registration`);
    assert.deepEqual(
      copies,
      [{ name: '已匿名', id_masked: '', phone_masked: null, from_place: '武汉' }],
      'a registration at the gate loses the identity',
    );
  });

  it('leaves alone a person with an open episode, a recent closure, a resident account, a case under investigation, or never managed', async () => {
    for (const key of ['open', 'recent', 'resident', 'investigated', 'neverManaged'] as const) {
      const row = await personRow(runtime, ids[key]);
      assert.deepEqual([row.name, row.anonymised_at], [`人员${key}`, null], key);
    }
  });

  it('writes one summary audit event per run (system job, counts, cut-offs) and one per batch that changed something', async () => {
    const events = await queryRows<{ action: string; actor_name: string; after: Record<string, unknown> }>(
      runtime.deps.database.db,
      sql`select action, actor_name, after from audit_event where action like 'jobs.retention%' order by id`,
    );
    const summary = events.filter((e) => e.action === 'jobs.retention');
    assert.equal(summary.length, 1);
    const after = summary[0]?.after as { scans: number; persons: { anonymised: number }; scopes: { closedBefore: string }[] };
    assert.deepEqual([summary[0]?.actor_name, after.scans, after.persons.anonymised], ['retention-job', 2, 2]);
    assert.equal(after.scopes[0]?.closedBefore, at('2020-09-02', '00:00').toISOString());
    const batches = events.filter((e) => e.action === 'jobs.retention.batch');
    assert.equal(batches.length, 5, 'two scan batches of one, one pass-use batch and two people batches of one');
    assert.ok(batches.some((e) => (e.after.personIds as string[] | undefined)?.includes(ids.old)));
  });

  it('the audit log still shows the person was created, but not their name any more', async () => {
    const page = await searchAudit(runtime.deps.database.db, context, { entityType: 'person', entityId: ids.old, limit: 10, offset: 0 });
    const created = page.items.find((e) => e.action === 'person.create');
    assert.equal(created?.after?.name, '赵*');
    const kept = await searchAudit(runtime.deps.database.db, context, { entityType: 'person', entityId: ids.recent, limit: 10, offset: 0 });
    assert.equal(kept.items.find((e) => e.action === 'person.create')?.after?.name, '人员recent');
  });

  it('an anonymised person takes no new episode and no new name: they are registered anew (409 personAnonymised)', async () => {
    const episode = registerEpisode(runtime.deps, context, { personId: ids.old, category: 'close_contact', startDate: '2021-03-01' });
    await assert.rejects(episode, { code: 'personAnonymised' });
    await assert.rejects(changePerson(runtime.deps, context, ids.old, { name: '赵一', reason: 'test' }), { code: 'personAnonymised' });
    const again = await registerPerson(runtime.deps, context, {
      idType: 'resident_id',
      idNumber: idNumbers.old,
      name: '赵一',
      jurisdictionId: (await personRow(runtime, ids.neverManaged)).jurisdiction_id as string,
    });
    assert.notEqual(again.id, ids.old, 'the ID number is free again: a new record');
  });

  it('running again changes nothing more', async () => {
    const before = await personRow(runtime, ids.old);
    const again = await runRetention(runtime.deps);
    assert.deepEqual([again.scans, again.persons.anonymised, again.related.episodes], [0, 0, 0]);
    assert.deepEqual(await personRow(runtime, ids.old), before);
  });
});
