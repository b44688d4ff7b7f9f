import { AppError, conflict, gradeArea, invalid, notFound, pathInScope, type RiskLevel, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { isUniqueViolation } from '../testing/testing-access.ts';
import {
  findRiskArea,
  insertRiskArea,
  jurisdictionsAtLevel,
  publishedOf,
  type RiskAreaRow,
  riskAreasUnder,
  updateRiskArea,
} from './risk-area.repository.ts';
import { type PlacedRiskCase, riskCasesUnder } from './risk-cases.ts';
import { ancestorPath, commonPath, depthOf, jurisdictionInScope, riskRulesAt, scopeOf } from './zone-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface GradeQuery {
  editionId?: string;
  asOf?: string;
}

export function riskAreaView(row: RiskAreaRow, names?: { name: string; code: string }) {
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName: names?.name ?? null,
    jurisdictionCode: names?.code ?? null,
    editionId: row.editionId,
    asOf: row.asOf,
    computedLevel: row.computedLevel,
    level: row.level,
    status: row.status,
    reasons: row.reasons,
    proposedAt: row.proposedAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmNote: row.confirmNote,
    issuingAuthority: row.issuingAuthority,
    publicationRef: row.publicationRef,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}

/** Groups the cases by the unit they lie in (the ancestor at the units' depth). */
function byUnit(cases: readonly PlacedRiskCase[], depth: number): Map<string, PlacedRiskCase[]> {
  const grouped = new Map<string, PlacedRiskCase[]>();
  for (const c of cases) {
    const unit = ancestorPath(c.path, depth);
    const list = grouped.get(unit);
    if (list) list.push(c);
    else grouped.set(unit, [c]);
  }
  return grouped;
}

function dayOf(deps: Deps, asOf: string | undefined): string {
  return asOf ?? shanghaiDate(deps.clock());
}

/**
 * The grade every unit under the caller's scope (or one jurisdiction) would get today under an edition,
 * beside its published grade and any pending proposal (ZONE-001): what the system proposes, with reasons.
 */
export async function assessRisk(deps: Deps, context: RequestContext, query: GradeQuery & { jurisdictionId?: string }) {
  const db = deps.database.db;
  const paths = query.jurisdictionId
    ? [(await jurisdictionInScope(db, context, query.jurisdictionId, 'zone.read')).path]
    : scopeOf(context, 'zone.read');
  const asOf = dayOf(deps, query.asOf);
  const { edition, rules } = await riskRulesAt(db, commonPath(paths), { editionId: query.editionId, day: asOf, at: deps.clock() });
  const [units, cases, current] = await Promise.all([
    jurisdictionsAtLevel(db, paths, rules.unit.level),
    riskCasesUnder(db, paths, edition),
    riskAreasUnder(db, paths, ['published', 'proposed', 'confirmed'], 5000),
  ]);
  const grouped = byUnit(cases, depthOf(units[0]?.path ?? '/'));
  const items = units.map((unit) => {
    const graded = gradeArea(rules.grading, grouped.get(unit.path) ?? [], asOf);
    const mine = current.filter((c) => c.area.jurisdictionId === unit.id);
    const published = mine.find((c) => c.area.status === 'published');
    const pending = mine.find((c) => c.area.status !== 'published');
    return {
      jurisdictionId: unit.id,
      name: unit.name,
      code: unit.code,
      computed: graded,
      published: published ? riskAreaView(published.area, published) : null,
      pending: pending ? riskAreaView(pending.area, pending) : null,
    };
  });
  return { editionId: edition.id, asOf, unit: rules.unit, authority: rules.authority, items };
}

/** The grade of one unit now, or a 400 when the jurisdiction is not a unit the edition grades. */
async function gradeOne(db: Db, path: string, level: string, query: GradeQuery, now: Date) {
  const asOf = query.asOf ?? shanghaiDate(now);
  const { edition, rules } = await riskRulesAt(db, path, { editionId: query.editionId, day: asOf, at: now });
  if (level !== rules.unit.level) throw invalid('jurisdictionId', 'notGradingUnit', { level: rules.unit.level });
  const graded = gradeArea(rules.grading, await riskCasesUnder(db, [path], edition), asOf);
  return { edition, asOf, graded };
}

