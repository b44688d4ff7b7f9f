import { ID_TYPES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../http/schemas.ts';
import { Reason } from '../key-persons/key-person.schemas.ts';
import { PersonResult } from '../testing/testing.schemas.ts';
import { RELATIONS } from './dependant.service.ts';

export const tags = ['residents'];

const IdTypeSchema = Type.Union(ID_TYPES.map((t) => Type.Literal(t)));
const Colour = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);
const RiskLevel = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Relation = Type.Union(RELATIONS.map((r) => Type.Literal(r)));

const RegistrationClaim = {
  idType: IdTypeSchema,
  idNumber: Type.String({ minLength: 5, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  phone: Type.String({ minLength: 7, maxLength: 20 }),
};

/** The one-time code sent by SMS: six digits. */
const OneTimeCode = Type.String({ pattern: '^\\d{6}$' });

export const RegistrationCodeBody = Type.Object(RegistrationClaim, { additionalProperties: false });

export const RegistrationBody = Type.Object(
  { ...RegistrationClaim, password: Type.String({ minLength: 1, maxLength: 200 }), code: OneTimeCode },
  { additionalProperties: false },
);

export const CodeSentReply = Type.Object({ expiresInSeconds: Type.Integer() });

export const ConsentCodeBody = Type.Object({ code: OneTimeCode }, { additionalProperties: false });

const ProxyStatus = Type.Union([Type.Literal('pending'), Type.Literal('active')]);

export const MeReply = Type.Object({
  personId: Uuid,
  name: Type.String(),
  idMasked: Type.String(),
  today: DateString,
  declaredToday: Type.Boolean(),
});

export const CodeReply = Type.Object({
  personId: Uuid,
  name: Type.String(),
  viaProxy: Type.Boolean(),
  colour: Colour,
  ruleVersion: Type.String(),
  because: Type.Array(Reason),
  token: Type.String(),
  expiresAt: Type.String(),
});

export const CodeHistoryReply = Type.Object({
  items: Type.Array(Type.Object({ colour: Type.String(), at: Type.String(), source: Type.String() })),
});

export const ResultsReply = Type.Object({
  personId: Uuid,
  negativeWithin: Type.Array(Type.Object({ hours: Type.Integer(), negative: Type.Boolean(), because: Type.Array(Reason) })),
  results: Type.Array(PersonResult),
});

export const DeclarationBody = Type.Object(
  {
    temperature: Type.Optional(Type.Number({ minimum: 34, maximum: 43 })),
    symptoms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 12 }),
    travel: Type.Optional(
      Type.Array(
        Type.Object(
          { place: Type.String({ minLength: 1, maxLength: 100 }), riskLevel: Type.Optional(RiskLevel), date: Type.Optional(DateString) },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const DeclarationView = Type.Object({
  id: Uuid,
  declaredOn: DateString,
  temperature: Nullable(Type.Number()),
  symptoms: Type.Array(Type.String()),
  viaProxy: Type.Boolean(),
});

export const ArrivalBody = Type.Object(
  {
    inbound: Type.Boolean(),
    fromPlace: Type.String({ minLength: 1, maxLength: 100 }),
    fromRiskLevel: RiskLevel,
    expectedArrival: DateString,
  },
  { additionalProperties: false },
);

export const ArrivalView = Type.Object({
  id: Uuid,
  inbound: Type.Boolean(),
  fromPlace: Type.String(),
  fromRiskLevel: RiskLevel,
  expectedArrival: DateString,
  arrivedOn: Nullable(DateString),
  atDestination: Type.Boolean(),
  reportedAt: Type.String(),
  late: Type.Boolean(),
});

export const DependantBody = Type.Object(
  {
    idType: IdTypeSchema,
    idNumber: Type.String({ minLength: 5, maxLength: 40 }),
    name: Type.String({ minLength: 1, maxLength: 60 }),
    relation: Relation,
    phone: Type.Optional(Type.String({ minLength: 7, maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const DependantView = Type.Object({
  linkId: Uuid,
  personId: Uuid,
  name: Type.String(),
  idMasked: Type.String(),
  relation: Relation,
  verifiedBy: Type.String(),
  /** `pending` until an adult consents (issue 12 defect 5); only an active proxy sees the person. */
  status: ProxyStatus,
});

export const AddedDependantView = Type.Intersect([
  DependantView,
  Type.Object({ consentCodeSent: Type.Boolean({ description: 'A consent code went to the adult’s registry phone' }) }),
]);

/** A proxy as the dependant sees it: who (masked), the relation they gave, and whether it waits for consent. */
export const ProxyView = Type.Object({
  linkId: Uuid,
  proxyName: Type.String(),
  relation: Relation,
  status: ProxyStatus,
  since: Type.String(),
});

export const AppealBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 1000 }) }, { additionalProperties: false });

export const AppealView = Type.Object({
  id: Uuid,
  colourAppealed: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  viaProxy: Type.Boolean(),
  filedAt: Type.String(),
  deadlineAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
});

export const PersonParams = Type.Object({ personId: Uuid }, { additionalProperties: false });
export const ArrivalParams = Type.Object({ personId: Uuid, id: Uuid }, { additionalProperties: false });
