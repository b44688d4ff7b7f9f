import {
  addDays,
  type CalendarDate,
  type CaseClassification,
  type CaseRules,
  type ClinicalType,
  type ClockView,
  cardCompleteness,
  caseClocks,
  investigationFormOf,
  patientRouting,
  RESPONSE_ROUTING_SEED_002,
  type ReportCard,
  routedPatientOf,
  scopePaths,
  shanghaiDayStart,
  spotClocks,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit, recordRead } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { levelInForce } from '../response/response.service.ts';
import {
  type CaseFilter,
  type CaseRow,
  caseCountsReported,
  classificationHistory,
  findInvestigation,
  type InvestigationRow,
  listCases,
  openCasesWithInvestigation,
  trajectoryOf,
} from './case.repository.ts';
import { caseInScope, rulesOfCase, rulesOfCases } from './case-access.ts';
import { gapsOf } from './investigation.service.ts';
import { reportCardPdf } from './report-card.pdf.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const clockJson = (c: ClockView) => ({
  clock: c.clock,
  dueAt: c.dueAt.toISOString(),
  doneAt: iso(c.doneAt),
  state: c.state,
  minutesLeft: c.minutesLeft,
});

/** The clocks of a case at now, each warning as its edition says (CASE-001). */
export function clocksOf(row: CaseRow, inv: InvestigationRow | null | undefined, now: Date, rules: CaseRules) {
  if (row.status !== 'open' && row.classification === 'excluded') return [];
  return caseClocks(
    {
      classification: row.classification as CaseClassification,
      reportDueAt: row.reportDueAt,
      investigationDueAt: row.investigationDueAt,
      sealingDueAt: row.sealingDueAt,
      reportedAt: row.reportedAt,
      investigationCompletedAt: inv?.completedAt ?? null,
      sealedAt: inv?.sealedAt ?? null,
    },
    rules,
    now,
  ).map(clockJson);
}

function caseSummary(row: CaseRow) {
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    classification: row.classification,
    clinicalType: row.clinicalType,
    onsetDate: row.onsetDate,
    discoveredAt: row.discoveredAt.toISOString(),
    reportedAt: iso(row.reportedAt),
    source: row.source,
    status: row.status,
    episodeId: row.episodeId,
    editionId: row.editionId,
    jurisdictionId: row.jurisdictionId,
  };
}

/** Cases in my scope, personal data masked (lists never show full IDs, phones or addresses). */
export async function caseList(deps: Deps, context: RequestContext, filter: Omit<CaseFilter, 'paths'>, limit: number, offset: number) {
  const paths = scopePaths(context.actor.grants, 'case.read');
  const { items, total } = await listCases(deps.database.db, { ...filter, paths }, limit, offset);
  const now = deps.clock();
  const rulesOf = await rulesOfCases(
    deps.database.db,
    items.map((i) => i.case),
  );
  return {
    total,
    items: items.map((i) => ({
      ...caseSummary(i.case),
      name: i.person.name,
      idMasked: i.person.idMasked,
      phoneMasked: i.person.phoneMasked,
      jurisdictionName: i.jurisdictionName,
      clocks: clocksOf(i.case, i.investigation, now, rulesOf(i.case)),
    })),
  };
}

function investigationJson(inv: InvestigationRow | undefined, completeness: Awaited<ReturnType<typeof gapsOf>>) {
  if (!inv) return null;
  return {
    ...completeness,
    id: inv.id,
    state: inv.state,
    assignees: inv.assignees,
    leadUserId: inv.leadUserId,
    form: inv.form,
    completedAt: iso(inv.completedAt),
    sealedAt: iso(inv.sealedAt),
    sealingNote: inv.sealingNote,
  };
}

/**
 * Where the case goes at the response level in force over it (SC-18, LVL-II-01, seed 002 §九): core `patientRouting`
 * asked with the level and the case's classification and clinical type; null when no rule in force names it.
 */
