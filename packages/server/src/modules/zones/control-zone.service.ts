import {
  activeSearchList,
  because,
  type CalendarDate,
  type ControlZoneType,
  codeRulesOf,
  conflict,
  forbidden,
  invalid,
  type LiftingChecklist,
  liftingChecklist,
  liftingRuleOf,
  maskName,
  notFound,
  pathInScope,
  RESPONSE_ROUTING_SEED_002,
  searchedSymptomsOf,
  shanghaiDate,
  testingRulesOf,
  withDetails,
  type ZoneKind,
  type ZoneOutbreakType,
  zoneEffects,
  zoneRulesOf,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { ControlUnitRecord } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { findCase } from '../cases/case.repository.ts';
import { checkpointRules } from '../closed-management/closed-management-access.ts';
import { findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { editionAtOrRefuse, editionById, protocolInForce } from '../protocols/protocol-in-force.ts';
import { resolveUnits, type UnitInput } from './control-units.ts';
import {
  type ControlZoneRow,
  contactsOfZone,
  findZone,
  insertZone,
  lastCaseDateOf,
  markLifted,
  residentCount,
  screeningOfZone,
  symptomReportsOfZone,
  zonesUnder,
} from './control-zone.repository.ts';
import { commonPath, scopeOf } from './zone-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface NewZone {
  name: string;
  kind: ZoneKind;
  zoneType: ControlZoneType;
  outbreakType?: ZoneOutbreakType;
  basisKind: 'case' | 'cluster' | 'decision';
  basisRef: string;
  basisNote: string;
  caseId?: string;
  units: UnitInput[];
  startAt?: string;
}

export function zoneView(row: ControlZoneRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    zoneType: row.zoneType,
    outbreakType: row.outbreakType,
    editionId: row.editionId,
    basisKind: row.basisKind,
    basisRef: row.basisRef,
    basisNote: row.basisNote,
    caseId: row.caseId,
    units: row.units,
    startAt: row.startAt.toISOString(),
    status: row.status,
    liftedAt: row.liftedAt?.toISOString() ?? null,
    liftOverride: row.liftOverride,
    overrideReason: row.overrideReason,
    jurisdictionId: row.jurisdictionId,
  };
}

async function basisCase(db: Db, context: RequestContext, input: NewZone) {
  if (input.basisKind === 'case' && !input.caseId) throw invalid('caseId', 'required');
  if (!input.caseId) return null;
  const found = await findCase(db, input.caseId);
  if (!found || !pathInScope(found.jurisdictionPath, scopeOf(context, 'zone.write'))) throw notFound('caseId');
  return found;
}

/** Draws a zone over minimum control units in the caller's scope, with its basis (ZONE-002, ZONE-003, ZONE-005). */
export async function drawZone(deps: Deps, context: RequestContext, input: NewZone) {
  const db = deps.database.db;
  const units = await resolveUnits(db, scopeOf(context, 'zone.write'), input.units);
  const found = await basisCase(db, context, input);
  const startAt = input.startAt ? new Date(input.startAt) : deps.clock();
  const path = commonPath(units.map((u) => u.path));
  const edition = await editionAtOrRefuse(db, path, startAt, 'startAt');
  zoneRulesOf(edition);
  const [where] = await findJurisdictionsByPaths(db, [path]);
  if (!where) throw notFound('units');
  return db.transaction(async (tx) => {
    const row = await insertZone(tx, {
      name: input.name.trim(),
      kind: input.kind,
      zoneType: input.zoneType,
      outbreakType: input.outbreakType ?? null,
      editionId: edition.id,
      basisKind: input.basisKind,
      basisRef: input.basisRef.trim(),
      basisNote: input.basisNote.trim(),
      caseId: found?.id ?? null,
      units,
      startAt,
      createdBy: context.actor.userId,
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
    });
    await recordAudit(tx, context, {
      action: 'zone.draw',
      entityType: 'control_zone',
      entityId: row.id,
      jurisdictionPath: where.path,
      after: {
        name: row.name,
        kind: row.kind,
        zoneType: row.zoneType,
        units: units.map((u) => `${u.kind}:${u.name}`),
        basis: row.basisRef,
      },
    });
    return zoneView(row);
  });
}

