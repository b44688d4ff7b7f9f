import { AppError } from '../errors/app-error.ts';
import type {
  LocalProfile,
  MandatoryTestingGroup,
  ProtocolEdition,
  TestingGroupRule,
  TestingRules,
  TurnaroundRule,
  TurnaroundSetting,
  ZoneType,
} from '../protocols/protocol-types.ts';
import { MANDATORY_TESTING_GROUPS, ZONE_TYPES } from '../protocols/protocol-types.ts';

/**
 * The edition's testing rules, with a local profile's pool sizes laid on top (each of its pooling rules replaces the
 * edition's rule for that zone type); an edition without testing rules cannot run testing work.
 */
export function testingRulesOf(edition: ProtocolEdition, profile?: LocalProfile): TestingRules {
  if (!edition.testing) throw new AppError('conflict', 'noTestingRules', 'editionId', { edition: edition.id });
  const local = profile && profile.editionId === edition.id ? profile.testing?.pooling : undefined;
  if (!local || local.length === 0) return edition.testing;
  const replaced = new Set(local.map((rule) => rule.zoneType));
  const kept = edition.testing.pooling.filter((rule) => !replaced.has(rule.zoneType));
  return { ...edition.testing, pooling: [...kept, ...local] };
}

export function groupRuleOf(rules: TestingRules, group: MandatoryTestingGroup): TestingGroupRule {
  const rule = rules.groups.find((g) => g.group === group);
  if (!rule) throw new AppError('conflict', 'noTestingRules', 'group', { edition: group });
  return rule;
}

export function turnaroundRuleOf(rules: TestingRules, setting: TurnaroundSetting): TurnaroundRule {
  const rule = rules.turnaround.find((t) => t.setting === setting);
  if (!rule) throw new AppError('conflict', 'noTestingRules', 'setting', { edition: setting });
  return rule;
}

export const isMandatoryGroup = (value: string): value is MandatoryTestingGroup =>
  (MANDATORY_TESTING_GROUPS as readonly string[]).includes(value);

export const isZoneType = (value: string): value is ZoneType => (ZONE_TYPES as readonly string[]).includes(value);
