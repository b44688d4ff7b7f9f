import type { Gender } from './names.ts';
import { type Random, weightedPicker, weightTable } from './random.ts';

export type HouseholdRole = 'head' | 'spouse' | 'child' | 'parent';

export interface DemoMember {
  role: HouseholdRole;
  gender: Gender;
  /** YYYY-MM-DD, never after the reference date. */
  birthDate: string;
}

// Household sizes 1–5; the mean (≈2.6) is close to Jiangsu's in the 2020 census.
const pickSize = weightedPicker(weightTable('1:20 2:30 3:26 4:14 5:10'));

// Who lives together, by size: letters are head, spouse, child, parent.
const COMPOSITIONS: Record<number, (random: Random) => string> = {
  1: () => 'h',
  2: weightedPicker(weightTable('hs:70 hc:20 hp:10')),
  3: weightedPicker(weightTable('hsc:75 hsp:15 hcc:10')),
  4: weightedPicker(weightTable('hscc:60 hscp:40')),
  5: weightedPicker(weightTable('hscpp:55 hsccp:45')),
};

// Age of a household head by ten-year band (adults, shaped like the 2020 census pyramid).
const pickHeadBand = weightedPicker(weightTable('20:13 30:17 40:16 50:18 60:13 70:8 80:3'));

export function demoHouseholdSize(random: Random): number {
  return Number(pickSize(random));
}

function headAge(random: Random, min: number, max: number): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const age = Number(pickHeadBand(random)) + random.int(0, 9);
    if (age >= min && age <= max) return age;
  }
  return random.int(min, max);
}

/** Ages of a head that leave room for the household: children need a parent of 24+, parents need a head under 62. */
function headAgeRange(composition: string): [number, number] {
  const min = composition.includes('c') ? 26 : 20;
  const max = composition.includes('p') ? 62 : 89;
  return [min, max];
}

/** A birth date `age` years before the reference date, on a random day of that year of life. */
export function birthDateForAge(random: Random, age: number, referenceDate: string): string {
  const reference = new Date(`${referenceDate}T00:00:00Z`);
  const birthday = Date.UTC(reference.getUTCFullYear() - age, reference.getUTCMonth(), reference.getUTCDate());
  return new Date(birthday - random.int(0, 364) * 86_400_000).toISOString().slice(0, 10);
}

const oppositeOf = (gender: Gender): Gender => (gender === 'male' ? 'female' : 'male');

function memberAges(random: Random, composition: string, head: number): { role: HouseholdRole; age: number }[] {
  const roles: Record<string, HouseholdRole> = { h: 'head', s: 'spouse', c: 'child', p: 'parent' };
  const childAge = () => Math.max(0, head - random.int(24, 36));
  const parentAge = () => Math.min(98, head + random.int(22, 32));
  const spouseAge = () => Math.max(20, head + random.int(-5, 3));
  const ageOf: Record<HouseholdRole, () => number> = { head: () => head, spouse: spouseAge, child: childAge, parent: parentAge };
  return Array.from(composition, (letter) => {
    const role = roles[letter] ?? 'head';
    return { role, age: ageOf[role]() };
  });
}

/** Members of one household of `size` people: roles, genders and birth dates that fit together. */
export function demoHouseholdMembers(random: Random, size: number, referenceDate: string): DemoMember[] {
  const composition = (COMPOSITIONS[size] ?? COMPOSITIONS[1] ?? (() => 'h'))(random);
  const [min, max] = headAgeRange(composition);
  const headGender: Gender = random.chance(0.7) ? 'male' : 'female';
  let firstParent: Gender | null = null;
  return memberAges(random, composition, headAge(random, min, max)).map(({ role, age }) => {
    const gender = genderOf(random, role, headGender, firstParent);
    if (role === 'parent') firstParent ??= gender;
    return { role, gender, birthDate: birthDateForAge(random, age, referenceDate) };
  });
}

function genderOf(random: Random, role: HouseholdRole, headGender: Gender, firstParent: Gender | null): Gender {
  if (role === 'head') return headGender;
  if (role === 'spouse') return oppositeOf(headGender);
  // Two parents are a couple; a lone parent is more often the mother (women live longer).
  if (role === 'parent') return firstParent ? oppositeOf(firstParent) : random.chance(0.6) ? 'female' : 'male';
  // Sex ratio at birth in Jiangsu is around 106–110 boys per 100 girls.
  return random.chance(0.515) ? 'male' : 'female';
}
