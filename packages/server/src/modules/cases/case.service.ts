import {
  AppError,
  type CalendarDate,
  type CaseClassification,
  type CaseFindings,
  type ClinicalType,
  caseDateProblem,
  caseDeadlines,
  caseNumber,
  caseRules,
  classificationChange,
  conflict,
  invalid,
  type KeyPersonCategory,
  notFound,
  pathInScope,
  scopePaths,
  shanghaiDate,
  suggestClassification,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { onCaseAmongResidents } from '../community/community-mode.service.ts';
import { convertEpisode } from '../key-persons/conversion.service.ts';
import { registerEpisode } from '../key-persons/episode.service.ts';
import { activeCaseEpisode, handOverContext } from '../key-persons/hand-over.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { editionAt, editionById } from '../protocols/protocol-in-force.ts';
import {
  type CaseRow,
  findOpenCaseOfPerson,
  insertCase,
  insertClassificationChange,
  insertInvestigation,
  nextCaseSequence,
  updateCase,
} from './case.repository.ts';
import { caseInScope, rulesOfCase } from './case-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const CASE_SOURCES = ['positive_tube', 'fever_clinic', 'asymptomatic_finding', 'manual'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export interface NewCase {
  personId: string;
  classification: Exclude<CaseClassification, 'excluded'>;
  clinicalType?: ClinicalType;
  onsetDate?: CalendarDate;
  discoveredAt?: string;
  source: CaseSource;
  sourceId?: string;
  reportingUnit?: string;
  reportingDoctor?: string;
  remarks?: string;
  findings?: CaseFindings;
}

/** `/32/3204/320412/…` → `320412`: the county code the case number starts with. */
const countyCodeOf = (path: string) => path.split('/').filter(Boolean)[2] ?? '000000';

/** The edition in force where the case lies on the day of discovery (the district's own, else shipped; issue 14). */
async function editionOfCase(db: Db, owner: CaseOwner, discoveredAt: Date) {
  const edition = await editionAt(db, owner.jurisdictionPath, discoveredAt);
  if (!edition) throw invalid('discoveredAt', 'noEditionInForce');
  return edition;
}

/**
 * The case's person is a key person through the existing episode machinery (KP-A01, KP-B01, KP-C01): an
 * active case episode (opened by a positive tube or the fever clinic) is kept, converted when the
 * classification differs; otherwise one is registered. The protocol hands over, the audit names the user.
 */
async function episodeFor(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  row: Pick<CaseRow, 'personId' | 'jurisdictionId' | 'jurisdictionPath'>,
  category: KeyPersonCategory,
  reason: string,
) {
  const ruled = handOverContext(context, row);
  const startDate = shanghaiDate(deps.clock());
  const existing = await activeCaseEpisode(tx, row.personId);
  if (existing?.category === category) return existing.id;
  if (existing) return (await convertEpisode(deps, ruled, existing.id, { category, startDate, reason }, tx)).id;
  return (await registerEpisode(deps, ruled, { personId: row.personId, category, startDate, source: 'case', reason }, tx)).id;
}

/** Opens a case (CASE-001/002): clocks from discovery under the edition then in force, first classification, investigation, episode. */
export async function openCase(deps: Deps, context: RequestContext, input: NewCase) {
  const found = await findPersonById(deps.database.db, input.personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopePaths(context.actor.grants, 'case.write'))) throw notFound('personId');
  const p = found.person;
  const owner = { personId: p.id, jurisdictionId: p.jurisdictionId, jurisdictionPath: p.jurisdictionPath };
  return deps.database.db.transaction(async (tx) => {
    if (await findOpenCaseOfPerson(tx, p.id)) throw conflict('personId', 'openCaseExists');
    return openCaseIn(tx, deps, context, owner, input);
  });
}

const OPEN_CLASSIFICATIONS = ['suspected', 'confirmed', 'asymptomatic'] as const;

/** The classification a finding opens a case with: the case category the person is managed under, else suspected. */
export function classificationOfManaged(category: string | null | undefined): NewCase['classification'] {
  return OPEN_CLASSIFICATIONS.find((c) => c === category) ?? 'suspected';
}

type CaseOwner = Pick<CaseRow, 'personId' | 'jurisdictionId' | 'jurisdictionPath'>;

/**
 * A finding opens the case by itself (issue 11 item 1): a positive single tube (source `positive_tube`, the tube
 * as source id) or a fever-clinic outcome that puts the patient under management (`fever_clinic`, the visit).
 * The 2-hour report clock runs from that moment; the CDC confirms the classification. The protocol acts, the
 * audit names the user whose action set it off. A person with an open case keeps it: answers null.
 */
