import { type ExpertBody, editionInForce, type Role, responseRules, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { approveChange, confirmChange, fileChange, proposeChange } from '../modules/response/response.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;
interface Area {
  county: { id: string; path: string };
  town: { id: string };
}

/** A demo account acting through the real services (the workflow records who proposed, confirmed, approved, filed). */
async function actingAs(deps: Deps, username: string, role: Role, county: Area['county']): Promise<RequestContext | null> {
  const user = await findUserByUsername(deps.database.db, username);
  if (!user) return null;
  const grants = [{ role, jurisdictionId: county.id, jurisdictionPath: county.path }];
  return { ...systemContext('demo-seed'), actor: { userId: user.id, username, displayName: user.displayName, grants } };
}

/**
 * 湖塘镇 at level IV (issue 13 demo), through the whole workflow: the CDC proposes on the level's trigger
 * with the LVL-003 assessment, the district experts confirm, the commander approves, the office files it.
 * The level's measures then show as the town's checklist for `commander` and `office`.
 */
export async function seedDemoResponse(deps: Deps, area: Area): Promise<void> {
  const edition = editionInForce(shanghaiDate(deps.clock()));
  if (!edition?.response) return;
  const [cdc, office, commander] = await Promise.all([
    actingAs(deps, 'cdc', 'cdc_epidemiologist', area.county),
    actingAs(deps, 'office', 'command_office_staff', area.county),
    actingAs(deps, 'commander', 'district_commander', area.county),
  ]);
  if (!cdc || !office || !commander) return;
  const factors = Object.fromEntries(
    responseRules(edition).assessment.factors.flatMap((g) =>
      g.items.map((item) => [item.key, `${item.zh}：演示研判意见，散发病例，传播链清楚`]),
    ),
  );
  const change = await proposeChange(deps, cdc, area.town.id, {
    to: 'IV',
    basis: 'trigger',
    reason: '湖塘镇出现本土散发病例，按区应急预案启动Ⅳ级响应（演示）',
    assessment: { factors, records: { trendAnalysis: '疫情趋势研判：散发，暂无社区传播（演示）' } },
  });
  for (const body of change.chain as ExpertBody[]) {
    await confirmChange(deps, office, change.id, { body, decision: 'confirmed', note: '专家组论证同意（演示）' });
  }
  await approveChange(deps, commander, change.id, {});
  await fileChange(deps, office, change.id, '武卫应急备〔演示〕1号');
}
