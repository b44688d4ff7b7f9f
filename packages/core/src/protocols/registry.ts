import type { CalendarDate } from '../calendar/calendar-date.ts';
import { CN_2022_9TH } from './cn-2022-9th.ts';
import { LOCAL_PROFILES } from './local-profiles.ts';
import type { CategoryRule, KeyPersonCategory, LocalProfile, ProtocolEdition } from './protocol-types.ts';
import { SEED_2020 } from './seed-2020.ts';

export const PROTOCOL_EDITIONS: readonly ProtocolEdition[] = [SEED_2020, CN_2022_9TH];

export function findEdition(id: string): ProtocolEdition | undefined {
  return PROTOCOL_EDITIONS.find((edition) => edition.id === id);
}

/** The edition in force on a date; a running episode keeps the edition it started under. */
export function editionInForce(date: CalendarDate, editions: readonly ProtocolEdition[] = PROTOCOL_EDITIONS): ProtocolEdition | undefined {
  return editions.find((e) => e.effectiveFrom <= date && (!e.effectiveTo || date <= e.effectiveTo));
}

export function findProfile(id: string): LocalProfile | undefined {
  return LOCAL_PROFILES.find((profile) => profile.id === id);
}

/** The profile of the nearest jurisdiction on the path (codes from the root down) that runs one for the edition. */
export function profileFor(
  jurisdictionCodes: readonly string[],
  editionId: string,
  profiles: readonly LocalProfile[] = LOCAL_PROFILES,
): LocalProfile | undefined {
  for (const code of [...jurisdictionCodes].reverse()) {
    const found = profiles.find((p) => p.jurisdictionCode === code && p.editionId === editionId);
    if (found) return found;
  }
  return undefined;
}

/** The category's rule in an edition with a profile's overrides laid on top. */
export function categoryRule(edition: ProtocolEdition, category: KeyPersonCategory, profile?: LocalProfile): CategoryRule | undefined {
  const base = edition.categories[category];
  if (!base) return undefined;
  const override = profile && profile.editionId === edition.id ? profile.overrides[category] : undefined;
  return override ? { ...base, ...override, category } : base;
}