export async function openCaseOnFinding(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  owner: CaseOwner,
  finding: { classification: NewCase['classification']; source: CaseSource; sourceId: string; remarks: string },
) {
  if (await findOpenCaseOfPerson(tx, owner.personId)) return null;
  const opened = await openCaseIn(tx, deps, handOverContext(context, owner), owner, { personId: owner.personId, ...finding });
  return opened.id;
}

async function openCaseIn(tx: Db, deps: Deps, context: RequestContext, owner: CaseOwner, input: NewCase) {
  const now = deps.clock();
  const discoveredAt = input.discoveredAt ? new Date(input.discoveredAt) : now;
  if (Number.isNaN(discoveredAt.getTime())) throw invalid('discoveredAt', 'invalidDate');
  const problem = caseDateProblem({ discoveredAt, onsetDate: input.onsetDate ?? null }, now);
  if (problem) throw problem;
  const kind = classificationChange({ from: null, to: input.classification, toClinicalType: input.clinicalType ?? null });
  const edition = await editionOfCase(tx, owner, discoveredAt);
  const rules = caseRules(edition);
  const deadlines = caseDeadlines(input.classification, discoveredAt, rules);
  const suggestion = input.findings ? suggestClassification(input.findings, rules.definition) : undefined;
  const county = countyCodeOf(owner.jurisdictionPath);
  const year = Number(shanghaiDate(discoveredAt).slice(0, 4));
  const number = caseNumber(county, year, await nextCaseSequence(tx, `${county}-${year}`));
  const episodeId = await episodeFor(tx, deps, context, owner, input.classification, `case ${number}`);
  const created = await insertCase(tx, {
    caseNumber: number,
    personId: owner.personId,
    classification: input.classification,
    clinicalType: input.clinicalType ?? null,
    onsetDate: input.onsetDate ?? null,
    discoveredAt,
    reportingUnit: input.reportingUnit ?? null,
    reportingDoctor: input.reportingDoctor ?? null,
    reportDueAt: deadlines.reportDueAt,
    investigationDueAt: deadlines.investigationDueAt,
    sealingDueAt: deadlines.sealingDueAt,
    source: input.source,
    sourceId: input.sourceId ?? null,
    episodeId,
    editionId: edition.id,
    remarks: input.remarks ?? null,
    createdBy: context.actor.userId,
    jurisdictionId: owner.jurisdictionId,
    jurisdictionPath: owner.jurisdictionPath,
  });
  await insertClassificationChange(tx, {
    caseId: created.id,
    fromClassification: null,
    toClassification: input.classification,
    toClinicalType: input.clinicalType ?? null,
    kind,
    because: (suggestion?.because ?? deadlines.because) as unknown as Record<string, unknown>[],
    changedBy: context.actor.userId,
    changedAt: now,
    jurisdictionPath: owner.jurisdictionPath,
  });
  await insertInvestigation(tx, { caseId: created.id, jurisdictionId: owner.jurisdictionId, jurisdictionPath: owner.jurisdictionPath });
  // SC-26, LVL-020: the first suspected or confirmed case among a community's residents switches it to stopping spread.
  await onCaseAmongResidents(tx, context, { ...created, classification: input.classification });
  await recordAudit(tx, context, {
    action: 'case.open',
    entityType: 'case_report',
    entityId: created.id,
    jurisdictionPath: owner.jurisdictionPath,
    after: {
      caseNumber: number,
      classification: input.classification,
      source: input.source,
      sourceId: input.sourceId ?? null,
      episodeId,
    },
  });
  return { id: created.id, caseNumber: number, episodeId, reportDueAt: deadlines.reportDueAt.toISOString() };
}

export interface Classify {
  classification: CaseClassification;
  clinicalType?: ClinicalType;
  reason: string;
  findings?: CaseFindings;
}

/**
 * A person confirms a classification (CASE-006, SC-15): the change is kept in the history with the suggestion's
 * reasons; asymptomatic → confirmed is recorded as a correction (订正) and the key-person episode converts.
 */
