import { invalid, onOneLine, phoneProblem, type RosterRole } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { grantsOfUser } from '../../auth/auth.repository.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  expertGroupInScope,
  groupInScope,
  headquartersInScope,
  phonesVisible,
  rosterMemberInScope,
  unitInScope,
} from './command-access.ts';
import { deleteDutyOf } from './duty.repository.ts';
import { deleteTravelRequestsOf } from './leader-travel.repository.ts';
import {
  bumpHeadquarters,
  deleteRosterMember,
  expertGroupsOf,
  findWorkingGroup,
  groupsOf,
  type HeadquartersRow,
  insertRosterMember,
  type RosterRow,
  rosterOf,
  updateRosterMember,
} from './organization.repository.ts';
import { personKey, rosterEntry, sealedRosterPhone } from './roster-view.ts';
import { newVersion } from './working-group.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface RosterFields {
  userId?: string | null;
  name?: string;
  title?: string | null;
  orgUnitId?: string | null;
  role?: RosterRole;
  phone?: string | null;
  sortOrder?: number;
}

export interface NewRosterMember extends RosterFields {
  headquartersId: string;
  workingGroupId?: string;
  expertGroupId?: string;
  name: string;
  role: RosterRole;
}

/** A linked account must work somewhere on the headquarters' line of the tree. */
async function checkUser(db: Db, userId: string | null | undefined, hq: HeadquartersRow) {
  if (!userId) return;
  const grants = await grantsOfUser(db, userId);
  if (!grants.some((g) => onOneLine(g.jurisdictionPath, hq.jurisdictionPath))) throw invalid('userId', 'unknownUser');
}

async function checkFields(db: Db, context: RequestContext, hq: HeadquartersRow, fields: RosterFields) {
  if (fields.phone && phoneProblem(fields.phone)) throw invalid('phone', 'phone.format');
  if (fields.name !== undefined && !fields.name.trim()) throw invalid('name', 'required');
  await checkUser(db, fields.userId, hq);
  if (fields.orgUnitId) {
    const unit = await unitInScope(db, context, fields.orgUnitId, 'command.read', 'orgUnitId').catch(() => undefined);
    if (!unit || !onOneLine(unit.jurisdictionPath, hq.jurisdictionPath)) throw invalid('orgUnitId', 'unknownUnit');
  }
}

/** The group or expert group a roster row belongs to must be the headquarters' own. */
async function placeOnRoster(db: Db, context: RequestContext, hq: HeadquartersRow, input: NewRosterMember) {
  if (input.workingGroupId && input.expertGroupId) throw invalid('expertGroupId', 'oneGroupOnly');
  if (input.workingGroupId) {
    const group = await groupInScope(db, context, input.workingGroupId, 'command.write', 'workingGroupId').catch(() => undefined);
    if (group?.headquartersId !== hq.id) throw invalid('workingGroupId', 'notInHeadquarters');
    return group;
  }
  if (input.expertGroupId) {
    const expert = await expertGroupInScope(db, context, input.expertGroupId, 'command.write', 'expertGroupId').catch(() => undefined);
    if (expert?.headquartersId !== hq.id) throw invalid('expertGroupId', 'notInHeadquarters');
  }
  return null;
}

const auditFields = (row: Pick<RosterRow, 'name' | 'title' | 'role' | 'workingGroupId' | 'expertGroupId' | 'phoneMasked'>) => ({
  name: row.name,
  title: row.title,
  role: row.role,
  workingGroupId: row.workingGroupId,
  expertGroupId: row.expertGroupId,
  phone: row.phoneMasked,
});

/** Someone takes a role on the roster (ORG-005, ORG-010); a group's roster change is a new version of the group. */
export async function addRosterMember(deps: Deps, context: RequestContext, input: NewRosterMember) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, input.headquartersId, 'command.write', 'headquartersId').catch(() => {
    throw invalid('headquartersId', 'unknownHeadquarters');
  });
  const group = await placeOnRoster(db, context, hq, input);
  await checkFields(db, context, hq, input);
  const row = await db.transaction(async (tx) => {
    if (group) await newVersion(tx, context, group, `roster: ${input.name.trim()}`);
    else await bumpHeadquarters(tx, hq.id);
    const added = await insertRosterMember(tx, {
      headquartersId: hq.id,
      workingGroupId: input.workingGroupId ?? null,
      expertGroupId: input.expertGroupId ?? null,
      userId: input.userId ?? null,
      name: input.name.trim(),
      title: input.title ?? null,
      orgUnitId: input.orgUnitId ?? null,
      role: input.role,
      sortOrder: input.sortOrder ?? 0,
      ...sealedRosterPhone(deps.cipher, input.phone),
      jurisdictionId: hq.jurisdictionId,
      jurisdictionPath: hq.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'command.addRosterMember',
      entityType: 'roster_member',
      entityId: added.id,
      jurisdictionPath: hq.jurisdictionPath,
      after: auditFields(added),
    });
    return added;
  });
  return rosterEntry(deps.cipher, row, null, await phonesVisible(db, context, hq));
}

