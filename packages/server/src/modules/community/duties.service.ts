import {
  type CalendarDate,
  conflict,
  type GatheringKind,
  gatheringDecision,
  gatheringProblem,
  invalid,
  isCalendarDate,
  maskName,
  notFound,
  pathInScope,
  type SixOnesDuty,
  type SupplyState,
  shanghaiDate,
  sixOnesReadiness,
  supplyTransitionAllowed,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { checkpointRules } from '../closed-management/closed-management-access.ts';
import { zoneTypesOfHousehold } from '../zones/residence-facts.ts';
import {
  closeSupply,
  communitiesUnder,
  findSupply,
  type GatheringRow,
  gatheringsUnder,
  householdUnderHomeQuarantine,
  insertGathering,
  insertSupply,
  type SupplyRow,
  sixOnesOf,
  suppliesUnder,
  upsertSixOnes,
} from './community.repository.ts';
import { communityInScope, communityRules, filterPaths, householdInScope, scopeOf } from './community-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The communities the caller works in (the page's picker). */
export async function listCommunities(deps: Deps, context: RequestContext) {
  return { items: await communitiesUnder(deps.database.db, scopeOf(context, 'community.read')) };
}

/** A community's six-ones ledger for a day, with readiness and what is missing (COMM-001…006). */
export async function sixOnesLedger(deps: Deps, context: RequestContext, jurisdictionId: string, date?: CalendarDate) {
  const db = deps.database.db;
  const day = date ?? shanghaiDate(deps.clock());
  if (!isCalendarDate(day)) throw invalid('date', 'invalidDate');
  const community = await communityInScope(db, context, jurisdictionId, 'community.read');
  const rows = await sixOnesOf(db, community.id, day);
  const rules = communityRules();
  return {
    jurisdictionId: community.id,
    date: day,
    entries: rows.map((r) => ({ duty: r.duty, done: r.done, note: r.note, updatedAt: r.updatedAt.toISOString() })),
    readiness: sixOnesReadiness(
      rules,
      rows.map((r) => ({ duty: r.duty as SixOnesDuty, done: r.done })),
    ),
  };
}

/** Checks one duty of the day (done or not, with a note); one row per community, day and duty. */
export async function recordSixOnes(
  deps: Deps,
  context: RequestContext,
  input: { jurisdictionId: string; duty: SixOnesDuty; done: boolean; note?: string },
) {
  const db = deps.database.db;
  const community = await communityInScope(db, context, input.jurisdictionId, 'community.write');
  const day = shanghaiDate(deps.clock());
  await db.transaction(async (tx) => {
    const row = await upsertSixOnes(tx, {
      dutyDate: day,
      duty: input.duty,
      done: input.done,
      note: input.note ?? null,
      recordedBy: context.actor.userId,
      jurisdictionId: community.id,
      jurisdictionPath: community.path,
    });
    await recordAudit(tx, context, {
      action: 'community.sixOnes.record',
      entityType: 'six_ones_entry',
      entityId: row.id,
      jurisdictionPath: community.path,
      after: { date: day, duty: input.duty, done: input.done, note: input.note ?? null },
    });
  });
  return sixOnesLedger(deps, context, community.id, day);
}

const shownGathering = (g: GatheringRow) => ({
  id: g.id,
  kind: g.kind,
  eventDate: g.eventDate,
  simplified: g.simplified,
  attendees: g.attendees,
  organizer: maskName(g.organizer),
  householdId: g.householdId,
  decision: g.decision,
  because: g.reasons,
  jurisdictionId: g.jurisdictionId,
  createdAt: g.createdAt.toISOString(),
});

export interface GatheringInput {
  jurisdictionId: string;
  kind: GatheringKind;
  eventDate: CalendarDate;
  simplified: boolean;
  attendees: number;
  organizer: string;
  householdId?: string;
}