async function routingOf(db: Db, row: CaseRow) {
  const level = await levelInForce(db, row.jurisdictionPath);
  const patient = routedPatientOf(row.classification as CaseClassification, row.clinicalType as ClinicalType | null);
  if (!patient || !level) return null;
  const answer = patientRouting(RESPONSE_ROUTING_SEED_002, level.level, patient);
  return answer ? { level: level.level, patient, target: answer.target, because: answer.because } : null;
}

/** One case: masked person, classification history, clocks, investigation (the trajectory is read on its own, audited). */
export async function caseDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.read');
  const [found, history, inv] = await Promise.all([
    findPersonById(db, row.personId),
    classificationHistory(db, row.id),
    findInvestigation(db, row.id),
  ]);
  return {
    ...caseSummary(row),
    reportingUnit: row.reportingUnit,
    reportingDoctor: row.reportingDoctor,
    reportDueAt: row.reportDueAt.toISOString(),
    investigationDueAt: row.investigationDueAt.toISOString(),
    sealingDueAt: row.sealingDueAt.toISOString(),
    dischargedAt: iso(row.dischargedAt),
    releasedAt: iso(row.releasedAt),
    diedAt: iso(row.diedAt),
    remarks: row.remarks,
    person: {
      id: row.personId,
      name: found?.person.name ?? '',
      idMasked: found?.person.idMasked ?? '',
      phoneMasked: found?.person.phoneMasked ?? null,
      addressMasked: found?.person.addressMasked ?? null,
      jurisdictionName: found?.jurisdictionName ?? '',
    },
    history: history.map((h) => ({
      from: h.fromClassification,
      to: h.toClassification,
      fromClinicalType: h.fromClinicalType,
      toClinicalType: h.toClinicalType,
      kind: h.kind,
      reason: h.reason,
      because: h.because,
      changedAt: h.changedAt.toISOString(),
    })),
    clocks: clocksOf(row, inv, deps.clock(), await rulesOfCase(db, row)),
    investigation: investigationJson(inv, await gapsOf(db, row, inv?.form ?? {})),
    routing: await routingOf(db, row),
  };
}

/** The trajectory of a case: every read audited with its purpose (issue 11, bad input and safety). */
export async function caseTrajectory(deps: Deps, context: RequestContext, id: string, purpose: string) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.read');
  const points = await trajectoryOf(db, row.id);
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'case.trajectory.view',
      entityType: 'case_report',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      reason: purpose,
    }),
  );
  const rules = await rulesOfCase(db, row);
  const now = deps.clock();
  return {
    items: points.map(({ point: p, placeName }) => ({
      id: p.id,
      placeId: p.placeId,
      placeText: p.placeText,
      placeName,
      fromAt: p.fromAt.toISOString(),
      toAt: p.toAt.toISOString(),
      source: p.source,
      note: p.note,
      sealedAt: iso(p.sealedAt),
      disinfectedAt: iso(p.disinfectedAt),
      liftedAt: iso(p.liftedAt),
      spotNote: p.spotNote,
      spotClocks: p.liftedAt ? [] : spotClocks(p, row.sealingDueAt, rules, now).map(clockJson),
    })),
  };
}

