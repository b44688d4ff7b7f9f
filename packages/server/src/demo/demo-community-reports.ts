import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername, grantsOfUser } from '../auth/auth.repository.ts';
import type { RequestContext } from '../http/context.ts';
import { recordCommunityReport, referToPolice, residentOutsiderReport } from '../modules/community/community-report.service.ts';
import type { JurisdictionRow } from './demo.repository.ts';

/** The demo account's own rights, as if it had signed in. */
async function asUser(deps: AppDeps, context: RequestContext, username: string): Promise<RequestContext | null> {
  const user = await findUserByUsername(deps.database.db, username);
  if (!user) return null;
  const grants = await grantsOfUser(deps.database.db, user.id);
  return { ...context, actor: { userId: user.id, username, displayName: user.displayName, grants } };
}

/**
 * Seed 001 §三(二)2–3 in the demo (SC-38, SC-39): the resident reports an unregistered outsider in 南街社区 — 湖塘镇
 * has the tracking task open — and the grid worker recorded a returnee refusing a temperature check, referred to
 * the police.
 */
export async function seedDemoCommunityReports(deps: AppDeps, context: RequestContext, community: JurisdictionRow) {
  const resident = await asUser(deps, context, 'resident');
  const grid = await asUser(deps, context, 'grid');
  if (!resident || !grid) return 0;
  await residentOutsiderReport(deps, resident, {
    description: '隔壁 302 室昨晚住进两名外地口音人员，未见社区登记',
    whereabouts: '南街社区 3 幢 2 单元 302 室',
  });
  const refusal = await recordCommunityReport(deps, grid, {
    jurisdictionId: community.id,
    kind: 'refused_measure',
    refusedMeasure: 'temperature_check',
    subjectName: '周志刚',
    description: '返乡人员在小区东门拒绝测温并强行进入，劝阻无效',
    whereabouts: '南街社区东门卡口',
  });
  await referToPolice(deps, grid, refusal.id, {
    policeStation: '湖塘派出所',
    policeReference: '湖公(2020)017号',
    note: '已电话报警，民警到场处置',
  });
  return 2;
}
