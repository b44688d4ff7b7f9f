import type { DemoMember, HouseholdRole } from './households.ts';
import { demoName, demoSurname, type Gender } from './names.ts';
import { demoMobile } from './phones.ts';
import type { Random } from './random.ts';
import type { ResidentIdAllocator } from './resident-ids.ts';

export interface DemoResident {
  name: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  householdRole: HouseholdRole;
}

/** Children carry the father's surname; the head's father shares the head's surname. */
function surnamesOf(random: Random, members: readonly DemoMember[]) {
  const head = demoSurname(random);
  const spouse = demoSurname(random);
  const headIsMale = members[0]?.gender === 'male';
  const hasSpouse = members.some((m) => m.role === 'spouse');
  const child = headIsMale || !hasSpouse ? head : spouse;
  return (member: DemoMember): string => {
    if (member.role === 'spouse') return spouse;
    if (member.role === 'child') return child;
    if (member.role === 'parent') return member.gender === 'male' ? head : demoSurname(random);
    return head;
  };
}

/** Most people from 14 to 79 carry a mobile phone; younger children none; about half of the very old. */
function phoneOf(random: Random, age: number): string | null {
  if (age < 14) return null;
  if (age >= 80 && random.chance(0.5)) return null;
  return random.chance(0.95) ? demoMobile(random) : null;
}

/** Names, unique resident ID numbers and phones for the members of one household. */
export function demoResidents(
  random: Random,
  members: readonly DemoMember[],
  ids: ResidentIdAllocator,
  referenceDate: string,
): DemoResident[] {
  const surnameOf = surnamesOf(random, members);
  const referenceYear = Number(referenceDate.slice(0, 4));
  return members.map((member) => {
    const idNumber = ids.next(member.birthDate, member.gender);
    const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
    const birthYear = Number(birthDate.slice(0, 4));
    return {
      name: demoName(random, member.gender, birthYear, surnameOf(member)),
      gender: member.gender,
      birthDate,
      idNumber,
      phone: phoneOf(random, referenceYear - birthYear),
      householdRole: member.role,
    };
  });
}
