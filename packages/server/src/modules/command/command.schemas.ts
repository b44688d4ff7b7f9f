import {
  ACCOUNTABILITY_KINDS,
  DUTY_SHIFTS,
  EXPERT_GROUP_KINDS,
  EXPERT_GROUP_LEVELS,
  GROUP_TEMPLATE_SETS,
  HEADQUARTERS_KINDS,
  ROSTER_ROLES,
  SUPERVISION_METHODS,
  TASK_STATES,
  TASK_UNIT_ROLES,
} from '@fangkong/core';
import { Type } from '@sinclair/typebox';
import { literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';
import { ORG_UNIT_KINDS } from './org-unit.service.ts';

export { objectOf };

export const Instant = Type.String({ format: 'date-time' });
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
export const Reason = Type.String({ minLength: 2, maxLength: 500, description: 'Why (kept with the version and in the audit log)' });
export const Purpose = Type.String({ minLength: 2, maxLength: 200, description: 'Why the table is exported (recorded in the audit log)' });

export const RosterRoleSchema = literals(ROSTER_ROLES);
export const TemplateSet = literals(GROUP_TEMPLATE_SETS);
export const HeadquartersKindSchema = literals(HEADQUARTERS_KINDS);
export const ExpertKind = literals(EXPERT_GROUP_KINDS);
export const ExpertLevel = literals(EXPERT_GROUP_LEVELS);
export const DutyShift = literals(DUTY_SHIFTS);
export const TaskStateSchema = literals(TASK_STATES);
export const TaskUnitRole = literals(TASK_UNIT_ROLES);
export const SupervisionMethodSchema = literals(SUPERVISION_METHODS);
export const AccountabilityKindSchema = literals(ACCOUNTABILITY_KINDS);
export const OrgUnitKind = literals(ORG_UNIT_KINDS);
export const Phone = Type.String({ minLength: 3, maxLength: 20 });
export const Duties = Type.Array(Text(500), { maxItems: 40 });
export const UnitIds = Type.Array(Uuid, { maxItems: 60 });

const UnitRef = Type.Object({ id: Uuid, name: Type.String() });

export const RosterEntrySchema = Type.Object({
  id: Uuid,
  workingGroupId: Nullable(Uuid),
  expertGroupId: Nullable(Uuid),
  userId: Nullable(Uuid),
  name: Type.String(),
  title: Nullable(Type.String()),
  orgUnitId: Nullable(Uuid),
  orgUnitName: Nullable(Type.String()),
  role: Type.String(),
  phone: Nullable(Type.String()),
  phoneMasked: Type.Boolean(),
});

export const GroupSchema = Type.Object({
  id: Uuid,
  templateKey: Nullable(Type.String()),
  nameZh: Type.String(),
  nameEn: Type.String(),
  leadOfficial: Nullable(Type.String()),
  leadUnits: Type.Array(UnitRef),
  memberUnits: Type.Array(UnitRef),
  duties: Type.Array(Type.String()),
  clause: Nullable(Type.String()),
  sortOrder: Type.Integer(),
  status: Type.String(),
  version: Type.Integer(),
  roster: Type.Array(RosterEntrySchema),
  openTasks: Type.Integer(),
  overdueTasks: Type.Integer(),
});

export const ExpertGroupSchema = Type.Object({
  id: Uuid,
  templateKey: Nullable(Type.String()),
  kind: Type.String(),
  level: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  established: Type.Boolean(),
  recommendedBy: Nullable(Type.String()),
  duties: Type.Array(Type.String()),
  clause: Nullable(Type.String()),
  members: Type.Array(RosterEntrySchema),
});

const headquartersFields = {
  id: Uuid,
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  jurisdictionCode: Type.String(),
  level: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  officeLocation: Nullable(Type.String()),
  officePhone: Nullable(Type.String()),
  templateSet: Nullable(Type.String()),
  version: Type.Integer(),
};

export const HeadquartersSummary = Type.Object({
  ...headquartersFields,
  groups: Type.Integer(),
  openTasks: Type.Integer(),
  overdueTasks: Type.Integer(),
});

export const HeadquartersDetailSchema = Type.Object({
  ...headquartersFields,
  phonesVisible: Type.Boolean(),
  leadership: Type.Array(RosterEntrySchema),
  groups: Type.Array(GroupSchema),
  expertGroups: Type.Array(ExpertGroupSchema),
});

export const OrgUnitSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  kind: Type.String(),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
});

