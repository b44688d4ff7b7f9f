import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import type { RequestContext } from '../http/context.ts';
import { suggestForCase } from '../modules/zones/control-units.ts';
import { drawZone } from '../modules/zones/control-zone.service.ts';
import { confirmRisk, proposeRisk, publishRisk } from '../modules/zones/risk-area.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The demo district grades towns as seed 000 does (以镇、街为单位), under the national rule of 2020 (seed-2020). */
const DEMO_GRADING_EDITION = 'seed-2020';
const DEMO_AUTHORITY = '武进区新冠肺炎疫情防控指挥部';

/**
 * 湖塘镇 at medium risk and a sealed zone around the demo outbreak (issue 14 demo), through the real services:
 * the town's grade is computed from the demo cases (2 confirmed in 14 days, cumulative ≤ 50 → medium),
 * confirmed and published with the district headquarters as the issuing authority; the confirmed case's
 * building is sealed as the outbreak spot of a sporadic case (ZONE-004). `commander` and `office` see both.
 */
export async function seedDemoZones(deps: Deps, context: RequestContext, town: { id: string; path: string }): Promise<number> {
  const proposed = await proposeRisk(deps, context, { jurisdictionId: town.id, editionId: DEMO_GRADING_EDITION });
  await confirmRisk(deps, context, proposed.id, {});
  await publishRisk(deps, context, proposed.id, { issuingAuthority: DEMO_AUTHORITY, publicationRef: '武防指〔演示〕1号' });
  const [confirmed] = await queryRows<{ id: string; case_number: string }>(
    deps.database.db,
    sql`select c.id, c.case_number from case_report c join person p on p.id = c.person_id
        where c.jurisdiction_path like ${`${town.path}%`} and c.classification = 'confirmed' and p.household_id is not null
        order by c.discovered_at limit 1`,
  );
  if (!confirmed) return 1;
  const spot = await suggestForCase(deps, context, confirmed.id, 'sporadic');
  if (!spot.unit) return 1;
  await drawZone(deps, context, {
    name: `${spot.unitName ?? '病例住所楼栋'}封控区`,
    kind: spot.kind,
    zoneType: spot.zoneType as 'sealed_zone',
    outbreakType: 'sporadic',
    basisKind: 'case',
    basisRef: `确诊病例 ${confirmed.case_number}`,
    basisNote: '散发病例住所楼栋划为疫点，严格封控（seed 003 item 18）',
    caseId: confirmed.id,
    units: [{ kind: spot.unit.kind, id: spot.unit.id }],
  });
  return 2;
}
