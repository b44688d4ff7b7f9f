import { Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../http/schemas.ts';
import { Reason } from '../key-persons/key-person.schemas.ts';

export const Colour = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);

export const CodeChange = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  idMasked: Type.String(),
  fromColour: Type.String(),
  toColour: Type.String(),
  basisKind: Type.String(),
  basisRef: Type.String(),
  basisNote: Type.String(),
  status: Type.String(),
  requestedBy: Uuid,
  requestedByName: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
});

export const Appeal = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  idMasked: Type.String(),
  viaProxy: Type.Boolean(),
  colourAppealed: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  filedAt: Type.String(),
  deadlineAt: Type.String(),
  overdue: Type.Boolean(),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  codeChangeId: Nullable(Uuid),
});

export const CodeState = Type.Object({
  colour: Type.String(),
  ruleVersion: Type.String(),
  source: Type.String(),
  codeChangeId: Nullable(Uuid),
  because: Type.Array(Reason),
  at: Type.String(),
});

export const ChangeRequestBody = Type.Object(
  {
    toColour: Colour,
    basisKind: Type.Union([Type.Literal('record'), Type.Literal('rule')]),
    basisRef: Type.String({ minLength: 1, maxLength: 200 }),
    basisNote: Type.String({ minLength: 2, maxLength: 1000 }),
    validHours: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false });
export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

export const AppealDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('upheld'), Type.Literal('rejected')]),
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
    toColour: Type.Optional(Colour),
    validHours: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const Decided = Type.Object({ id: Uuid, status: Type.String(), codeChangeId: Type.Optional(Nullable(Uuid)) });