export const TaskSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Nullable(Type.String()),
  sourceKind: Type.String(),
  /** A record's id, or a level measure's id (`LVL-III-07`). */
  sourceId: Nullable(Type.String()),
  state: TaskStateSchema,
  late: Type.Boolean(),
  dueAt: Nullable(Type.String()),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
  closingNote: Nullable(Type.String()),
  jurisdictionId: Nullable(Uuid),
  jurisdictionName: Nullable(Type.String()),
  headquartersId: Nullable(Uuid),
  workingGroupId: Nullable(Uuid),
  workingGroupName: Nullable(Type.String()),
  assigneeUserId: Nullable(Uuid),
  assigneeName: Nullable(Type.String()),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String(), role: Type.String() })),
  evidenceCount: Type.Integer(),
  createdByName: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
});

export const EvidenceSchema = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String(),
  uploadedByName: Nullable(Type.String()),
});

export const TaskDetailSchema = Type.Intersect([
  TaskSchema,
  Type.Object({ closable: Type.Boolean(), evidence: Type.Array(EvidenceSchema) }),
]);

export const TaskCounts = Type.Object({ open: Type.Integer(), overdue: Type.Integer(), done: Type.Integer() });

export const FindingSchema = Type.Object({
  id: Uuid,
  supervisionId: Uuid,
  subject: Type.String(),
  description: Type.String(),
  responsibleUnitId: Nullable(Uuid),
  responsibleUnitName: Nullable(Type.String()),
  state: Type.String(),
  passedAt: Nullable(Type.String()),
  task: Nullable(
    Type.Object({
      id: Uuid,
      state: Type.String(),
      dueAt: Nullable(Type.String()),
      closedAt: Nullable(Type.String()),
      evidenceCount: Type.Integer(),
    }),
  ),
  rechecks: Type.Array(
    Type.Object({
      id: Uuid,
      passed: Type.Boolean(),
      note: Type.String(),
      checkedAt: Type.String(),
      checkedByName: Nullable(Type.String()),
    }),
  ),
});

export const SupervisionSchema = Type.Object({
  id: Uuid,
  headquartersId: Uuid,
  headquartersName: Type.String(),
  jurisdictionId: Uuid,
  jurisdictionName: Type.String(),
  workingGroupId: Nullable(Uuid),
  workingGroupName: Nullable(Type.String()),
  inspectedUnitId: Nullable(Uuid),
  inspectedUnitName: Nullable(Type.String()),
  method: Type.String(),
  subject: Type.String(),
  inspectedAt: Type.String(),
  inspectors: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  findings: Type.Array(FindingSchema),
  openFindings: Type.Integer(),
});

export const NewFindingSchema = objectOf({
  description: Text(1000),
  responsibleUnitId: Uuid,
  rectificationDueAt: Instant,
});

export const AccountabilityRecordSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  basis: Type.String(),
  findingId: Nullable(Uuid),
  decidedBy: Type.String(),
  decidedOn: Type.String(),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
});

const UnitView = Type.Object({
  id: Uuid,
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  kind: Type.String(),
  jurisdictionId: Uuid,
});

export const LedgerSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      unit: Type.Intersect([UnitView, Type.Object({ jurisdictionName: Type.String() })]),
      findings: Type.Integer(),
      openFindings: Type.Integer(),
      overdueTasks: Type.Integer(),
      records: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
});

export const UnitAccountabilitySchema = Type.Object({
  unit: UnitView,
  records: Type.Array(AccountabilityRecordSchema),
  findings: Type.Array(FindingSchema),
});

export { CalendarDateString };

const Strings = Type.Array(Type.String());
export const TemplatesSchema = Type.Object({
  sets: Type.Array(TemplateSet),
  groups: Type.Array(
    Type.Object({
      key: Type.String(),
      set: TemplateSet,
      order: Type.Integer(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      leadOfficial: Nullable(Type.String()),
      leaders: Strings,
      deputyLeaders: Strings,
      leadUnits: Strings,
      memberUnits: Strings,
      duties: Strings,
      clause: Type.String(),
      requirement: Type.String(),
    }),
  ),
  expertGroups: Type.Array(
    Type.Object({
      key: Type.String(),
      set: TemplateSet,
      kind: Type.String(),
      level: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      established: Type.Boolean(),
      recommendedBy: Nullable(Type.String()),
      duties: Strings,
      clause: Type.String(),
      requirement: Type.String(),
    }),
  ),
});
