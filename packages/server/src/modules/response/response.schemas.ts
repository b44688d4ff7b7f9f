import { CHANGE_DIRECTIONS, EXPERT_BODIES, LEVEL_BASES, REASSESSMENT_CONCLUSIONS, RESPONSE_LEVELS, TASK_STATES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, Uuid } from '../../http/schemas.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const Level = literals(RESPONSE_LEVELS);
export const Body = literals(EXPERT_BODIES);
const Wording = Type.Object({ zh: Type.String(), en: Type.String() });
const Reason = Type.Object({
  rule: Type.String(),
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});
const Clause = Type.Object({
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});
const Findings = Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 4000 }), { maxProperties: 40 });

export const Assessment = Type.Object(
  { factors: Findings, records: Findings },
  {
    additionalProperties: false,
    description: 'LVL-003: a finding per factor item of the three groups, and the written records the change needs',
  },
);

export const ProposalBody = Type.Object(
  {
    to: Type.Union([Level, Type.Null()], { description: 'The level proposed; null proposes to end the response' }),
    basis: literals(LEVEL_BASES),
    reason: Text(2000),
    assessment: Assessment,
  },
  { additionalProperties: false },
);

export const ConfirmationBody = Type.Object(
  { body: Body, decision: Type.Union([Type.Literal('confirmed'), Type.Literal('rejected')]), note: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ApprovalBody = Type.Object(
  { overrideReason: Type.Optional(Type.String({ maxLength: 2000 })), importRiskReduced: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const ChangeView = Type.Object({
  id: Uuid,
  editionId: Type.String(),
  direction: literals(CHANGE_DIRECTIONS),
  level: Level,
  fromLevel: Nullable(Level),
  toLevel: Nullable(Level),
  basis: literals(LEVEL_BASES),
  status: Type.String(),
  reason: Type.String(),
  assessment: Type.Unknown(),
  chain: Type.Array(Body),
  nextConfirmation: Nullable(Body),
  confirmations: Type.Array(
    Type.Object({ body: Body, decision: Type.String(), recordedBy: Type.String(), note: Type.String(), at: Instant }),
  ),
  proposedBy: Uuid,
  proposedAt: Instant,
  approvedBy: Nullable(Uuid),
  approvedAt: Nullable(Instant),
  override: Type.Unknown(),
  filedAt: Nullable(Instant),
  filingReference: Nullable(Type.String()),
  rejectedAt: Nullable(Instant),
  rejectionReason: Nullable(Type.String()),
});

const GroupRef = Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() });

/** LVL-011: the experts' re-assessment of the level in force. */
export const ReassessmentBody = Type.Object(
  { conclusion: literals(REASSESSMENT_CONCLUSIONS), assessment: Assessment, note: Text(2000) },
  { additionalProperties: false },
);

export const ReassessmentView = Type.Object({
  id: Uuid,
  level: Type.String(),
  conclusion: Type.String(),
  assessment: Type.Unknown(),
  note: Type.String(),
  assessedBy: Uuid,
  assessedAt: Instant,
});

/** When the level in force is next re-assessed (LVL-011) and the re-assessments made of it. */
const ReassessmentState = Type.Object({
  level: Type.String(),
  records: Type.Array(Type.String()),
  inForceSince: Instant,
  lastAssessedAt: Nullable(Instant),
  dueAt: Instant,
  state: Type.Union([Type.Literal('ok'), Type.Literal('due_soon'), Type.Literal('overdue')]),
  because: Type.Array(Reason),
  history: Type.Array(ReassessmentView),
});

export const Overview = Type.Object({
  jurisdiction: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), level: Type.String() }),
  editionId: Type.String(),
  assessmentForm: Type.Object({
    factors: Type.Array(
      Type.Object({
        group: Type.String(),
        zh: Type.String(),
        en: Type.String(),
        items: Type.Array(Type.Object({ key: Type.String(), zh: Type.String(), en: Type.String() })),
      }),
    ),
    records: Type.Array(Type.Object({ direction: Type.String(), records: Type.Array(Type.String()) })),
  }),
  level: Nullable(Level),
  phase: Type.String(),
  open: Nullable(ChangeView),
  history: Type.Array(ChangeView),
  suggestion: Type.Object({
    level: Nullable(Level),
    outbreakType: Nullable(Type.String()),
    because: Type.Array(Reason),
    facts: Type.Unknown(),
    applied: Type.Boolean(),
  }),
  termination: Nullable(
    Type.Object({
      eligible: Type.Boolean(),
      eligibleFrom: Nullable(Type.String()),
      lastCaseId: Nullable(Type.String()),
      unmet: Type.Array(Type.String()),
      /** The case criteria hold: the page proposes termination (LVL-015); the import risk is assessed in the proposal. */
      proposeNow: Type.Boolean(),
      because: Type.Array(Reason),
    }),
  ),
  checklist: Type.Array(
    Type.Object({
      id: Type.String(),
      level: Level,
      zh: Type.String(),
      en: Type.String(),
      steps: Type.Array(Wording),
      basis: Clause,
      group: Nullable(GroupRef),
      supporting: Type.Array(GroupRef),
      /** The measure's task in this response (issue 13): null until issued (no headquarters or no group for it). */
      task: Nullable(Type.Object({ id: Uuid, state: literals(TASK_STATES) })),
    }),
  ),
  reassessment: Nullable(ReassessmentState),
});

/** What laying the level onto the headquarters did (measure ids). */
export const MeasureSyncView = Type.Object({
  headquartersId: Nullable(Uuid),
  issued: Type.Array(Type.String()),
  cancelled: Type.Array(Type.String()),
  unassigned: Type.Array(Type.String()),
});
