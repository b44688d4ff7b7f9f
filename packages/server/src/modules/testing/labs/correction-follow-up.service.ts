import { type CorrectionAction, correctionFollowUpOf, type LabResult, type Reason } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { colourNow, recordColourIfChanged } from '../../codes/code.service.ts';
import { rulesOfStoredEdition } from '../testing-access.ts';
import type { TubeResult } from './correction.repository.ts';
import {
  type CorrectionRef,
  closePoolTasksOfRetest,
  closeTubeTasks,
  episodesOpenedFrom,
  raiseCorrectionAlerts,
  raiseEpisodeAlerts,
} from './correction-follow-up.repository.ts';
import { membersOf } from './fan-out.repository.ts';
import { type FanOutCounts, fanOut } from './fan-out.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** What an approved correction did, kept on the correction: every row it names carries the correction's id. */
export interface CorrectionFollowUp extends FanOutCounts {
  actions: CorrectionAction[];
  because: Reason[];
  episodeIds: string[];
  /** Episodes opened from this tube whose basis the correction withdrew (alerted, not ended). */
  episodeAlerts: number;
  colourChanges: number;
}

/** The new result's fan-out, exactly as an import runs it; its tasks and alerts carry the correction's id. */
function runFanOut(tx: Db, deps: Deps, context: RequestContext, tube: TubeResult, ref: CorrectionRef) {
  const row = {
    tubeId: tube.tubeId,
    result: ref.to,
    memberCount: tube.memberCount,
    retestOfTubeId: tube.retestOfTubeId,
    editionId: tube.editionId,
  };
  return fanOut(tx, deps, context, [row], tube.jurisdictionPath, { correctionId: ref.correctionId });
}

/** Each member's colour as the rules now give it, recorded in the colour history when it changed. */
async function recordColours(tx: Db, tubeId: string, now: Date): Promise<number> {
  let changed = 0;
  for (const member of await membersOf(tx, [tubeId])) {
    if (await recordColourIfChanged(tx, member.person_id, member.jurisdiction_path, await colourNow(tx, member.person_id, now), now))
      changed++;
  }
  return changed;
}

/**
 * Everything an approved correction sets off, in the approval's transaction, as core decides it:
 * the new result's fan-out, the end of tasks a negative result no longer calls for, an alert on each
 * episode that lost its basis, the community told, and the members' colours recorded.
 */
export async function correctionFollowUp(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  tube: TubeResult,
  ref: CorrectionRef,
): Promise<CorrectionFollowUp> {
  const now = deps.clock();
  const rule = correctionFollowUpOf(await rulesOfStoredEdition(tx, tube.editionId), {
    memberCount: tube.memberCount,
    isRetest: tube.retestOfTubeId !== null,
    from: ref.from as LabResult,
    to: ref.to as LabResult,
  });
  const has = (action: CorrectionAction) => rule.decision.includes(action);
  const out: CorrectionFollowUp = {
    actions: rule.decision,
    because: rule.because,
    controlTasks: 0,
    caseCandidates: 0,
    alerts: 0,
    closedTasks: 0,
    keyPersons: 0,
    episodeIds: [],
    episodeAlerts: 0,
    colourChanges: 0,
  };
  if (has('fanOut')) {
    Object.assign(out, await runFanOut(tx, deps, context, tube, ref));
  }
  if (has('closeTasks')) out.closedTasks += await closeTubeTasks(tx, ref, now);
  if (has('closeRetest')) out.closedTasks += await closePoolTasksOfRetest(tx, ref, now);
  if (has('episodeAlert')) out.episodeAlerts = await raiseEpisodeAlerts(tx, ref, await episodesOpenedFrom(tx, ref));
  if (has('correctionAlert')) out.alerts += await raiseCorrectionAlerts(tx, ref);
  out.colourChanges = await recordColours(tx, tube.tubeId, now);
  return out;
}