/** A household files a gathering; the rules decide at once (SC-44: weddings refused, simplified funerals filed), both kept. */
export async function fileGathering(deps: Deps, context: RequestContext, input: GatheringInput) {
  const db = deps.database.db;
  const community = await communityInScope(db, context, input.jurisdictionId, 'community.write');
  if (input.householdId) await householdInScope(db, context, input.householdId, 'community.write', community);
  if (!isCalendarDate(input.eventDate)) throw invalid('eventDate', 'invalidDate');
  if (!input.organizer.trim()) throw invalid('organizer', 'required');
  const rules = communityRules();
  const problem = gatheringProblem(rules, input, shanghaiDate(deps.clock()));
  if (problem) throw problem;
  const verdict = gatheringDecision(rules, input);
  return db.transaction(async (tx) => {
    const row = await insertGathering(tx, {
      kind: input.kind,
      eventDate: input.eventDate,
      simplified: input.simplified,
      attendees: input.attendees,
      organizer: input.organizer.trim(),
      householdId: input.householdId ?? null,
      decision: verdict.decision,
      reasons: verdict.because,
      filedBy: context.actor.userId,
      jurisdictionId: community.id,
      jurisdictionPath: community.path,
    });
    await recordAudit(tx, context, {
      action: 'community.gathering.file',
      entityType: 'gathering',
      entityId: row.id,
      jurisdictionPath: community.path,
      after: { kind: input.kind, eventDate: input.eventDate, decision: verdict.decision },
    });
    return shownGathering(row);
  });
}

export async function listGatherings(deps: Deps, context: RequestContext, jurisdictionId?: string) {
  const db = deps.database.db;
  return { items: (await gatheringsUnder(db, await filterPaths(db, context, 'community.read', jurisdictionId))).map(shownGathering) };
}

const shownSupply = (s: SupplyRow, household?: { name: string; code: string }) => ({
  id: s.id,
  householdId: s.householdId,
  householdName: household?.name ?? null,
  householdCode: household?.code ?? null,
  items: s.items,
  status: s.status,
  note: s.note,
  createdAt: s.createdAt.toISOString(),
  closedAt: s.closedAt?.toISOString() ?? null,
});

/** Sealed: a member under home quarantine, or the home inside a zone the checkpoint rules seal (seed 001 §三(三)2). */
async function isSealed(deps: Deps, householdId: string): Promise<boolean> {
  const db = deps.database.db;
  if (await householdUnderHomeQuarantine(db, householdId)) return true;
  const sealing = checkpointRules().sealedZone.zoneTypes;
  return (await zoneTypesOfHousehold(db, householdId)).some((t) => sealing.includes(t));
}

/** Necessities a sealed household asks for, bought on its behalf and delivered without contact (COMM-022). */
export async function requestSupplies(deps: Deps, context: RequestContext, input: { householdId: string; items: string; note?: string }) {
  const db = deps.database.db;
  const household = await householdInScope(db, context, input.householdId, 'community.write');
  if (!input.items.trim()) throw invalid('items', 'required');
  if (!(await isSealed(deps, household.id))) throw invalid('householdId', 'notSealed');
  return db.transaction(async (tx) => {
    const row = await insertSupply(tx, {
      householdId: household.id,
      items: input.items.trim(),
      note: input.note ?? null,
      requestedBy: context.actor.userId,
      jurisdictionPath: household.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'community.supply.request',
      entityType: 'supply_request',
      entityId: row.id,
      jurisdictionPath: household.jurisdictionPath,
      after: { householdId: household.id, items: row.items },
    });
    return shownSupply(row, household);
  });
}

/** Delivered at the fixed point, or cancelled: once, from requested. */
export async function closeSupplyRequest(
  deps: Deps,
  context: RequestContext,
  id: string,
  to: Exclude<SupplyState, 'requested'>,
  note?: string,
) {
  const db = deps.database.db;
  const found = await findSupply(db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopeOf(context, 'community.write'))) throw notFound('id');
  if (!supplyTransitionAllowed(found.status as SupplyState, to)) throw conflict('status', 'supplyClosed');
  return db.transaction(async (tx) => {
    const row = await closeSupply(tx, id, { status: to, closedBy: context.actor.userId, closedAt: deps.clock(), note: note ?? found.note });
    if (!row) throw conflict('status', 'supplyClosed');
    await recordAudit(tx, context, {
      action: `community.supply.${to === 'delivered' ? 'deliver' : 'cancel'}`,
      entityType: 'supply_request',
      entityId: id,
      jurisdictionPath: found.jurisdictionPath,
      before: { status: found.status },
      after: { status: to },
    });
    return shownSupply(row);
  });
}

export async function listSupplies(deps: Deps, context: RequestContext, jurisdictionId?: string) {
  const db = deps.database.db;
  const rows = await suppliesUnder(db, await filterPaths(db, context, 'community.read', jurisdictionId));
  return { items: rows.map((r) => shownSupply(r.request, { name: r.householdName, code: r.householdCode })) };
}
