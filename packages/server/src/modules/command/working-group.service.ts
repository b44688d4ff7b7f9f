import { conflict, findGroupTemplate, invalid, notFound, onOneLine } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { groupInScope, headquartersInScope } from './command-access.ts';
import { detailOf, type GroupView } from './headquarters.service.ts';
import { unitsForRequest } from './org-unit.service.ts';
import {
  bumpHeadquarters,
  bumpWorkingGroup,
  findHeadquarters,
  groupsOf,
  type HeadquartersRow,
  insertRevision,
  insertWorkingGroup,
  replaceGroupUnits,
  revisionsOf,
  rosterOfGroup,
  unitsOfGroups,
  updateWorkingGroup,
  type WorkingGroupRow,
} from './organization.repository.ts';
import { groupFromTemplate } from './organization-template.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface GroupFields {
  nameZh?: string;
  nameEn?: string;
  leadOfficial?: string | null;
  duties?: string[];
  leadUnitIds?: string[];
  memberUnitIds?: string[];
}

export interface NewGroup extends GroupFields {
  templateKey?: string;
}

/** Units of a group come from the caller's scope and the headquarters' own line of the tree. */
async function groupUnits(db: Db, context: RequestContext, hq: HeadquartersRow, ids: string[] | undefined, field: string) {
  if (ids === undefined) return undefined;
  const units = await unitsForRequest(db, context, ids, field);
  if (units.some((u) => !onOneLine(u.jurisdictionPath, hq.jurisdictionPath))) throw invalid(field, 'unknownUnit');
  return units.map((u) => u.id);
}

/** A group as it stands, kept before each change (names, units, duties, status, roster with masked phones). */
async function snapshotOf(tx: Db, group: WorkingGroupRow) {
  const [units, roster] = await Promise.all([unitsOfGroups(tx, [group.id]), rosterOfGroup(tx, group.id)]);
  return {
    nameZh: group.nameZh,
    nameEn: group.nameEn,
    leadOfficial: group.leadOfficial,
    duties: group.duties,
    status: group.status,
    leadUnits: units.filter((u) => u.role === 'lead').map((u) => u.name),
    memberUnits: units.filter((u) => u.role === 'member').map((u) => u.name),
    roster: roster.map((r) => ({ name: r.name, title: r.title, role: r.role, phone: r.phoneMasked })),
  };
}

/** Keeps the group's current version as a revision, then raises the group's and the headquarters' versions (ORG-010: versioned). */
export async function newVersion(tx: Db, context: RequestContext, group: WorkingGroupRow, reason: string) {
  await insertRevision(tx, {
    workingGroupId: group.id,
    version: group.version,
    snapshot: await snapshotOf(tx, group),
    reason,
    changedBy: context.actor.userId,
    jurisdictionPath: group.jurisdictionPath,
  });
  await bumpWorkingGroup(tx, group.id);
  await bumpHeadquarters(tx, group.headquartersId);
}

async function viewOf(deps: Deps, context: RequestContext, hqId: string, groupId: string): Promise<GroupView> {
  const hq = await findHeadquarters(deps.database.db, hqId);
  const detail = hq ? await detailOf(deps, context, hq) : null;
  const view = detail?.groups.find((g) => g.id === groupId);
  if (!view) throw notFound('id');
  return view;
}

async function createdGroup(tx: Db, hq: HeadquartersRow, input: NewGroup, units: UnitIds) {
  const sortOrder = (await groupsOf(tx, hq.id)).length + 1;
  if (input.templateKey) {
    const template = findGroupTemplate(input.templateKey);
    if (!template) throw invalid('templateKey', 'unknownTemplate');
    const same = (await groupsOf(tx, hq.id)).some((g) => g.templateKey === template.key && g.status === 'active');
    if (same) throw conflict('templateKey', 'groupExists');
    return groupFromTemplate(tx, hq, template, sortOrder);
  }
  if (!input.nameZh?.trim()) throw invalid('nameZh', 'required');
  const group = await insertWorkingGroup(tx, {
    headquartersId: hq.id,
    nameZh: input.nameZh.trim(),
    nameEn: input.nameEn?.trim() || input.nameZh.trim(),
    leadOfficial: input.leadOfficial ?? null,
    duties: input.duties ?? [],
    sortOrder,
    jurisdictionId: hq.jurisdictionId,
    jurisdictionPath: hq.jurisdictionPath,
  });
  await replaceGroupUnits(tx, group.id, unitLinks(units), hq.jurisdictionPath);
  return group;
}

