import assert from 'node:assert/strict';
import type { Role } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import type { jurisdiction } from '../db/schema/index.ts';
import { closedManagementWalkFixture } from '../modules/closed-management/closed-management.walk-fixture.ts';
import { codeWalkFixture } from '../modules/codes/codes.walk-fixture.ts';
import { commandWalkFixture } from '../modules/command/command.walk-fixture.ts';
// Institutions (issue 16)
import { institutionWalkFixture } from '../modules/institutions/institutions.walk-fixture.ts';
import { insertPlace } from '../modules/places/place.repository.ts';
import { reportWalkFixture } from '../modules/reports/reports.walk-fixture.ts';
import { supplyWalkFixture } from '../modules/supplies/supplies.walk-fixture.ts';
import { testingWalkFixture } from '../modules/testing/testing.walk-fixture.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from './factories.ts';
import type { FuzzIds } from './route-fuzz.ts';
import type { FuzzActor } from './route-fuzz-runner.ts';
import type { TestRuntime } from './test-runtime.ts';

/**
 * The world the route fuzzer runs in: two towns with people, an episode, a site, a case and (in town
 * A) the testing, closed-management and code records of the scope walk; the actors are accounts of
 * town A plus the anonymous caller, so town B's rows are "another jurisdiction's" ids.
 */

export const FUZZ_TODAY = '2020-03-01';
const NOW = `${FUZZ_TODAY}T10:00:00+08:00`;
type Jurisdiction = typeof jurisdiction.$inferSelect;

/** The actor accounts: a grid worker of the community, an epidemiologist and an administrator of the town. */
const ACTORS: { username: string; role: Role; at: 'village' | 'town' }[] = [
  { username: 'fuzz-grid', role: 'grid_worker', at: 'village' },
  { username: 'fuzz-cdc', role: 'cdc_epidemiologist', at: 'town' },
  { username: 'fuzz-admin', role: 'system_admin', at: 'town' },
];

export interface FuzzWorld {
  actors: FuzzActor[];
  ids: FuzzIds;
}

async function ok(client: TestClient, method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
  const reply = await client.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as Record<string, unknown>;
}

/** A person with a household, a quarantine site with rooms, an episode with an observation, and a case. */
async function townRecords(deps: AppDeps, admin: TestClient, village: Jurisdiction, tag: string, sequence: number) {
  const household = await addHousehold(deps, village, `${tag}-1-101`);
  const idNumber = residentId('19850312', sequence);
  const person = await ok(admin, 'POST', '/api/persons', {
    idType: 'resident_id',
    idNumber,
    name: `${tag}某人`,
    phone: `139123456${String(sequence).slice(-2)}`,
    address: `${tag}社区1幢101室`,
    jurisdictionId: village.id,
    householdId: household.id,
  });
  const site = await insertPlace(deps.database.db, {
    kind: 'quarantine_site',
    name: `${tag}隔离点`,
    code: `SITE-${tag}`,
    jurisdictionId: village.id,
    jurisdictionPath: village.path,
  });
  await ok(admin, 'POST', `/api/quarantine-sites/${site.id}/rooms`, { prefix: `${tag}ROOM`, count: 2, beds: 1 });
  const episode = await ok(admin, 'POST', '/api/key-persons/episodes', {
    personId: person.id,
    category: 'close_contact',
    startDate: FUZZ_TODAY,
  });
  await ok(admin, 'POST', `/api/key-persons/episodes/${String(episode.id)}/observations`, {
    observedAt: NOW,
    temperature: 38.6,
    symptoms: ['发热'],
  });
  const casePerson = await ok(admin, 'POST', '/api/persons', {
    idType: 'resident_id',
    idNumber: residentId('19800808', sequence + 1),
    name: `${tag}病例`,
    jurisdictionId: village.id,
  });
  await ok(admin, 'POST', '/api/cases', { personId: casePerson.id, classification: 'suspected', source: 'manual', onsetDate: FUZZ_TODAY });
  return { household, idNumber, personId: String(person.id), episodeId: String(episode.id) };
}

