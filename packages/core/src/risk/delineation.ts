import { because, type Reason } from '../key-persons/reason.ts';
import type { ControlUnitKind, ControlZoneType, ZoneKind, ZoneOutbreakType, ZoneRules } from '../protocols/zone-types.ts';

/** Where the case lives, as far as known: its building, its compound (grid) and its community (village). */
export interface CaseHome {
  buildingId: string | null;
  gridId: string | null;
  villageId: string | null;
}

export interface ControlUnit {
  kind: ControlUnitKind;
  id: string;
}

export interface DelineationSuggestion {
  kind: Exclude<ZoneKind, 'control_area'>;
  zoneType: ControlZoneType;
  /** The unit to draw over, or null when the case's home is not known at that level. */
  unit: ControlUnit | null;
  /** What the unit is at its level, for the person to find it by hand when `unit` is null. */
  unitLevel: 'building' | 'grid' | 'village';
  mayUpgradeTo: Exclude<ZoneKind, 'control_area'> | null;
  because: Reason[];
}

function unitOf(home: CaseHome, level: DelineationSuggestion['unitLevel']): ControlUnit | null {
  if (level === 'building') return home.buildingId ? { kind: 'building', id: home.buildingId } : null;
  if (level === 'grid') return home.gridId ? { kind: 'grid', id: home.gridId } : null;
  return home.villageId ? { kind: 'jurisdiction', id: home.villageId } : null;
}

/**
 * The spot or zone the outbreak type asks for (ZONE-004, SC-21): a sporadic case's building is the spot, a
 * cluster's compound is the spot (upgradable to a zone), a transmission's community is the zone. A person
 * draws the zone; this is the suggestion with its clause.
 */
export function suggestDelineation(rules: ZoneRules, outbreakType: ZoneOutbreakType, home: CaseHome): DelineationSuggestion | null {
  const rule = rules.delineation.find((r) => r.outbreakType === outbreakType);
  if (!rule) return null;
  return {
    kind: rule.kind,
    zoneType: rule.zoneType,
    unit: unitOf(home, rule.unit),
    unitLevel: rule.unit,
    mayUpgradeTo: rule.mayUpgradeTo ?? null,
    because: [because(`zone.delineation.${outbreakType}`, rule.basis)],
  };
}
