import {
  ABSENCE_REASONS,
  DUTY_FREQUENCIES,
  EVENT_KINDS,
  EVENT_PERMIT_STATES,
  ID_TYPES,
  INCIDENT_FINDINGS,
  INSTITUTION_KINDS,
  SCHOOL_CHECK_SESSIONS,
  SENTINEL_DRUG_CLASSES,
  TASK_STATES,
} from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';

export const CalendarDay = Type.String({ format: 'date' });
export const KindSchema = literals(INSTITUTION_KINDS);
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const ProfileSchema = objectOf({
  students: Type.Optional(Count),
  classes: Type.Optional(Count),
  staff: Type.Optional(Count),
  healthWorkers: Type.Optional(Count),
  employees: Type.Optional(Count),
  resumptionPlan: Type.Optional(Type.Boolean()),
  isolationArea: Type.Optional(Type.Boolean()),
  feverClinic: Type.Optional(Type.Boolean()),
  sentinel: Type.Optional(Type.Boolean()),
  residents: Type.Optional(Count),
  specialType: Type.Optional(Type.String({ maxLength: 40 })),
  nearCommunity: Type.Optional(Type.Boolean()),
  livePoultry: Type.Optional(Type.Boolean()),
  coldChain: Type.Optional(Type.Boolean()),
  venueType: Type.Optional(Type.String({ maxLength: 40 })),
  transportType: Type.Optional(Type.String({ maxLength: 40 })),
  preventionTeams: Type.Optional(Count),
  preventionInstructors: Type.Optional(Count),
});

const ClauseSchema = Type.Object({
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});

export const InstitutionSchema = Type.Object({
  id: Uuid,
  kind: KindSchema,
  name: Type.String(),
  code: Type.String(),
  jurisdictionId: Uuid,
  jurisdictionName: Nullable(Type.String()),
  profile: ProfileSchema,
  responsibleName: Nullable(Type.String()),
  responsiblePhone: Nullable(Type.String()),
  reporterUserId: Nullable(Uuid),
  findings: Type.Array(
    Type.Object({
      code: Type.String(),
      requirement: Type.String(),
      params: Type.Record(Type.String(), Type.Number()),
      clause: ClauseSchema,
    }),
  ),
});

export const NewInstitutionBody = objectOf({
  kind: KindSchema,
  name: Type.String({ minLength: 1, maxLength: 120 }),
  code: Type.String({ minLength: 1, maxLength: 60 }),
  jurisdictionId: Uuid,
  placeId: Type.Optional(Uuid),
  profile: ProfileSchema,
  responsibleName: Type.Optional(Type.String({ maxLength: 40 })),
  responsiblePhone: Type.Optional(Type.String({ maxLength: 20 })),
  reporterUserId: Type.Optional(Uuid),
});

export const InstitutionDaySchema = Type.Intersect([
  InstitutionSchema,
  Type.Object({
    day: Type.String(),
    levelInForce: Nullable(Type.String()),
    schoolChecks: Type.Object({ required: Type.Array(Type.String()), optional: Type.Array(Type.String()), clause: ClauseSchema }),
    duties: Type.Array(
      Type.Object({
        id: Type.String(),
        zh: Type.String(),
        en: Type.String(),
        frequency: literals(DUTY_FREQUENCIES),
        requirement: Type.String(),
        clause: ClauseSchema,
        state: literals(['done', 'due', 'missed', 'event'] as const),
        note: Nullable(Type.String()),
      }),
    ),
    healthChecks: Type.Array(
      Type.Object({ session: Type.String(), present: Type.Integer(), absent: Type.Integer(), feverish: Type.Integer() }),
    ),
    absences: Type.Array(
      Type.Object({
        id: Uuid,
        day: Type.String(),
        name: Type.String(),
        className: Nullable(Type.String()),
        reason: Type.String(),
        temperature: Nullable(Type.Number()),
        traceBy: Type.String(),
        natTaskId: Nullable(Uuid),
      }),
    ),
    incidents: Type.Array(
      Type.Object({
        id: Uuid,
        finding: Type.String(),
        foundAt: Type.String(),
        note: Nullable(Type.String()),
        steps: Type.Array(Type.Object({ stepId: Type.String(), dueAt: Type.String(), taskId: Uuid })),
      }),
    ),
  }),
]);

