import { isCalendarDate } from '../calendar/calendar-date.ts';
import { AppError, invalid } from '../errors/app-error.ts';
import type { JurisdictionLevel } from '../jurisdiction/levels.ts';
import type { InformationRules } from '../protocols/information-rule-types.ts';
import {
  RELEASE_AUDIENCES,
  RELEASE_CHANNELS,
  type ReleaseAudience,
  type ReleaseChannel,
  type ReleaseKind,
} from '../protocols/information-rule-types.ts';
import { isBlank } from '../response/assessment.ts';
import { type Approval, addApproval, approvalChain, type InfoResult, infoFail, infoOk } from './information-rules.ts';

/** draft → submitted (reported upward) → approved (chain complete) → published → withdrawn; rejected goes back to editing. */
export const RELEASE_STATUSES = ['draft', 'submitted', 'approved', 'published', 'withdrawn', 'rejected'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export interface ReleaseDraft {
  kind: ReleaseKind;
  title: string;
  body: string;
  /** The interpretation (解读) the daily information carries (INFO-006). */
  interpretation: string;
  audience: ReleaseAudience;
  channels: ReleaseChannel[];
  /** The day a daily outbreak information is for (Asia/Shanghai); null for other kinds. */
  forDate: string | null;
}

export interface Release extends ReleaseDraft {
  status: ReleaseStatus;
  draftedBy: string;
  /** The level of the jurisdiction the item is drafted for. */
  jurisdictionLevel: JurisdictionLevel;
  approvals: Approval[];
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  /** The last rejection or withdrawal reason. */
  reason: string | null;
}

const TITLE_MAX = 200;

/** The first problem with a draft's fields, or null: a title and a body, at least one channel, the day of a daily information. */
export function releaseDraftProblem(draft: ReleaseDraft): AppError | null {
  if (isBlank(draft.title)) return invalid('title', 'required');
  if (draft.title.length > TITLE_MAX) return invalid('title', 'invalidValue', { detail: `≤ ${TITLE_MAX}` });
  if (isBlank(draft.body)) return invalid('body', 'required');
  if (!RELEASE_AUDIENCES.includes(draft.audience)) return invalid('audience', 'invalidValue', { detail: draft.audience });
  if (draft.channels.length === 0) return invalid('channels', 'required');
  const unknown = draft.channels.find((c) => !RELEASE_CHANNELS.includes(c));
  if (unknown) return invalid('channels', 'invalidValue', { detail: unknown });
  if (draft.kind === 'daily_outbreak' && !draft.forDate) return invalid('forDate', 'required');
  if (draft.forDate && !isCalendarDate(draft.forDate)) return invalid('forDate', 'invalidValue', { detail: draft.forDate });
  // INFO-006: the daily information comes with its interpretation.
  if (draft.kind === 'daily_outbreak' && isBlank(draft.interpretation)) return invalid('interpretation', 'required');
  if (draft.kind !== 'daily_outbreak' && draft.forDate) return invalid('forDate', 'onlyForDailyOutbreak');
  return null;
}

const editable = (status: ReleaseStatus) => status === 'draft' || status === 'rejected';

/** A draft's content changes only before it is reported upward (or after a rejection, when it is a draft again). */
export function editRelease(release: Release, draft: ReleaseDraft): InfoResult<Release> {
  if (!editable(release.status)) return infoFail(new AppError('conflict', 'releaseNotEditable', 'status'));
  if (draft.kind !== release.kind) return infoFail(invalid('kind', 'kindFixed'));
  const problem = releaseDraftProblem(draft);
  return problem ? infoFail(problem) : infoOk({ ...release, ...draft, status: 'draft' });
}

/** Report a draft upward for approval (SC-68: 逐级上报). */
export function submitRelease(release: Release): InfoResult<Release> {
  if (!editable(release.status)) return infoFail(new AppError('conflict', 'releaseNotEditable', 'status'));
  return infoOk({ ...release, status: 'submitted', approvals: [], reason: null });
}

/** One approval on the chain (INFO-001…003); the last one makes the item approved, ready to publish. */
export function approveRelease(release: Release, approval: Approval, rules: InformationRules): InfoResult<Release> {
  if (release.status !== 'submitted') return infoFail(new AppError('conflict', 'releaseNotSubmitted', 'status'));
  const chain = approvalChain(rules, release.kind, release.jurisdictionLevel);
  const added = addApproval(chain, release.approvals, release.draftedBy, approval);
  if (!added.ok) return added;
  return infoOk({ ...release, approvals: added.value, status: added.value.length === chain.length ? 'approved' : 'submitted' });
}

/** An approver turns the item down with a reason; the drafter may edit and report it again. */
export function rejectRelease(release: Release, by: string, reason: string): InfoResult<Release> {
  if (release.status !== 'submitted') return infoFail(new AppError('conflict', 'releaseNotSubmitted', 'status'));
  if (by === release.draftedBy) return infoFail(new AppError('forbidden', 'drafterCannotApprove', 'id'));
  if (isBlank(reason)) return infoFail(invalid('reason', 'reasonRequired'));
  return infoOk({ ...release, status: 'rejected', reason });
}

/** SC-68: publishing is refused until the whole chain has approved. */
export function publishRelease(release: Release, now: Date): InfoResult<Release> {
  if (release.status !== 'approved') return infoFail(new AppError('conflict', 'releaseNotApproved', 'status'));
  return infoOk({ ...release, status: 'published', publishedAt: now });
}

/** A published item taken down with a reason; it leaves the public page. */
export function withdrawRelease(release: Release, reason: string, now: Date): InfoResult<Release> {
  if (release.status !== 'published') return infoFail(new AppError('conflict', 'releaseNotPublished', 'status'));
  if (isBlank(reason)) return infoFail(invalid('reason', 'reasonRequired'));
  return infoOk({ ...release, status: 'withdrawn', withdrawnAt: now, reason });
}

/** Who may see a published item without signing in: only a public one that is still published. */
export const isPublic = (release: Pick<Release, 'status' | 'audience'>): boolean =>
  release.status === 'published' && release.audience === 'public';
