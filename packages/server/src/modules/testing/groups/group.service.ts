import {
  AppError,
  conflict,
  forbidden,
  invalid,
  type LabResult,
  MANDATORY_TESTING_GROUPS,
  type MandatoryTestingGroup,
  type MemberTestingState,
  memberTestingState,
  notFound,
  pathInScope,
  shanghaiDate,
  type TestingRules,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { pastDateCell } from '../../../imports/person-cells.ts';
import { findJurisdictionById } from '../../jurisdictions/jurisdiction.repository.ts';
import { jurisdictionLabels } from '../../jurisdictions/jurisdiction-label.ts';
import { findPersonById } from '../../persons/person.repository.ts';
import { commonPath } from '../../zones/zone-access.ts';
import { isUniqueViolation, rulesInForce, scopeOf } from '../testing-access.ts';
import {
  activeMembership,
  episodeMembersIn,
  findMember,
  insertMember,
  leaveMembership,
  type RosterRow,
  rosterIn,
} from './group.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const ACTIVE_MEMBER_INDEX = 'testing_group_member_active_idx';

export interface Enrolment {
  group: MandatoryTestingGroup;
  person: { id: string; jurisdictionId: string; jurisdictionPath: string };
  unitName: string | null;
  joinedOn: string;
}

/** Writes a roster entry under the person's jurisdiction, with its audit event, inside the caller's transaction. */
export async function enrolMember(tx: Db, context: RequestContext, { group, person, unitName, joinedOn }: Enrolment) {
  const member = await insertMember(tx, {
    group,
    personId: person.id,
    unitName,
    joinedOn,
    jurisdictionId: person.jurisdictionId,
    jurisdictionPath: person.jurisdictionPath,
    createdBy: context.actor.userId,
  });
  await recordAudit(tx, context, {
    action: 'testing.addGroupMember',
    entityType: 'testing_group_member',
    entityId: member.id,
    jurisdictionPath: person.jurisdictionPath,
    after: { group, personId: person.id, unitName, joinedOn },
  });
  return member;
}

export interface NewMember {
  personId: string;
  unitName?: string;
  joinedOn?: string;
}

/** Puts a person on a mandatory group's roster (TEST-001); their samples are then paid by the government. */
export async function addMember(deps: Deps, context: RequestContext, group: MandatoryTestingGroup, input: NewMember) {
  const db = deps.database.db;
  const found = await findPersonById(db, input.personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopeOf(context, 'testing.manage'))) throw notFound('personId');
  const today = shanghaiDate(deps.clock());
  const joinedOn = input.joinedOn ?? today;
  const dateIssue = pastDateCell(joinedOn, today);
  if (dateIssue) throw invalid('joinedOn', dateIssue);
  if (await activeMembership(db, group, input.personId)) throw conflict('personId', 'alreadyInGroup');
  const { person } = found;
  const written = db.transaction(async (tx) => {
    const member = await enrolMember(tx, context, { group, person, unitName: input.unitName ?? null, joinedOn });
    return { id: member.id, group, personId: person.id, joinedOn };
  });
  return written.catch((error: unknown) => {
    throw isUniqueViolation(error, ACTIVE_MEMBER_INDEX) ? conflict('personId', 'alreadyInGroup') : error;
  });
}

export async function leaveGroup(deps: Deps, context: RequestContext, id: string, reason: string) {
  const db = deps.database.db;
  const member = await findMember(db, id);
  if (!member || !pathInScope(member.jurisdictionPath, scopeOf(context, 'testing.manage'))) throw notFound('id');
  if (member.leftOn) throw new AppError('conflict', 'alreadyLeft', 'id');
  const on = shanghaiDate(deps.clock());
  await db.transaction(async (tx) => {
    await leaveMembership(tx, id, on, reason);
    await recordAudit(tx, context, {
      action: 'testing.leaveGroup',
      entityType: 'testing_group_member',
      entityId: id,
      jurisdictionPath: member.jurisdictionPath,
      before: { leftOn: null },
      after: { leftOn: on },
      reason,
    });
  });
  return { id, leftOn: on };
}

/** The paths to count under: a named jurisdiction inside the caller's scope, or the whole scope. */
async function readPaths(db: Db, context: RequestContext, jurisdictionId: string | undefined): Promise<string[]> {
  const scope = scopeOf(context, 'testing.read');
  if (!jurisdictionId) return scope;
  const where = await findJurisdictionById(db, jurisdictionId);
  if (!where || !pathInScope(where.path, scope)) throw forbidden('jurisdictionId');
  return [where.path];
}

