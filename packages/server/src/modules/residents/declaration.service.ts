import {
  addDays,
  arrivalDateProblem,
  arrivalReportLate,
  caseRules,
  conflict,
  invalid,
  pastReportDateProblem,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { editionAt } from '../protocols/protocol-in-force.ts';
import { arrivalsOf, declarationsOf, insertArrival, markArrived, upsertDeclaration } from './resident.repository.ts';
import { codeRulesInForce, residentTarget } from './resident-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const DECLARATION_DAYS_SHOWN = 14;
const ARRIVALS_SHOWN = 20;

export interface Declaration {
  temperature?: number;
  symptoms: string[];
  travel?: { place: string; riskLevel?: 'low' | 'medium' | 'high'; date?: string }[];
}

export interface ArrivalInput {
  inbound: boolean;
  fromPlace: string;
  fromRiskLevel: 'low' | 'medium' | 'high';
  expectedArrival: string;
}

const declarationView = (row: Awaited<ReturnType<typeof upsertDeclaration>>) => ({
  id: row.id,
  declaredOn: row.declaredOn,
  temperature: row.temperatureTenths === null ? null : row.temperatureTenths / 10,
  symptoms: row.symptoms,
  viaProxy: row.viaProxy,
});

/**
 * How far back a resident's reported dates may lie, and how far ahead an arrival: the exposure look-back window
 * of the edition in force where the person lives (14 days in the seeds; seed 003 item 15, national 9th edition
 * 四(一)1) — the district's own edition when it activated one (issue 14, RULES-001).
 */
async function lookbackDays(db: Db, now: Date, person: { jurisdictionPath: string }): Promise<number> {
  const edition = await editionAt(db, person.jurisdictionPath, now);
  if (!edition) throw invalid('date', 'noEditionInForce');
  return caseRules(edition).exposureLookbackDays.days;
}

/** Travel dates lie within the look-back window and not after today (issue 12 defect 5); 400 names the entry. */
async function checkTravelDates(db: Db, input: Declaration, now: Date, person: { jurisdictionPath: string }) {
  const today = shanghaiDate(now);
  const days = await lookbackDays(db, now, person);
  input.travel?.forEach((entry, i) => {
    const problem = entry.date ? pastReportDateProblem(entry.date, today, days) : null;
    if (problem) throw invalid(`travel.${i}.date`, problem, { days });
  });
}

/** Today's declaration (Shanghai date), replacing an earlier one of the same day. */
export async function declareHealth(deps: Deps, context: RequestContext, personId: string, input: Declaration) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const declaredOn = shanghaiDate(deps.clock());
  await checkTravelDates(db, input, deps.clock(), target.person);
  return db.transaction(async (tx) => {
    const row = await upsertDeclaration(tx, {
      personId,
      declaredOn,
      temperatureTenths: input.temperature === undefined ? null : Math.round(input.temperature * 10),
      symptoms: input.symptoms,
      travel: input.travel ?? [],
      submittedBy: context.actor.userId,
      viaProxy: target.viaProxy,
      jurisdictionPath: target.person.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'declaration.submit',
      entityType: 'health_declaration',
      entityId: row.id,
      jurisdictionPath: target.person.jurisdictionPath,
      after: { personId, declaredOn, symptoms: input.symptoms, viaProxy: target.viaProxy },
      reason: target.viaProxy ? 'via proxy' : null,
    });
    return declarationView(row);
  });
}

export async function listDeclarations(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const rows = await declarationsOf(db, personId, addDays(shanghaiDate(deps.clock()), -DECLARATION_DAYS_SHOWN));
  await recordAudit(db, context, {
    action: 'declaration.view',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: target.person.jurisdictionPath,
    reason: target.viaProxy ? 'via proxy' : 'self',
  });
  return { today: shanghaiDate(deps.clock()), items: rows.map(declarationView) };
}

const arrivalView = (row: Awaited<ReturnType<typeof insertArrival>>) => ({
  id: row.id,
  inbound: row.inbound,
  fromPlace: row.fromPlace,
  fromRiskLevel: row.fromRiskLevel as ArrivalInput['fromRiskLevel'],
  expectedArrival: row.expectedArrival,
  arrivedOn: row.arrivedOn,
  atDestination: row.atDestination,
  reportedAt: row.reportedAt.toISOString(),
  late: row.late,
});

/** An arrival report; an inbound one made fewer days ahead than the rule asks is marked late (seed 000 §三(三)1). */
export async function reportArrival(deps: Deps, context: RequestContext, personId: string, input: ArrivalInput) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const now = deps.clock();
  // Bounded both ways (issue 12 defect 5): a report dated 2099 would keep the person yellow (not at destination).
  const days = await lookbackDays(db, now, target.person);
  const problem = arrivalDateProblem(input.expectedArrival, shanghaiDate(now), days);
  if (problem) throw invalid('expectedArrival', problem, { days });
  const rules = await codeRulesInForce(db, now, target.person);
  const late = input.inbound && arrivalReportLate(rules, now, input.expectedArrival);
  return db.transaction(async (tx) => {
    const row = await insertArrival(tx, {
      personId,
      ...input,
      reportedAt: now,
      late,
      submittedBy: context.actor.userId,
      jurisdictionPath: target.person.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'arrival.report',
      entityType: 'arrival_report',
      entityId: row.id,
      jurisdictionPath: target.person.jurisdictionPath,
      after: { personId, inbound: input.inbound, expectedArrival: input.expectedArrival, late, viaProxy: target.viaProxy },
      reason: target.viaProxy ? 'via proxy' : null,
    });
    return { ...arrivalView(row), daysAheadRequired: rules.inboundReportDaysAhead.days };
  });
}

/** The resident says they have reached the destination (the colour rules read `atDestination`). */
export async function confirmArrival(deps: Deps, context: RequestContext, personId: string, arrivalId: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const today = shanghaiDate(deps.clock());
  return db.transaction(async (tx) => {
    const row = await markArrived(tx, arrivalId, personId, today);
    if (!row) throw conflict('id', 'arrivalNotOpen');
    await recordAudit(tx, context, {
      action: 'arrival.arrived',
      entityType: 'arrival_report',
      entityId: row.id,
      jurisdictionPath: target.person.jurisdictionPath,
      after: { arrivedOn: today },
      reason: target.viaProxy ? 'via proxy' : null,
    });
    return arrivalView(row);
  });
}

export async function listArrivals(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const rows = await arrivalsOf(db, personId, ARRIVALS_SHOWN);
  await recordAudit(db, context, {
    action: 'arrival.view',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: target.person.jurisdictionPath,
    reason: target.viaProxy ? 'via proxy' : 'self',
  });
  return {
    items: rows.map(arrivalView),
    daysAheadRequired: (await codeRulesInForce(db, deps.clock(), target.person)).inboundReportDaysAhead.days,
  };
}
