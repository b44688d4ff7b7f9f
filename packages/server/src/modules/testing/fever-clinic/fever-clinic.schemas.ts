import { FEVER_CLINIC_DISPOSITIONS, FEVER_CLINIC_ITEMS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../../http/schemas.ts';
import { Barcode, DateTime, Reason } from '../testing.schemas.ts';

export const ItemSchema = Type.Union(FEVER_CLINIC_ITEMS.map((i) => Type.Literal(i)));
export const DispositionSchema = Type.Union(FEVER_CLINIC_DISPOSITIONS.map((d) => Type.Literal(d)));
const ItemResult = Type.Union(
  ['negative', 'positive', 'indeterminate', 'normal', 'abnormal'].map((r) => Type.Literal(r)),
  { description: 'Nucleic acid and antibody: negative | positive | indeterminate; CT and blood count: normal | abnormal' },
);

export const VisitBody = Type.Object(
  {
    personId: Uuid,
    placeId: Uuid,
    barcode: Barcode,
    temperatureCelsius: Type.Optional(Type.Number({ minimum: 34, maximum: 43 })),
    arrivedAt: Type.Optional(DateTime),
    labName: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const ResultBody = Type.Object({ result: ItemResult }, { additionalProperties: false });
export const CloseBody = Type.Object({ disposition: DispositionSchema }, { additionalProperties: false });
export const ItemParams = Type.Object({ id: Uuid, item: ItemSchema }, { additionalProperties: false });

export const VisitItem = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  idMasked: Nullable(Type.String()),
  placeId: Uuid,
  placeName: Type.String(),
  jurisdictionName: Type.String(),
  arrivedAt: Type.String(),
  temperatureCelsius: Nullable(Type.Number()),
  editionId: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  disposition: Nullable(Type.String()),
  episodeId: Nullable(Uuid),
  closedAt: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
  registeredByName: Nullable(Type.String()),
  resulted: Type.Integer(),
  ordered: Type.Integer(),
});

export const VisitDetail = Type.Composite([
  VisitItem,
  Type.Object({
    orders: Type.Array(
      Type.Object({
        id: Uuid,
        item: Type.String(),
        barcode: Nullable(Type.String()),
        result: Nullable(Type.String()),
        resultSource: Nullable(Type.Union([Type.Literal('lab'), Type.Literal('clinic')])),
        recordedAt: Nullable(Type.String()),
        recordedByName: Nullable(Type.String()),
      }),
    ),
    outcomes: Type.Object({
      missing: Type.Array(Type.String()),
      allowed: Type.Array(Type.String()),
      because: Type.Array(Reason),
    }),
  }),
]);