function stateOf(rules: TestingRules, member: RosterRow, today: string) {
  const rule = rules.groups.find((g) => g.group === member.group);
  if (!rule) return null;
  const lastSampledOn = member.lastSampledAt ? shanghaiDate(member.lastSampledAt) : null;
  return memberTestingState(rule, { joinedOn: member.joinedOn, lastSampledOn }, today);
}

/**
 * A group's members: its imported roster, and for a group the edition links to key-person categories
 * (TEST-001 (1) 密切接触者 ← close contacts under management), the active episodes of those categories
 * under the paths; a person on both counts once (the roster entry).
 */
async function membersOf(db: Db, rules: TestingRules, paths: readonly string[], group: MandatoryTestingGroup, roster: RosterRow[]) {
  const listed = roster.filter((m) => m.group === group);
  const categories = rules.groups.find((g) => g.group === group)?.keyPersonCategories ?? [];
  const seen = new Set(listed.map((m) => m.personId));
  const managed = (await episodeMembersIn(db, paths, group, categories)).filter((m) => {
    if (seen.has(m.personId)) return false;
    seen.add(m.personId);
    return true;
  });
  return [...listed, ...managed];
}

/** Coverage of each of the 12 groups in the caller's scope (or one jurisdiction): members, covered, due, overdue. */
export async function groupCoverage(deps: Deps, context: RequestContext, jurisdictionId?: string) {
  const db = deps.database.db;
  const paths = await readPaths(db, context, jurisdictionId);
  const now = deps.clock();
  const today = shanghaiDate(now);
  const { edition, rules } = await rulesInForce(db, now, commonPath(paths));
  const roster = await rosterIn(db, paths, null);
  const memberLists = await Promise.all(MANDATORY_TESTING_GROUPS.map((group) => membersOf(db, rules, paths, group, roster)));
  return {
    editionId: edition.id,
    date: today,
    groups: MANDATORY_TESTING_GROUPS.map((group, index) => {
      const counts: Record<MemberTestingState, number> = { covered: 0, due: 0, overdue: 0 };
      for (const member of memberLists[index] ?? []) {
        const state = stateOf(rules, member, today);
        if (state) counts[state.decision]++;
      }
      const rule = rules.groups.find((g) => g.group === group);
      return {
        group,
        cycle: rule?.cycle ?? null,
        basis: rule?.basis ?? null,
        members: counts.covered + counts.due + counts.overdue,
        ...counts,
      };
    }),
  };
}

export interface MemberQuery {
  jurisdictionId?: string;
  state?: MemberTestingState;
  limit: number;
  offset: number;
}

/** A group's roster with each member's state; `state=overdue` is the list to chase. */
export async function groupMembers(deps: Deps, context: RequestContext, group: MandatoryTestingGroup, query: MemberQuery) {
  const db = deps.database.db;
  const paths = await readPaths(db, context, query.jurisdictionId);
  const now = deps.clock();
  const today = shanghaiDate(now);
  const { rules } = await rulesInForce(db, now, commonPath(paths));
  const rows = (await membersOf(db, rules, paths, group, await rosterIn(db, paths, group))).map((member) => {
    const state = stateOf(rules, member, today);
    return { member, state: state?.decision ?? 'overdue', dueDate: state?.dueDate ?? member.joinedOn };
  });
  // Soonest due first: the top of the overdue list is who has waited longest.
  const chosen = rows.filter((r) => !query.state || r.state === query.state).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const shown = chosen.slice(query.offset, query.offset + query.limit);
  const labels = await jurisdictionLabels(
    db,
    shown.map(({ member }) => member.jurisdictionPath),
    scopeOf(context, 'testing.read'),
  );
  return {
    total: chosen.length,
    items: shown.map(({ member, state, dueDate }) => ({
      id: member.id,
      personId: member.personId,
      name: member.name,
      idMasked: member.idMasked,
      phoneMasked: member.phoneMasked,
      jurisdictionName: member.jurisdictionName,
      jurisdictionLabel: labels.get(member.jurisdictionPath) ?? member.jurisdictionName,
      unitName: member.unitName,
      joinedOn: member.joinedOn,
      lastSampledAt: member.lastSampledAt?.toISOString() ?? null,
      lastResult: member.lastResult as LabResult | null,
      lastPooled: member.lastPooled,
      fromKeyPersons: member.fromKeyPersons,
      state,
      dueDate,
    })),
  };
}
