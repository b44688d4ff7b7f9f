import { KEY_PERSON_CATEGORIES, SIGNATORY_ROLES } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Nullable, Uuid } from '../../http/schemas.ts';

export const CalendarDateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
export const Category = Type.Union(KEY_PERSON_CATEGORIES.map((c) => Type.Literal(c)));
export const SignatoryRole = Type.Union(SIGNATORY_ROLES.map((r) => Type.Literal(r)));
export const TestResult = Type.Union([
  Type.Literal('pending'),
  Type.Literal('negative'),
  Type.Literal('positive'),
  Type.Literal('indeterminate'),
]);

export const EpisodeSummary = Type.Object({
  id: Uuid,
  personId: Uuid,
  category: Type.String(),
  editionId: Type.String(),
  profileId: Nullable(Type.String()),
  status: Type.String(),
  managementType: Type.String(),
  startDate: Type.String(),
  plannedReleaseDate: Nullable(Type.String()),
  plannedEndDate: Nullable(Type.String()),
  siteId: Nullable(Uuid),
  roomId: Nullable(Uuid),
  assignedCadreId: Nullable(Uuid),
  assignedMedicId: Nullable(Uuid),
  symptomsReported: Type.Boolean(),
  releasedAt: Nullable(Type.String()),
  jurisdictionId: Uuid,
});

export const NewEpisodeBody = Type.Object(
  {
    personId: Uuid,
    category: Category,
    startDate: CalendarDateString,
    editionId: Type.Optional(Type.String({ maxLength: 40 })),
    siteId: Type.Optional(Uuid),
    roomId: Type.Optional(Uuid),
    homeSeal: Type.Optional(Type.String({ maxLength: 100 })),
    assignedCadreId: Type.Optional(Uuid),
    assignedMedicId: Type.Optional(Uuid),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const WorkItem = Type.Object({
  episodeId: Uuid,
  personId: Uuid,
  personName: Type.String(),
  idMasked: Type.String(),
  category: Type.String(),
  managementType: Type.String(),
  itemId: Nullable(Uuid),
  testKind: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  siteId: Nullable(Uuid),
});

export const Reason = Type.Object({
  rule: Type.String(),
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});

export const ReleaseState = Type.Object({
  decision: Type.String(),
  missing: Type.Array(Type.String()),
  because: Type.Array(Reason),
  releasedAt: Nullable(Type.String()),
  signatures: Type.Array(Type.Object({ role: Type.String(), userId: Uuid, signedAt: Type.String() })),
});
