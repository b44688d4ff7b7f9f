import type { CheckpointRules } from '../closed-management/checkpoint-rules.ts';
import type { CodeColour, CodeRuleSet } from '../codes/code-types.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import { type TestingRules, ZONE_TYPES, type ZoneType } from '../protocols/protocol-types.ts';
import type { ControlZoneType } from '../protocols/zone-types.ts';
import { choosePool, type PoolDecision } from '../testing/pooling.ts';

/** The rule sets a zone's effects are read from: each effect is answered by its own module's rule. */
export interface ZoneEffectRules {
  testing: TestingRules;
  codes: CodeRuleSet;
  checkpoint: CheckpointRules;
}

export interface ZoneEffects {
  zoneType: ControlZoneType;
  /** The pool a campaign uses for residents of the zone (the testing rule's default for the zone type). */
  pool: PoolDecision;
  /** The colour the code rules give a resident of the zone for the zone alone (null: the zone does not colour). */
  codeColour: { colour: CodeColour | null; because: Reason[] };
  /** Whether a household of the zone goes out on its pass. */
  pass: { goesOut: boolean; because: Reason[] };
}

function zoneColour(codes: CodeRuleSet, zoneType: ControlZoneType): ZoneEffects['codeColour'] {
  const rule = codes.rules.find((r) => r.kind === 'residentOfControlZone' && r.zoneTypes.includes(zoneType));
  return rule ? { colour: rule.colour, because: [because(`code.${rule.kind}.${rule.colour}`, rule.basis)] } : { colour: null, because: [] };
}

/**
 * What a zone of a type does elsewhere (issue 14): the campaign pool, the residents' code colour and the
 * household pass — each asked of the rule that already decides it (pooling, code colour, checkpoint).
 */
export function zoneEffects(rules: ZoneEffectRules, zoneType: ControlZoneType): ZoneEffects {
  const sealed = rules.checkpoint.sealedZone.zoneTypes.includes(zoneType);
  const passBasis = sealed ? rules.checkpoint.sealedZone.basis : rules.checkpoint.pass.basis;
  return {
    zoneType,
    pool: choosePool(rules.testing, zoneType),
    codeColour: zoneColour(rules.codes, zoneType),
    pass: { goesOut: !sealed, because: [because(sealed ? 'checkpoint.pass.sealedZone' : 'checkpoint.pass.allowed', passBasis)] },
  };
}

/** The strictest of several zone types (sealed before controlled before precaution before none). */
export function strictestZoneType(types: readonly ZoneType[]): ZoneType {
  return [...types].sort((a, b) => ZONE_TYPES.indexOf(a) - ZONE_TYPES.indexOf(b))[0] ?? 'general';
}
