import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateForAge, demoHouseholdMembers, demoHouseholdSize } from './households.ts';
import { createRandom } from './random.ts';

const REFERENCE = '2025-01-01';
const yearOf = (date: string) => Number(date.slice(0, 4));

describe('demo households', () => {
  const random = createRandom(11, 'households');
  const households = Array.from({ length: 3000 }, () => demoHouseholdMembers(random, demoHouseholdSize(random), REFERENCE));

  it('have one to five members, about 2.6 on average', () => {
    assert.ok(households.every((h) => h.length >= 1 && h.length <= 5));
    const mean = households.reduce((sum, h) => sum + h.length, 0) / households.length;
    assert.ok(mean > 2.4 && mean < 2.8, `mean ${mean}`);
  });

  it('start with exactly one head', () => {
    assert.ok(households.every((h) => h[0]?.role === 'head' && h.filter((m) => m.role === 'head').length === 1));
  });

  it('have children younger than the head and parents older', () => {
    for (const members of households) {
      const head = yearOf(members[0]?.birthDate ?? '');
      for (const m of members.filter((x) => x.role === 'child')) assert.ok(yearOf(m.birthDate) > head);
      for (const m of members.filter((x) => x.role === 'parent')) assert.ok(yearOf(m.birthDate) < head);
    }
  });

  it('pair a spouse of the other gender with the head', () => {
    for (const members of households) {
      const spouse = members.find((m) => m.role === 'spouse');
      if (spouse) assert.notEqual(spouse.gender, members[0]?.gender);
    }
  });

  it('never put a birth date after the reference date', () => {
    assert.ok(households.flat().every((m) => m.birthDate <= REFERENCE));
  });

  it('puts a birth date inside the year of life that gives the age', () => {
    const date = birthDateForAge(createRandom(1), 30, REFERENCE);
    assert.ok(date > '1994-01-01' && date <= '1995-01-01', date);
  });
});
