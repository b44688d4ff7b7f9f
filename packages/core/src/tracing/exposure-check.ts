import { type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { TracingRules } from '../protocols/protocol-types.ts';

export interface ExposureLink {
  caseId: string;
  personId: string;
}

export interface ExposureProblem {
  field: string;
  code: 'selfLink' | 'alreadyLinked';
  personId: string;
}

/** A contact linked to its own case, or twice to the same case (in the batch or already): the first problem. */
export function exposureProblem(
  casePersonId: string,
  batch: readonly ExposureLink[],
  existing: readonly ExposureLink[],
): ExposureProblem | null {
  const seen = new Set(existing.map((e) => `${e.caseId}|${e.personId}`));
  for (const link of batch) {
    if (link.personId === casePersonId) return { field: 'personId', code: 'selfLink', personId: link.personId };
    const key = `${link.caseId}|${link.personId}`;
    if (seen.has(key)) return { field: 'personId', code: 'alreadyLinked', personId: link.personId };
    seen.add(key);
  }
  return null;
}

/** A confirmed exposure of a person to a source case, on the date it (last) happened. */
export interface PriorExposure {
  caseId: string;
  exposedOn: CalendarDate;
}

/**
 * The source case a new case is linked to by itself (REQUIREMENTS KP-D05; issue 11 §4): the latest
 * confirmed exposure no later than the new case's onset (or sampling) and within the incubation days.
 */
export function sourceCase(
  exposures: readonly PriorExposure[],
  caseDate: CalendarDate,
  rules: TracingRules,
): { caseId: string; because: Reason[] } | null {
  const within = exposures.filter((e) => {
    const days = daysBetween(e.exposedOn, caseDate);
    return days >= 0 && days <= rules.incubationDays.days;
  });
  const latest = within.sort((a, b) => b.exposedOn.localeCompare(a.exposedOn))[0];
  return latest ? { caseId: latest.caseId, because: [because('withinIncubation', rules.incubationDays.basis)] } : null;
}
