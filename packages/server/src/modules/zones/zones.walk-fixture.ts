import assert from 'node:assert/strict';
import type { TestClient } from '../../testing/factories.ts';

/** Town A's risk grade and control zone for the scope walk (http/scope-walk.test.ts): a town-B user must reach neither. */
export interface ZoneWalkIds {
  riskAreaId: string;
  zoneId: string;
}

/** Built by town A's admin: a proposed grade of town A and a sealed zone over its community. */
export async function zoneWalkFixture(owner: TestClient, a: { townId: string; villageId: string }): Promise<ZoneWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const grade = await ok('POST', '/api/risk-areas', { jurisdictionId: a.townId });
  const zone = await ok('POST', '/api/control-zones', {
    name: '甲社区封控区',
    kind: 'control_area',
    zoneType: 'sealed_zone',
    basisKind: 'decision',
    basisRef: '甲镇指挥部决定',
    basisNote: '甲社区整体封控',
    units: [{ kind: 'jurisdiction', id: a.villageId }],
  });
  return { riskAreaId: String(grade.id), zoneId: String(zone.id) };
}
