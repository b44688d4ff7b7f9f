/**
 * Chinese resident identity number (居民身份证号码), GB 11643-1999:
 * 6-digit division code, 8-digit birth date, 3-digit sequence (odd = male), check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

export type ResidentIdProblem = 'length' | 'characters' | 'birthDate' | 'checkDigit';

export interface ResidentIdFacts {
  divisionCode: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

export function normalizeResidentId(raw: string): string {
  return raw.trim().toUpperCase();
}

function isRealDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Returns the first problem found, or null when the number is valid. `today` bounds the birth date. */
export function residentIdProblem(raw: string, today: string): ResidentIdProblem | null {
  const id = normalizeResidentId(raw);
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  const birth = id.slice(6, 14);
  if (!isRealDate(birth) || birth > today.replaceAll('-', '')) return 'birthDate';
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function residentIdFacts(id: string): ResidentIdFacts {
  const birth = id.slice(6, 14);
  return {
    divisionCode: id.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}
