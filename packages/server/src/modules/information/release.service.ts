import {
  approvalChain,
  approveRelease,
  dailyOutbreakState,
  editRelease,
  type InformationRules,
  invalid,
  levelOfPath,
  publishRelease,
  type Release,
  type ReleaseAudience,
  type ReleaseChannel,
  type ReleaseDraft,
  type ReleaseKind,
  type ReleaseStatus,
  rejectRelease,
  releaseDraftProblem,
  submitRelease,
  withdrawRelease,
} from '@fangkong/core';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findRelease, insertRelease, jurisdictionNames, type ReleaseRow, releasesUnder, updateRelease } from './information.repository.ts';
import {
  approvalBy,
  approvalsOf,
  type Deps,
  informationNow,
  informationRulesOf,
  inScopeOr404,
  jurisdictionIn,
  scopeOf,
  settled,
  storedApprovals,
} from './information-access.ts';
import { signalForDraft } from './warning-signal.service.ts';

/** A row as core's workflow sees it. */
function releaseOf(row: ReleaseRow): Release {
  return {
    kind: row.kind as ReleaseKind,
    title: row.title,
    body: row.body,
    interpretation: row.interpretation,
    audience: row.audience as ReleaseAudience,
    channels: row.channels as ReleaseChannel[],
    forDate: row.forDate,
    status: row.status as ReleaseStatus,
    draftedBy: row.draftedBy,
    jurisdictionLevel: levelOfPath(row.jurisdictionPath),
    approvals: approvalsOf(row.approvals),
    publishedAt: row.publishedAt,
    withdrawnAt: row.withdrawnAt,
    reason: row.reason,
  };
}

function releaseView(row: ReleaseRow, jurisdictionName: string, now: Date, rules: InformationRules) {
  const release = releaseOf(row);
  const chain = approvalChain(rules, release.kind, release.jurisdictionLevel);
  const stored = row.approvals as { name: string }[];
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    jurisdictionName,
    editionId: row.editionId,
    kind: release.kind,
    title: row.title,
    body: row.body,
    interpretation: row.interpretation,
    audience: release.audience,
    channels: release.channels,
    forDate: row.forDate,
    figures: row.figures ?? null,
    signalId: row.signalId,
    status: release.status,
    draftedBy: row.draftedBy,
    chain: chain.map((step, i) => {
      const done = release.approvals[i];
      return {
        level: step.level,
        basis: step.basis,
        approval: done ? { by: done.by, name: stored[i]?.name ?? '', level: done.level, at: done.at.toISOString(), note: done.note } : null,
      };
    }),
    nextLevel: release.status === 'submitted' ? (chain[release.approvals.length]?.level ?? null) : null,
    // DAILY-007: whether the day's information went out by its hour.
    dailyState: release.kind === 'daily_outbreak' && row.forDate ? dailyOutbreakState(rules, row.forDate, row.publishedAt, now) : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function viewsOf(deps: Deps, rows: ReleaseRow[]) {
  const names = await jurisdictionNames(
    deps.database.db,
    rows.map((r) => r.jurisdictionId),
  );
  const now = deps.clock();
  const rulesOf = await informationRulesOf(
    deps.database.db,
    rows.map((r) => r.editionId),
  );
  return rows.map((r) => releaseView(r, names.get(r.jurisdictionId) ?? '', now, rulesOf(r.editionId)));
}

export async function listReleases(deps: Deps, context: RequestContext, query: { status?: ReleaseStatus }) {
  const rows = await releasesUnder(deps.database.db, scopeOf(context, 'information.read'), query.status);
  return { items: await viewsOf(deps, rows) };
}

export async function getRelease(deps: Deps, context: RequestContext, id: string) {
  const row = inScopeOr404(await findRelease(deps.database.db, id), context, 'information.read');
  const [view] = await viewsOf(deps, [row]);
  return view as ReturnType<typeof releaseView>;
}

export interface DraftInput extends ReleaseDraft {
  jurisdictionId: string;
  figures?: Record<string, number>;
  signalId?: string;
}

/** A new draft for a jurisdiction in the caller's scope; nothing leaves the platform yet (INFO-001). */
export async function draftRelease(deps: Deps, context: RequestContext, input: DraftInput) {
  const db = deps.database.db;
  const place = await jurisdictionIn(db, context, input.jurisdictionId, 'information.publish');
  const problem = releaseDraftProblem(input);
  if (problem) throw problem;
  const signal = await signalForDraft(db, context, input, place.path);
  const now = deps.clock();
  const { editionId, rules } = await informationNow(db, place.path, now);
  // An edition written before a kind existed has no approver for it: refused here rather than stuck unapprovable.
  if (approvalChain(rules, input.kind, levelOfPath(place.path)).length === 0) throw invalid('kind', 'noApprovalChain');
  return db.transaction(async (tx) => {
    const row = await insertRelease(tx, {
      jurisdictionId: place.id,
      jurisdictionPath: place.path,
      editionId,
      kind: input.kind,
      title: input.title.trim(),
      body: input.body,
      interpretation: input.interpretation,
      audience: input.audience,
      channels: input.channels,
      forDate: input.forDate,
      figures: input.figures ?? null,
      signalId: signal?.id ?? null,
      status: 'draft',
      draftedBy: context.actor.userId ?? '',
    });
    await recordAudit(tx, context, {
      action: 'information.draft',
      entityType: 'info_release',
      entityId: row.id,
      jurisdictionPath: place.path,
      after: { kind: row.kind, title: row.title, audience: row.audience, signalId: row.signalId },
    });
    if (signal) {
      // The signal's own history shows the warning drafted from it (INFO-007, CASE-007).
      await recordAudit(tx, context, {
        action: 'earlyWarning.warningDrafted',
        entityType: 'early_warning_signal',
        entityId: signal.id,
        jurisdictionPath: signal.jurisdictionPath,
        after: { releaseId: row.id, title: row.title },
      });
    }
    return releaseView(row, place.name, now, rules);
  });
}

type Step = (release: Release, row: ReleaseRow, now: Date, rules: InformationRules) => { release: Release; reason?: string };

/** One workflow step, locked, written and audited in one transaction. */
async function step(
  deps: Deps,
  context: RequestContext,
  id: string,
  permission: 'information.publish' | 'information.approve',
  action: string,
  apply: Step,
) {
  const db = deps.database.db;
  inScopeOr404(await findRelease(db, id), context, permission);
  const now = deps.clock();
  const updated = await db.transaction(async (tx) => {
    const row = inScopeOr404(await findRelease(tx, id, true), context, permission);
    const rules = (await informationRulesOf(tx, [row.editionId]))(row.editionId);
    const { release, reason } = apply(releaseOf(row), row, now, rules);
    const saved = await updateRelease(tx, id, {
      title: release.title,
      body: release.body,
      interpretation: release.interpretation,
      audience: release.audience,
      channels: release.channels,
      forDate: release.forDate,
      status: release.status,
      approvals: storedApprovals(release.approvals, row.approvals, context),
      publishedAt: release.publishedAt,
      publishedBy: release.status === 'published' ? context.actor.userId : row.publishedBy,
      withdrawnAt: release.withdrawnAt,
      reason: release.reason,
    });
    await recordAudit(tx, context, {
      action,
      entityType: 'info_release',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: release.status, approvals: release.approvals.length },
      reason: reason ?? null,
    });
    return saved;
  });
  const [view] = await viewsOf(deps, [updated]);
  return view as ReturnType<typeof releaseView>;
}