export const DutyRecordBody = objectOf({
  dutyId: Type.String({ minLength: 1, maxLength: 60 }),
  day: Type.Optional(CalendarDay),
  done: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const HealthCheckBody = objectOf({
  session: literals(SCHOOL_CHECK_SESSIONS),
  day: Type.Optional(CalendarDay),
  present: Count,
  absent: Count,
  feverish: Count,
});

export const AbsenceBody = objectOf({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  className: Type.Optional(Type.String({ maxLength: 40 })),
  reason: literals(ABSENCE_REASONS),
  temperature: Type.Optional(Type.Number({ minimum: 30, maximum: 45 })),
  day: Type.Optional(CalendarDay),
});

export const VisitCountBody = objectOf({ day: Type.Optional(CalendarDay), feverClinicVisits: Count, primaryCareVisits: Count });

export const SaleBody = objectOf({
  buyerName: Type.String({ minLength: 1, maxLength: 40 }),
  buyerIdNumber: Type.String({ minLength: 1, maxLength: 40 }),
  buyerPhone: Type.String({ minLength: 1, maxLength: 20 }),
  drugName: Type.String({ minLength: 1, maxLength: 80 }),
  drugClass: literals(SENTINEL_DRUG_CLASSES),
  quantity: Type.Integer({ minimum: 1, maximum: 1000 }),
  soldAt: Type.Optional(Instant),
});

export const SaleSchema = Type.Object({
  id: Uuid,
  institutionId: Uuid,
  pharmacyName: Type.String(),
  soldAt: Type.String(),
  buyerName: Type.String(),
  buyerIdNumber: Type.String(),
  buyerPhone: Type.String(),
  drugName: Type.String(),
  drugClass: Type.String(),
  quantity: Type.Integer(),
  followUpTaskId: Nullable(Uuid),
  followUpDueAt: Type.String(),
});

export const IncidentBody = objectOf({
  finding: literals(INCIDENT_FINDINGS),
  foundAt: Type.Optional(Instant),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const InstitutionTaskSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Nullable(Type.String()),
  sourceKind: Type.String(),
  sourceId: Nullable(Uuid),
  state: literals(TASK_STATES),
  late: Type.Boolean(),
  dueAt: Nullable(Type.String()),
  jurisdictionName: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
});

export const SentinelSchema = Type.Object({ series: Type.String(), day: Type.String(), count: Type.Integer() });

/** PUB-005: a meeting, exam or gathering filed for approval. */
export const EventBody = objectOf({
  kind: literals(EVENT_KINDS),
  title: Type.String({ minLength: 1, maxLength: 120 }),
  organizer: Type.String({ minLength: 1, maxLength: 120 }),
  jurisdictionId: Uuid,
  institutionId: Type.Optional(Uuid),
  eventDate: CalendarDay,
  attendees: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  plan: Type.String({ minLength: 1, maxLength: 4000 }),
  urgent: Type.Optional(Type.Boolean()),
});

export const EventSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  organizer: Type.String(),
  institutionId: Nullable(Uuid),
  eventDate: Type.String(),
  attendees: Type.Integer(),
  plan: Type.String(),
  urgent: Type.Boolean(),
  status: literals(EVENT_PERMIT_STATES),
  advice: Type.Object({
    approvable: Type.Boolean(),
    because: Type.Object({ rule: Type.String(), grade: Nullable(Type.String()), clause: ClauseSchema }),
  }),
  decisionNote: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  jurisdictionId: Uuid,
});

/** PUB-007: a hotel guest. */
export const GuestBody = objectOf({
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idType: literals(ID_TYPES),
  idNumber: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  fromPlace: Type.String({ minLength: 1, maxLength: 80 }),
  fromJurisdictionId: Type.Optional(Uuid),
  checkInOn: Type.Optional(CalendarDay),
});

export const GuestSchema = Type.Object({
  id: Uuid,
  institutionId: Uuid,
  hotelName: Type.String(),
  checkInOn: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  phone: Nullable(Type.String()),
  fromPlace: Type.String(),
  fromGrade: Nullable(Type.String()),
  keyArea: Type.Boolean(),
  reportTaskId: Nullable(Uuid),
});
