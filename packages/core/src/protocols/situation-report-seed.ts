import type { JurisdictionLevel } from '../jurisdiction/levels.ts';
import { clause } from './clause.ts';
import type { Clause } from './protocol-types.ts';

/**
 * The daily situation report (疫情日报; DAILY-007, INFO-006): once there is an outbreak the epidemic and the
 * prevention work are reported every day. The seeds give no hour; the platform compiles the previous day's
 * report at this time in Asia/Shanghai (configured, not from a seed).
 */
export interface SituationReportRules {
  /** HH:MM in Asia/Shanghai when the previous day's report is compiled. */
  compileAt: string;
  /** The levels each jurisdiction of which gets its own report: the district's command office and each town's (街道) command. */
  levels: readonly JurisdictionLevel[];
  basis: Clause;
}

export const SITUATION_REPORT_SEED: SituationReportRules = {
  compileAt: '08:00',
  levels: ['county', 'town'],
  basis: clause(
    'seed 004',
    'Part C §三(三)',
    'Each day, publish epidemic and prevention-work information (compiled at 08:00 for the day before)',
    true,
  ),
};

export const situationReportRules = (): SituationReportRules => SITUATION_REPORT_SEED;
