import {
  COMMUNITY_MODES,
  COMMUNITY_REPORT_KINDS,
  COMMUNITY_REPORT_STATES,
  GATHERING_KINDS,
  ID_TYPES,
  KEY_PERSON_CATEGORIES,
  REFUSED_MEASURES,
  SIX_ONES_DUTIES,
  TRANSPORT_MODES,
  VEHICLE_KINDS,
  VISIT_OUTCOMES,
} from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { Because, DateString } from '../closed-management/closed-management.schemas.ts';

export const tags = ['community'];
export { Because, DateString };

export const JurisdictionQuery = objectOf({ jurisdictionId: Type.Optional(Uuid) });

export const Progress = Type.Object({
  households: Type.Integer(),
  screened: Type.Integer(),
  notHome: Type.Integer(),
  remaining: Type.Integer(),
  riskAreaArrivals: Type.Integer(),
  inboundTravellers: Type.Integer(),
  symptomatic: Type.Integer(),
  complete: Type.Boolean(),
});

export const Round = Type.Object({
  id: Uuid,
  name: Type.String(),
  startedOn: Type.String(),
  status: Type.String(),
  rulesVersion: Type.String(),
  jurisdictionId: Uuid,
  closedAt: Nullable(Type.String()),
});

const Category = Nullable(literals(KEY_PERSON_CATEGORIES));

/** SC-40 / KP-G04: the date-window verdict of a returnee and what the listed get. */
const DateWindow = Nullable(
  Type.Object({
    listed: Type.Boolean(),
    window: Nullable(Type.Object({ area: Nullable(Type.String()), from: Type.String() })),
    management: Type.String(),
    goingOut: Type.Boolean(),
    because: Type.Array(Because),
  }),
);

export const RoundDetail = Type.Intersect([
  Round,
  Type.Object({
    progress: Progress,
    households: Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        code: Type.String(),
        address: Nullable(Type.String()),
        state: Type.String(),
        visits: Type.Integer(),
        members: Type.Array(Type.Object({ id: Uuid, name: Type.String(), householdRole: Nullable(Type.String()) })),
      }),
    ),
    found: Type.Array(
      Type.Object({
        personId: Uuid,
        name: Type.String(),
        householdId: Uuid,
        category: Category,
        episodeId: Nullable(Uuid),
        taskId: Type.Optional(Nullable(Uuid)),
        /** SC-54: how a symptomatic person reaches care. */
        transportMode: Nullable(Type.String()),
        dateWindow: DateWindow,
        because: Type.Array(Because),
      }),
    ),
  }),
]);

const Stop = objectOf({
  place: Type.String({ minLength: 1, maxLength: 100 }),
  jurisdictionId: Type.Optional(Uuid),
  inbound: Type.Boolean(),
  leftOn: DateString,
});

export const VisitBody = objectOf({
  householdId: Uuid,
  outcome: literals(VISIT_OUTCOMES),
  note: Type.Optional(Type.String({ maxLength: 500 })),
  people: Type.Array(
    objectOf({
      personId: Type.Optional(Uuid),
      newPerson: Type.Optional(
        objectOf({
          name: Type.String({ minLength: 1, maxLength: 50 }),
          idType: literals(ID_TYPES),
          idNumber: Type.String({ minLength: 1, maxLength: 40 }),
          phone: Type.Optional(Type.String({ maxLength: 20 })),
        }),
      ),
      present: Type.Boolean(),
      symptoms: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 10 }),
      travel: Type.Array(Stop, { maxItems: 20 }),
      transportMode: Type.Optional(literals(TRANSPORT_MODES)),
      arrival: Type.Optional(
        objectOf({
          areas: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { minItems: 1, maxItems: 5 }),
          arrivedOn: DateString,
        }),
      ),
    }),
    { maxItems: 30 },
  ),
});

export const Visit = Type.Object({
  id: Uuid,
  householdId: Uuid,
  outcome: Type.String(),
  visitedAt: Type.String(),
  findings: Type.Array(
    Type.Object({
      personId: Uuid,
      present: Type.Boolean(),
      symptoms: Type.Array(Type.String()),
      travel: Type.Array(
        Type.Object({ place: Type.String(), riskGrade: Nullable(Type.String()), inbound: Type.Boolean(), leftOn: Type.String() }),
      ),
      category: Category,
      episodeId: Nullable(Uuid),
      /** The follow-up task a symptomatic person starts (COMM-040, seed 001 §三(四)4). */
      taskId: Type.Optional(Nullable(Uuid)),
      transport: Type.Optional(Nullable(Type.Object({ mode: Type.String(), because: Type.Array(Because) }))),
      dateWindow: Type.Optional(DateWindow),
      because: Type.Array(Because),
    }),
  ),
});

export const SixOnesLedger = Type.Object({
  jurisdictionId: Uuid,
  date: Type.String(),
  entries: Type.Array(Type.Object({ duty: Type.String(), done: Type.Boolean(), note: Nullable(Type.String()), updatedAt: Type.String() })),
  readiness: Type.Object({
    ready: Type.Boolean(),
    missing: Type.Array(Type.Object({ duty: literals(SIX_ONES_DUTIES), requirement: Type.String(), reason: Because })),
  }),
});

