import { type CaseClassification, communityMode, communityPathOf, countsForMode, switchesToStopSpread, taskState } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { countOpenCasesUnder } from '../cases/case.repository.ts';
import { listCommandTasks } from '../command/task.repository.ts';
import { issueFollowUp } from '../institutions/institution-follow-up.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { communityInScope, communityRules } from './community-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Who works the stop-spread tasks of a community, in order: its grid worker, its secretary, the town. */
const SWITCH_WORKERS = ['grid_worker', 'community_secretary', 'town_cadre'] as const;

/** A case as the mode asks it: its classification, where its person lives, the outbreak-spot deadline. */
export interface CaseForMode {
  id: string;
  caseNumber: string;
  classification: CaseClassification;
  jurisdictionPath: string;
  sealingDueAt: Date;
}

/**
 * SC-26, LVL-020: a suspected or confirmed case among a community's residents that switches the community from
 * keeping infection out to stopping spread gives the community its stop-spread tasks — close-contact management and
 * the disinfection of the outbreak spots — due at the case's spot deadline, in the case's transaction. Call it
 * after the case is written with the classification it now has; `before` is the one it had (null for a new case).
 */
export async function onCaseAmongResidents(
  tx: Db,
  context: RequestContext,
  found: CaseForMode,
  before: CaseClassification | null = null,
): Promise<void> {
  const rules = communityRules().mode;
  if ((before && countsForMode(rules, before)) || !countsForMode(rules, found.classification)) return;
  const path = communityPathOf(found.jurisdictionPath);
  if (!path) return;
  const [community] = await findJurisdictionsByPaths(tx, [path]);
  if (!community) return;
  const openNow = await countOpenCasesUnder(tx, path, rules.classifications);
  if (!switchesToStopSpread(rules, openNow - 1)) return;
  const place = { id: community.id, path: community.path };
  for (const task of rules.tasks) {
    await issueFollowUp(tx, context, {
      sourceKind: 'community_mode_switch',
      sourceId: found.id,
      title: `${community.name}：${task.zh}`,
      description: `病例 ${found.caseNumber}：社区转入“内防扩散、外防输出”（${rules.stopSpread.source} ${rules.stopSpread.clause}）。依据：${task.basis.source} ${task.basis.clause}`,
      dueAt: found.sealingDueAt,
      place,
      roles: SWITCH_WORKERS,
    });
  }
  await recordAudit(tx, context, {
    action: 'community.modeSwitch',
    entityType: 'jurisdiction',
    entityId: community.id,
    jurisdictionPath: community.path,
    before: { mode: 'keep_out' },
    after: { mode: 'stop_spread', caseId: found.id, tasks: rules.tasks.map((t) => t.key) },
  });
}

/** The community's mode today with its reasons, its open suspected or confirmed cases and the stop-spread tasks. */
export async function communityModeView(deps: Deps, context: RequestContext, jurisdictionId: string) {
  const db = deps.database.db;
  const community = await communityInScope(db, context, jurisdictionId, 'community.read');
  const rules = communityRules().mode;
  const openCases = await countOpenCasesUnder(db, community.path, rules.classifications);
  const { mode, because } = communityMode(rules, openCases);
  const now = deps.clock();
  const tasks = await listCommandTasks(db, { paths: [community.path], sourceKind: 'community_mode_switch' }, now, 50, 0);
  return {
    jurisdictionId: community.id,
    name: community.name,
    mode,
    openCases,
    because,
    tasks: tasks.items.map((row) => ({
      id: row.task.id,
      title: row.task.title ?? '',
      dueAt: row.task.dueAt?.toISOString() ?? null,
      state: taskState(row.task, now).state,
      assigneeName: row.assigneeName,
    })),
  };
}
