import type { App } from '../packages/server/src/app.ts';
import type { AppDeps } from '../packages/server/src/app-deps.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../packages/server/src/testing/factories.ts';

/** What the grid-worker journey needs: two towns, people on both sides of the scope line, and who is who. */
export interface GridWorkerData {
  resident: { id: string; name: string; idNumber: string; phone: string };
  housemate: string;
  /** Someone with the same surname in the other town: must never show up for the grid worker. */
  outsider: string;
}

export const GRID_WORKER = 'grid';

async function register(client: TestClient, body: Record<string, unknown>): Promise<string> {
  const reply = await client.request('POST', '/api/persons', { idType: 'resident_id', ...body });
  if (reply.statusCode !== 201) throw new Error(`POST /api/persons: ${reply.statusCode} ${reply.body}`);
  return (reply.json() as { id: string }).id;
}

export async function seedGridWorkerJourney(deps: AppDeps, app: App): Promise<GridWorkerData> {
  const { townB, villageA, villageB } = await addTwoTowns(deps);
  const homeA = await addHousehold(deps, villageA, '320412100001-01-1-0101');
  const otherA = await addHousehold(deps, villageA, '320412100001-01-1-0102');
  const homeB = await addHousehold(deps, villageB, '320412102001-02-1-0201');
  await addUser(deps, GRID_WORKER, 'grid_worker', villageA.id);
  await addUser(deps, 'town-b', 'town_cadre', townB.id);
  const grid = await loginAs(app, GRID_WORKER);
  const townCadre = await loginAs(app, 'town-b');

  const resident = { name: '王小明', idNumber: residentId('19850312', 231), phone: '13812345678' };
  const id = await register(grid, {
    ...resident,
    gender: 'male',
    address: '湖塘镇甲社区1幢101室',
    jurisdictionId: villageA.id,
    householdId: homeA.id,
    householdRole: 'head',
  });
  await register(grid, {
    name: '王小红',
    idNumber: residentId('19870605', 342),
    gender: 'female',
    phone: '13912345678',
    jurisdictionId: villageA.id,
    householdId: homeA.id,
    householdRole: 'spouse',
  });
  await register(grid, { name: '李建国', idNumber: residentId('19620101', 117), jurisdictionId: villageA.id, householdId: otherA.id });
  await register(townCadre, {
    name: '王大伟',
    idNumber: residentId('19790909', 455, '320412'),
    jurisdictionId: villageB.id,
    householdId: homeB.id,
    householdRole: 'head',
  });
  return { resident: { id, ...resident }, housemate: '王小红', outsider: '王大伟' };
}
