import {
  type ContactCategory,
  conflict,
  exposureProblem,
  invalid,
  maskName,
  notFound,
  pathInScope,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { sendAssistRequest } from '../assist-requests/assist-request.service.ts';
import { registerEpisode } from '../key-persons/episode.service.ts';
import { findPersonById } from '../persons/person.repository.ts';
import { exposuresOfCase, insertExposure } from './contact.repository.ts';
import { type Candidate, findCandidates, type TracedCase, tracedCase } from './contact-candidates.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface ContactDecision {
  personId: string;
  category?: ContactCategory;
  note?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function candidateView(c: Candidate) {
  return {
    personId: c.personId,
    name: maskName(c.name),
    idMasked: c.idMasked,
    kind: c.kind,
    reason: c.reason,
    reasons: c.reasons,
    suggestedCategory: c.suggestedCategory,
    exposedFrom: iso(c.exposedFrom),
    exposedTo: c.exposedTo.toISOString(),
    outsideJurisdiction: false,
  };
}

async function decidedPeople(db: Db, caseId: string) {
  const rows = await exposuresOfCase(db, caseId);
  return { rows, ids: new Set(rows.map((r) => r.exposure.personId)) };
}

/** GET candidates: every proposal with why and the suggested category; people outside my write scope are flagged (协查). */
export async function contactCandidates(deps: Deps, context: RequestContext, caseId: string) {
  const db = deps.database.db;
  const traced = await tracedCase(db, context, caseId, deps.clock());
  const candidates = await findCandidates(db, traced, (await decidedPeople(db, caseId)).ids);
  const scope = scopePaths(context.actor.grants, 'keyPerson.write');
  return {
    window: { from: traced.window.from.toISOString(), to: traced.window.to.toISOString() },
    items: candidates.map((c) => ({ ...candidateView(c), outsideJurisdiction: !pathInScope(c.jurisdictionPath, scope) })),
  };
}

/** Confirmed and rejected contacts of a case with the state of their episode (or 协查). */
export async function caseContacts(deps: Deps, context: RequestContext, caseId: string) {
  const db = deps.database.db;
  await tracedCase(db, context, caseId, deps.clock());
  const { rows } = await decidedPeople(db, caseId);
  return rows.map((r) => ({
    id: r.exposure.id,
    personId: r.exposure.personId,
    name: maskName(r.name),
    idMasked: r.idMasked,
    kind: r.exposure.kind,
    reason: r.exposure.reason,
    status: r.exposure.status,
    category: r.exposure.category,
    episodeId: r.exposure.episodeId,
    episodeStatus: r.episodeStatus,
    assistRequestId: r.exposure.assistRequestId,
    decisionNote: r.exposure.decisionNote,
    exposedTo: r.exposure.exposedTo.toISOString(),
  }));
}

async function candidateFor(db: Db, traced: TracedCase, personId: string): Promise<Candidate> {
  const { rows, ids } = await decidedPeople(db, traced.row.id);
  const problem = exposureProblem(
    traced.row.personId,
    [{ caseId: traced.row.id, personId }],
    rows.map((r) => ({ caseId: r.exposure.caseId, personId: r.exposure.personId })),
  );
  if (problem) throw problem.code === 'selfLink' ? invalid('personId', 'selfLink') : conflict('personId', 'alreadyLinked');
  const found = (await findCandidates(db, traced, ids)).find((c) => c.personId === personId);
  if (!found) throw notFound('personId');
  return found;
}

function exposureRow(traced: TracedCase, c: Candidate, context: RequestContext, at: Date) {
  return {
    caseId: traced.row.id,
    personId: c.personId,
    kind: c.kind,
    context: c.context,
    reason: c.reason,
    placeId: c.placeId,
    exposedFrom: c.exposedFrom,
    exposedTo: c.exposedTo,
    decidedBy: context.actor.userId,
    decidedAt: at,
    jurisdictionPath: traced.row.jurisdictionPath,
  };
}

/** Manages the contact where they live: an episode in my scope, else a 协查 to their jurisdiction (KP-D05, KP-D06). */
async function manage(deps: Deps, tx: Db, context: RequestContext, traced: TracedCase, c: Candidate, category: ContactCategory) {
  const startDate = shanghaiDate(c.exposedTo);
  if (pathInScope(c.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) {
    const episode = await registerEpisode(
      deps,
      context,
      { personId: c.personId, category, startDate, source: 'contact_tracing', reason: `case ${traced.row.caseNumber}` },
      tx,
    );
    return { episodeId: episode.id, assistRequestId: null };
  }
  const found = await findPersonById(tx, c.personId);
  if (!found) throw notFound('personId');
  const request = await sendAssistRequest(deps, tx, context, {
    sourceOrg: `流调 ${traced.row.caseNumber}`,
    category,
    startDate,
    person: found.person,
  });
  return { episodeId: null, assistRequestId: request.id };
}

/** Confirms a candidate: the exposure, its episode (plan from the edition) or 协查, and the audit, in one transaction. */
export async function confirmContact(deps: Deps, context: RequestContext, caseId: string, input: ContactDecision) {
  const db = deps.database.db;
  const now = deps.clock();
  const traced = await tracedCase(db, context, caseId, now);
  if (!pathInScope(traced.row.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) throw notFound('caseId');
  const c = await candidateFor(db, traced, input.personId);
  const category = input.category ?? c.suggestedCategory;
  return db.transaction(async (tx) => {
    const managed = await manage(deps, tx, context, traced, c, category);
    const row = await insertExposure(tx, {
      ...exposureRow(traced, c, context, now),
      status: 'confirmed',
      category,
      ...managed,
      decisionNote: input.note ?? null,
    });
    await recordAudit(tx, context, {
      action: 'tracing.confirmContact',
      entityType: 'exposure',
      entityId: row.id,
      jurisdictionPath: traced.row.jurisdictionPath,
      after: { caseId, personId: c.personId, kind: c.kind, category, ...managed },
      reason: input.note ?? null,
    });
    return { id: row.id, status: 'confirmed', category, ...managed };
  });
}

/** Rejects a candidate with the reason; the rejection stays so the person is not proposed again. */
export async function rejectContact(deps: Deps, context: RequestContext, caseId: string, input: ContactDecision) {
  const db = deps.database.db;
  const now = deps.clock();
  const traced = await tracedCase(db, context, caseId, now);
  if (!pathInScope(traced.row.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) throw notFound('caseId');
  if (!input.note?.trim()) throw invalid('note', 'required');
  const c = await candidateFor(db, traced, input.personId);
  return db.transaction(async (tx) => {
    const row = await insertExposure(tx, { ...exposureRow(traced, c, context, now), status: 'rejected', decisionNote: input.note ?? null });
    await recordAudit(tx, context, {
      action: 'tracing.rejectContact',
      entityType: 'exposure',
      entityId: row.id,
      jurisdictionPath: traced.row.jurisdictionPath,
      after: { caseId, personId: c.personId, kind: c.kind },
      reason: input.note ?? null,
    });
    return { id: row.id, status: 'rejected', category: null, episodeId: null, assistRequestId: null };
  });
}