async function zoneInScope(db: Db, context: RequestContext, id: string, permission: 'zone.read' | 'zone.lift') {
  const row = await findZone(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw notFound('id');
  return row;
}

/** The edition the zone was drawn under (shipped or the district's own): it keeps it. */
async function editionOfZone(db: Db, row: ControlZoneRow) {
  const edition = await editionById(db, row.editionId);
  if (!edition) throw notFound('editionId');
  return edition;
}

/** The lifting checklist of a zone on a day, from what the records say (ZONE-017). */
async function checklistOf(db: Db, row: ControlZoneRow, today: CalendarDate): Promise<LiftingChecklist> {
  const edition = await editionOfZone(db, row);
  const rule = liftingRuleOf(zoneRulesOf(edition), row.zoneType as ControlZoneType);
  const counted = edition.risk?.grading.counts ?? ['confirmed'];
  const startDate = shanghaiDate(row.startAt);
  const lastCaseDate = await lastCaseDateOf(db, row.units, counted);
  const from = lastCaseDate && lastCaseDate > startDate ? lastCaseDate : startDate;
  const [contacts, screening] = await Promise.all([contactsOfZone(db, row.units), screeningOfZone(db, row.units, from)]);
  return liftingChecklist(rule, { startDate, lastCaseDate, contacts, screening }, today);
}

/**
 * What the zone does elsewhere, each answered by its own module's rule (pool, code colour, pass) under the zone's
 * edition with the local profile in force where it lies (`protocolInForce`, issue 14 part 3).
 */
async function effectsOf(db: Db, row: ControlZoneRow, now: Date) {
  const { edition, profile } = await protocolInForce(db, { jurisdictionPath: row.jurisdictionPath, at: now, editionId: row.editionId });
  const codes = codeRulesOf(edition, profile);
  if (!codes) return null;
  const testing = testingRulesOf(edition, profile);
  return zoneEffects({ testing, codes, checkpoint: checkpointRules() }, row.zoneType as ControlZoneType);
}

/**
 * SC-24 (LVL-IV-08, seed 002 §九(一)8): the active-search list of the zone, as core `activeSearchList` answers from the
 * residents' symptom findings and the day the zone was drawn; names masked.
 */
async function activeSearchOf(db: Db, row: ControlZoneRow) {
  const reports = (await symptomReportsOfZone(db, row.units)).map((r) => ({
    personId: r.person_id,
    reportedOn: r.day as CalendarDate,
    symptoms: searchedSymptomsOf(r.symptoms),
  }));
  const listed = activeSearchList(RESPONSE_ROUTING_SEED_002, reports, shanghaiDate(row.startAt));
  const items = [];
  for (const r of listed) {
    const found = await findPersonById(db, r.personId);
    items.push({ personId: r.personId, name: maskName(found?.person.name ?? ''), reportedOn: r.reportedOn, symptoms: [...r.symptoms] });
  }
  const { withinDays, basis } = RESPONSE_ROUTING_SEED_002.activeSearch;
  return { withinDays, items, because: [because('activeSearch.window', basis)] };
}

export async function zoneDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await zoneInScope(db, context, id, 'zone.read');
  const [checklist, residents] = await Promise.all([checklistOf(db, row, shanghaiDate(deps.clock())), residentCount(db, row.units)]);
  return {
    ...zoneView(row),
    residents,
    checklist: row.status === 'lifted' ? (row.liftingChecklist ?? checklist) : checklist,
    effects: await effectsOf(db, row, deps.clock()),
    activeSearch: await activeSearchOf(db, row),
  };
}

export async function listZones(deps: Deps, context: RequestContext, status?: string) {
  const rows = await zonesUnder(deps.database.db, scopeOf(context, 'zone.read'), status, 500);
  return { items: rows.map(zoneView) };
}

export interface LiftInput {
  override?: boolean;
  reason?: string;
}

/** The override before the checklist holds: the commander only, with a reason (audited). */
function checkOverride(context: RequestContext, row: ControlZoneRow, input: LiftInput, checklist: LiftingChecklist) {
  if (checklist.holds) return;
  if (!input.override) throw withDetails(conflict('checklist', 'liftingConditionsNotMet'), checklist);
  if (!pathInScope(row.jurisdictionPath, scopeOf(context, 'zone.override'))) throw forbidden('override');
  if (!input.reason?.trim()) throw invalid('reason', 'required');
}

/** Lifts a zone when its checklist holds (an approval by zone.lift); before that only as the commander's override. */
export async function liftZone(deps: Deps, context: RequestContext, id: string, input: LiftInput) {
  const db = deps.database.db;
  const row = await zoneInScope(db, context, id, 'zone.lift');
  if (row.status !== 'active') throw conflict('id', 'zoneLifted');
  const now = deps.clock();
  const checklist = await checklistOf(db, row, shanghaiDate(now));
  checkOverride(context, row, input, checklist);
  const override = !checklist.holds;
  return db.transaction(async (tx) => {
    const changes = {
      liftedBy: context.actor.userId,
      liftedAt: now,
      liftingChecklist: { ...checklist },
      liftOverride: override,
      overrideReason: override ? (input.reason?.trim() ?? null) : null,
    };
    if (!(await markLifted(tx, row.id, changes))) throw conflict('id', 'zoneLifted');
    await recordAudit(tx, context, {
      action: override ? 'zone.lift.override' : 'zone.lift',
      entityType: 'control_zone',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: 'active' },
      after: { status: 'lifted', checklistHolds: checklist.holds, failing: checklist.items.filter((i) => !i.holds).map((i) => i.item) },
      reason: override ? (input.reason?.trim() ?? null) : (input.reason ?? null),
    });
    return { ...zoneView({ ...row, ...changes, status: 'lifted' }), checklist };
  });
}

export type { ControlUnitRecord };
