import { SENTINEL_SERIES, WARNING_OUTCOMES, WARNING_STATES } from '@fangkong/core';
import { type TSchema, Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, objectOf, PageQuery, Uuid } from '../../http/schemas.ts';

const Day = Type.String({ format: 'date' });
const Counts = Type.Record(Type.String(), Type.Integer());
const SeriesByKey = Type.Record(Type.String(), Type.Array(Type.Integer()));
const From = (extra: Record<string, TSchema>) => Type.Object({ ...extra, computedFrom: Type.String() });
const Json = Type.Unknown();

export const DashboardQuery = objectOf({
  jurisdictionId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
});

const Unavailable = Type.Object({ available: Type.Literal(false), reason: Type.String(), detail: Nullable(Type.String()) });
const RtAvailable = Type.Object({
  available: Type.Literal(true),
  method: Type.String(),
  serialInterval: Type.Object({ id: Type.String(), mean: Type.Number(), sd: Type.Number(), source: Type.String() }),
  prior: Type.Object({ mean: Type.Number(), sd: Type.Number() }),
  firstDayMovedToImported: Type.Integer(),
  estimates: Type.Array(
    Type.Object({ tStart: Day, tEnd: Day, mean: Nullable(Type.Number()), q025: Nullable(Type.Number()), q975: Nullable(Type.Number()) }),
  ),
});
const Interval = Nullable(Type.Object({ days: Type.Number(), lower: Type.Number(), upper: Nullable(Type.Number()) }));
const GrowthAvailable = Type.Object({
  available: Type.Literal(true),
  days: Type.Integer(),
  cases: Type.Integer(),
  growthRate: Type.Number(),
  growthRateLower: Type.Number(),
  growthRateUpper: Type.Number(),
  standardError: Type.Number(),
  dispersion: Type.Number(),
  confidence: Type.Number(),
  doublingTime: Interval,
  halvingTime: Interval,
});

const Child = Type.Object({
  id: Uuid,
  name: Type.String(),
  code: Type.String(),
  level: Type.String(),
  riskLevel: Nullable(Type.String()),
  cases: Type.Integer(),
});

export const Dashboard = Type.Object({
  asOf: Instant,
  jurisdiction: Type.Object({ id: Uuid, name: Type.String(), code: Type.String(), level: Type.String() }),
  range: Type.Object({ from: Day, to: Day, days: Type.Integer() }),
  days: Type.Array(Day),
  cases: From({ byReportDay: SeriesByKey, byOnsetDay: SeriesByKey, totals: Counts }),
  keyPersons: From({
    byCategory: Type.Array(Type.Object({ category: Type.String(), managementType: Type.String(), count: Type.Integer() })),
    total: Type.Integer(),
  }),
  codes: From({ byColour: Counts }),
  level: Nullable(From({ level: Type.String(), setAt: Type.String() })),
  map: Nullable(From({ children: Type.Array(Child), riskAreas: Counts, zones: Counts, markers: Type.Array(Json) })),
  testing: Nullable(
    From({
      date: Day,
      sampled: Type.Integer(),
      results: Type.Array(Json),
      tubes: Json,
      turnaround: Type.Object({ overLimit: Type.Integer(), bySetting: Type.Array(Json) }),
    }),
  ),
  reports: Nullable(
    From({
      date: Day,
      late: Type.Integer(),
      templates: Type.Array(
        Type.Object({
          code: Type.String(),
          name: Type.String(),
          expected: Type.Integer(),
          onTime: Type.Integer(),
          late: Type.Integer(),
          missing: Type.Integer(),
        }),
      ),
    }),
  ),
  tasks: Nullable(From({ open: Type.Integer(), overdue: Type.Integer(), done: Type.Integer() })),
  analytics: Type.Object({
    incidence: From({ days: Type.Array(Day), counts: Type.Array(Type.Integer()), imported: Type.Array(Type.Integer()) }),
    rt: Type.Union([RtAvailable, Unavailable]),
    growth: Type.Union([GrowthAvailable, Unavailable]),
    observedSerialInterval: Nullable(
      Type.Object({ pairs: Type.Integer(), meanDays: Nullable(Type.Number()), sdDays: Nullable(Type.Number()) }),
    ),
  }),
  sentinel: From({ series: SeriesByKey }),
  signals: Type.Object({ open: Type.Integer(), acknowledged: Type.Integer(), closed: Type.Integer() }),
  notPermitted: Type.Array(Type.String()),
});

export const SignalView = Type.Object({
  id: Uuid,
  jurisdictionId: Uuid,
  jurisdictionPath: Type.String(),
  series: literals(SENTINEL_SERIES),
  day: Day,
  method: Type.String(),
  count: Type.Integer(),
  threshold: Type.Number(),
  statistic: Nullable(Type.Number()),
  evidence: Json,
  editionId: Type.String(),
  status: literals(WARNING_STATES),
  taskId: Nullable(Uuid),
  acknowledgedAt: Nullable(Instant),
  acknowledgementNote: Nullable(Type.String()),
  closedAt: Nullable(Instant),
  outcome: Nullable(literals(WARNING_OUTCOMES)),
  outcomeNote: Nullable(Type.String()),
  raisedAt: Instant,
  /** The warnings drafted from the signal (INFO-007). */
  warnings: Type.Array(Type.Object({ id: Uuid, title: Type.String(), status: Type.String() })),
});

export const SignalQuery = objectOf({
  jurisdictionId: Type.Optional(Uuid),
  state: Type.Optional(literals(WARNING_STATES)),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  ...PageQuery,
});

export const SignalList = Type.Object({
  items: Type.Array(SignalView),
  total: Type.Integer(),
  counts: Type.Object({ open: Type.Integer(), acknowledged: Type.Integer(), closed: Type.Integer() }),
});

export const AcknowledgeBody = objectOf({ note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const CloseBody = objectOf({ outcome: literals(WARNING_OUTCOMES), note: Type.String({ minLength: 1, maxLength: 2000 }) });

/** The chart whose data is exported (issue 17 §5), or every chart when absent. */
export const DashboardExportQuery = objectOf({
  jurisdictionId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  chart: Type.Optional(literals(['epicurve-report', 'epicurve-onset', 'rt', 'sentinel', 'key-persons'] as const)),
});

export const SituationReportList = Type.Object({
  /** HH:MM Asia/Shanghai when the day before is compiled (DAILY-007). */
  compileAt: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      jurisdictionId: Uuid,
      jurisdictionName: Type.String(),
      forDate: Type.String(),
      compiledAt: Instant,
    }),
  ),
});
