import { type CalendarDate, shanghaiDate } from '../calendar/calendar-date.ts';
import { type AppError, invalid } from '../errors/app-error.ts';
import type { CaseClassification, ClinicalType } from '../protocols/protocol-types.ts';

/**
 * The infectious-disease report card (传染病报告卡, Annex A; CASE-001, CASE-006, CASE-015): the national card's
 * fields as the case holds them.
 */
export interface ReportCard {
  caseNumber: string;
  patientName: string;
  idNumber: string;
  sex: string | null;
  birthDate: CalendarDate | null;
  phone: string | null;
  address: string | null;
  occupation: string | null;
  classification: CaseClassification;
  clinicalType: ClinicalType | null;
  disease: string;
  onsetDate: CalendarDate | null;
  diagnosedAt: Date | null;
  discoveredAt: Date;
  reportedAt: Date | null;
  reportingUnit: string | null;
  reportingDoctor: string | null;
  correctedFrom: CaseClassification | null;
  dischargedAt: Date | null;
  releasedAt: Date | null;
  diedAt: Date | null;
  remarks: string | null;
}

/** The fields the national card cannot be sent without. */
const REQUIRED: (keyof ReportCard)[] = [
  'caseNumber',
  'patientName',
  'idNumber',
  'sex',
  'address',
  'classification',
  'discoveredAt',
  'reportingUnit',
  'reportingDoctor',
];

export interface CardCompleteness {
  complete: boolean;
  missing: (keyof ReportCard)[];
}

/** Which required fields are empty; a confirmed case also needs its clinical type and a symptomatic one its onset. */
export function cardCompleteness(card: ReportCard): CardCompleteness {
  const missing = REQUIRED.filter((k) => card[k] === null || card[k] === '');
  if (card.classification === 'confirmed' && !card.clinicalType) missing.push('clinicalType');
  if ((card.classification === 'confirmed' || card.classification === 'suspected') && !card.onsetDate) missing.push('onsetDate');
  return { complete: missing.length === 0, missing };
}

export interface CaseDates {
  onsetDate?: CalendarDate | null;
  discoveredAt: Date;
  reportedAt?: Date | null;
  dischargedAt?: Date | null;
  releasedAt?: Date | null;
}

/** Dates that cannot be: onset after discovery or report, a report before discovery, anything in the future. */
export function caseDateProblem(dates: CaseDates, now: Date): AppError | undefined {
  if (dates.discoveredAt > now) return invalid('discoveredAt', 'inFuture');
  const discoveredDay = shanghaiDate(dates.discoveredAt);
  if (dates.onsetDate && dates.onsetDate > discoveredDay) return invalid('onsetDate', 'onsetAfterDiscovery');
  if (dates.reportedAt) {
    if (dates.reportedAt > now) return invalid('reportedAt', 'inFuture');
    if (dates.reportedAt < dates.discoveredAt) return invalid('reportedAt', 'beforeDiscovery');
    if (dates.onsetDate && dates.onsetDate > shanghaiDate(dates.reportedAt)) return invalid('onsetDate', 'onsetAfterReport');
  }
  for (const field of ['dischargedAt', 'releasedAt'] as const) {
    const at = dates[field];
    if (at && at > now) return invalid(field, 'inFuture');
    if (at && at < dates.discoveredAt) return invalid(field, 'beforeDiscovery');
  }
  return undefined;
}
