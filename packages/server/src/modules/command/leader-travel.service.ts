import {
  checkTravelDecision,
  checkTravelRequest,
  forbidden,
  invalid,
  isLeaderBoundToStay,
  isSuperiorOf,
  LEADER_TRAVEL_CLAUSE,
  leaderPresence,
  pathInScope,
  type TravelRequestState,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { headquartersInScope, inScope, rosterMemberInScope, scopeOf } from './command-access.ts';
import {
  decideTravelRequest,
  findTravelRequest,
  insertTravelRequest,
  type TravelRequestRow,
  travelRequestsOf,
} from './leader-travel.repository.ts';
import { type HeadquartersRow, type RosterRow, rosterOf } from './organization.repository.ts';
import { personKey } from './roster-view.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface TravelRequestInput {
  destination: string;
  reason: string;
  departAt: string;
  returnAt: string;
}

/** Those of the headquarters (who keep its organization) or the leader themself file the request. */
function mayRequest(context: RequestContext, hq: HeadquartersRow, member: RosterRow): boolean {
  if (pathInScope(hq.jurisdictionPath, scopeOf(context, 'command.write'))) return true;
  return context.actor.userId !== null && context.actor.userId === member.userId;
}

/** The superior approves: granted strictly above the headquarters, and never the leader themself. */
const mayDecide = (context: RequestContext, hq: HeadquartersRow) => isSuperiorOf(scopeOf(context, 'command.read'), hq.jurisdictionPath);

const auditFields = (row: Pick<TravelRequestRow, 'rosterMemberId' | 'destination' | 'departAt' | 'returnAt' | 'status'>) => ({
  rosterMemberId: row.rosterMemberId,
  destination: row.destination,
  departAt: row.departAt.toISOString(),
  returnAt: row.returnAt.toISOString(),
  status: row.status,
});

/** A principal leader or a leader in charge asks the superior to leave the area (SUP-011, SC-71); the leader stays present until approved. */
export async function requestTravel(deps: Deps, context: RequestContext, rosterMemberId: string, input: TravelRequestInput) {
  const db = deps.database.db;
  const member = await rosterMemberInScope(db, context, rosterMemberId, 'command.read', 'rosterMemberId');
  const hq = await headquartersInScope(db, context, member.headquartersId, 'command.read', 'rosterMemberId');
  if (!mayRequest(context, hq, member)) throw forbidden('rosterMemberId');
  const window = { departAt: new Date(input.departAt), returnAt: new Date(input.returnAt) };
  checkTravelRequest(member.role, window, deps.clock());
  const destination = input.destination.trim();
  const reason = input.reason.trim();
  if (!destination) throw invalid('destination', 'required');
  if (!reason) throw invalid('reason', 'required');
  const row = await db.transaction(async (tx) => {
    const added = await insertTravelRequest(tx, {
      headquartersId: hq.id,
      rosterMemberId: member.id,
      destination,
      reason,
      ...window,
      status: 'requested',
      requestedBy: context.actor.userId,
      jurisdictionId: hq.jurisdictionId,
      jurisdictionPath: hq.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'command.requestLeaderTravel',
      entityType: 'leader_travel_request',
      entityId: added.id,
      jurisdictionPath: hq.jurisdictionPath,
      after: auditFields(added),
      reason: `${reason} (${LEADER_TRAVEL_CLAUSE})`,
    });
    return added;
  });
  return travelView(row, member, mayDecide(context, hq));
}

async function requestInScope(db: Db, context: RequestContext, id: string) {
  const row = inScope(await findTravelRequest(db, id), context, 'command.read');
  const hq = await headquartersInScope(db, context, row.headquartersId, 'command.read');
  return { row, hq };
}

