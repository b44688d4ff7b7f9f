import assert from 'node:assert/strict';
import type { AppDeps } from '../../app-deps.ts';
import type { TestClient } from '../../testing/factories.ts';
import { insertPlace } from '../places/place.repository.ts';

/** Town A's closed-management records for the scope walk (http/scope-walk.test.ts): a town-B user must reach none of them. */
export interface ClosedManagementWalkIds {
  checkpointId: string;
  deviceId: string;
  passId: string;
  passNumber: string;
  placeCodeId: string;
}

/** Built by town A's admin: a checkpoint (its name holds the community's), a device, a shift, a place code and a household pass. */
export async function closedManagementWalkFixture(
  deps: AppDeps,
  owner: TestClient,
  a: { villageId: string; villagePath: string; householdId: string; today: string },
): Promise<ClosedManagementWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const checkpoint = await insertPlace(deps.database.db, {
    kind: 'checkpoint',
    name: '甲社区东门卡口',
    code: 'CP-A-1',
    jurisdictionId: a.villageId,
    jurisdictionPath: a.villagePath,
  });
  const device = await ok('POST', `/api/checkpoints/${checkpoint.id}/devices`, { name: '甲东门平板' });
  await ok('PUT', `/api/checkpoints/${checkpoint.id}/shifts`, { shiftDate: a.today, shift: 'day', staff: [{ name: '甲值守员' }] });
  const code = await ok('POST', `/api/places/${checkpoint.id}/code`);
  const pass = await ok('POST', '/api/passes', { householdId: a.householdId });
  return {
    checkpointId: checkpoint.id,
    deviceId: String(device.id),
    passId: String(pass.id),
    passNumber: String(pass.passNumber),
    placeCodeId: String(code.id),
  };
}
