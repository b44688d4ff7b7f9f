import {
  AppError,
  invalid,
  isBlank,
  type LevelAssessment,
  type ReassessmentConclusion,
  reassessmentProblem,
  reassessmentState,
  responseRules,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import {
  insertReassessment,
  type LevelChangeRow,
  levelChangesOf,
  lockJurisdiction,
  type ReassessmentRow,
  reassessmentsOf,
} from './response.repository.ts';
import { changeInForce, editionOf, jurisdictionFor } from './response.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface ReassessmentInput {
  conclusion: ReassessmentConclusion;
  assessment: LevelAssessment;
  note: string;
}

function reassessmentView(row: ReassessmentRow) {
  return {
    id: row.id,
    level: row.level,
    conclusion: row.conclusion,
    assessment: row.assessment as LevelAssessment,
    note: row.note,
    assessedBy: row.assessedBy,
    assessedAt: row.assessedAt.toISOString(),
  };
}

/**
 * LVL-011: the level in force, when it is next to be re-assessed (overdue, due soon or not yet, with the clause),
 * and the re-assessments made of it; null when no response runs or the edition asks for none.
 */
export async function reassessmentOf(db: Db, jurisdictionId: string, rows: readonly LevelChangeRow[], now: Date) {
  const inForce = changeInForce(rows);
  if (!inForce?.approvedAt) return null;
  const made = (await reassessmentsOf(db, jurisdictionId)).filter((r) => r.levelChangeId === inForce.id);
  const rules = responseRules(await editionOf(db, inForce));
  const state = reassessmentState(rules, inForce.approvedAt, made[0]?.assessedAt ?? null, now);
  if (!state) return null;
  return {
    level: inForce.level,
    /** The written records a re-assessment needs besides the factors (the form asks for them). */
    records: rules.procedure.reassessment?.records ?? [],
    inForceSince: inForce.approvedAt.toISOString(),
    lastAssessedAt: state.lastAssessedAt?.toISOString() ?? null,
    dueAt: state.dueAt.toISOString(),
    state: state.state,
    because: state.because,
    history: made.map(reassessmentView),
  };
}

/**
 * The experts' re-assessment of the level in force (LVL-011), recorded by whoever may propose a change: the three
 * factor groups, the trend analysis and the effect evaluation, and whether the level stays or a change is to be
 * proposed. No response running: 409 on `jurisdictionId`; a gap in the form: 400 naming it; nothing written.
 */
export async function recordReassessment(deps: Deps, context: RequestContext, jurisdictionId: string, input: ReassessmentInput) {
  const db = deps.database.db;
  const jurisdiction = await jurisdictionFor(db, context, jurisdictionId, 'response.propose');
  if (isBlank(input.note)) throw invalid('note', 'required');
  const now = deps.clock();
  return db.transaction(async (tx) => {
    await lockJurisdiction(tx, jurisdiction.id);
    const rows = await levelChangesOf(tx, jurisdiction.id);
    const inForce = changeInForce(rows);
    if (!inForce) throw new AppError('conflict', 'noResponseToReassess', 'jurisdictionId');
    const problem = reassessmentProblem(input.assessment, responseRules(await editionOf(tx, inForce)));
    if (problem) throw problem;
    const row = await insertReassessment(tx, {
      jurisdictionId: jurisdiction.id,
      jurisdictionPath: jurisdiction.path,
      levelChangeId: inForce.id,
      editionId: inForce.editionId,
      level: inForce.level,
      conclusion: input.conclusion,
      assessment: input.assessment,
      note: input.note.trim(),
      assessedBy: context.actor.userId ?? '',
      assessedAt: now,
    });
    await recordAudit(tx, context, {
      action: 'response.reassess',
      entityType: 'response_reassessment',
      entityId: row.id,
      jurisdictionPath: jurisdiction.path,
      after: { level: row.level, conclusion: row.conclusion, levelChangeId: inForce.id },
      reason: row.note,
    });
    return reassessmentView(row);
  });
}