/** Town A gets the scope walk's testing, closed-management, code and command records too, so ids reach deep into handlers. */
async function deepRecords(
  runtime: TestRuntime,
  admin: TestClient,
  town: Jurisdiction,
  village: Jurisdiction,
  a: Awaited<ReturnType<typeof townRecords>>,
) {
  const deps = runtime.deps;
  const place = (kind: string, code: string) =>
    insertPlace(deps.database.db, { kind, name: code, code, jurisdictionId: village.id, jurisdictionPath: village.path });
  const market = await place('market', 'MKT-A');
  const feverClinic = await place('fever_clinic', 'FEVER-A');
  await testingWalkFixture(runtime.app, admin, {
    villageId: village.id,
    personId: a.personId,
    personName: 'A某人',
    idNumber: a.idNumber,
    staffIdNumber: residentId('19830303', 219),
    marketId: market.id,
    feverClinicId: feverClinic.id,
    now: NOW,
  });
  await closedManagementWalkFixture(deps, admin, {
    villageId: village.id,
    villagePath: village.path,
    householdId: a.household.id,
    today: FUZZ_TODAY,
  });
  await codeWalkFixture(deps, admin, { personId: a.personId, episodeId: a.episodeId, villagePath: village.path, now: NOW });
  await reportWalkFixture(admin, { townId: village.parentId ?? '', villageId: village.id, today: FUZZ_TODAY });
  await commandWalkFixture(runtime.app, admin, { townId: town.id, villageId: village.id, now: NOW });
  // Supplies and preparedness (issue 15 parts 4 and 6).
  await supplyWalkFixture(admin, { townId: town.id, today: FUZZ_TODAY });
  // Institutions (issue 16)
  await institutionWalkFixture(admin, { villageId: village.id });
}

/** Ids of every row with a uuid `id`, sorted into town A's, town B's and the rest (by path), actors' own rows left out. */
async function harvestIds(deps: AppDeps, aPath: string, bPath: string, exclude: string[]): Promise<FuzzIds> {
  const db = deps.database.db;
  const tables = await queryRows<{ name: string; path: string | null }>(
    db,
    sql`select c.table_name as name,
          (select p.column_name from information_schema.columns p where p.table_schema = 'public' and p.table_name = c.table_name
             and p.column_name in ('jurisdiction_path', 'path') limit 1) as path
        from information_schema.columns c
        where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid' and c.table_name <> 'session' order by 1`,
  );
  const ids: FuzzIds = { own: [], other: [], unscoped: [] };
  for (const table of tables) {
    const path = table.path ? sql`${sql.identifier(table.path)}` : sql`null`;
    const rows = await queryRows<{ id: string; path: string | null }>(
      db,
      sql`select id::text as id, ${path} as path from ${sql.identifier(table.name)} order by id limit 200`,
    );
    for (const row of rows) {
      if (exclude.includes(row.id)) continue;
      if (row.path?.startsWith(aPath)) ids.own.push(row.id);
      else if (row.path?.startsWith(bPath)) ids.other.push(row.id);
      else ids.unscoped.push(row.id);
    }
  }
  return ids;
}

/** Builds the world in a fresh test runtime and signs the actors in. */
export async function buildFuzzWorld(runtime: TestRuntime): Promise<FuzzWorld> {
  const deps = runtime.deps;
  deps.clock = () => new Date(NOW);
  const { townA, villageA, townB, villageB } = await addTwoTowns(deps);
  await addUser(deps, 'owner-a', 'system_admin', townA.id);
  await addUser(deps, 'owner-b', 'system_admin', townB.id);
  // Accounts the administrator may act on (reset, change roles): never the actors themselves.
  await addUser(deps, 'target-a', 'grid_worker', villageA.id);
  await addUser(deps, 'target-b', 'grid_worker', villageB.id);
  const ownerA = await loginAs(runtime.app, 'owner-a');
  const ownerB = await loginAs(runtime.app, 'owner-b');
  const a = await townRecords(deps, ownerA, villageA, 'A', 231);
  await townRecords(deps, ownerB, villageB, 'B', 431);
  await deepRecords(runtime, ownerA, townA, villageA, a);
  // Town B's own headquarters: its groups, units and expert groups are "another jurisdiction's" ids.
  await ok(ownerB, 'POST', '/api/command/headquarters', { jurisdictionId: townB.id });
  const actorRows = [];
  for (const actor of ACTORS)
    actorRows.push(await addUser(deps, actor.username, actor.role, actor.at === 'village' ? villageA.id : townA.id));
  const actors: FuzzActor[] = [{ name: 'anonymous', headers: {} }];
  for (const actor of ACTORS) actors.push({ name: actor.role, headers: (await loginAs(runtime.app, actor.username)).headers });
  const actorIds = actorRows.map((row) => row.id);
  const assignments = await queryRows<{ id: string }>(
    deps.database.db,
    sql`select id::text as id from role_assignment where user_id in (${sql.join(
      actorIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const ids = await harvestIds(deps, townA.path, townB.path, [...actorIds, ...assignments.map((r) => r.id)]);
  return { actors, ids };
}
