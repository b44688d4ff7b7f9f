export const JURISDICTION_LEVELS = ['country', 'province', 'city', 'county', 'town', 'village', 'grid'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const PLACE_KINDS = [
  'building',
  'unit',
  'household',
  'school',
  'enterprise',
  'market',
  'pharmacy',
  'medical_institution',
  'fever_clinic',
  'quarantine_site',
  'checkpoint',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** NBS codes: province 2 digits, city 4, county 6, town 9, village 12. */
export function levelOfDivisionCode(code: string): JurisdictionLevel | null {
  const byLength: Record<number, JurisdictionLevel> = {
    2: 'province',
    4: 'city',
    6: 'county',
    9: 'town',
    12: 'village',
  };
  return /^\d+$/.test(code) ? (byLength[code.length] ?? null) : null;
}

/** The national root: every division hangs below it, so a grant here covers everything. */
export const COUNTRY_ROOT = { code: 'CN', name: '全国', level: 'country', path: '/' } as const;

/** Materialized path of a node given its parent's path: `/32/3204/320412/`. */
export function childPath(parentPath: string, code: string): string {
  return `${parentPath}${code}/`;
}

export function parentDivisionCode(code: string): string | null {
  const cut: Record<number, number> = { 4: 2, 6: 4, 9: 6, 12: 9 };
  const length = cut[code.length];
  return length ? code.slice(0, length) : null;
}