/** A person records the system's grade of a unit as a proposal (risk.propose), with its reasons. */
export async function proposeRisk(deps: Deps, context: RequestContext, input: GradeQuery & { jurisdictionId: string }) {
  const db = deps.database.db;
  const unit = await jurisdictionInScope(db, context, input.jurisdictionId, 'risk.propose');
  const now = deps.clock();
  const { edition, asOf, graded } = await gradeOne(db, unit.path, unit.level, input, now);
  const write = db.transaction(async (tx) => {
    const row = await insertRiskArea(tx, {
      jurisdictionId: unit.id,
      jurisdictionPath: unit.path,
      editionId: edition.id,
      asOf,
      computedLevel: graded.level,
      level: graded.level,
      reasons: graded.because.map((r) => ({ ...r })),
      proposedBy: context.actor.userId,
      proposedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'risk.propose',
      entityType: 'risk_area',
      entityId: row.id,
      jurisdictionPath: unit.path,
      after: { jurisdiction: unit.code, edition: edition.id, asOf, level: graded.level, because: graded.because.map((r) => r.rule) },
    });
    return riskAreaView(row, unit);
  });
  return write.catch((error: unknown) => {
    throw isUniqueViolation(error, 'risk_area_pending_unique') ? conflict('jurisdictionId', 'riskProposalPending') : error;
  });
}

async function areaToDecide(db: Db, context: RequestContext, id: string, status: string, code: string): Promise<RiskAreaRow> {
  const row = await findRiskArea(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, 'risk.publish'))) throw notFound('id');
  if (row.status !== status) throw conflict('id', code);
  return row;
}

/** A person with the issuing authority confirms the grade (another grade than computed needs a note). */
export async function confirmRisk(deps: Deps, context: RequestContext, id: string, input: { level?: RiskLevel; note?: string }) {
  const db = deps.database.db;
  const row = await areaToDecide(db, context, id, 'proposed', 'riskNotProposed');
  const level = input.level ?? row.computedLevel;
  if (level !== row.computedLevel && !input.note?.trim()) throw invalid('note', 'required');
  const now = deps.clock();
  return db.transaction(async (tx) => {
    const saved = await updateRiskArea(tx, id, {
      status: 'confirmed',
      level,
      confirmedBy: context.actor.userId,
      confirmedAt: now,
      confirmNote: input.note?.trim() || null,
    });
    await recordAudit(tx, context, {
      action: 'risk.confirm',
      entityType: 'risk_area',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { level: row.level, status: row.status },
      after: { level, status: 'confirmed' },
      reason: input.note ?? null,
    });
    return riskAreaView(saved);
  });
}

export interface Publication {
  issuingAuthority?: string;
  publicationRef?: string;
  effectiveFrom?: string;
}

function checkedPublication(input: Publication, today: string) {
  const issuingAuthority = input.issuingAuthority?.trim();
  const publicationRef = input.publicationRef?.trim();
  if (!issuingAuthority) throw invalid('issuingAuthority', 'required');
  if (!publicationRef) throw invalid('publicationRef', 'required');
  return { issuingAuthority, publicationRef, effectiveFrom: input.effectiveFrom ?? today };
}

/** Publishes a confirmed grade with the issuing authority and its publication record; the area's previous grade ends. */
export async function publishRisk(deps: Deps, context: RequestContext, id: string, input: Publication) {
  const db = deps.database.db;
  const row = await areaToDecide(db, context, id, 'confirmed', 'riskNotConfirmed');
  const now = deps.clock();
  const publication = checkedPublication(input, shanghaiDate(now));
  return db.transaction(async (tx) => {
    const previous = await publishedOf(tx, row.jurisdictionId);
    if (previous)
      await updateRiskArea(tx, previous.id, { status: 'superseded', effectiveTo: publication.effectiveFrom, supersededAt: now });
    const saved = await updateRiskArea(tx, id, {
      status: 'published',
      publishedBy: context.actor.userId,
      publishedAt: now,
      ...publication,
    });
    await recordAudit(tx, context, {
      action: 'risk.publish',
      entityType: 'risk_area',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: previous ? { level: previous.level, riskAreaId: previous.id } : null,
      after: { level: row.level, ...publication },
    });
    return riskAreaView(saved);
  });
}

const LIST_STATUSES: Record<string, string[]> = {
  current: ['published', 'proposed', 'confirmed'],
  published: ['published'],
  pending: ['proposed', 'confirmed'],
  all: [],
};

/** Grades in my scope: the current and pending ones by default, every one (history) on request. */
export async function listRiskAreas(deps: Deps, context: RequestContext, show = 'current') {
  const statuses = LIST_STATUSES[show];
  if (!statuses) throw new AppError('invalid', 'invalidValue', 'show', { detail: Object.keys(LIST_STATUSES).join(' / ') });
  const rows = await riskAreasUnder(deps.database.db, scopeOf(context, 'zone.read'), statuses, 500);
  return { items: rows.map((r) => riskAreaView(r.area, r)) };
}
