import {
  conflict,
  defaultHeadquartersKind,
  defaultTemplateSet,
  type GroupTemplateSet,
  HEADQUARTERS_LEVELS,
  type HeadquartersKind,
  type HeadquartersLevel,
  invalid,
  pathInScope,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { headquartersInScope, phonesVisible, scopeOf } from './command-access.ts';
import {
  bumpHeadquarters,
  expertGroupsOf,
  groupsOf,
  type HeadquartersRow,
  headquartersOfJurisdiction,
  insertHeadquarters,
  jurisdictionNameOf,
  listHeadquarters,
  rosterOf,
  unitsOfGroups,
  updateHeadquarters,
  type WorkingGroupRow,
} from './organization.repository.ts';
import { applyTemplateSet } from './organization-template.ts';
import { type RosterEntry, rosterEntry } from './roster-view.ts';
import { taskCounts, taskCountsByGroup } from './task.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface NewHeadquarters {
  jurisdictionId: string;
  name?: string;
  kind?: HeadquartersKind;
  /** A seed template set, `none` for an empty organization, or the default of the level. */
  templateSet?: GroupTemplateSet | 'none';
  officeLocation?: string;
  officePhone?: string;
}

const isHeadquartersLevel = (level: string): level is HeadquartersLevel => (HEADQUARTERS_LEVELS as readonly string[]).includes(level);

const defaultName = (place: string, kind: HeadquartersKind) =>
  kind === 'headquarters' ? `${place}疫情防控应急指挥部` : `${place}疫情防控领导小组`;

/** A headquarters of a district, town or community in scope (ORG-001), with its groups from a seed template (ORG-010). */
export async function createHeadquarters(deps: Deps, context: RequestContext, input: NewHeadquarters) {
  const db = deps.database.db;
  const place = await findJurisdictionById(db, input.jurisdictionId);
  if (!place || !pathInScope(place.path, scopeOf(context, 'command.write'))) throw invalid('jurisdictionId', 'unknownJurisdiction');
  if (!isHeadquartersLevel(place.level)) throw invalid('jurisdictionId', 'headquartersLevel');
  const kind = input.kind ?? defaultHeadquartersKind(place.level);
  const set = input.templateSet === 'none' ? null : (input.templateSet ?? defaultTemplateSet(place.level));
  const created = await db.transaction(async (tx) => {
    if (await headquartersOfJurisdiction(tx, place.id)) throw conflict('jurisdictionId', 'headquartersExists');
    const hq = await insertHeadquarters(tx, {
      level: place.level,
      kind,
      name: input.name?.trim() || defaultName(place.name, kind),
      officeLocation: input.officeLocation ?? null,
      officePhone: input.officePhone ?? null,
      templateSet: set,
      createdBy: context.actor.userId,
      jurisdictionId: place.id,
      jurisdictionPath: place.path,
    });
    const groups = set ? await applyTemplateSet(tx, hq, set) : [];
    await recordAudit(tx, context, {
      action: 'command.createHeadquarters',
      entityType: 'headquarters',
      entityId: hq.id,
      jurisdictionPath: place.path,
      after: { name: hq.name, level: hq.level, kind, templateSet: set, groups: groups.map((g) => g.nameZh) },
    });
    return hq;
  });
  return detailOf(deps, context, created);
}

export interface HeadquartersChange {
  name?: string;
  officeLocation?: string | null;
  officePhone?: string | null;
  reason: string;
}

export async function changeHeadquarters(deps: Deps, context: RequestContext, id: string, change: HeadquartersChange) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, id, 'command.write');
  const { reason, ...fields } = change;
  const changed = await db.transaction(async (tx) => {
    await updateHeadquarters(tx, id, fields);
    await bumpHeadquarters(tx, id);
    await recordAudit(tx, context, {
      action: 'command.changeHeadquarters',
      entityType: 'headquarters',
      entityId: id,
      jurisdictionPath: hq.jurisdictionPath,
      before: { name: hq.name, officeLocation: hq.officeLocation, officePhone: hq.officePhone, version: hq.version },
      after: { ...fields, version: hq.version + 1 },
      reason,
    });
    return { ...hq, ...fields, version: hq.version + 1 };
  });
  return detailOf(deps, context, changed);
}

