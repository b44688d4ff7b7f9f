import { type ControlZoneType, isControlZoneType, type ResidenceFacts, RISK_LEVELS, type RiskLevel } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { activeZoneTypesOfHousehold, activeZoneTypesOfPerson } from './control-zone.repository.ts';
import { publishedLevelOfPerson } from './risk-area.repository.ts';

const asLevel = (value: string | null): RiskLevel | null =>
  (RISK_LEVELS as readonly string[]).includes(value ?? '') ? (value as RiskLevel) : null;

/** Where a person lives, as the colour rules read it (issue 14): the published grade and the active zones over the home. */
export async function residenceFactsOf(db: Db, personId: string): Promise<ResidenceFacts> {
  const [level, types] = await Promise.all([publishedLevelOfPerson(db, personId), activeZoneTypesOfPerson(db, personId)]);
  return { riskLevel: asLevel(level), zoneTypes: types.filter(isControlZoneType) };
}

/** The types of the active zones a person's home lies in. */
export async function zoneTypesOfPerson(db: Db, personId: string): Promise<ControlZoneType[]> {
  return (await activeZoneTypesOfPerson(db, personId)).filter(isControlZoneType);
}

/** The types of the active zones a household lies in (the pass asks, issue 14). */
export async function zoneTypesOfHousehold(db: Db, householdId: string): Promise<ControlZoneType[]> {
  return (await activeZoneTypesOfHousehold(db, householdId)).filter(isControlZoneType);
}
