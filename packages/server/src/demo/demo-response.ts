import { type ExpertBody, editionInForce, type Role, responseRules, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { PNG_EVIDENCE } from '../modules/command/evidence.fixture.ts';
import { closeTask, taskList } from '../modules/command/task.service.ts';
import { addEvidence } from '../modules/command/task-evidence.service.ts';
import { approveChange, confirmChange, fileChange, proposeChange } from '../modules/response/response.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher' | 'config'>;
interface Place {
  id: string;
  path: string;
}
interface Area {
  county: Place;
  town: Place;
}

const HOUR = 3_600_000;
/** The level was approved this long ago: its measure tasks (due 24 hours after the approval) are past due today. */
const APPROVED_HOURS_AGO = 30;
/** The services as they ran that many hours ago (the workflow and the work are dated when they happened). */
const hoursAgo = (deps: Deps, hours: number): Deps => ({ ...deps, clock: () => new Date(deps.clock().getTime() - hours * HOUR) });

/** The measures 湖塘镇's groups have done, each with its photo and closing note, closed before the deadline. */
const DONE_MEASURES: readonly (readonly [string, string, string])[] = [
  ['LVL-IV-01', '联防联控工作机制会议纪要.png', '镇指挥部召开联防联控会议，完善镇级预案和技术方案'],
  ['LVL-IV-02', '预检分诊台照片.png', '镇卫生院预检分诊台和发热哨点诊室已规范设置，核酸检测开展'],
  ['LVL-IV-03', '隔离留观室照片.png', '疑似病例隔离留观室启用，院感控制措施落实'],
  ['LVL-IV-04', '流调报告首页.png', '对本镇病例可能的感染来源完成初步流行病学调查'],
  ['LVL-IV-05', '密接转运登记表.png', '密切接触者已排查追踪并转运集中隔离医学观察'],
  ['LVL-IV-10', '健康教育宣传栏.png', '各社区宣传栏和村村响广播开展健康教育'],
];

/** A demo account acting through the real services (the workflow records who proposed, confirmed, approved, filed). */
async function actingAs(deps: Deps, username: string, role: Role, place: Place): Promise<RequestContext | null> {
  const user = await findUserByUsername(deps.database.db, username);
  if (!user) return null;
  const grants = [{ role, jurisdictionId: place.id, jurisdictionPath: place.path }];
  return { ...systemContext('demo-seed'), actor: { userId: user.id, username, displayName: user.displayName, grants } };
}

/**
 * The level's measures in progress (issue 13 demo; ORG-060, LVL-018): the town cadre closes six of 湖塘镇's
 * eleven measure tasks with a photo each, twelve hours after the approval (on time); the other five are past
 * their deadline today, so the commander's landing shows measures done, overdue tasks by group, and the
 * town's other tasks open.
 */
async function measuresInProgress(deps: Deps, area: Area): Promise<void> {
  const town = await actingAs(deps, 'town', 'town_cadre', area.town);
  if (!town) return;
  const then = hoursAgo(deps, APPROVED_HOURS_AGO - 12);
  const { items } = await taskList(then, town, { jurisdictionId: area.town.id, sourceKind: 'level_measure' }, 50, 0);
  for (const [measureId, fileName, note] of DONE_MEASURES) {
    const task = items.find((t) => t.sourceId === measureId);
    if (!task) continue;
    await addEvidence(then, town, task.id, { body: PNG_EVIDENCE, contentType: 'image/png', fileName });
    await closeTask(then, town, task.id, note);
  }
}

/**
 * 湖塘镇 at level IV (issue 13 demo), through the whole workflow thirty hours ago: the CDC proposes on the
 * level's trigger with the LVL-003 assessment, the district experts confirm, the commander approves, the office
 * files it. The level's measures are the town's checklist for `commander` and `office`, six done with their
 * evidence and five overdue today.
 */
export async function seedDemoResponse(current: Deps, area: Area): Promise<void> {
  const deps = hoursAgo(current, APPROVED_HOURS_AGO);
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
  await fileChange(hoursAgo(current, APPROVED_HOURS_AGO - 2), office, change.id, '武卫应急备〔演示〕1号');
  await measuresInProgress(current, area);
}
