import { because, type Reason } from '../key-persons/reason.ts';
import type { TestingRules, ZoneType } from '../protocols/protocol-types.ts';

/** A zone of a campaign: a jurisdiction subtree with its zone type and chosen pool. */
export interface ZoneAssignment {
  path: string;
  zoneType: ZoneType;
  poolSize: number;
  household: boolean;
}

export interface PoolDecision {
  decision: 'allowed' | 'refused';
  size: number;
  household: boolean;
  /** The sizes the zone type allows (first = default). */
  allowed: number[];
  because: Reason[];
}

/** The zone of a path: the deepest assignment whose subtree holds it, else the campaign default. */
export function zoneFor(zones: readonly ZoneAssignment[], path: string, fallback: ZoneAssignment): ZoneAssignment {
  let best: ZoneAssignment | undefined;
  for (const zone of zones) {
    if (path.startsWith(zone.path) && (!best || zone.path.length > best.path.length)) best = zone;
  }
  return best ?? fallback;
}

/** The pool for a zone type: the requested size if the protocol allows it there, else its default. */
export function choosePool(rules: TestingRules, zoneType: ZoneType, requested: { size?: number; household?: boolean } = {}): PoolDecision {
  const rule = rules.pooling.find((p) => p.zoneType === zoneType);
  if (!rule) return { decision: 'refused', size: 1, household: false, allowed: [1], because: [] };
  const reasons = [because(`pooling.${zoneType}`, rule.basis)];
  const household = requested.household === true;
  const size = requested.size ?? rule.sizes[0] ?? 1;
  const ok = household ? rule.household : rule.sizes.includes(size);
  return { decision: ok ? 'allowed' : 'refused', size: household ? 1 : size, household, allowed: rule.sizes, because: reasons };
}

/** Whether a person of a zone may go into a tube of a given pool: the tube may not be larger than the zone allows. */
export function fitsTube(rules: TestingRules, personZone: ZoneType, tube: { poolSize: number; household: boolean }): boolean {
  const rule = rules.pooling.find((p) => p.zoneType === personZone);
  if (!rule) return tube.poolSize === 1 && !tube.household;
  if (tube.household) return rule.household;
  return tube.poolSize <= Math.max(...rule.sizes);
}

export interface TubeFill {
  position: number;
  full: boolean;
}

/**
 * A scan adds one member; a pooled tube is full at its pool size, a household tube when every
 * registered member of the household is in it (seed guidance: 1 household, 1 tube).
 */
export function fillAfterScan(tube: { poolSize: number; household: boolean; memberCount: number }, householdSize = 0): TubeFill {
  const position = tube.memberCount + 1;
  const capacity = tube.household ? Math.max(1, householdSize) : tube.poolSize;
  return { position, full: position >= capacity };
}
