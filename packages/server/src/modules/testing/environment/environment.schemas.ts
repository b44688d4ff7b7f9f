import { ENVIRONMENT_SPECIMEN_KINDS, SAMPLED_PLACE_KINDS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../../http/schemas.ts';
import { Loose, Reason, ResultValue } from '../testing.schemas.ts';

export const SpecimenKind = Type.Union(ENVIRONMENT_SPECIMEN_KINDS.map((k) => Type.Literal(k)));
export const SampledPlaceKind = Type.Union(SAMPLED_PLACE_KINDS.map((k) => Type.Literal(k)));
const Text = (maxLength: number) => Type.String({ maxLength });
const Risk = Type.Union([Type.Literal('atRisk'), Type.Literal('cleared'), Type.Literal('none')]);
export const SamplingState = Type.Union([Type.Literal('covered'), Type.Literal('due'), Type.Literal('overdue')]);

export const SampleBody = Type.Object(
  {
    placeId: Uuid,
    barcode: Type.String({ minLength: 1, maxLength: 64, description: 'Tube barcode: 6–32 letters, digits or dashes' }),
    specimenKind: SpecimenKind,
    goodsDescription: Type.Optional(Text(200)),
    coldChain: Type.Optional(Type.Boolean()),
    imported: Type.Optional(Type.Boolean()),
    originCountry: Type.Optional(Text(60)),
    batchNumber: Type.Optional(Text(64)),
    sampledAt: Type.Optional(Type.String({ format: 'date-time' })),
    labName: Type.Optional(Text(100)),
    note: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);

export const Registered = Type.Object({
  id: Uuid,
  tubeId: Uuid,
  barcode: Type.String(),
  editionId: Type.String(),
  placeId: Uuid,
  placeName: Type.String(),
  specimenKind: Type.String(),
  goodsDescription: Nullable(Type.String()),
  coldChain: Type.Boolean(),
  imported: Type.Boolean(),
  originCountry: Nullable(Type.String()),
  batchNumber: Nullable(Type.String()),
  sampledAt: Type.String(),
});

export const SampleItem = Type.Object({
  id: Uuid,
  tubeId: Uuid,
  barcode: Type.String(),
  labName: Nullable(Type.String()),
  placeId: Uuid,
  placeName: Type.String(),
  placeKind: Type.String(),
  jurisdictionName: Type.String(),
  specimenKind: Type.String(),
  goodsDescription: Nullable(Type.String()),
  coldChain: Type.Boolean(),
  imported: Type.Boolean(),
  originCountry: Nullable(Type.String()),
  batchNumber: Nullable(Type.String()),
  note: Nullable(Type.String()),
  sampledAt: Type.String(),
  sampledByName: Nullable(Type.String()),
  result: ResultValue,
  resultAt: Nullable(Type.String()),
  openTasks: Type.Integer(),
});

export const SampleDetail = Type.Composite([
  SampleItem,
  Type.Object({
    editionId: Type.String(),
    followUp: Type.Object({ decision: Type.Array(Type.String()), because: Type.Array(Reason) }),
    placeRisk: Nullable(Type.Object({ decision: Risk, since: Nullable(Type.String()), because: Type.Array(Reason) })),
    tasks: Type.Array(
      Type.Object({
        id: Uuid,
        kind: Type.String(),
        status: Type.String(),
        createdAt: Type.String(),
        closedAt: Nullable(Type.String()),
        /** Open and inside the caller's sampling scope. */
        closable: Type.Boolean(),
        details: Loose,
      }),
    ),
    alerts: Type.Array(
      Type.Object({ id: Uuid, kind: Type.String(), status: Type.String(), audience: Type.String(), createdAt: Type.String() }),
    ),
  }),
]);

const PlaceStatus = {
  placeId: Uuid,
  placeName: Type.String(),
  placeKind: Type.String(),
  placeCode: Type.String(),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  samples: Type.Integer(),
  lastSampledAt: Nullable(Type.String()),
  risk: Risk,
  riskSince: Nullable(Type.String()),
  lastNegativeAt: Nullable(Type.String()),
  because: Type.Array(Reason),
};

export const DueReply = Type.Object({
  editionId: Type.String(),
  date: Type.String(),
  plans: Type.Array(Type.Object({ placeKind: Type.String(), everyDays: Type.Integer(), basis: Type.Omit(Reason, ['rule']) })),
  counts: Type.Object({ covered: Type.Integer(), due: Type.Integer(), overdue: Type.Integer() }),
  total: Type.Integer(),
  items: Type.Array(Type.Object({ ...PlaceStatus, everyDays: Type.Integer(), state: SamplingState, dueDate: Type.String() })),
});

export const RisksReply = Type.Object({ items: Type.Array(Type.Object(PlaceStatus)) });

export const BatchReply = Type.Object({
  batchNumber: Type.String(),
  places: Type.Array(Type.Object({ ...PlaceStatus, batchSamples: Type.Integer(), batchPositives: Type.Integer() })),
});