interface UnitIds {
  lead?: string[];
  member?: string[];
}

const unitLinks = (units: UnitIds) => [
  ...(units.lead ?? []).map((orgUnitId) => ({ orgUnitId, role: 'lead' as const })),
  ...(units.member ?? []).map((orgUnitId) => ({ orgUnitId, role: 'member' as const })),
];

/** Adds a group to a headquarters, from a seed template (ORG-020…046) or by hand. */
export async function addWorkingGroup(deps: Deps, context: RequestContext, hqId: string, input: NewGroup) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, hqId, 'command.write');
  const units = {
    lead: await groupUnits(db, context, hq, input.leadUnitIds, 'leadUnitIds'),
    member: await groupUnits(db, context, hq, input.memberUnitIds, 'memberUnitIds'),
  };
  const group = await db.transaction(async (tx) => {
    const made = await createdGroup(tx, hq, input, units);
    await bumpHeadquarters(tx, hq.id);
    await recordAudit(tx, context, {
      action: 'command.addGroup',
      entityType: 'working_group',
      entityId: made.id,
      jurisdictionPath: hq.jurisdictionPath,
      after: { nameZh: made.nameZh, templateKey: made.templateKey },
    });
    return made;
  });
  return viewOf(deps, context, hq.id, group.id);
}

export interface GroupChange extends GroupFields {
  status?: 'active' | 'dissolved';
  reason: string;
}

/** Changes a group (member units "adjusted in time", seed 002 §六(一)); the version before is kept. */
export async function changeWorkingGroup(deps: Deps, context: RequestContext, groupId: string, change: GroupChange) {
  const db = deps.database.db;
  const group = await groupInScope(db, context, groupId, 'command.write');
  const hq = await headquartersInScope(db, context, group.headquartersId, 'command.write');
  const lead = await groupUnits(db, context, hq, change.leadUnitIds, 'leadUnitIds');
  const member = await groupUnits(db, context, hq, change.memberUnitIds, 'memberUnitIds');
  const { reason, leadUnitIds: _lead, memberUnitIds: _member, ...fields } = change;
  await db.transaction(async (tx) => {
    const before = await snapshotOf(tx, group);
    await newVersion(tx, context, group, reason);
    await updateWorkingGroup(tx, group.id, fields);
    if (lead !== undefined || member !== undefined) {
      const current = await unitsOfGroups(tx, [group.id]);
      const keep = (role: string) => current.filter((u) => u.role === role).map((u) => u.id);
      await replaceGroupUnits(
        tx,
        group.id,
        unitLinks({ lead: lead ?? keep('lead'), member: member ?? keep('member') }),
        group.jurisdictionPath,
      );
    }
    await recordAudit(tx, context, {
      action: 'command.changeGroup',
      entityType: 'working_group',
      entityId: group.id,
      jurisdictionPath: group.jurisdictionPath,
      before: { ...before, version: group.version },
      after: { ...fields, leadUnitIds: lead, memberUnitIds: member, version: group.version + 1 },
      reason,
    });
  });
  return viewOf(deps, context, hq.id, group.id);
}

/** Every earlier version of a group, oldest first, and the version in force. */
export async function groupRevisions(deps: Deps, context: RequestContext, groupId: string) {
  const db = deps.database.db;
  const group = await groupInScope(db, context, groupId, 'command.read');
  const rows = await revisionsOf(db, group.id);
  return {
    current: group.version,
    items: rows.map(({ revision, changedByName }) => ({
      version: revision.version,
      reason: revision.reason,
      changedAt: revision.createdAt.toISOString(),
      changedByName,
      snapshot: revision.snapshot,
    })),
  };
}
