import { MANAGEMENT_TYPES, SIGNATORY_ROLES, TEST_KINDS } from '../protocol-types.ts';
import { type DocumentCheck, isObject, type Json } from './document-check.ts';

const COUNTS_FROM = ['last_exposure', 'arrival', 'discharge', 'discovery', 'registration'] as const;
const MEASURES = ['temperature', 'symptoms'] as const;
const FOLLOW_UP_KINDS = ['visit', 'visit_with_nucleic_acid'] as const;
const TRIGGERS = ['fever', 'symptom', 'positive_result', 'overdue_test', 'overdue_check'] as const;
const ACTIONS = ['alert_and_fever_clinic_transfer', 'case_candidate', 'alert'] as const;
export const CATEGORY_RULE_FIELDS = ['countsFrom', 'phases', 'tests', 'monitoring', 'release', 'followUps', 'escalations'] as const;

type Part = (check: DocumentCheck, value: Json, path: string) => void;

function each(check: DocumentCheck, value: Json, path: string, item: Part) {
  if (!check.array(value, path)) return;
  value.forEach((v, i) => {
    item(check, v, `${path}[${i}]`);
  });
}

const phase: Part = (check, value, path) => {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['type', 'days', 'basis']);
  check.oneOf(value.type, `${path}.type`, MANAGEMENT_TYPES);
  if (value.days !== null) check.count(value.days, `${path}.days`, 1);
  check.clause(value.basis, `${path}.basis`);
};

const test: Part = (check, value, path) => {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['phase', 'day', 'kind', 'basis']);
  check.count(value.phase, `${path}.phase`);
  check.count(value.day, `${path}.day`, 1);
  check.oneOf(value.kind, `${path}.kind`, TEST_KINDS);
  check.clause(value.basis, `${path}.basis`);
};

const monitoring: Part = (check, value, path) => {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['checksPerDay', 'measures', 'alertSymptoms', 'feverThresholdCelsius', 'basis']);
  check.count(value.checksPerDay, `${path}.checksPerDay`);
  each(check, value.measures, `${path}.measures`, (c, v, p) => c.oneOf(v, p, MEASURES));
  each(check, value.alertSymptoms, `${path}.alertSymptoms`, (c, v, p) => c.text(v, p));
  if (check.number(value.feverThresholdCelsius, `${path}.feverThresholdCelsius`)) {
    const t = value.feverThresholdCelsius;
    if (t < 35 || t > 42) check.fail(`${path}.feverThresholdCelsius`, 'outOfRange');
  }
  check.clause(value.basis, `${path}.basis`);
};

function perKind(check: DocumentCheck, value: Json, path: string) {
  if (value === undefined || !check.object(value, path)) return;
  for (const [kind, n] of Object.entries(value)) {
    check.oneOf(kind, `${path}.${kind}`, TEST_KINDS);
    check.count(n, `${path}.${kind}`);
  }
}

const release: Part = (check, value, path) => {
  if (value === null) return;
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, [
    'releasePhase',
    'minimumTests',
    'minHoursBetweenTests',
    'allTestsNegative',
    'noSymptoms',
    'signatures',
    'basis',
  ]);
  check.count(value.releasePhase, `${path}.releasePhase`);
  if (check.object(value.minimumTests, `${path}.minimumTests`)) perKind(check, value.minimumTests, `${path}.minimumTests`);
  perKind(check, value.minHoursBetweenTests, `${path}.minHoursBetweenTests`);
  check.boolean(value.allTestsNegative, `${path}.allTestsNegative`);
  check.boolean(value.noSymptoms, `${path}.noSymptoms`);
  each(check, value.signatures, `${path}.signatures`, (c, v, p) => c.oneOf(v, p, SIGNATORY_ROLES));
  check.clause(value.basis, `${path}.basis`);
};

const followUp: Part = (check, value, path) => {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['after', 'kind', 'basis']);
  if (check.object(value.after, `${path}.after`)) {
    const after = value.after;
    const keys = Object.keys(after);
    if (keys.length !== 1 || !(keys[0] === 'days' || keys[0] === 'months')) check.fail(`${path}.after`, 'daysOrMonths');
    else check.count(after[keys[0] as string], `${path}.after.${keys[0]}`, 1);
  }
  check.oneOf(value.kind, `${path}.kind`, FOLLOW_UP_KINDS);
  check.clause(value.basis, `${path}.basis`);
};

const escalation: Part = (check, value, path) => {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['trigger', 'action', 'withinHours', 'basis']);
  check.oneOf(value.trigger, `${path}.trigger`, TRIGGERS);
  check.oneOf(value.action, `${path}.action`, ACTIONS);
  if (value.withinHours !== undefined) check.count(value.withinHours, `${path}.withinHours`, 1);
  check.clause(value.basis, `${path}.basis`);
};

const FIELD_CHECKS: Record<(typeof CATEGORY_RULE_FIELDS)[number], Part> = {
  countsFrom: (c, v, p) => c.oneOf(v, p, COUNTS_FROM),
  phases: (c, v, p) => each(c, v, p, phase),
  tests: (c, v, p) => each(c, v, p, test),
  monitoring,
  release,
  followUps: (c, v, p) => each(c, v, p, followUp),
  escalations: (c, v, p) => each(c, v, p, escalation),
};

/** The fields of a rule (all of them, or only those present in a profile's override). */
export function checkRuleFields(check: DocumentCheck, value: Record<string, Json>, path: string, partial: boolean) {
  for (const field of CATEGORY_RULE_FIELDS) {
    if (partial && value[field] === undefined) continue;
    FIELD_CHECKS[field](check, value[field], `${path}.${field}`);
  }
}

/**
 * A rule that contradicts itself: a test in a phase that does not exist or on a day outside its phase, a release
 * after a phase that does not exist, no phase at all. `path` is where the offending values were written.
 */
export function checkRuleConsistency(check: DocumentCheck, rule: Record<string, Json>, path: (field: string) => string) {
  const phases = Array.isArray(rule.phases) ? rule.phases.filter(isObject) : [];
  if (Array.isArray(rule.phases) && rule.phases.length === 0) check.fail(path('phases'), 'noPhase');
  const tests = Array.isArray(rule.tests) ? rule.tests : [];
  tests.forEach((t, i) => {
    if (!isObject(t) || typeof t.phase !== 'number' || typeof t.day !== 'number') return;
    const target = phases[t.phase];
    if (!target) check.fail(`${path('tests')}[${i}].phase`, 'unknownPhase');
    else if (typeof target.days === 'number' && t.day > target.days) check.fail(`${path('tests')}[${i}].day`, 'testOutsidePhase');
  });
  const releasePhase = isObject(rule.release) ? rule.release.releasePhase : undefined;
  if (typeof releasePhase === 'number' && !phases[releasePhase]) check.fail(`${path('release')}.releasePhase`, 'unknownPhase');
  phases.forEach((p, i) => {
    if (p.days === null && i < phases.length - 1) check.fail(`${path('phases')}[${i}].days`, 'openPhaseNotLast');
  });
}
