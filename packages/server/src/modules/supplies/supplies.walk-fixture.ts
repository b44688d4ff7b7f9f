import assert from 'node:assert/strict';
import type { TestClient } from '../../testing/factories.ts';

/** Town A's supplies and preparedness for the scope walk (http/scope-walk.test.ts): a town-B user must reach none. */
export interface SupplyWalkIds {
  stockItemId: string;
  disinfectionScheduleId: string;
  preparationItemId: string;
  planId: string;
  exerciseId: string;
}

/** A stock line, a disinfection schedule, a service point, a plan and a drill of town A, as its admin. */
export async function supplyWalkFixture(owner: TestClient, a: { townId: string; today: string }): Promise<SupplyWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const stock = await ok('POST', '/api/supplies/stock', {
    jurisdictionId: a.townId,
    holderKind: 'town',
    holderName: '甲镇物资库',
    item: 'disinfectant',
    unit: '瓶',
    quantity: 100,
    dailyUse: 5,
  });
  const schedule = await ok('POST', '/api/supplies/disinfection', {
    jurisdictionId: a.townId,
    placeKind: 'residential_community',
    placeName: '甲社区小区',
  });
  const item = await ok('POST', '/api/preparedness/items', {
    jurisdictionId: a.townId,
    kind: 'service_point',
    name: '甲镇集中服务点',
    status: 'ready',
  });
  const plan = await ok('POST', '/api/preparedness/plans', {
    jurisdictionId: a.townId,
    title: '甲镇疫情应急预案',
    level: 'general',
    issuedBy: '甲镇政府',
    issuedOn: a.today,
    reviewDueOn: '2021-03-01',
  });
  const drill = await ok('POST', '/api/preparedness/exercises', {
    jurisdictionId: a.townId,
    kind: 'drill',
    title: '甲镇转运演练',
    heldOn: a.today,
    planId: plan.id,
    expected: 10,
    attended: 9,
    findings: '甲镇演练发现',
  });
  return {
    stockItemId: String(stock.id),
    disinfectionScheduleId: String(schedule.id),
    preparationItemId: String(item.id),
    planId: String(plan.id),
    exerciseId: String(drill.id),
  };
}
