import { MANDATORY_TESTING_GROUPS, PAYERS, POOL_FOLLOW_UP_STATES, ZONE_TYPES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../http/schemas.ts';
import { ImportProgressSchema, RowErrorSchema } from '../../imports/import-http.ts';

export const tags = ['testing'];
export const ZoneTypeSchema = Type.Union(ZONE_TYPES.map((z) => Type.Literal(z)));
export const GroupSchema = Type.Union(MANDATORY_TESTING_GROUPS.map((g) => Type.Literal(g)));
export const PayerSchema = Type.Union(PAYERS.map((p) => Type.Literal(p)));
export const Barcode = Type.String({ minLength: 1, maxLength: 64, description: 'Tube barcode: 6–32 letters, digits or dashes' });
export const DateTime = Type.String({ format: 'date-time' });
export const Loose = Type.Record(Type.String(), Type.Unknown());
export const ResultValue = Nullable(Type.Union([Type.Literal('negative'), Type.Literal('positive'), Type.Literal('indeterminate')]));
export const GroupParams = Type.Object({ group: GroupSchema }, { additionalProperties: false });

export const Reason = Type.Object({
  rule: Type.String(),
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});

export const Campaign = Type.Object({
  id: Uuid,
  name: Type.String(),
  editionId: Type.String(),
  status: Type.String(),
  startsAt: Type.String(),
  endsAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  defaultPoolSize: Type.Integer(),
  jurisdictionId: Uuid,
});

export const ZoneBody = Type.Object(
  {
    jurisdictionId: Uuid,
    zoneType: ZoneTypeSchema,
    poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    household: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const Zone = Type.Object({ jurisdictionId: Uuid, zoneType: Type.String(), poolSize: Type.Integer(), household: Type.Boolean() });

export const Point = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Nullable(Type.String()),
  opensAt: Type.String(),
  closesAt: Type.String(),
  staff: Type.Integer(),
  expectedResidents: Type.Integer(),
  labName: Nullable(Type.String()),
  jurisdictionId: Uuid,
});

export const Community = Type.Object({
  jurisdictionId: Nullable(Uuid),
  code: Nullable(Type.String()),
  name: Type.String(),
  expected: Type.Integer(),
  sampled: Type.Integer(),
});

export const Positive = Type.Object({
  tubeId: Uuid,
  barcode: Type.String(),
  campaignId: Nullable(Uuid),
  result: Type.String(),
  members: Type.Integer(),
  resultAt: Nullable(Type.String()),
  retests: Type.Integer(),
  retestsNegative: Type.Integer(),
  retestsPositive: Type.Integer(),
  openTasks: Type.Integer(),
  state: Type.Union(POOL_FOLLOW_UP_STATES.map((s) => Type.Literal(s))),
});

/** Tubes open, in transit and resulted; results pending by lab against the turnaround limit; positives and their follow-up. */
export const FollowUpBoard = Type.Object({
  tubes: Type.Object({
    open: Type.Integer(),
    inTransit: Type.Integer(),
    resulted: Type.Integer(),
    oldestInTransitSince: Nullable(Type.String()),
  }),
  pendingByLab: Type.Array(
    Type.Object({
      labName: Nullable(Type.String()),
      setting: Type.String(),
      limitHours: Nullable(Type.Number({ description: "The limit of the tubes' protocol edition for the setting" })),
      tubes: Type.Integer(),
      overLimit: Type.Integer({ description: 'Tubes sampled longer ago than the limit, still without a result' }),
      oldestClosedAt: Nullable(Type.String()),
    }),
  ),
  positives: Type.Array(Positive),
});

/** A row's problem in an import (row, column, field, code, message). */
export const RowError = RowErrorSchema;

export const FollowUpCounts = Type.Object({
  controlTasks: Type.Integer(),
  caseCandidates: Type.Integer(),
  alerts: Type.Integer(),
  closedTasks: Type.Integer(),
  keyPersons: Type.Integer(),
});

export const LabImportProgress = Type.Composite([ImportProgressSchema, Type.Object({ followUp: FollowUpCounts })]);

export const PersonResult = Type.Object({
  sampleId: Uuid,
  sampledAt: Type.String(),
  purpose: Type.String(),
  payer: Type.String(),
  campaignName: Nullable(Type.String()),
  barcode: Type.String(),
  pooled: Type.Boolean(),
  poolSize: Type.Integer(),
  result: ResultValue,
  resultAt: Nullable(Type.String()),
  labName: Nullable(Type.String()),
});
