import { maskName, memberFollowUpState, notFound, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { asDate } from '../../../db/query-rows.ts';
import type { RequestContext } from '../../../http/context.ts';
import { scopeOf } from '../testing-access.ts';
import { findTubeWithResult, type MemberFollowUpRow, membersWithFollowUp } from './pool-members.repository.ts';

type Deps = Pick<AppDeps, 'database'>;

const iso = (value: Date | string | null) => asDate(value)?.toISOString() ?? null;

function memberSummary(m: MemberFollowUpRow) {
  const retest = m.retest_barcode
    ? { barcode: m.retest_barcode, sampledAt: iso(m.retest_sampled_at), result: m.retest_result, resultAt: iso(m.retest_result_at) }
    : null;
  return {
    personId: m.person_id,
    nameMasked: maskName(m.name),
    idMasked: m.id_masked,
    communityId: m.community_id,
    communityName: m.community_name,
    controlTask: m.control_task,
    retestTask: m.retest_task,
    caseCandidate: m.case_candidate,
    retest,
    episode: m.episode_id ? { id: m.episode_id, category: m.episode_category ?? '', status: m.episode_status ?? '' } : null,
    state: memberFollowUpState({
      openTasks: m.open_tasks,
      retestResult: retest ? m.retest_result : undefined,
      caseCandidate: m.case_candidate,
      handedOver: m.episode_id !== null,
    }),
  };
}

/**
 * The members of a tube (a positive pool, expanded on the dashboard) with their follow-up, masked as
 * lists are. Members outside the caller's scope are left out and only counted; a tube none of whose
 * members is in scope, and that lies outside it, is "not found".
 */
export async function poolMembers(deps: Deps, context: RequestContext, tubeId: string) {
  const db = deps.database.db;
  const scope = scopeOf(context, 'testing.read');
  const tube = await findTubeWithResult(db, tubeId);
  if (!tube) throw notFound('id');
  const members = await membersWithFollowUp(db, tube, scope);
  if (members.length === 0 && !pathInScope(tube.jurisdiction_path, scope)) throw notFound('id');
  return {
    tubeId: tube.id,
    barcode: tube.barcode,
    result: tube.result,
    resultAt: iso(tube.tested_at),
    memberCount: tube.member_count,
    membersOutsideScope: tube.member_count - members.length,
    members: members.map(memberSummary),
  };
}
