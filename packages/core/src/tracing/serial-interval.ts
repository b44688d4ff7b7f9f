import { type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';

/** A confirmed infector → infectee pair; onsets may be unknown (asymptomatic). */
export interface TransmissionPair {
  infectorCaseId: string;
  infecteeCaseId: string;
  infectorOnset: CalendarDate | null;
  infecteeOnset: CalendarDate | null;
}

export interface SerialInterval {
  /** Pairs with both onsets, and their interval in days (negative: the infectee fell ill first). */
  pairs: (TransmissionPair & { days: number })[];
  n: number;
  meanDays: number | null;
  /** Sample standard deviation (n − 1); null below two pairs. */
  sdDays: number | null;
}

/** The observed serial interval from the chains' own pairs with onset dates (the figure Rt needs). */
export function serialInterval(pairs: readonly TransmissionPair[]): SerialInterval {
  const usable = pairs.flatMap((p) =>
    p.infectorOnset && p.infecteeOnset ? [{ ...p, days: daysBetween(p.infectorOnset, p.infecteeOnset) }] : [],
  );
  const n = usable.length;
  if (n === 0) return { pairs: [], n, meanDays: null, sdDays: null };
  const mean = usable.reduce((sum, p) => sum + p.days, 0) / n;
  const variance = n > 1 ? usable.reduce((sum, p) => sum + (p.days - mean) ** 2, 0) / (n - 1) : null;
  return { pairs: usable, n, meanDays: round(mean), sdDays: variance === null ? null : round(Math.sqrt(variance)) };
}

const round = (x: number) => Math.round(x * 100) / 100;
