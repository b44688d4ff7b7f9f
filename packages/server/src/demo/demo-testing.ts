import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { addPoint, createCampaign } from '../modules/testing/campaigns/campaign.service.ts';
import { addMember } from '../modules/testing/groups/group.service.ts';
import { submitLabResults } from '../modules/testing/labs/lab-import.service.ts';
import { scanAtPoint } from '../modules/testing/sampling/scan.service.ts';
import { takeSingleSample } from '../modules/testing/sampling/single-sample.service.ts';
import { DEMO_TOWN } from './demo-seed.ts';

/**
 * A mass-testing campaign in the demo town, through the real services: a collection point per
 * community, residents of the first communities sampled (most of the first, fewer further on), most
 * closed tubes resulted and one pool positive (so its members have control and retest tasks and the
 * community an alert), and a few medical staff on their roster. Progress, the door-to-door list, the
 * dashboard and the roster all have something to show.
 */
type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

const LABS = ['武进区疾控中心', '武进人民医院检验科'];
/** Share of residents sampled in the first communities: the rest are the door-to-door list. */
const SAMPLED_SHARE = [0.8, 0.6, 0.3];
const POOL = 10;

async function communitiesOf(deps: Deps, townId: string) {
  return queryRows<{ id: string; path: string }>(
    deps.database.db,
    sql`select id, path from jurisdiction where parent_id = ${townId} and level = 'village' order by code limit 6`,
  );
}

async function residentsOf(deps: Deps, path: string, share: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    deps.database.db,
    sql`select id from person where jurisdiction_path like ${`${path}%`} order by id`,
  );
  return rows.slice(0, Math.floor(rows.length * share)).map((r) => r.id);
}

async function sampleCommunity(deps: Deps, context: RequestContext, pointId: string, people: string[], prefix: string) {
  const barcodes: string[] = [];
  for (const [index, personId] of people.entries()) {
    const barcode = `${prefix}-${String(Math.floor(index / POOL) + 1).padStart(5, '0')}`;
    const scan = await scanAtPoint(deps, context, pointId, { barcode, personId });
    if (scan.tube.closed) barcodes.push(barcode);
  }
  return barcodes;
}

/** Most closed tubes come back negative; the first pool of the first community comes back positive. */
async function reportResults(deps: Deps, context: RequestContext, closed: string[][]) {
  for (const [index, barcodes] of closed.entries()) {
    const resulted = barcodes.slice(0, Math.ceil(barcodes.length * 0.8));
    if (resulted.length === 0) continue;
    const results = resulted.map((barcode, i) => ({ barcode, result: index === 0 && i === 0 ? '阳性' : '阴性' }));
    await submitLabResults(deps, context, { labName: LABS[index % LABS.length] ?? '武进区疾控中心', results });
  }
}

async function rosters(deps: Deps, context: RequestContext, people: string[]) {
  const staff = people.slice(-5);
  for (const personId of staff) await addMember(deps, context, 'medical_staff', { personId, unitName: '湖塘镇社区卫生服务中心' });
  const [tested] = staff;
  if (tested) await takeSingleSample(deps, context, { personId: tested, barcode: 'DEMO-M-00001', purpose: 'mandatory', labName: LABS[0] });
}

export async function seedDemoTesting(deps: Deps, countyPath: string, log: (line: string) => void): Promise<void> {
  const [town, county] = await Promise.all(
    [sql`code = ${DEMO_TOWN}`, sql`path = ${countyPath}`].map(
      async (where) =>
        (await queryRows<{ id: string; path: string }>(deps.database.db, sql`select id, path from jurisdiction where ${where}`))[0],
    ),
  );
  if (!town || !county) return;
  const context: RequestContext = {
    ...systemContext('demo-seed'),
    actor: {
      userId: null,
      username: 'demo-seed',
      displayName: 'demo-seed',
      grants: [{ role: 'system_admin', jurisdictionId: county.id, jurisdictionPath: county.path }],
    },
  };
  const now = deps.clock();
  const startsAt = new Date(now.getTime() - 4 * 3_600_000).toISOString();
  const campaign = await createCampaign(deps, context, { name: '湖塘镇全员核酸检测（演示）', jurisdictionId: town.id, startsAt });
  const communities = await communitiesOf(deps, town.id);
  const closed: string[][] = [];
  for (const [index, community] of communities.entries()) {
    const point = await addPoint(deps, context, campaign.id, {
      name: `采样点 ${index + 1}`,
      jurisdictionId: community.id,
      opensAt: '07:00',
      closesAt: '20:00',
      staff: 4,
      expectedResidents: 0,
      labName: LABS[index % LABS.length],
    });
    const people = await residentsOf(deps, community.path, SAMPLED_SHARE[index] ?? 0);
    closed.push(await sampleCommunity(deps, context, point.id, people, `DEMO-${index + 1}`));
  }
  await reportResults(deps, context, closed);
  const first = communities[0];
  if (first) await rosters(deps, context, await residentsOf(deps, first.path, 1));
  log(`演示数据：湖塘镇全员核酸检测，${closed.flat().length} 管已满 / demo: a mass-testing campaign in 湖塘镇`);
}
