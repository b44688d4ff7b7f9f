import { REPORT_STATES } from '@fangkong/core';
import { type TSchema, Type } from '@sinclair/typebox';
import { Instant, literals, Nullable, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';

export const tags = ['reports'];
export const objectOf = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false });

const Json = Type.Record(Type.String(), Type.Unknown());
export const Period = CalendarDateString;
export const TemplateCode = Type.String({ pattern: '^[a-z0-9_]{1,60}$' });
export const Purpose = Type.String({ minLength: 2, maxLength: 200, description: 'Why the file is exported or printed (audited)' });
const Figures = Type.Record(Type.String(), Nullable(Type.Number()));
const ReportState = literals(REPORT_STATES);

export const TemplateView = Type.Object({
  id: Uuid,
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  local: Type.Boolean(),
  jurisdictionId: Uuid,
  reason: Nullable(Type.String()),
  publishedAt: Instant,
  definition: Json,
  canExportPlatform: Type.Boolean(),
});

export const NewVersionBody = objectOf({
  jurisdictionId: Uuid,
  deadlineTime: Type.Optional(Type.String({ maxLength: 5 })),
  remindMinutesBefore: Type.Optional(Type.Integer()),
  zeroReportAllowed: Type.Optional(Type.Boolean()),
  reason: Type.String({ minLength: 2, maxLength: 500 }),
});

/** A cell or a figure as typed: a number, or text (a filled table's cell); core checks the type and says which field is wrong. */
const Value = Nullable(Type.Union([Type.Number(), Type.String({ maxLength: 200 })]));

export const SignatureBody = objectOf({
  password: Type.String({ minLength: 1, maxLength: 200, description: 'The signer’s own password again (second confirmation)' }),
  sealHolder: Type.Optional(Type.String({ maxLength: 40, description: 'Who holds the unit seal (印章保管人)' })),
});

export const SubmitBody = objectOf({
  templateId: Uuid,
  unitId: Uuid,
  period: Period,
  zero: Type.Optional(Type.Boolean({ description: 'A zero report (零报告): nothing to report this day' })),
  figures: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Value)),
  rows: Type.Optional(Type.Array(Type.Record(Type.String({ maxLength: 60 }), Value), { maxItems: 2000 })),
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
  reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why a report already sent is corrected' })),
  signature: Type.Optional(SignatureBody),
});

export const SubmissionSummary = Type.Object({
  id: Uuid,
  templateId: Uuid,
  templateCode: Type.String(),
  period: Type.String(),
  status: Type.String(),
  zero: Type.Boolean(),
  figures: Figures,
  rowCount: Type.Integer(),
  source: Type.String(),
  dueAt: Instant,
  submittedAt: Nullable(Instant),
  firstSubmittedAt: Nullable(Instant),
  late: Type.Boolean(),
  signerName: Nullable(Type.String()),
  signedAt: Nullable(Instant),
  sealHolder: Nullable(Type.String()),
  revision: Type.Integer(),
  correctionReason: Nullable(Type.String()),
  createdAt: Instant,
});

export const UnitView = Type.Object({ id: Uuid, kind: Type.String(), name: Type.String(), code: Type.String() });
const Row = Type.Record(Type.String(), Value);

export const SubmissionView = Type.Intersect([
  SubmissionSummary,
  Type.Object({
    templateVersion: Type.Integer(),
    templateName: Type.String(),
    unit: UnitView,
    platform: Type.Record(Type.String(), Type.Number()),
    notes: Nullable(Type.String()),
    rows: Type.Array(Row),
    rowsMasked: Type.Boolean(),
    definition: Json,
  }),
]);

export const SubmissionDetail = Type.Intersect([SubmissionView, Type.Object({ revisions: Type.Array(SubmissionSummary) })]);

export const HistoryReply = Type.Object({ unit: UnitView, total: Type.Integer(), items: Type.Array(SubmissionSummary) });

export const PrefillReply = Type.Object({
  templateId: Uuid,
  unit: UnitView,
  period: Type.String(),
  dueAt: Instant,
  figures: Type.Array(
    Type.Object({
      key: Type.String(),
      value: Type.Number(),
      source: literals(['platform', 'previous']),
      platform: Nullable(Type.String()),
    }),
  ),
  rows: Nullable(Type.Array(Row)),
  current: Nullable(SubmissionSummary),
  definition: Json,
});

const UnitStatus = Type.Object({
  unit: UnitView,
  parentName: Nullable(Type.String()),
  templateCode: Type.String(),
  templateId: Uuid,
  dueAt: Instant,
  state: ReportState,
  draft: Type.Boolean(),
  submission: Nullable(SubmissionSummary),
});

export const BoardReply = Type.Object({
  date: Type.String(),
  now: Instant,
  jurisdiction: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  templates: Type.Array(
    Type.Object({
      code: Type.String(),
      templateId: Uuid,
      name: Type.String(),
      group: Nullable(Type.String()),
      deadline: Type.String(),
      expected: Type.Integer(),
      on_time: Type.Integer(),
      late: Type.Integer(),
      due_soon: Type.Integer(),
      open: Type.Integer(),
      missing: Type.Integer(),
      drafts: Type.Integer(),
    }),
  ),
  selected: Nullable(Type.Object({ code: Type.String(), name: Type.String(), units: Type.Array(UnitStatus) })),
  lateList: Type.Array(Type.Intersect([UnitStatus, Type.Object({ templateName: Type.String() })])),
});

export const DueReply = Type.Object({
  date: Type.String(),
  units: Type.Array(
    Type.Object({
      unit: UnitView,
      items: Type.Array(
        Type.Object({
          templateId: Uuid,
          templateCode: Type.String(),
          name: Type.String(),
          group: Nullable(Type.String()),
          dueAt: Instant,
          state: ReportState,
          submission: Nullable(SubmissionSummary),
        }),
      ),
    }),
  ),
});

const SumRow = { figures: Type.Record(Type.String(), Type.Number()), reported: Type.Integer(), expected: Type.Integer() };

export const AggregateReply = Type.Object({
  date: Type.String(),
  template: Type.Object({
    code: Type.String(),
    name: Type.String(),
    figures: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), labelEn: Type.String(), aggregate: Type.String() })),
  }),
  jurisdiction: Type.Object({ id: Uuid, name: Type.String(), level: Type.String() }),
  total: SumRow.figures,
  reported: SumRow.reported,
  expected: SumRow.expected,
  children: Type.Array(Type.Object({ id: Uuid, name: Type.String(), level: Type.String(), ...SumRow })),
});
