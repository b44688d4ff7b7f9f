import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import type { RequestContext } from '../http/context.ts';
import { classifyCase, openCase, reportCase } from '../modules/cases/case.service.ts';
import { addTrajectoryPoint, updateInvestigationOf } from '../modules/cases/investigation.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const UNIT = '武进区疾病预防控制中心';
const hoursAgo = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

/**
 * A small outbreak in 湖塘镇 (issue 11 demo): four cases at different stages, so that `cdc` and `commander`
 * see the list, the clocks and the board at once — one asymptomatic infection whose 2-hour report is due
 * soon, one confirmed case reported on time and under investigation, one suspected case whose 24-hour
 * investigation is late, one asymptomatic infection corrected to confirmed with everything done.
 * Everything goes through the real services (clocks from the edition, episodes, audit).
 */
export async function seedDemoCases(deps: Deps, context: RequestContext, townPath: string): Promise<number> {
  const people = await queryRows<{ id: string }>(
    deps.database.db,
    sql`select p.id from person p where p.jurisdiction_path like ${`${townPath}%`}
        and not exists (select 1 from key_person_episode e where e.person_id = p.id) order by p.id limit 4`,
  );
  const [a, b, c, d] = people.map((p) => p.id);
  if (!a || !b || !c || !d) return 0;
  const now = deps.clock();
  await openCase(deps, context, {
    personId: a,
    classification: 'asymptomatic',
    source: 'positive_tube',
    discoveredAt: hoursAgo(now, 1.75),
  });
  const second = await openCase(deps, context, {
    personId: b,
    classification: 'confirmed',
    clinicalType: 'mild',
    source: 'fever_clinic',
    discoveredAt: hoursAgo(now, 5),
    onsetDate: hoursAgo(now, 48).slice(0, 10),
  });
  await reportCase(deps, context, second.id, { reportedAt: hoursAgo(now, 4), reportingUnit: UNIT, reportingDoctor: '周医生' });
  await addTrajectoryPoint(deps, context, second.id, {
    placeText: '湖塘镇农贸市场',
    fromAt: hoursAgo(now, 30),
    toAt: hoursAgo(now, 29),
    source: 'interview',
  });
  await addTrajectoryPoint(deps, context, second.id, {
    placeText: '湖塘镇某超市',
    fromAt: hoursAgo(now, 27),
    toAt: hoursAgo(now, 26.5),
    source: 'venue_scan',
  });
  const [investigator] = await queryRows<{ id: string }>(deps.database.db, sql`select id from app_user where username = 'cdc'`);
  const lead = investigator ? { assignees: [{ userId: investigator.id, agency: 'cdc' as const }] } : {};
  await updateInvestigationOf(deps, context, second.id, {
    form: { symptoms: ['发热', '干咳'], occupation: '超市收银员', workplace: '湖塘镇某超市', vaccinationDoses: 2 },
    ...lead,
  });
  const third = await openCase(deps, context, {
    personId: c,
    classification: 'suspected',
    source: 'fever_clinic',
    discoveredAt: hoursAgo(now, 26),
  });
  await reportCase(deps, context, third.id, { reportedAt: hoursAgo(now, 25), reportingUnit: UNIT, reportingDoctor: '周医生' });
  const fourth = await openCase(deps, context, {
    personId: d,
    classification: 'asymptomatic',
    source: 'positive_tube',
    discoveredAt: hoursAgo(now, 20),
  });
  await reportCase(deps, context, fourth.id, { reportedAt: hoursAgo(now, 19), reportingUnit: UNIT, reportingDoctor: '周医生' });
  await classifyCase(deps, context, fourth.id, {
    classification: 'confirmed',
    clinicalType: 'moderate',
    reason: '集中观察期间出现发热，订正为确诊',
  });
  await addTrajectoryPoint(deps, context, fourth.id, {
    placeText: '湖塘镇家乐福超市',
    fromAt: hoursAgo(now, 50),
    toAt: hoursAgo(now, 49),
    source: 'interview',
  });
  await updateInvestigationOf(deps, context, fourth.id, {
    ...lead,
    onsetDate: hoursAgo(now, 48).slice(0, 10),
    form: {
      symptoms: ['发热', '咽痛'],
      exposureHistory: '集中隔离前与确诊病例同一单元居住',
      travelHistory: '14 天内无外地旅居史',
      occupation: '个体经营',
      workplace: '湖塘镇农贸市场 12 号摊位',
      vaccinationDoses: 2,
      householdSize: 3,
      sourceHypothesis: '同单元确诊病例家庭聚集',
    },
    complete: true,
    sealed: true,
    sealingNote: '住所单元已封控',
  });
  return 4;
}
