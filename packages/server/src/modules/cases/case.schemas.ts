import { CASE_CLASSIFICATIONS, CLINICAL_FEATURES, CLINICAL_TYPES, EPIDEMIOLOGICAL_LINKS, LAB_EVIDENCE, SPOT_ACTIONS } from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';
import { CASE_ENDINGS, CASE_SOURCES } from './case.service.ts';
import { AGENCIES, TRAJECTORY_SOURCES } from './investigation.service.ts';

export const Classification = literals(CASE_CLASSIFICATIONS);
export const OpenClassification = literals(CASE_CLASSIFICATIONS.filter((c) => c !== 'excluded'));
export const ClinicalTypeSchema = literals(CLINICAL_TYPES);
export const CaseSource = literals(CASE_SOURCES);
export const CaseEnding = literals(CASE_ENDINGS);
export const TrajectorySource = literals(TRAJECTORY_SOURCES);
export const Agency = literals(AGENCIES);
export const SpotActionSchema = literals(SPOT_ACTIONS);

export const Findings = Type.Object(
  {
    links: Type.Array(literals(EPIDEMIOLOGICAL_LINKS), { maxItems: 10 }),
    features: Type.Array(literals(CLINICAL_FEATURES), { maxItems: 10 }),
    evidence: Type.Array(literals(LAB_EVIDENCE), { maxItems: 10 }),
    clinicalType: Type.Optional(ClinicalTypeSchema),
  },
  { additionalProperties: false },
);

const Reason = Type.Object({
  rule: Type.String(),
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});
export const Suggestion = Type.Object({
  editionId: Type.String(),
  classification: Type.Optional(Classification),
  clinicalType: Type.Optional(Nullable(ClinicalTypeSchema)),
  because: Type.Array(Reason),
});

export const Clock = Type.Object({
  clock: Type.String(),
  dueAt: Type.String(),
  doneAt: Nullable(Type.String()),
  state: Type.String(),
  minutesLeft: Nullable(Type.Integer()),
});

const summary = {
  id: Uuid,
  caseNumber: Type.String(),
  classification: Type.String(),
  clinicalType: Nullable(Type.String()),
  onsetDate: Nullable(Type.String()),
  discoveredAt: Type.String(),
  reportedAt: Nullable(Type.String()),
  source: Type.String(),
  status: Type.String(),
  episodeId: Nullable(Uuid),
  editionId: Type.String(),
  jurisdictionId: Uuid,
  clocks: Type.Array(Clock),
};

export const CaseItem = Type.Object({
  ...summary,
  name: Type.String(),
  idMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  jurisdictionName: Type.String(),
});

const Json = Type.Record(Type.String(), Type.Unknown());
const Answer = (maxLength: number) => Type.String({ maxLength });

/** The structured investigation form (core InvestigationForm); every answer optional while it is filled in. */
export const InvestigationFormSchema = Type.Object(
  {
    symptoms: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 })),
    noSymptoms: Type.Optional(Type.Boolean()),
    exposureHistory: Type.Optional(Answer(2000)),
    travelHistory: Type.Optional(Answer(2000)),
    occupation: Type.Optional(Answer(60)),
    workplace: Type.Optional(Answer(200)),
    vaccinationDoses: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    lastVaccinationDate: Type.Optional(CalendarDateString),
    householdSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    sourceHypothesis: Type.Optional(Answer(1000)),
  },
  { additionalProperties: false },
);

export const CaseDetail = Type.Object({
  ...summary,
  reportingUnit: Nullable(Type.String()),
  reportingDoctor: Nullable(Type.String()),
  reportDueAt: Type.String(),
  investigationDueAt: Type.String(),
  sealingDueAt: Type.String(),
  dischargedAt: Nullable(Type.String()),
  releasedAt: Nullable(Type.String()),
  diedAt: Nullable(Type.String()),
  remarks: Nullable(Type.String()),
  person: Type.Object({
    id: Uuid,
    name: Type.String(),
    idMasked: Type.String(),
    phoneMasked: Nullable(Type.String()),
    addressMasked: Nullable(Type.String()),
    jurisdictionName: Type.String(),
  }),
  history: Type.Array(
    Type.Object({
      from: Nullable(Type.String()),
      to: Type.String(),
      fromClinicalType: Nullable(Type.String()),
      toClinicalType: Nullable(Type.String()),
      kind: Type.String(),
      reason: Nullable(Type.String()),
      because: Type.Array(Json),
      changedAt: Type.String(),
    }),
  ),
  investigation: Nullable(
    Type.Object({
      id: Uuid,
      state: Type.String(),
      assignees: Type.Array(Type.Object({ userId: Type.String(), agency: Type.String() })),
      leadUserId: Nullable(Uuid),
      form: Json,
      gaps: Type.Array(Reason, { description: 'what is missing before the investigation can be completed, with clauses' }),
      trajectoryPoints: Type.Integer(),
      completedAt: Nullable(Type.String()),
      sealedAt: Nullable(Type.String()),
      sealingNote: Nullable(Type.String()),
    }),
  ),
  routing: Nullable(
    Type.Object(
      { level: Nullable(Type.String()), patient: Type.String(), target: Type.String(), because: Type.Array(Reason) },
      { description: 'SC-18: where the case goes at the response level in force (seed 002 §九), with the clause' },
    ),
  ),
});

export const NewCaseBody = Type.Object(
  {
    personId: Uuid,
    classification: OpenClassification,
    clinicalType: Type.Optional(ClinicalTypeSchema),
    onsetDate: Type.Optional(CalendarDateString),
    discoveredAt: Type.Optional(Instant),
    source: CaseSource,
    sourceId: Type.Optional(Uuid),
    reportingUnit: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    reportingDoctor: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    remarks: Type.Optional(Type.String({ maxLength: 500 })),
    findings: Type.Optional(Findings),
  },
  { additionalProperties: false },
);

export const TrajectoryItem = Type.Object({
  id: Uuid,
  placeId: Nullable(Uuid),
  placeText: Nullable(Type.String()),
  fromAt: Type.String(),
  toAt: Type.String(),
  source: Type.String(),
  note: Nullable(Type.String()),
  placeName: Nullable(Type.String()),
  sealedAt: Nullable(Type.String()),
  disinfectedAt: Nullable(Type.String()),
  liftedAt: Nullable(Type.String()),
  spotNote: Nullable(Type.String()),
  spotClocks: Type.Array(Clock),
});

export const Board = Type.Object({
  counts: Type.Object({ late: Type.Integer(), dueSoon: Type.Integer(), onTime: Type.Integer(), done: Type.Integer() }),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      caseNumber: Type.String(),
      name: Type.String(),
      classification: Type.String(),
      leadUserId: Nullable(Uuid),
      leadName: Nullable(Type.String()),
      clocks: Type.Array(Clock),
    }),
  ),
});

export { Instant, Json, objectOf };
