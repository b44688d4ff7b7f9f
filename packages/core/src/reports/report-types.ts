import type { Permission } from '../access/permissions.ts';
import type { JurisdictionLevel, PlaceKind } from '../jurisdiction/levels.ts';
import type { Clause, KeyPersonCategory, ManagementType } from '../protocols/protocol-types.ts';

/**
 * Report templates (REQUIREMENTS §10 DAILY-001…006, Annex A A08, A10–A13, A19): the command office's
 * paperwork as data. A template says what is reported (figures and, for a table, its columns), who
 * reports, how often, by when (Asia/Shanghai), whether a zero report and a signature apply, and how the
 * figures add up from community to town to district. Each template is versioned; a submission keeps
 * the version it was made on.
 */

/** Column types of a table's rows. Personal columns (name, ID number, phone, address) are masked for readers without full view. */
export const REPORT_COLUMN_TYPES = ['text', 'count', 'temperature', 'date', 'choice', 'name', 'idNumber', 'phone', 'address'] as const;
export type ReportColumnType = (typeof REPORT_COLUMN_TYPES)[number];

export const PERSONAL_COLUMN_TYPES: readonly ReportColumnType[] = ['name', 'idNumber', 'phone', 'address'];

export interface ChoiceOption {
  value: string;
  label: string;
  labelEn: string;
}

/** A column of the table's rows (one row per person or building). */
export interface ReportColumn {
  key: string;
  label: string;
  labelEn: string;
  type: ReportColumnType;
  required: boolean;
  choices?: ChoiceOption[];
  /** A count that cannot exceed another count column of the same row (checked ≤ residents). */
  atMost?: string;
}

/** Where the platform already holds a figure (people under management, tests, releases): the form is pre-filled from it. */
export type PlatformSource =
  | { of: 'keyPersons'; categories?: KeyPersonCategory[]; managementTypes?: ManagementType[] }
  | { of: 'releases' }
  | { of: 'samples' };

/** How a figure gets its value: typed in, counted from the table's rows, or pre-filled from the platform (and editable). */
export type FigureSource =
  | { kind: 'entered' }
  | { kind: 'rows' }
  | { kind: 'rowsWhere'; column: string; equals: string }
  | { kind: 'rowsFilled'; column: string }
  | { kind: 'columnSum'; column: string }
  | { kind: 'platform'; platform: PlatformSource };

/** How a figure adds up from community to town to district. */
export const AGGREGATIONS = ['sum', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** A figure of the report: always a whole, non-negative count. */
export interface ReportFigure {
  key: string;
  label: string;
  labelEn: string;
  from: FigureSource;
  aggregate: Aggregation;
  /**
   * On a zero report (零报告): `zero` — an event count (new persons, fever, cases), nought; `kept` — a
   * standing count (people under management, enrolled students), given as on any other day.
   */
  onZeroReport: 'zero' | 'kept';
  /** An entered figure the form cannot leave empty (platform and derived figures always have a value). */
  required: boolean;
  /** A figure that cannot exceed another (present ≤ enrolled). */
  atMost?: string;
}

/** Who reports: every jurisdiction of a level (communities), or every place of a kind (schools). */
export type Reporter = { kind: 'jurisdiction'; level: JurisdictionLevel } | { kind: 'place'; placeKind: PlaceKind };

export const REPORT_FREQUENCIES = ['daily'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** `HH:MM`, Asia/Shanghai, on the day reported; reminders go out this many minutes before. */
export interface ReportDeadlineRule {
  time: string;
  remindMinutesBefore: number;
  basis: Clause;
}

/** What the template's platform counterpart is: an export the platform makes by itself. */
export interface PlatformExport {
  path: string;
  permission: Permission;
}

interface TemplateHead {
  code: string;
  version: number;
  name: string;
  nameEn: string;
  /** Annex A number of the named form (A10, A19…). */
  annex?: string;
  requirements: string[];
  /** Tables reported together (the 13:00 three tables of DAILY-003). */
  group?: string;
  basis: Clause;
  frequency: ReportFrequency;
  /** The same table as the platform makes it from its own records (人员解除隔离表, 核酸检测日报). */
  platformExport?: PlatformExport;
}

/** A template a unit fills in and submits. */
export interface SubmittedTemplate extends TemplateHead {
  kind: 'submitted';
  reporter: Reporter;
  /** The level that receives the reports and watches the compliance board (the street / town office). */
  receiver: JurisdictionLevel;
  deadline: ReportDeadlineRule;
  zeroReport: { allowed: boolean; basis: Clause };
  /** Signed by the responsible person (their account and password) with the unit's seal holder named. */
  signature: { required: boolean; seal: boolean; basis: Clause };
  figures: ReportFigure[];
  /** Empty for a form of figures only. */
  columns: ReportColumn[];
  /** Rows the platform already holds (the day's releases), offered as the table's first draft. */
  prefillRows?: PlatformSource;
}

/** A report the platform generates from its own records (no submission, no deadline here). */
export interface GeneratedTemplate extends TemplateHead {
  kind: 'generated';
  platformExport: PlatformExport;
}

export type ReportTemplateDefinition = SubmittedTemplate | GeneratedTemplate;

/** A table row as submitted: column key → value (counts as numbers, the rest as text). */
export type ReportRow = Record<string, string | number | null>;

/** The figures of a submission, every figure of the template present. */
export type ReportFigures = Record<string, number>;

/** A problem with one value: the field (`figures.x`, `rows.3.temperature`), a message code and its parameters. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}