/** The card's fields from the case, the person (decrypted) and the investigation's occupation: one answer for JSON and PDF. */
async function cardOf(deps: Deps, row: CaseRow): Promise<ReportCard> {
  const db = deps.database.db;
  const [found, history, inv] = await Promise.all([
    findPersonById(db, row.personId),
    classificationHistory(db, row.id),
    findInvestigation(db, row.id),
  ]);
  const p = found?.person;
  const correction = history.findLast((h) => h.kind === 'correction');
  return {
    caseNumber: row.caseNumber,
    patientName: p?.name ?? '',
    idNumber: p ? deps.cipher.decrypt(p.idCipher) : '',
    sex: p?.gender ?? null,
    birthDate: p?.birthDate ?? null,
    phone: p?.phoneCipher ? deps.cipher.decrypt(p.phoneCipher) : null,
    address: p?.addressCipher ? deps.cipher.decrypt(p.addressCipher) : null,
    occupation: investigationFormOf(inv?.form ?? {}).occupation ?? null,
    classification: row.classification as CaseClassification,
    clinicalType: row.clinicalType as ClinicalType | null,
    disease: 'COVID-19',
    onsetDate: row.onsetDate,
    diagnosedAt: history.findLast((h) => h.toClassification === 'confirmed')?.changedAt ?? null,
    discoveredAt: row.discoveredAt,
    reportedAt: row.reportedAt,
    reportingUnit: row.reportingUnit,
    reportingDoctor: row.reportingDoctor,
    correctedFrom: (correction?.fromClassification as CaseClassification | undefined) ?? null,
    dischargedAt: row.dischargedAt,
    releasedAt: row.releasedAt,
    diedAt: row.diedAt,
    remarks: row.remarks,
  };
}

/**
 * The infectious-disease report card (传染病报告卡) with the national card's fields, full personal data: only
 * for case.write holders, and audited as a disclosure. Completeness tells what is missing before sending.
 */
export async function reportCard(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.write');
  const card = await cardOf(deps, row);
  await recordRead(db, context, {
    action: 'case.reportCard.view',
    entityType: 'case_report',
    entityId: row.id,
    jurisdictionPath: row.jurisdictionPath,
  });
  const json = Object.fromEntries(Object.entries(card).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  return { card: json, completeness: cardCompleteness(card) };
}

/** The report card as a PDF to print or send (Annex A), its printing audited with the purpose. */
export async function reportCardPdfOf(deps: Deps, context: RequestContext, id: string, purpose: string) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.write');
  const card = await cardOf(deps, row);
  const pdf = await reportCardPdf(card, cardCompleteness(card).missing, context.actor.displayName, deps.clock());
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'case.reportCard.print',
      entityType: 'case_report',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      reason: purpose,
    }),
  );
  return pdf;
}

/** The deadline board (CASE-001): every open case's clocks with the investigation's lead, worst first. */
export async function caseBoard(deps: Deps, context: RequestContext) {
  const rows = await openCasesWithInvestigation(deps.database.db, scopePaths(context.actor.grants, 'case.read'));
  const now = deps.clock();
  const rank = { late: 0, due_soon: 1, on_time: 2, done_late: 3, done: 4 } as const;
  const rulesOf = await rulesOfCases(
    deps.database.db,
    rows.map((r) => r.case),
  );
  const items = rows.map((r) => {
    const clocks = clocksOf(r.case, r.investigation, now, rulesOf(r.case));
    const worst = clocks.reduce((w, c) => Math.min(w, rank[c.state]), 4);
    return {
      id: r.case.id,
      caseNumber: r.case.caseNumber,
      name: r.personName,
      classification: r.case.classification,
      leadUserId: r.investigation?.leadUserId ?? null,
      leadName: r.leadName ?? null,
      clocks,
      worst,
    };
  });
  items.sort((a, b) => a.worst - b.worst);
  const count = (s: keyof typeof rank) => items.flatMap((i) => i.clocks).filter((c) => c.state === s).length;
  return {
    counts: { late: count('late'), dueSoon: count('due_soon'), onTime: count('on_time'), done: count('done') + count('done_late') },
    items: items.map(({ worst: _w, ...i }) => i),
  };
}

/** The cases reported on a day (Asia/Shanghai) under the subtrees, per classification (the command overview's 今日病例). */
export async function casesReportedOn(deps: Deps, paths: string[], date: CalendarDate) {
  const rows = await caseCountsReported(deps.database.db, paths, shanghaiDayStart(date), shanghaiDayStart(addDays(date, 1)));
  return {
    date,
    total: rows.reduce((sum, r) => sum + r.n, 0),
    byClassification: rows.map((r) => ({ classification: r.classification, count: r.n })),
  };
}