export function editDraft(deps: Deps, context: RequestContext, id: string, draft: Omit<ReleaseDraft, 'kind'>) {
  return step(deps, context, id, 'information.publish', 'information.edit', (release) => ({
    release: settled(editRelease(release, { ...draft, kind: release.kind })),
  }));
}

/** Report upward (逐级上报, SC-68). */
export function submitDraft(deps: Deps, context: RequestContext, id: string) {
  return step(deps, context, id, 'information.publish', 'information.submit', (release) => ({ release: settled(submitRelease(release)) }));
}

/** One approval on the chain by the caller, at the level of their authority over the item (INFO-001…003). */
export function approveDraft(deps: Deps, context: RequestContext, id: string, note: string) {
  return step(deps, context, id, 'information.approve', 'information.approve', (release, row, now, rules) => ({
    release: settled(approveRelease(release, approvalBy(context, row.jurisdictionPath, now, note), rules)),
    reason: note,
  }));
}

export function rejectDraft(deps: Deps, context: RequestContext, id: string, reason: string) {
  return step(deps, context, id, 'information.approve', 'information.reject', (release) => ({
    release: settled(rejectRelease(release, context.actor.userId ?? '', reason)),
    reason,
  }));
}

/** Publication, only once the chain is complete (SC-68: 未经审核不得发布). */
export function publishApproved(deps: Deps, context: RequestContext, id: string) {
  return step(deps, context, id, 'information.publish', 'information.publish', (release, _row, now) => ({
    release: settled(publishRelease(release, now)),
  }));
}

export function withdrawPublished(deps: Deps, context: RequestContext, id: string, reason: string) {
  return step(deps, context, id, 'information.publish', 'information.withdraw', (release, _row, now) => ({
    release: settled(withdrawRelease(release, reason, now)),
    reason,
  }));
}
