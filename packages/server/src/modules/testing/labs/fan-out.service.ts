import { AppError, type FollowUpAction, followUpOf, type LabResult, shanghaiDate, type TestingRules } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { classificationOfManaged, openCaseOnFinding } from '../../cases/case.service.ts';
import { registerEpisode } from '../../key-persons/episode.service.ts';
import { activeCaseEpisode, handOverContext } from '../../key-persons/hand-over.ts';
import { environmentFollowUp } from '../environment/environment-follow-up.service.ts';
import { rulesOfEditions } from '../testing-access.ts';
import { closeRetestedTasks, insertMemberTasks, type MemberRow, membersOf, raiseCommunityAlerts } from './fan-out.repository.ts';
import type { ResultedTubeRow } from './lab-result.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface FanOutCounts {
  controlTasks: number;
  caseCandidates: number;
  alerts: number;
  closedTasks: number;
  keyPersons: number;
}

/** Tube ids per follow-up action, each tube's action decided by core from its edition's rules. */
function tubesByAction(tubes: readonly ResultedTubeRow[], rulesOf: (editionId: string) => TestingRules): Map<FollowUpAction, string[]> {
  const byAction = new Map<FollowUpAction, string[]>();
  for (const tube of tubes) {
    const outcome = followUpOf(rulesOf(tube.editionId), {
      memberCount: tube.memberCount,
      result: tube.result as LabResult,
      isRetest: tube.retestOfTubeId !== null,
    });
    for (const action of outcome.decision) byAction.set(action, [...(byAction.get(action) ?? []), tube.tubeId]);
  }
  return byAction;
}

/**
 * A positive single tube hands the person to key-person management as a suspected case (the protocol
 * hands over, not the lab user's own rights; the audit names the user and the tube).
 */
async function handOver(tx: Db, deps: Deps, context: RequestContext, member: MemberRow): Promise<string | null> {
  if (await activeCaseEpisode(tx, member.person_id)) return null;
  const ruled = handOverContext(context, { jurisdictionId: member.jurisdiction_id, jurisdictionPath: member.jurisdiction_path });
  const input = {
    personId: member.person_id,
    category: 'suspected' as const,
    startDate: shanghaiDate(deps.clock()),
    source: 'testing',
    reason: `positive single tube ${member.barcode}`,
  };
  try {
    return (await tx.transaction((savepoint) => registerEpisode(deps, ruled, input, savepoint))).id;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * The positive single tube opens the person's case (issue 11 item 1, CASE-001): the 2-hour report clock runs
 * from the result, classified as the person is managed (suspected unless already a case category) until the
 * CDC confirms it. A person with an open case keeps it; a case that cannot open leaves the hand-over standing.
 */
async function openCaseOfTube(tx: Db, deps: Deps, context: RequestContext, member: MemberRow) {
  const managed = await activeCaseEpisode(tx, member.person_id);
  const owner = { personId: member.person_id, jurisdictionId: member.jurisdiction_id, jurisdictionPath: member.jurisdiction_path };
  const finding = {
    classification: classificationOfManaged(managed?.category),
    source: 'positive_tube' as const,
    sourceId: member.tube_id,
    remarks: `positive single tube ${member.barcode}`,
  };
  try {
    await tx.transaction((savepoint) => openCaseOnFinding(savepoint, deps, context, owner, finding));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/**
 * Where follow-up came from beyond the tube, added to the details of every task and alert it writes
 * (e.g. `{ correctionId }` when an approved correction reruns it).
 */
export type FanOutOrigin = Record<string, string>;

/**
 * Everything the new results set off, inside the batch's transaction: control and retest tasks for
 * every member of a positive or indeterminate pool, case candidates and hand-over for positive single
 * tubes, one alert per tube and community, and the end of a member's tasks on a negative retest;
 * an environment or goods tube sets off its place's follow-up instead (environment/). Answers the
 * counts and the episodes it opened.
 */
export async function fanOut(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  tubes: readonly ResultedTubeRow[],
  auditPath: string | null,
  origin: FanOutOrigin = {},
): Promise<FanOutCounts & { episodeIds: string[] }> {
  // Environment and goods tubes hold no people: their follow-up is the place's (alerts, disinfection, batch trace).
  const environment = await environmentFollowUp(
    tx,
    deps,
    context,
    tubes.map((t) => t.tubeId),
    origin,
  );
  const byAction = tubesByAction(
    tubes.filter((t) => !environment.tubeIds.has(t.tubeId)),
    await rulesOfEditions(
      tx,
      tubes.map((t) => t.editionId),
    ),
  );
  const now = deps.clock();
  const of = (action: FollowUpAction) => byAction.get(action) ?? [];
  const counts: FanOutCounts = {
    // A place's tasks (close and disinfect, screen workers, trace the batch) are control work too.
    controlTasks: (await insertMemberTasks(tx, of('control'), ['control', 'retest'], now, origin)) + environment.tasks,
    caseCandidates: await insertMemberTasks(tx, of('caseCandidate'), ['case_candidate'], now, origin),
    alerts: (await raiseCommunityAlerts(tx, of('communityAlert'), origin)) + environment.alerts,
    closedTasks: await closeRetestedTasks(tx, of('closeRetest'), now),
    keyPersons: 0,
  };
  const episodeIds: string[] = [];
  for (const member of await membersOf(tx, of('keyPerson'))) {
    const episodeId = await handOver(tx, deps, context, member);
    if (episodeId) episodeIds.push(episodeId);
    await openCaseOfTube(tx, deps, context, member);
  }
  counts.keyPersons = episodeIds.length;
  if (tubes.length > 0) {
    await recordAudit(tx, context, {
      action: 'testing.followUp',
      entityType: 'tube',
      jurisdictionPath: auditPath,
      after: { tubes: tubes.map((t) => ({ tubeId: t.tubeId, result: t.result })), ...origin, ...counts },
    });
  }
  return { ...counts, episodeIds };
}