/** Headquarters in the caller's scope with their group and task counts. */
export async function listHeadquartersIn(deps: Deps, context: RequestContext) {
  const db = deps.database.db;
  const now = deps.clock();
  const rows = await listHeadquarters(db, scopeOf(context, 'command.read'));
  const items = await Promise.all(
    rows.map(async ({ hq, jurisdictionName, jurisdictionCode }) => {
      const [groups, counts] = await Promise.all([
        groupsOf(db, hq.id),
        taskCounts(db, { paths: [hq.jurisdictionPath], headquartersId: hq.id }, now),
      ]);
      return {
        ...summaryOf(hq, jurisdictionName, jurisdictionCode),
        groups: groups.filter((g) => g.status === 'active').length,
        openTasks: counts.open,
        overdueTasks: counts.overdue,
      };
    }),
  );
  return { items };
}

function summaryOf(hq: HeadquartersRow, jurisdictionName: string, jurisdictionCode: string) {
  return {
    id: hq.id,
    jurisdictionId: hq.jurisdictionId,
    jurisdictionName,
    jurisdictionCode,
    level: hq.level,
    kind: hq.kind,
    name: hq.name,
    officeLocation: hq.officeLocation,
    officePhone: hq.officePhone,
    templateSet: hq.templateSet,
    version: hq.version,
  };
}

export async function headquartersDetail(deps: Deps, context: RequestContext, id: string) {
  const hq = await headquartersInScope(deps.database.db, context, id, 'command.read');
  return detailOf(deps, context, hq);
}

type UnitLink = Awaited<ReturnType<typeof unitsOfGroups>>[number];

function groupView(
  group: WorkingGroupRow,
  units: UnitLink[],
  roster: RosterEntry[],
  counts: { open: number; overdue: number } | undefined,
) {
  const linked = (role: string) =>
    units.filter((u) => u.workingGroupId === group.id && u.role === role).map(({ id, name }) => ({ id, name }));
  return {
    id: group.id,
    templateKey: group.templateKey,
    nameZh: group.nameZh,
    nameEn: group.nameEn,
    leadOfficial: group.leadOfficial,
    leadUnits: linked('lead'),
    memberUnits: linked('member'),
    duties: group.duties,
    clause: group.clause,
    sortOrder: group.sortOrder,
    status: group.status,
    version: group.version,
    roster: roster.filter((entry) => entry.workingGroupId === group.id),
    openTasks: counts?.open ?? 0,
    overdueTasks: counts?.overdue ?? 0,
  };
}

export type GroupView = ReturnType<typeof groupView>;

/** The whole organization of a headquarters as the caller may see it (phones in full only inside it). */
export async function detailOf(deps: Deps, context: RequestContext, hq: HeadquartersRow) {
  const db = deps.database.db;
  const [visible, groups, roster, experts, place] = await Promise.all([
    phonesVisible(db, context, hq),
    groupsOf(db, hq.id),
    rosterOf(db, hq.id),
    expertGroupsOf(db, hq.id),
    jurisdictionNameOf(db, hq.jurisdictionId),
  ]);
  const [units, counts] = await Promise.all([
    unitsOfGroups(
      db,
      groups.map((g) => g.id),
    ),
    taskCountsByGroup(
      db,
      groups.map((g) => g.id),
      deps.clock(),
    ),
  ]);
  const entries = roster.map((r) => rosterEntry(deps.cipher, r.member, r.unitName, visible));
  return {
    ...summaryOf(hq, place?.name ?? '', place?.code ?? ''),
    phonesVisible: visible,
    leadership: entries.filter((e) => !e.workingGroupId && !e.expertGroupId),
    groups: groups.map((g) => groupView(g, units, entries, counts.get(g.id))),
    expertGroups: experts.map((e) => ({
      id: e.id,
      templateKey: e.templateKey,
      kind: e.kind,
      level: e.level,
      nameZh: e.nameZh,
      nameEn: e.nameEn,
      established: e.established,
      recommendedBy: e.recommendedBy,
      duties: e.duties,
      clause: e.clause,
      members: entries.filter((entry) => entry.expertGroupId === e.id),
    })),
  };
}

export type HeadquartersDetail = Awaited<ReturnType<typeof detailOf>>;
