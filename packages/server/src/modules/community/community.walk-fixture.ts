import assert from 'node:assert/strict';
import type { AppDeps } from '../../app-deps.ts';
import type { TestClient } from '../../testing/factories.ts';
import { insertSupply } from './community.repository.ts';

/** Town A's community records for the scope walk (http/scope-walk.test.ts): a town-B user must reach none of them. */
export interface CommunityWalkIds {
  screeningRoundId: string;
  gatheringId: string;
  supplyRequestId: string;
  entryLedgerId: string;
  communityReportId: string;
}

/** Built by town A's admin: a screening round with a not-home visit, a six-ones check, a filed funeral and a supply request. */
export async function communityWalkFixture(
  deps: AppDeps,
  owner: TestClient,
  a: { villageId: string; villagePath: string; householdId: string; today: string; escortUserId?: string },
): Promise<CommunityWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const round = await ok('POST', '/api/community/rounds', { jurisdictionId: a.villageId, name: '甲社区入户排查' });
  await ok('POST', `/api/community/rounds/${String(round.id)}/visits`, { householdId: a.householdId, outcome: 'not_home', people: [] });
  await ok('PUT', '/api/community/six-ones', { jurisdictionId: a.villageId, duty: 'one_entrance', done: true });
  const gathering = await ok('POST', '/api/community/gatherings', {
    jurisdictionId: a.villageId,
    kind: 'funeral',
    eventDate: a.today,
    simplified: true,
    attendees: 8,
    organizer: '甲丧户',
  });
  // Written directly: the household is not sealed in the walk's town A, and the walk only needs the row.
  const supply = await insertSupply(deps.database.db, { householdId: a.householdId, items: '甲户大米', jurisdictionPath: a.villagePath });
  const entry = a.escortUserId
    ? await ok('POST', '/api/community/entry-ledger', {
        jurisdictionId: a.villageId,
        subject: 'vehicle',
        plate: '苏D-WALK-A',
        purpose: '甲社区维修',
        masked: true,
        temperature: 36.5,
        escortUserId: a.escortUserId,
      })
    : undefined;
  const report = await ok('POST', '/api/community/reports', {
    jurisdictionId: a.villageId,
    kind: 'unregistered_outsider',
    description: '甲社区外来人员',
    whereabouts: '甲 1 号楼',
  });
  return {
    communityReportId: String(report.id),
    screeningRoundId: String(round.id),
    gatheringId: String(gathering.id),
    supplyRequestId: supply.id,
    entryLedgerId: entry ? String(entry.id) : '',
  };
}
