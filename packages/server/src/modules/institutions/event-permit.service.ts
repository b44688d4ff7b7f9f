import {
  conflict,
  type EventKind,
  type EventPermitState,
  eventAdvice,
  eventDraftProblem,
  invalid,
  isCalendarDate,
  notFound,
  pathInScope,
  RISK_LEVELS,
  type RiskLevel,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { publishedGradeOver } from '../community/community.repository.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { institutionField, scopeOf } from './institution-access.ts';
import {
  decideEventPermit,
  type EventPermitRow,
  eventPermitsUnder,
  findEventPermit,
  insertEventPermit,
} from './permits-guests.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface EventInput {
  kind: EventKind;
  title: string;
  organizer: string;
  jurisdictionId: string;
  institutionId?: string;
  eventDate: string;
  attendees: number;
  plan: string;
  urgent?: boolean;
}

const asGrade = (value: string | null): RiskLevel | null =>
  (RISK_LEVELS as readonly string[]).includes(value ?? '') ? (value as RiskLevel) : null;

/** The grade published over the event's place now and the rules' advice on it (ZONE-012). */
async function adviceAt(db: Db, path: string, urgent: boolean) {
  return eventAdvice(asGrade(await publishedGradeOver(db, path)), urgent);
}

const shown = (r: EventPermitRow) => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  organizer: r.organizer,
  institutionId: r.institutionId,
  eventDate: r.eventDate,
  attendees: r.attendees,
  plan: r.plan,
  urgent: r.urgent,
  status: r.status as EventPermitState,
  advice: r.advice as ReturnType<typeof eventAdvice>,
  decisionNote: r.decisionNote,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  jurisdictionId: r.jurisdictionId,
});

/** An organizer files a meeting, exam or gathering for approval (PUB-005): one plan each; a past date is bad input. */
export async function fileEvent(deps: Deps, context: RequestContext, input: EventInput) {
  const db = deps.database.db;
  const at = await findJurisdictionById(db, input.jurisdictionId);
  if (!at || !pathInScope(at.path, scopeOf(context, 'institution.report'))) throw invalid('jurisdictionId', 'outsideJurisdiction');
  if (input.institutionId) await institutionField(db, context, input.institutionId, 'institution.report', 'institutionId');
  if (!isCalendarDate(input.eventDate)) throw invalid('eventDate', 'invalidDate');
  if (!input.title.trim()) throw invalid('title', 'required');
  const urgent = input.urgent ?? false;
  const problem = eventDraftProblem({ ...input, urgent }, shanghaiDate(deps.clock()));
  if (problem) throw invalid(problem.field, problem.reason);
  const advice = await adviceAt(db, at.path, urgent);
  return db.transaction(async (tx) => {
    const row = await insertEventPermit(tx, {
      kind: input.kind,
      title: input.title.trim(),
      organizer: input.organizer.trim(),
      institutionId: input.institutionId ?? null,
      eventDate: input.eventDate,
      attendees: input.attendees,
      plan: input.plan.trim(),
      urgent,
      advice,
      filedBy: context.actor.userId,
      jurisdictionId: at.id,
      jurisdictionPath: at.path,
    });
    await recordAudit(tx, context, {
      action: 'event.file',
      entityType: 'event_permit',
      entityId: row.id,
      jurisdictionPath: at.path,
      after: { kind: row.kind, eventDate: row.eventDate, attendees: row.attendees, advice: advice.because.rule },
    });
    return shown(row);
  });
}

export async function eventList(deps: Deps, context: RequestContext, status: string | undefined) {
  const rows = await eventPermitsUnder(deps.database.db, scopeOf(context, 'institution.read'), status);
  return { items: rows.map(shown) };
}

/**
 * The town or command office approves or refuses a pending filing; approval is refused (400 naming `approve`)
 * when the grade published now forbids it and the matter is not urgent (ZONE-012).
 */
export async function decideEvent(deps: Deps, context: RequestContext, id: string, input: { approve: boolean; note?: string }) {
  const db = deps.database.db;
  const row = await findEventPermit(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, 'institution.manage'))) throw notFound('id');
  if (row.status !== 'pending') throw conflict('id', 'alreadyDecided');
  const advice = await adviceAt(db, row.jurisdictionPath, row.urgent);
  if (input.approve && !advice.approvable) throw invalid('approve', 'gradeForbids');
  if (row.eventDate < shanghaiDate(deps.clock())) throw invalid('id', 'pastDate');
  return db.transaction(async (tx) => {
    const decided = await decideEventPermit(tx, row.id, {
      status: input.approve ? 'approved' : 'refused',
      advice,
      decisionNote: input.note?.trim() || null,
      decidedBy: context.actor.userId,
      decidedAt: deps.clock(),
    });
    if (!decided) throw conflict('id', 'alreadyDecided');
    await recordAudit(tx, context, {
      action: 'event.decide',
      entityType: 'event_permit',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: decided.status, advice: advice.because.rule },
    });
    return shown(decided);
  });
}
