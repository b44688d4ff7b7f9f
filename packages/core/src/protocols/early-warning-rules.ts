import type { EarsMethod } from '../analytics/ears.ts';
import type { SentinelSeries } from '../surveillance/sentinel-series.ts';
import { clause } from './clause.ts';
import type { Clause } from './protocol-types.ts';

/** How one sentinel series is watched: the EARS method and its control, and the smallest count worth a signal. */
export interface SeriesWatch {
  series: SentinelSeries;
  method: EarsMethod;
  /** Days in the EARS baseline (earsC default 7). */
  baseline: number;
  /** One-sided level (earsC: 0.001 for C1 and C2, 0.025 for C3). */
  alpha: number;
  /** Floor of the baseline sd, so a flat baseline of sparse counts still gives a threshold (Burkom: 0.5 or 1). */
  minSigma: number;
  /** A day alarms only with at least this many counts (a jump from 0 to 1 is not a signal). */
  minCount: number;
  basis: Clause;
}

/**
 * Early warning (预警, CASE-007, CASE-008): which sentinel series are watched and how, how far back each
 * hourly run looks for alarm days, and how long the CDC has to verify a signal (the task's deadline).
 */
export interface EarlyWarningRules {
  watches: SeriesWatch[];
  /** Alarm days looked for in each run: the last N complete days (yesterday and before). */
  lookbackDays: number;
  /** Hours the CDC has to verify a signal (核实) once it is raised. */
  verifyWithinHours: number;
  basis: Clause;
}

const SEED_003 = 'Seed 003 (常态化防控) item 16';
const SEED_002 = 'Seed 002 §七(三)';

// The seeds ask for dynamic indicators, levels and methods but give no values (CASE-007 [gap]): the method is the
// CDC's EARS with earsC's defaults, and the minimum counts are configured.
const watch = (series: SentinelSeries, method: EarsMethod, minCount: number, basis: Clause): SeriesWatch => ({
  series,
  method,
  baseline: 7,
  alpha: method === 'C3' ? 0.025 : 0.001,
  minSigma: 1,
  minCount,
  basis,
});

/** The early-warning rules both editions ship (the seeds' CASE-007 and CASE-008; the values configured). */
export const SEED_EARLY_WARNING: EarlyWarningRules = {
  watches: [
    watch('fever_clinic_visit', 'C2', 5, clause(SEED_003, '监测预警', 'Fever-clinic visits watched daily for aberrations (EARS C2)', true)),
    watch('primary_care_visit', 'C2', 5, clause(SEED_003, '监测预警', 'Primary-care fever visits watched daily (EARS C2)', true)),
    watch(
      'pharmacy_fever_drug_purchase',
      'C2',
      5,
      clause(SEED_003, '药店监测', 'Pharmacy fever and cough drug purchases feed the warning system (EARS C2)', true),
    ),
    watch('school_illness_absence', 'C2', 3, clause(SEED_003, '因病缺课', 'School absences for illness watched daily (EARS C2)', true)),
    watch('ili', 'C3', 3, clause(SEED_002, '流感样病例监测', 'ILI counts monitored and warned about (EARS C3)', true)),
    watch('positive_test', 'C1', 1, clause(SEED_002, '阳性检出', 'Positive nucleic-acid results watched daily (EARS C1)', true)),
  ],
  lookbackDays: 3,
  verifyWithinHours: 24,
  basis: clause(SEED_003, '16', 'A sensitive, year-round monitoring and early-warning system with dynamic indicators', true),
};
