import type { Role } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { logOpinion } from '../modules/information/opinion.service.ts';
import { approveDraft, draftRelease, publishApproved, submitDraft } from '../modules/information/release.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;
interface Place {
  id: string;
  path: string;
}

/** A demo account acting through the real services, with its own role on its own jurisdiction. */
async function actingAs(deps: Deps, username: string, role: Role, place: Place): Promise<RequestContext | null> {
  const user = await findUserByUsername(deps.database.db, username);
  if (!user) return null;
  const grants = [{ role, jurisdictionId: place.id, jurisdictionPath: place.path }];
  return { ...systemContext('demo-seed'), actor: { userId: user.id, username, displayName: user.displayName, grants } };
}

/**
 * Issue 15 part 5 demo: a district notice drafted by `office`, approved by `commander` and published (on the public
 * page and the resident's page); the district's work bulletin (工作动态, staff only) the same way; a community notice from `grid` awaiting the town (`town` approves it); an open
 * rumour logged by `grid`.
 */
export async function seedDemoInformation(deps: Deps, area: { county: Place; community: Place }): Promise<void> {
  const [office, commander, grid] = await Promise.all([
    actingAs(deps, 'office', 'command_office_staff', area.county),
    actingAs(deps, 'commander', 'district_commander', area.county),
    actingAs(deps, 'grid', 'grid_worker', area.community),
  ]);
  if (!office || !commander || !grid) return;
  const notice = await draftRelease(deps, office, {
    jurisdictionId: area.county.id,
    kind: 'notice',
    title: '武进区疫情防控指挥部关于做好返乡人员健康管理的通告（演示）',
    body: '近期从外地返回武进区的人员，请于抵达后24小时内向所在村（社区）报告，并配合做好健康监测和核酸检测。\n如出现发热、咳嗽等症状，请及时到就近发热门诊就诊，就诊途中全程佩戴口罩。',
    interpretation: '',
    audience: 'public',
    channels: ['platform', 'official_account', 'wechat_group'],
    forDate: null,
  });
  await submitDraft(deps, office, notice.id);
  await approveDraft(deps, commander, notice.id, '同意发布（演示）');
  await publishApproved(deps, office, notice.id);

  // DAILY-008: the leading group's work bulletin, compiled by the office, approved within the district, staff only.
  const bulletin = await draftRelease(deps, office, {
    jurisdictionId: area.county.id,
    kind: 'work_bulletin',
    title: '武进区疫情防控指挥部工作动态（第11期）（演示）',
    body: '一、各镇（街道）卡口值守和外来人员排查情况；\n二、重点人员集中隔离和居家健康监测情况；\n三、下一步工作安排：做好第12期报送准备。',
    interpretation: '',
    audience: 'internal',
    channels: ['platform'],
    forDate: null,
  });
  await submitDraft(deps, office, bulletin.id);
  await approveDraft(deps, commander, bulletin.id, '同意（演示）');
  await publishApproved(deps, office, bulletin.id);

  const draft = await draftRelease(deps, grid, {
    jurisdictionId: area.community.id,
    kind: 'notice',
    title: '南街社区关于近期出入管理的温馨提示（演示）',
    body: '请居民出入小区主动出示健康码、配合测温，尽量减少外出和聚集。',
    interpretation: '',
    audience: 'residents',
    channels: ['platform', 'wechat_group', 'loudspeaker'],
    forDate: null,
  });
  await submitDraft(deps, grid, draft.id);

  await logOpinion(deps, grid, {
    jurisdictionId: area.community.id,
    kind: 'rumour',
    source: 'wechat',
    summary: '业主群内传言“南街社区明天起全面封闭、超市停业”（演示）',
    location: '南街社区业主微信群',
  });
}
