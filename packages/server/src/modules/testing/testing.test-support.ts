import assert from 'node:assert/strict';
import type { AppDeps } from '../../app-deps.ts';
import type { jurisdiction } from '../../db/schema/index.ts';
import { addHousehold, addJurisdiction, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import type { TestRuntime } from '../../testing/test-runtime.ts';
import { insertPerson } from '../persons/person.repository.ts';
import { sealPerson } from '../persons/person-record.ts';

type Jurisdiction = typeof jurisdiction.$inferSelect;

/** A 9th-edition day (pools of 10, 20 allowed outside sealed and controlled zones). */
export const TODAY = '2022-07-10';
export const at = (time: string, date = TODAY) => new Date(`${date}T${time}:00+08:00`);

let sequence = 100;

/** Residents written straight through the person record (sealed IDs), fast enough for pools of 10 and 20. */
export async function addResidents(
  deps: AppDeps,
  where: Jurisdiction,
  count: number,
  household?: { id: string; jurisdictionPath: string },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    sequence += 1;
    const row = sealPerson(
      deps.cipher,
      { idType: 'resident_id', idNumber: residentId('19800101', sequence), name: `居民${sequence}`, householdId: household?.id ?? null },
      { jurisdictionId: where.id, jurisdictionPath: household?.jurisdictionPath ?? where.path },
    );
    ids.push((await insertPerson(deps.database.db, row)).id);
  }
  return ids;
}

export interface TestingWorld {
  county: Jurisdiction;
  townA: Jurisdiction;
  villageA: Jurisdiction;
  villageA2: Jurisdiction;
  sealedGrid: Jurisdiction;
  townB: Jurisdiction;
  villageB: Jurisdiction;
  office: TestClient;
  grid: TestClient;
  lab: TestClient;
  otherTown: TestClient;
}

/**
 * Town A with two communities (the first holding a sealed grid), town B beside it; a command-office
 * user of town A, a grid worker of the first community, a lab user of the county, a cadre of town B.
 */
export async function testingWorld(runtime: TestRuntime, now = at('08:00')): Promise<TestingWorld> {
  runtime.deps.clock = () => now;
  const { county, townA, townB, villageA, villageB } = await addTwoTowns(runtime.deps);
  const villageA2 = await addJurisdiction(runtime.deps, '320412100', '320412100002', '丙社区', 'village');
  const sealedGrid = await addJurisdiction(runtime.deps, '320412100001', '320412100001001', '甲社区一网格', 'grid');
  await addUser(runtime.deps, 'office-a', 'command_office_staff', townA.id);
  await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
  await addUser(runtime.deps, 'lab-county', 'lab_staff', county.id);
  await addUser(runtime.deps, 'cadre-b', 'town_cadre', townB.id);
  const [office, grid, lab, otherTown] = await Promise.all(
    ['office-a', 'grid-a', 'lab-county', 'cadre-b'].map((u) => loginAs(runtime.app, u)),
  );
  assert.ok(office && grid && lab && otherTown);
  return { county, townA, villageA, villageA2, sealedGrid, townB, villageB, office, grid, lab, otherTown };
}

export { addHousehold };

/** Sends and insists on the status, answering the JSON body. */
export async function expectStatus<T>(client: TestClient, status: number, method: string, url: string, body?: unknown): Promise<T> {
  const reply = await client.request(method, url, body);
  assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
  return reply.json() as T;
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of a text (tests only): Node decodes GBK but cannot encode it, so the table is built by decoding. */
export function gbkEncode(text: string): Buffer {
  if (!gbkTable) {
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(Uint8Array.from([lead, trail]));
        if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
      }
    }
    gbkTable = table;
  }
  const table = gbkTable;
  return Buffer.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : (table.get(char) ?? [0x3f]))));
}