async function changeIn(tx: Db, context: RequestContext, row: RosterRow, reason: string) {
  const group = row.workingGroupId ? await findWorkingGroup(tx, row.workingGroupId) : undefined;
  if (group) await newVersion(tx, context, group, reason);
  else await bumpHeadquarters(tx, row.headquartersId);
}

export async function changeRosterMember(deps: Deps, context: RequestContext, id: string, change: RosterFields & { reason: string }) {
  const db = deps.database.db;
  const row = await rosterMemberInScope(db, context, id, 'command.write');
  const hq = await headquartersInScope(db, context, row.headquartersId, 'command.write');
  await checkFields(db, context, hq, change);
  const { reason, phone, ...fields } = change;
  const sealed = phone === undefined ? {} : sealedRosterPhone(deps.cipher, phone);
  const changes = { ...fields, ...(fields.name ? { name: fields.name.trim() } : {}), ...sealed };
  await db.transaction(async (tx) => {
    await changeIn(tx, context, row, reason);
    await updateRosterMember(tx, id, changes);
    await recordAudit(tx, context, {
      action: 'command.changeRosterMember',
      entityType: 'roster_member',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: auditFields(row),
      after: auditFields({ ...row, ...changes }),
      reason,
    });
  });
  return rosterEntry(deps.cipher, { ...row, ...changes }, null, await phonesVisible(db, context, hq));
}

/** Someone leaves the roster (and its duty schedule); the group's version before is kept. */
export async function removeRosterMember(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await rosterMemberInScope(db, context, id, 'command.write');
  await db.transaction(async (tx) => {
    await changeIn(tx, context, row, `roster: ${row.name} removed`);
    await deleteDutyOf(tx, row.id);
    await deleteTravelRequestsOf(tx, row.id);
    await deleteRosterMember(tx, row.id);
    await recordAudit(tx, context, {
      action: 'command.removeRosterMember',
      entityType: 'roster_member',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: auditFields(row),
    });
  });
  return { id: row.id, removed: true };
}

/**
 * The roster by person (SC-69): one entry per person with every role they hold — in the leadership,
 * in working groups and expert groups — recognized by account, else by the phone's keyed hash.
 */
export async function peopleOf(deps: Deps, context: RequestContext, hqId: string) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, hqId, 'command.read');
  const visible = await phonesVisible(db, context, hq);
  const [roster, detailGroups] = await Promise.all([rosterOf(db, hq.id), groupNames(db, hq.id)]);
  const people = new Map<string, { key: string; name: string; userId: string | null; phone: string | null; roles: PersonRole[] }>();
  for (const { member, unitName } of roster) {
    const key = personKey(member);
    const entry = rosterEntry(deps.cipher, member, unitName, visible);
    const person = people.get(key) ?? { key, name: member.name, userId: member.userId, phone: entry.phone, roles: [] };
    person.phone ??= entry.phone;
    person.roles.push({
      rosterMemberId: member.id,
      role: member.role,
      title: member.title,
      groupName: member.workingGroupId ? (detailGroups.get(member.workingGroupId) ?? null) : null,
      expertGroupName: member.expertGroupId ? (detailGroups.get(member.expertGroupId) ?? null) : null,
    });
    people.set(key, person);
  }
  return { phonesVisible: visible, items: [...people.values()] };
}

interface PersonRole {
  rosterMemberId: string;
  role: string;
  title: string | null;
  groupName: string | null;
  expertGroupName: string | null;
}

async function groupNames(db: Db, hqId: string): Promise<Map<string, string>> {
  const [groups, experts] = await Promise.all([groupsOf(db, hqId), expertGroupsOf(db, hqId)]);
  return new Map([...groups.map((g) => [g.id, g.nameZh] as const), ...experts.map((e) => [e.id, e.nameZh] as const)]);
}
