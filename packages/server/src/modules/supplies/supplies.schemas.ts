import {
  DISINFECTION_PLACE_KINDS,
  EXERCISE_KINDS,
  PREPARATION_KINDS,
  PREPARATION_STATUSES,
  STOCK_HOLDER_KINDS,
  STOCK_MOVEMENT_KINDS,
  SUPPLY_ITEMS,
} from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';

export const supplyTags = ['supplies'];
export const preparednessTags = ['preparedness'];

export const JurisdictionQuery = objectOf({ jurisdictionId: Type.Optional(Uuid) });
const Count = Type.Integer({ minimum: 0, maximum: 10_000_000 });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Values = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));

const Flag = Nullable(
  Type.Object({ level: Type.String(), rule: Type.String(), requirement: Type.String(), values: Values, clause: Type.String() }),
);

export const StockView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  holderKind: Type.String(),
  holderName: Type.String(),
  item: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  dailyUse: Nullable(Type.Integer()),
  expiresOn: Nullable(Type.String()),
  daysOfCover: Nullable(Type.Integer()),
  low: Flag,
  expiry: Flag,
});

export const NewStockBody = objectOf({
  jurisdictionId: Uuid,
  holderKind: literals(STOCK_HOLDER_KINDS),
  holderName: Name,
  item: literals(SUPPLY_ITEMS),
  unit: Type.String({ minLength: 1, maxLength: 10 }),
  quantity: Count,
  dailyUse: Type.Optional(Count),
  expiresOn: Type.Optional(CalendarDateString),
});

export const MovementBody = objectOf({
  kind: literals(STOCK_MOVEMENT_KINDS),
  quantity: Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 }),
  reason: Type.Optional(Type.String({ maxLength: 200 })),
  donor: Type.Optional(Type.String({ maxLength: 100 })),
  toStockItemId: Type.Optional(Uuid),
  expiresOn: Type.Optional(CalendarDateString),
  dailyUse: Type.Optional(Count),
});

export const MovementReply = Type.Object({ movementId: Uuid, stock: StockView });

export const MovementView = Type.Object({
  id: Uuid,
  kind: Type.String(),
  delta: Type.Integer(),
  balanceAfter: Type.Integer(),
  donor: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  movedAt: Type.String(),
});

const Finding = Type.Object({
  level: Type.String(),
  rule: Type.String(),
  requirement: Type.String(),
  holder: Nullable(Type.String()),
  item: Nullable(Type.String()),
  values: Values,
  clause: Type.String(),
  says: Type.String(),
});
const Verdict = {
  jurisdictionId: Uuid,
  name: Type.String(),
  level: Type.String(),
  colour: literals(['green', 'amber', 'red'] as const),
  findings: Type.Array(Finding),
};
export const ReadinessReply = Type.Object({ ...Verdict, children: Type.Array(Type.Object(Verdict)) });

export const ScheduleView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  placeKind: Type.String(),
  placeName: Type.String(),
  times: Type.Integer(),
  per: Type.String(),
  startsOn: Type.String(),
  state: Type.String(),
  required: Type.Integer(),
  doneThisPeriod: Type.Integer(),
  periodStart: Type.String(),
  previousShortfall: Type.Integer(),
});

export const NewScheduleBody = objectOf({
  jurisdictionId: Uuid,
  placeKind: literals(DISINFECTION_PLACE_KINDS),
  placeName: Name,
  times: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
  startsOn: Type.Optional(CalendarDateString),
});

export const DisinfectionRecordBody = objectOf({ doneAt: Type.Optional(Instant), note: Type.Optional(Type.String({ maxLength: 200 })) });

const PreparationView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  kind: Type.String(),
  name: Type.String(),
  capacity: Nullable(Type.Integer()),
  /** The floor a designated hospital, isolation ward or observation beds keep (RES-015), else null. */
  keptCapacity: Nullable(Type.Integer()),
  checklistNo: Nullable(Type.Integer()),
  status: Type.String(),
  note: Nullable(Type.String()),
});

export { PreparationView };

export const PreparationsReply = Type.Object({
  items: Type.Array(PreparationView),
  checklist: Type.Array(Type.Object({ no: Type.Integer(), zh: Type.String(), en: Type.String(), ready: Type.Boolean() })),
  clause: Type.String(),
});

export const NewPreparationBody = objectOf({
  jurisdictionId: Uuid,
  kind: literals(PREPARATION_KINDS),
  name: Name,
  capacity: Type.Optional(Count),
  checklistNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  status: literals(PREPARATION_STATUSES),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const PreparationPatchBody = objectOf({
  status: Type.Optional(literals(PREPARATION_STATUSES)),
  capacity: Type.Optional(Count),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const PlanView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  title: Type.String(),
  documentNumber: Nullable(Type.String()),
  level: Type.String(),
  issuedBy: Type.String(),
  issuedOn: Type.String(),
  reviewDueOn: Type.String(),
  reviewState: Type.String(),
});

export const NewPlanBody = objectOf({
  jurisdictionId: Uuid,
  title: Type.String({ minLength: 2, maxLength: 200 }),
  documentNumber: Type.Optional(Type.String({ maxLength: 60 })),
  level: literals(['I', 'II', 'III', 'IV', 'general'] as const),
  issuedBy: Name,
  issuedOn: CalendarDateString,
  reviewDueOn: CalendarDateString,
});

export const ExerciseView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  kind: Type.String(),
  title: Type.String(),
  heldOn: Type.String(),
  planId: Nullable(Uuid),
  expected: Type.Integer(),
  attended: Type.Integer(),
  findings: Type.String(),
  followUp: Nullable(Type.String()),
});

export const NewExerciseBody = objectOf({
  jurisdictionId: Uuid,
  kind: literals(EXERCISE_KINDS),
  title: Type.String({ minLength: 2, maxLength: 200 }),
  heldOn: CalendarDateString,
  planId: Type.Optional(Uuid),
  expected: Count,
  attended: Count,
  findings: Type.String({ minLength: 1, maxLength: 2000 }),
  followUp: Type.Optional(Type.String({ maxLength: 2000 })),
});