export async function classifyCase(deps: Deps, context: RequestContext, id: string, input: Classify) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.write');
  if (row.status !== 'open') throw new AppError('conflict', 'caseClosed', 'id');
  const kind = classificationChange({
    from: row.classification as CaseClassification,
    to: input.classification,
    fromClinicalType: row.clinicalType as ClinicalType | null,
    toClinicalType: input.clinicalType ?? null,
  });
  const rules = await rulesOfCase(db, row);
  const suggestion = input.findings ? suggestClassification(input.findings, rules.definition) : undefined;
  const now = deps.clock();
  return db.transaction(async (tx) => {
    const excluded = input.classification === 'excluded';
    const episodeId =
      excluded || input.classification === row.classification
        ? row.episodeId
        : await episodeFor(tx, deps, context, row, input.classification as KeyPersonCategory, `case ${row.caseNumber}: ${input.reason}`);
    await updateCase(tx, row.id, {
      classification: input.classification,
      clinicalType: input.clinicalType ?? null,
      episodeId,
      ...(excluded ? { status: 'closed', closedAt: now } : {}),
    });
    await insertClassificationChange(tx, {
      caseId: row.id,
      fromClassification: row.classification,
      toClassification: input.classification,
      fromClinicalType: row.clinicalType,
      toClinicalType: input.clinicalType ?? null,
      kind,
      reason: input.reason,
      because: (suggestion?.because ?? []) as unknown as Record<string, unknown>[],
      changedBy: context.actor.userId,
      changedAt: now,
      jurisdictionPath: row.jurisdictionPath,
    });
    await onCaseAmongResidents(tx, context, { ...row, classification: input.classification }, row.classification as CaseClassification);
    await recordAudit(tx, context, {
      action: kind === 'correction' ? 'case.correct' : 'case.classify',
      entityType: 'case_report',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { classification: row.classification, clinicalType: row.clinicalType },
      after: { classification: input.classification, clinicalType: input.clinicalType ?? null, kind },
      reason: input.reason,
    });
    return { id: row.id, classification: input.classification, kind, episodeId };
  });
}

export interface NetworkReport {
  reportedAt?: string;
  reportingUnit: string;
  reportingDoctor: string;
}

/** The direct network report (网络直报) is recorded (CASE-001, KP-C01); once only, never before discovery. */
export async function reportCase(deps: Deps, context: RequestContext, id: string, input: NetworkReport) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.write');
  if (row.reportedAt) throw conflict('id', 'alreadyReported');
  const now = deps.clock();
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
  if (Number.isNaN(reportedAt.getTime())) throw invalid('reportedAt', 'invalidDate');
  const problem = caseDateProblem({ discoveredAt: row.discoveredAt, onsetDate: row.onsetDate, reportedAt }, now);
  if (problem) throw problem;
  return db.transaction(async (tx) => {
    await updateCase(tx, row.id, {
      reportedAt,
      reportedBy: context.actor.userId,
      reportingUnit: input.reportingUnit,
      reportingDoctor: input.reportingDoctor,
    });
    await recordAudit(tx, context, {
      action: 'case.report',
      entityType: 'case_report',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { reportedAt: reportedAt.toISOString(), late: reportedAt > row.reportDueAt, reportingUnit: input.reportingUnit },
    });
    return { id: row.id, reportedAt: reportedAt.toISOString(), late: reportedAt > row.reportDueAt };
  });
}

export const CASE_ENDINGS = ['discharged', 'released', 'died'] as const;
export type CaseEnding = (typeof CASE_ENDINGS)[number];

/** Discharge (出院) or release (解除隔离) reported (CASE-015, KP-C05): the case closes; the episode's own plan goes on. */
export async function endCase(deps: Deps, context: RequestContext, id: string, input: { ending: CaseEnding; at: string; note?: string }) {
  const db = deps.database.db;
  const row = await caseInScope(db, context, id, 'case.write');
  if (row.status !== 'open') throw new AppError('conflict', 'caseClosed', 'id');
  const at = new Date(input.at);
  if (Number.isNaN(at.getTime())) throw invalid('at', 'invalidDate');
  const field = input.ending === 'discharged' ? 'dischargedAt' : input.ending === 'released' ? 'releasedAt' : 'diedAt';
  const problem = caseDateProblem({ discoveredAt: row.discoveredAt, [field === 'diedAt' ? 'dischargedAt' : field]: at }, deps.clock());
  if (problem) throw invalid('at', problem.code);
  return db.transaction(async (tx) => {
    await updateCase(tx, row.id, { [field]: at, status: 'closed', closedAt: deps.clock() });
    await recordAudit(tx, context, {
      action: `case.${input.ending}`,
      entityType: 'case_report',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { [field]: at.toISOString() },
      reason: input.note ?? null,
    });
    return { id: row.id, status: 'closed', ending: input.ending };
  });
}

/**
 * The suggestion alone (nothing written): for the form before a person confirms. Without an edition named, the
 * edition in force where the caller works (the district's own, else shipped; issue 14).
 */
export async function suggestFor(db: Db, context: RequestContext, editionId: string | undefined, findings: CaseFindings, now: Date) {
  const home = scopePaths(context.actor.grants, 'case.read')[0] ?? '/';
  const edition = editionId ? await editionById(db, editionId) : await editionAt(db, home, now);
  if (!edition) throw invalid('editionId', 'unknownEdition');
  return { editionId: edition.id, ...suggestClassification(findings, caseRules(edition).definition) };
}
