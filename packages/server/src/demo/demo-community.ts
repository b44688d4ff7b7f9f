import { AppError, addDays, COUNTRY_ROOT, childPath, type RoleGrant, shanghaiDate } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { queryRows } from '../db/query-rows.ts';
import { insertJurisdictions, jurisdictionsByCodes } from '../divisions/divisions.repository.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { householdsOf } from '../modules/community/community.repository.ts';
import { fileGathering, recordSixOnes, requestSupplies } from '../modules/community/duties.service.ts';
import { type FindingInput, recordVisit, startRound } from '../modules/community/screening.service.ts';
import { householdMembers } from '../modules/persons/person.repository.ts';
import { insertRiskArea } from '../modules/zones/risk-area.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;
type Community = { id: string; path: string };

/** Where the demo's returnee comes from: 湖北省 → 武汉市, published at high risk (the 2020 notices). */
async function wuhanAtHighRisk(deps: Deps): Promise<string> {
  const db = deps.database.db;
  const [root] = await jurisdictionsByCodes(db, [COUNTRY_ROOT.code]);
  if (!root) throw new Error('no national root');
  const hubeiPath = childPath(root.path, '42');
  return db.transaction(async (tx) => {
    const [hubei] = await insertJurisdictions(tx, [{ code: '42', name: '湖北省', level: 'province', parentId: root.id, path: hubeiPath }]);
    const wuhanPath = childPath(hubeiPath, '4201');
    const [wuhan] = await insertJurisdictions(tx, [
      { code: '4201', name: '武汉市', level: 'city', parentId: hubei?.id ?? null, path: wuhanPath },
    ]);
    if (!wuhan) throw new Error('武汉市 not written');
    const now = deps.clock();
    const area = await insertRiskArea(tx, {
      jurisdictionId: wuhan.id,
      jurisdictionPath: wuhan.path,
      editionId: 'seed-2020',
      asOf: shanghaiDate(now),
      computedLevel: 'high',
      reasons: [],
      level: 'high',
      status: 'published',
      proposedAt: now,
      confirmedAt: now,
      issuingAuthority: '湖北省新冠肺炎疫情防控指挥部',
      publicationRef: '演示：武汉市高风险地区',
      publishedAt: now,
      effectiveFrom: shanghaiDate(now),
    });
    await recordAudit(tx, systemContext('demo-seed'), {
      action: 'risk.publish',
      entityType: 'risk_area',
      entityId: area.id,
      jurisdictionPath: wuhan.path,
      after: { level: 'high', demo: true },
    });
    return wuhan.id;
  });
}

/** The grid worker's own rights over the community: the demo visits as `grid` would. */
async function gridContext(deps: Deps, community: Community): Promise<RequestContext> {
  const user = await findUserByUsername(deps.database.db, 'grid');
  const grant: RoleGrant = { role: 'grid_worker', jurisdictionId: community.id, jurisdictionPath: community.path };
  return { ...systemContext('demo-seed'), actor: { userId: user?.id ?? null, username: 'grid', displayName: '网格员', grants: [grant] } };
}

/** Households with nobody under management first, so the returnee is a fresh finding. */
async function unmanagedHouseholds(deps: Deps, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ household_id: string }>(
    deps.database.db,
    sql`select distinct household_id from key_person_episode where status = 'active' and household_id in ${ids}`,
  );
  const managed = new Set(rows.map((r) => r.household_id));
  return new Set(ids.filter((id) => !managed.has(id)));
}

/** Only a sealed household is supplied (COMM-022): under an edition that sends arrivals to a site, there is none. */
function notSealed(error: unknown): null {
  if (error instanceof AppError && error.code === 'notSealed') return null;
  throw error;
}

/**
 * 南街社区's door-to-door screening (issue 16 §7 demo), through the real services as the grid worker: a round
 * half done, one household found nobody home, one member back from 武汉市 (high risk) six days ago and now a
 * risk-area arrival; five of today's six ones in place; a simplified funeral filed, a wedding refused; a supply
 * request of the returnee's household when it is under home quarantine.
 */
export async function seedDemoCommunity(deps: Deps, community: Community): Promise<number> {
  const wuhanId = await wuhanAtHighRisk(deps);
  const context = await gridContext(deps, community);
  const today = shanghaiDate(deps.clock());
  const round = await startRound(deps, context, { jurisdictionId: community.id, name: '返乡人员入户排查' });
  const households = await householdsOf(deps.database.db, community.path);
  const visited = households.slice(0, Math.ceil(households.length / 2));
  const fresh = await unmanagedHouseholds(
    deps,
    visited.map((h) => h.id),
  );
  const returneeHome = visited.find((h) => fresh.has(h.id)) ?? visited[0];
  for (const [i, household] of visited.entries()) {
    const members = await householdMembers(deps.database.db, household.id);
    const nobodyHome = household !== returneeHome && i % 5 === 4;
    const people: FindingInput[] = members.map((m, j) => ({
      personId: m.id,
      present: true,
      symptoms: [],
      travel:
        household === returneeHome && j === members.length - 1
          ? [{ place: '武汉市', jurisdictionId: wuhanId, inbound: false, leftOn: addDays(today, -6) }]
          : [],
    }));
    await recordVisit(deps, context, round.id, {
      householdId: household.id,
      outcome: nobodyHome ? 'not_home' : 'screened',
      people: nobodyHome ? [] : people,
    });
  }
  for (const duty of ['one_entrance', 'one_team', 'one_desk', 'one_equipment_set', 'one_rule_set'] as const) {
    await recordSixOnes(deps, context, { jurisdictionId: community.id, duty, done: true });
  }
  const filing = { jurisdictionId: community.id, eventDate: addDays(today, 2), attendees: 12, organizer: '王建国' };
  await fileGathering(deps, context, { ...filing, kind: 'funeral', simplified: true });
  await fileGathering(deps, context, { ...filing, kind: 'wedding', simplified: false, eventDate: addDays(today, 10), attendees: 80 });
  if (returneeHome)
    await requestSupplies(deps, context, { householdId: returneeHome.id, items: '大米 5 斤、青菜、鸡蛋一盒' }).catch(notSealed);
  return visited.length;
}
