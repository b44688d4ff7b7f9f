import { invalid } from '../errors/app-error.ts';
import type { JurisdictionLevel, PlaceKind } from '../jurisdiction/levels.ts';
import type { Clause } from '../protocols/protocol-types.ts';
import { isDeadlineTime } from './report-deadline.ts';
import type { ReportTemplateDefinition, SubmittedTemplate } from './report-types.ts';

export const isSubmittedTemplate = (definition: ReportTemplateDefinition): definition is SubmittedTemplate =>
  definition.kind === 'submitted';

/** A reporting unit: a jurisdiction (a community) or a place (a school). */
export type ReportingUnitKind = { kind: 'jurisdiction'; level: JurisdictionLevel } | { kind: 'place'; placeKind: PlaceKind };

/** Whether the unit is one of the template's reporters (DAILY-003: every residents' committee; DAILY-004: every school). */
export function unitReports(template: SubmittedTemplate, unit: ReportingUnitKind): boolean {
  const reporter = template.reporter;
  if (reporter.kind === 'jurisdiction') return unit.kind === 'jurisdiction' && unit.level === reporter.level;
  return unit.kind === 'place' && unit.placeKind === reporter.placeKind;
}

/** What a local version may change (RULES-001: deadlines are configurable per jurisdiction, with their basis). */
export interface TemplateChanges {
  deadlineTime?: string;
  remindMinutesBefore?: number;
  zeroReportAllowed?: boolean;
}

const MAX_REMIND_MINUTES = 24 * 60;

/**
 * A new version of a template for a jurisdiction's subtree: the same fields, a changed deadline, reminder
 * or zero-report rule, each resting on the local decision given as `basis`. Submissions made on the old
 * version keep it.
 */
export function reviseTemplate(template: SubmittedTemplate, changes: TemplateChanges, version: number, basis: Clause): SubmittedTemplate {
  if (changes.deadlineTime !== undefined && !isDeadlineTime(changes.deadlineTime)) throw invalid('deadlineTime', 'invalidTime');
  const remind = changes.remindMinutesBefore;
  if (remind !== undefined && (!Number.isInteger(remind) || remind < 0 || remind > MAX_REMIND_MINUTES)) {
    throw invalid('remindMinutesBefore', 'outOfRange', { min: 0, max: MAX_REMIND_MINUTES });
  }
  if (Object.values(changes).every((value) => value === undefined)) throw invalid('deadlineTime', 'nothingToChange');
  const deadlineChanged = changes.deadlineTime !== undefined || remind !== undefined;
  return {
    ...template,
    version,
    deadline: deadlineChanged
      ? {
          time: changes.deadlineTime ?? template.deadline.time,
          remindMinutesBefore: remind ?? template.deadline.remindMinutesBefore,
          basis,
        }
      : template.deadline,
    zeroReport: changes.zeroReportAllowed === undefined ? template.zeroReport : { allowed: changes.zeroReportAllowed, basis },
  };
}
