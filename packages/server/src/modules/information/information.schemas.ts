import {
  INTERVIEW_STATUSES,
  JURISDICTION_LEVELS,
  OPINION_KINDS,
  OPINION_OUTCOMES,
  OPINION_SOURCES,
  OPINION_STATUSES,
  RELEASE_AUDIENCES,
  RELEASE_CHANNELS,
  RELEASE_KINDS,
  RELEASE_STATUSES,
  REPORT_STATES,
} from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { Because, DateString } from '../closed-management/closed-management.schemas.ts';

const Text = (maxLength: number) => Type.String({ maxLength });
const Clause = Type.Object({
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});
const Figures = Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 0 }), { maxProperties: 20 });
const Level = literals(JURISDICTION_LEVELS);
const ApprovalView = Type.Object({ by: Uuid, name: Type.String(), level: Level, at: Instant, note: Type.String() });

const DraftFields = {
  title: Text(200),
  body: Text(20000),
  interpretation: Type.Optional(Text(20000)),
  audience: literals(RELEASE_AUDIENCES),
  channels: Type.Array(literals(RELEASE_CHANNELS), { maxItems: RELEASE_CHANNELS.length, uniqueItems: true }),
  forDate: Type.Optional(Nullable(DateString)),
};

export const DraftBody = objectOf({
  jurisdictionId: Uuid,
  kind: literals(RELEASE_KINDS),
  ...DraftFields,
  figures: Type.Optional(Figures),
  /** A warning drafted from an early-warning signal (INFO-007). */
  signalId: Type.Optional(Uuid),
});
export const EditBody = objectOf(DraftFields);
export const NoteBody = objectOf({ note: Type.Optional(Text(2000)) });
export const ReasonBody = objectOf({ reason: Text(2000) });
export const ReleaseQuery = objectOf({ status: Type.Optional(literals(RELEASE_STATUSES)) });

export const ReleaseView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  editionId: Type.String(),
  kind: literals(RELEASE_KINDS),
  title: Type.String(),
  body: Type.String(),
  interpretation: Type.String(),
  audience: literals(RELEASE_AUDIENCES),
  channels: Type.Array(literals(RELEASE_CHANNELS)),
  forDate: Nullable(Type.String()),
  figures: Nullable(Figures),
  signalId: Nullable(Uuid),
  status: literals(RELEASE_STATUSES),
  draftedBy: Uuid,
  chain: Type.Array(Type.Object({ level: Level, basis: Clause, approval: Nullable(ApprovalView) })),
  nextLevel: Nullable(Level),
  dailyState: Nullable(literals(REPORT_STATES)),
  publishedAt: Nullable(Instant),
  withdrawnAt: Nullable(Instant),
  reason: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});
export const ReleaseList = Type.Object({ items: Type.Array(ReleaseView) });

export const DailyQuery = objectOf({ jurisdictionId: Uuid, date: Type.Optional(DateString) });
export const DailyDraft = Type.Object({
  jurisdictionId: Uuid,
  date: Type.String(),
  title: Type.String(),
  body: Type.String(),
  figures: Figures,
  dueAt: Instant,
  state: literals(REPORT_STATES),
  basis: Clause,
});

export const WarningDraftQuery = objectOf({ signalId: Uuid });
export const WarningDraft = Type.Object({
  signalId: Uuid,
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  series: Type.String(),
  day: Type.String(),
  count: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
});

export const NoticeView = Type.Object({
  id: Uuid,
  kind: literals(RELEASE_KINDS),
  title: Type.String(),
  body: Type.String(),
  interpretation: Type.String(),
  forDate: Nullable(Type.String()),
  jurisdictionName: Type.String(),
  publishedAt: Instant,
});
export const NoticeList = Type.Object({ items: Type.Array(NoticeView) });
export const PublicQuery = objectOf({ code: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })) });

export const InterviewBody = objectOf({
  jurisdictionId: Uuid,
  outlet: Text(200),
  topic: Text(2000),
  interviewee: Text(200),
  scheduledAt: Type.Optional(Instant),
});
export const DecisionBody = objectOf({ approve: Type.Boolean(), note: Type.Optional(Text(2000)) });
export const InterviewView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  outlet: Type.String(),
  topic: Type.String(),
  interviewee: Type.String(),
  scheduledAt: Nullable(Instant),
  status: literals(INTERVIEW_STATUSES),
  requestedBy: Uuid,
  approvals: Type.Array(ApprovalView),
  reason: Nullable(Type.String()),
  createdAt: Instant,
});
export const InterviewList = Type.Object({ items: Type.Array(InterviewView) });

export const OpinionBody = objectOf({
  jurisdictionId: Uuid,
  kind: literals(OPINION_KINDS),
  source: literals(OPINION_SOURCES),
  summary: Text(4000),
  location: Type.Optional(Text(500)),
});
export const RespondBody = objectOf({ response: Text(4000) });
export const CloseBody = objectOf({ outcome: literals(OPINION_OUTCOMES) });
export const OpinionQuery = objectOf({ status: Type.Optional(literals(OPINION_STATUSES)) });
export const OpinionView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  kind: literals(OPINION_KINDS),
  source: literals(OPINION_SOURCES),
  summary: Type.String(),
  location: Type.String(),
  status: literals(OPINION_STATUSES),
  loggedAt: Instant,
  response: Nullable(Type.String()),
  respondedAt: Nullable(Instant),
  outcome: Nullable(literals(OPINION_OUTCOMES)),
  closedAt: Nullable(Instant),
  respondBy: Instant,
  closeBy: Instant,
  responseOverdue: Type.Boolean(),
  closeOverdue: Type.Boolean(),
  because: Type.Array(Because),
});
export const OpinionList = Type.Object({ items: Type.Array(OpinionView) });
