import { clause } from './clause.ts';
import type { InformationRules } from './information-rule-types.ts';

const SEED_001_RELEASE = clause(
  'seed 001',
  '§四(五)',
  'Epidemic information released externally is reported upward level by level; nothing is released without authorisation',
);
const SEED_001_INTERVIEW = clause('seed 001', '§四(五)', 'A media interview needs the township headquarters’ approval first');
const SEED_002_NEWS = clause(
  'seed 002',
  '§六(一)11',
  'The district News Group publishes the headquarters’ measures and authoritative information (INFO-003)',
);
const SEED_004_WARNING = clause('seed 004', 'Part A §三(三)1', 'Warning information to the public is released by the health authority');
const SEED_004_DAILY = clause(
  'seed 004',
  'Part C §三(三)',
  'After an outbreak, the day’s epidemic and prevention-work information is published every day with an interpretation; the hour is configured',
  true,
);
const SEED_004_BULLETIN = clause(
  'seed 004',
  'Part A §二(一)',
  'The comprehensive coordination group compiles the leading group’s work bulletin (编写领导小组工作动态); the leading group of the same place approves it before it goes out, and the seed gives no frequency',
  true,
);
const SEED_002_RUMOUR = clause(
  'seed 002',
  '§六(一)11',
  'Public opinion is monitored and rumours refuted promptly; the hours are configured',
  true,
);

/**
 * Release authority per seed 001 §四(五) and seed 002 §六(一): a community's notice goes up to the town; the
 * daily outbreak information goes up to the district's headquarters through the town; warnings are the
 * district's; interviews the town's.
 */
export const INFORMATION_RULES: InformationRules = {
  publication: SEED_001_RELEASE,
  chains: {
    notice: [{ level: 'town', basis: SEED_001_RELEASE }],
    daily_outbreak: [
      { level: 'town', basis: SEED_001_RELEASE },
      { level: 'county', basis: SEED_002_NEWS },
    ],
    warning: [{ level: 'county', basis: SEED_004_WARNING }],
    work_bulletin: [{ level: 'town', basis: SEED_004_BULLETIN }],
    interview: [{ level: 'town', basis: SEED_001_INTERVIEW }],
  },
  dailyOutbreak: { time: '10:00', remindMinutesBefore: 60, basis: SEED_004_DAILY },
  opinion: {
    rumour: { respondWithinHours: 2, closeWithinHours: 24, basis: SEED_002_RUMOUR },
    complaint: { respondWithinHours: 24, closeWithinHours: 72, basis: SEED_002_RUMOUR },
    query: { respondWithinHours: 24, closeWithinHours: 48, basis: SEED_002_RUMOUR },
  },
};
