import {
  CONTROL_UNIT_KINDS,
  CONTROL_ZONE_TYPES,
  GRADING_LEVELS,
  LIFTING_ITEMS,
  RISK_LEVELS,
  ZONE_KINDS,
  ZONE_OUTBREAK_TYPES,
} from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';

export const tags = ['zones'];
export const RiskLevelSchema = literals(RISK_LEVELS);
export const ZoneTypeSchema = literals(CONTROL_ZONE_TYPES);
export const ZoneKindSchema = literals(ZONE_KINDS);
export const OutbreakTypeSchema = literals(ZONE_OUTBREAK_TYPES);
export const UnitKindSchema = literals(CONTROL_UNIT_KINDS);
const Facts = Type.Record(Type.String(), Type.Unknown());

export const Reason = Type.Object({
  rule: Type.String(),
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
  facts: Type.Optional(Facts),
});

/** A clause without a rule name (the unit's and the authority's basis). */
const Basis = Type.Object({
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});

export const RiskArea = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  jurisdictionName: Nullable(Type.String()),
  jurisdictionCode: Nullable(Type.String()),
  editionId: Type.String(),
  asOf: Type.String(),
  computedLevel: Type.String(),
  level: Type.String(),
  status: Type.String(),
  reasons: Type.Array(Reason),
  proposedAt: Type.String(),
  confirmedAt: Nullable(Type.String()),
  confirmNote: Nullable(Type.String()),
  issuingAuthority: Nullable(Type.String()),
  publicationRef: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  effectiveFrom: Nullable(Type.String()),
  effectiveTo: Nullable(Type.String()),
});

export const Assessment = Type.Object({
  editionId: Type.String(),
  asOf: Type.String(),
  unit: Type.Object({ level: literals(GRADING_LEVELS), basis: Basis }),
  authority: Type.Object({ assessor: Type.String(), publisher: Type.String(), basis: Basis }),
  items: Type.Array(
    Type.Object({
      jurisdictionId: Uuid,
      name: Type.String(),
      code: Type.String(),
      computed: Type.Object({ level: RiskLevelSchema, because: Type.Array(Reason) }),
      published: Nullable(RiskArea),
      pending: Nullable(RiskArea),
    }),
  ),
});

export const GradeQuery = {
  editionId: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  asOf: Type.Optional(CalendarDateString),
};

export const ControlUnit = Type.Object({ kind: UnitKindSchema, id: Uuid, name: Type.String(), path: Type.String() });

export const Zone = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  zoneType: Type.String(),
  outbreakType: Nullable(Type.String()),
  editionId: Type.String(),
  basisKind: Type.String(),
  basisRef: Type.String(),
  basisNote: Type.String(),
  caseId: Nullable(Uuid),
  units: Type.Array(ControlUnit),
  startAt: Type.String(),
  status: Type.String(),
  liftedAt: Nullable(Type.String()),
  liftOverride: Type.Boolean(),
  overrideReason: Nullable(Type.String()),
  jurisdictionId: Uuid,
});

export const Checklist = Type.Object({
  holds: Type.Boolean(),
  screeningFrom: Type.String(),
  quietUntil: Type.String(),
  items: Type.Array(Type.Object({ item: literals(LIFTING_ITEMS), holds: Type.Boolean(), because: Type.Array(Reason), facts: Facts })),
});

export const Effects = Type.Object({
  zoneType: Type.String(),
  pool: Type.Object({
    decision: Type.String(),
    size: Type.Integer(),
    household: Type.Boolean(),
    allowed: Type.Array(Type.Integer()),
    because: Type.Array(Reason),
  }),
  codeColour: Type.Object({ colour: Nullable(Type.String()), because: Type.Array(Reason) }),
  pass: Type.Object({ goesOut: Type.Boolean(), because: Type.Array(Reason) }),
});

/** SC-24 (LVL-IV-08): residents with searched symptoms within the window before the zone was drawn, names masked. */
export const ActiveSearch = Type.Object({
  withinDays: Type.Integer(),
  items: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), reportedOn: Type.String(), symptoms: Type.Array(Type.String()) })),
  because: Type.Array(Reason),
});

export const ZoneDetail = Type.Composite([
  Zone,
  Type.Object({ residents: Type.Integer(), checklist: Checklist, effects: Nullable(Effects), activeSearch: ActiveSearch }),
]);

export const NewZoneBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    kind: ZoneKindSchema,
    zoneType: ZoneTypeSchema,
    outbreakType: Type.Optional(OutbreakTypeSchema),
    basisKind: literals(['case', 'cluster', 'decision'] as const),
    basisRef: Type.String({ minLength: 2, maxLength: 200 }),
    basisNote: Type.String({ minLength: 2, maxLength: 500 }),
    caseId: Type.Optional(Uuid),
    units: Type.Array(Type.Object({ kind: UnitKindSchema, id: Uuid }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
    startAt: Type.Optional(Instant),
  },
  { additionalProperties: false },
);

export const Suggestion = Type.Object({
  kind: Type.String(),
  zoneType: Type.String(),
  unit: Nullable(Type.Object({ kind: UnitKindSchema, id: Uuid })),
  unitName: Nullable(Type.String()),
  unitLevel: Type.String(),
  mayUpgradeTo: Nullable(Type.String()),
  because: Type.Array(Reason),
  editionId: Type.String(),
});

export const ZoneMap = Type.Object({
  root: Type.Object({ id: Uuid, name: Type.String(), code: Type.String(), level: Type.String() }),
  nodes: Type.Array(
    Type.Object({
      id: Uuid,
      parentId: Nullable(Uuid),
      name: Type.String(),
      code: Type.String(),
      level: Type.String(),
      path: Type.String(),
      riskLevel: Nullable(Type.String()),
    }),
  ),
  zones: Type.Array(Zone),
  markers: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      kind: Type.String(),
      lat: Type.Number(),
      lng: Type.Number(),
      zoneType: Nullable(Type.String()),
    }),
  ),
});
