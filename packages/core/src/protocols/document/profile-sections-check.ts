import { COMPOUND_ENTRY_REGIMES } from '../../closed-management/compound-entry-rules.ts';
import { CODE_COLOURS, type CodeRule } from '../../codes/code-types.ts';
import { KEY_PERSON_CATEGORIES, MANAGEMENT_TYPES, ZONE_TYPES } from '../protocol-types.ts';
import { CONTROL_ZONE_TYPES } from '../zone-types.ts';
import type { DocumentCheck, Json } from './document-check.ts';

/** The fields each kind of colour rule carries besides `kind`, `colour` and `basis` (a field not listed is a typo). */
const CODE_RULE_FIELDS: Record<CodeRule['kind'], readonly string[]> = {
  caseCategory: ['categories'],
  underManagement: ['categories', 'managementTypes'],
  positiveResult: ['withinDays'],
  unresolvedResult: ['withinDays'],
  declaredSymptoms: ['withinDays', 'feverThresholdTenths'],
  riskAreaArrival: ['levels', 'withinDays'],
  notAtDestination: [],
  missingMandatoryTest: [],
  residentOfRiskArea: ['levels'],
  residentOfControlZone: ['zoneTypes'],
};
const CODE_RULE_KINDS = Object.keys(CODE_RULE_FIELDS) as CodeRule['kind'][];
const LIST_VALUES: Record<string, readonly string[]> = {
  categories: KEY_PERSON_CATEGORIES,
  managementTypes: MANAGEMENT_TYPES,
  levels: ['medium', 'high'],
  zoneTypes: CONTROL_ZONE_TYPES,
};

function checkList(check: DocumentCheck, value: Json, path: string, allowed: readonly string[]) {
  if (!check.array(value, path)) return;
  if (value.length === 0) check.fail(path, 'required');
  value.forEach((item, i) => {
    check.oneOf(item, `${path}[${i}]`, allowed);
  });
}

/** A profile's pool sizes (`profile.testing.pooling`): one rule per zone type, sizes ≥ 1, with its clause. */
export function checkProfileTesting(check: DocumentCheck, value: Json, path: string) {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['pooling']);
  if (!check.array(value.pooling, `${path}.pooling`)) return;
  const seen = new Set<string>();
  value.pooling.forEach((rule, i) => {
    const at = `${path}.pooling[${i}]`;
    if (!check.object(rule, at)) return;
    check.knownKeys(rule, at, ['zoneType', 'sizes', 'household', 'basis']);
    if (check.oneOf(rule.zoneType, `${at}.zoneType`, ZONE_TYPES)) {
      if (seen.has(rule.zoneType)) check.fail(`${at}.zoneType`, 'duplicateZoneType');
      seen.add(rule.zoneType);
    }
    if (check.array(rule.sizes, `${at}.sizes`)) {
      if (rule.sizes.length === 0) check.fail(`${at}.sizes`, 'required');
      rule.sizes.forEach((size, j) => {
        check.count(size, `${at}.sizes[${j}]`, 1);
      });
    }
    check.boolean(rule.household, `${at}.household`);
    check.clause(rule.basis, `${at}.basis`);
  });
}

/** A profile's colour rules (`profile.codes`): known kinds, their own fields only, a colour and a clause each. */
export function checkProfileCodes(check: DocumentCheck, value: Json, path: string) {
  if (!check.array(value, path)) return;
  value.forEach((rule, i) => {
    const at = `${path}[${i}]`;
    if (!check.object(rule, at) || !check.oneOf(rule.kind, `${at}.kind`, CODE_RULE_KINDS)) return;
    const fields = CODE_RULE_FIELDS[rule.kind];
    check.knownKeys(rule, at, ['kind', 'colour', 'basis', ...fields]);
    check.oneOf(rule.colour, `${at}.colour`, CODE_COLOURS);
    check.clause(rule.basis, `${at}.basis`);
    for (const field of fields) {
      const allowed = LIST_VALUES[field];
      if (allowed) checkList(check, rule[field], `${at}.${field}`, allowed);
      else check.count(rule[field], `${at}.${field}`, 1);
    }
  });
}

/** A profile's entry regime (`profile.compoundEntry`): one of the regimes core knows, with its clause (SC-42 / SC-43). */
export function checkCompoundEntry(check: DocumentCheck, value: Json, path: string) {
  if (!check.object(value, path)) return;
  check.knownKeys(value, path, ['regime', 'basis']);
  check.oneOf(value.regime, `${path}.regime`, COMPOUND_ENTRY_REGIMES);
  check.clause(value.basis, `${path}.basis`);
}
