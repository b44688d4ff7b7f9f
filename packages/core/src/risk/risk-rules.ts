import { AppError } from '../errors/app-error.ts';
import type { LocalProfile, ProtocolEdition } from '../protocols/protocol-types.ts';
import type { ControlZoneType, LiftingRule, RiskRules, ZoneRules } from '../protocols/zone-types.ts';
import { CONTROL_ZONE_TYPES } from '../protocols/zone-types.ts';

/** The edition's risk rules with a profile's unit and authority laid on top (§18 V9), or undefined when it has none. */
export function riskRulesFor(edition: ProtocolEdition, profile?: LocalProfile): RiskRules | undefined {
  if (!edition.risk) return undefined;
  const local = profile && profile.editionId === edition.id ? profile.risk : undefined;
  return local ? { ...edition.risk, ...local } : edition.risk;
}

/** The edition's risk rules; an edition without them cannot grade areas. */
export function riskRulesOf(edition: ProtocolEdition, profile?: LocalProfile): RiskRules {
  const rules = riskRulesFor(edition, profile);
  if (!rules) throw new AppError('conflict', 'noRiskRules', 'editionId', { edition: edition.id });
  return rules;
}

/** The edition's zone rules; an edition without them cannot delineate or lift zones. */
export function zoneRulesOf(edition: ProtocolEdition): ZoneRules {
  if (!edition.zones) throw new AppError('conflict', 'noZoneRules', 'editionId', { edition: edition.id });
  return edition.zones;
}

export function liftingRuleOf(rules: ZoneRules, zoneType: ControlZoneType): LiftingRule {
  const rule = rules.lifting.find((r) => r.zoneType === zoneType);
  if (!rule) throw new AppError('conflict', 'noZoneRules', 'zoneType', { edition: zoneType });
  return rule;
}

export const isControlZoneType = (value: string): value is ControlZoneType => (CONTROL_ZONE_TYPES as readonly string[]).includes(value);