export const SixOnesBody = objectOf({
  jurisdictionId: Uuid,
  duty: literals(SIX_ONES_DUTIES),
  done: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const GatheringBody = objectOf({
  jurisdictionId: Uuid,
  kind: literals(GATHERING_KINDS),
  eventDate: DateString,
  simplified: Type.Boolean(),
  attendees: Type.Integer({ minimum: 1, maximum: 10000 }),
  organizer: Type.String({ minLength: 1, maxLength: 50 }),
  householdId: Type.Optional(Uuid),
});

export const Gathering = Type.Object({
  id: Uuid,
  kind: Type.String(),
  eventDate: Type.String(),
  simplified: Type.Boolean(),
  attendees: Type.Integer(),
  organizer: Type.String(),
  householdId: Nullable(Uuid),
  decision: Type.String(),
  because: Type.Unknown(),
  jurisdictionId: Uuid,
  createdAt: Type.String(),
});

export const Supply = Type.Object({
  id: Uuid,
  householdId: Uuid,
  householdName: Nullable(Type.String()),
  householdCode: Nullable(Type.String()),
  items: Type.String(),
  status: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
});

/** COMM-012 / SC-37: an outsider or outside vehicle let in. */
export const LedgerBody = objectOf({
  jurisdictionId: Uuid,
  subject: literals(['person', 'vehicle'] as const),
  name: Type.Optional(Type.String({ maxLength: 40 })),
  plate: Type.Optional(Type.String({ maxLength: 20 })),
  purpose: Type.String({ minLength: 1, maxLength: 200 }),
  masked: Type.Boolean(),
  temperature: Type.Number({ minimum: 30, maximum: 45 }),
  escortUserId: Type.Optional(Uuid),
  /** SC-34: what an outside vehicle carries (required under the Level I full closure). */
  vehicleKind: Type.Optional(literals(VEHICLE_KINDS)),
});

export const LedgerEntry = Type.Object({
  id: Uuid,
  subject: Type.String(),
  name: Nullable(Type.String()),
  plate: Nullable(Type.String()),
  purpose: Type.String(),
  masked: Type.Boolean(),
  temperature: Type.Number(),
  escortUserId: Uuid,
  escortName: Type.String(),
  enteredAt: Type.String(),
  enteredOn: Type.String(),
  leftAt: Nullable(Type.String()),
  flagged: Type.Boolean(),
  /** SC-34: why a vehicle was let in under the full closure (a supply vehicle), with the clause; on the entry just recorded. */
  because: Type.Optional(Type.Array(Because)),
});

/** SC-38 / SC-39: what a community is told of — an unregistered outsider, or a refusal of a measure. */
const ReportFacts = {
  description: Type.String({ minLength: 1, maxLength: 500 }),
  whereabouts: Type.String({ minLength: 1, maxLength: 200 }),
  subjectName: Type.Optional(Type.String({ maxLength: 40 })),
};

export const CommunityReportBody = objectOf({
  jurisdictionId: Uuid,
  kind: literals(COMMUNITY_REPORT_KINDS),
  refusedMeasure: Type.Optional(literals(REFUSED_MEASURES)),
  ...ReportFacts,
});

export const ResidentReportBody = objectOf(ReportFacts);

export const OutsiderFoundBody = objectOf({
  householdId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 40 }),
  idType: literals(ID_TYPES),
  idNumber: Type.String({ minLength: 1, maxLength: 40 }),
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  fromPlace: Type.String({ minLength: 1, maxLength: 100 }),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const PoliceReferralBody = objectOf({
  policeStation: Type.String({ minLength: 1, maxLength: 100 }),
  policeReference: Type.Optional(Type.String({ maxLength: 60 })),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});

export const CommunityReport = Type.Object({
  id: Uuid,
  kind: literals(COMMUNITY_REPORT_KINDS),
  state: literals(COMMUNITY_REPORT_STATES),
  description: Type.String(),
  whereabouts: Type.String(),
  refusedMeasure: Nullable(Type.String()),
  subjectName: Nullable(Type.String()),
  reportedAs: Type.String(),
  trackingTaskId: Nullable(Uuid),
  episodeId: Nullable(Uuid),
  policeStation: Nullable(Type.String()),
  policeReference: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  jurisdictionId: Uuid,
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
  /** What follows, with the clauses: on the report just recorded. */
  because: Type.Optional(Type.Array(Because)),
});

/** SC-26, LVL-020: the community's prevention mode with its reasons and its stop-spread tasks. */
export const CommunityModeView = Type.Object({
  jurisdictionId: Uuid,
  name: Type.String(),
  mode: literals(COMMUNITY_MODES),
  openCases: Type.Integer(),
  because: Type.Array(Because),
  tasks: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      dueAt: Nullable(Type.String()),
      state: Type.String(),
      assigneeName: Nullable(Type.String()),
    }),
  ),
});