/** The superior approves or refuses (请示报备 → 批准); approval alone lets the leader be away for the window (SC-71). */
export async function decideTravel(deps: Deps, context: RequestContext, id: string, input: { approve: boolean; note?: string }) {
  const db = deps.database.db;
  const { row, hq } = await requestInScope(db, context, id);
  if (!mayDecide(context, hq)) throw forbidden('decidedBy');
  const member = await rosterMemberInScope(db, context, row.rosterMemberId, 'command.read');
  if (member.userId !== null && member.userId === context.actor.userId) throw forbidden('decidedBy');
  checkTravelDecision(row.status);
  if (!input.approve && !input.note?.trim()) throw invalid('note', 'required');
  const decision = {
    status: input.approve ? 'approved' : 'rejected',
    decidedBy: context.actor.userId,
    decidedAt: deps.clock(),
    decisionNote: input.note?.trim() || null,
  };
  await db.transaction(async (tx) => {
    await decideTravelRequest(tx, row.id, decision);
    await recordAudit(tx, context, {
      action: input.approve ? 'command.approveLeaderTravel' : 'command.rejectLeaderTravel',
      entityType: 'leader_travel_request',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: auditFields(row),
      after: auditFields({ ...row, ...decision }),
      reason: decision.decisionNote ?? undefined,
    });
  });
  return travelView({ ...row, ...decision }, member, true);
}

/** The request is withdrawn before the superior decides, by whoever may file it. */
export async function withdrawTravel(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const { row, hq } = await requestInScope(db, context, id);
  const member = await rosterMemberInScope(db, context, row.rosterMemberId, 'command.read');
  if (!mayRequest(context, hq, member)) throw forbidden('id');
  checkTravelDecision(row.status);
  await db.transaction(async (tx) => {
    await decideTravelRequest(tx, row.id, {
      status: 'withdrawn',
      decidedBy: context.actor.userId,
      decidedAt: deps.clock(),
      decisionNote: null,
    });
    await recordAudit(tx, context, {
      action: 'command.withdrawLeaderTravel',
      entityType: 'leader_travel_request',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: auditFields(row),
      after: auditFields({ ...row, status: 'withdrawn' }),
    });
  });
  return travelView({ ...row, status: 'withdrawn' }, member, false);
}

function travelView(row: TravelRequestRow, member: Pick<RosterRow, 'name' | 'role'>, superior: boolean) {
  return {
    id: row.id,
    rosterMemberId: row.rosterMemberId,
    name: member.name,
    role: member.role,
    destination: row.destination,
    reason: row.reason,
    departAt: row.departAt.toISOString(),
    returnAt: row.returnAt.toISOString(),
    status: row.status as TravelRequestState,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    canDecide: superior && row.status === 'requested',
  };
}

/**
 * The leaders bound to stay with where they are now (SC-71: "away" only under an approved request), one entry
 * per person across their roles (SC-69), and the headquarters' requests.
 */
export async function leaderTravelOf(deps: Deps, context: RequestContext, hqId: string) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, hqId, 'command.read');
  const [roster, requests] = await Promise.all([rosterOf(db, hq.id), travelRequestsOf(db, hq.id)]);
  const now = deps.clock();
  const people = new Map<string, { rosterMemberIds: string[]; name: string; roles: string[]; canRequest: boolean }>();
  for (const { member } of roster.filter((r) => isLeaderBoundToStay(r.member.role))) {
    const key = personKey(member);
    const person = people.get(key) ?? { rosterMemberIds: [], name: member.name, roles: [], canRequest: false };
    person.rosterMemberIds.push(member.id);
    person.roles.push(member.role);
    person.canRequest ||= mayRequest(context, hq, member);
    people.set(key, person);
  }
  const superior = mayDecide(context, hq);
  const leaders = [...people.values()].map((person) => {
    const own = requests.filter((r) => person.rosterMemberIds.includes(r.request.rosterMemberId)).map((r) => r.request);
    const { presence, until } = leaderPresence(own, now);
    return { ...person, rosterMemberId: person.rosterMemberIds[0] ?? '', presence, until: until?.toISOString() ?? null };
  });
  return {
    clause: LEADER_TRAVEL_CLAUSE,
    isSuperior: superior,
    leaders,
    requests: requests.map((r) => travelView(r.request, r, superior)),
  };
}
