import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phoneProblem } from '../identity/phone.ts';
import { residentIdProblem } from '../identity/resident-id.ts';
import { demoHouseholdMembers, demoHouseholdSize } from './households.ts';
import { createRandom } from './random.ts';
import { ResidentIdAllocator } from './resident-ids.ts';
import { type DemoResident, demoResidents } from './residents.ts';

const REFERENCE = '2025-01-01';

function people(seed: number, households: number): DemoResident[][] {
  const random = createRandom(seed, 'people');
  const ids = new ResidentIdAllocator('320412');
  return Array.from({ length: households }, () =>
    demoResidents(random, demoHouseholdMembers(random, demoHouseholdSize(random), REFERENCE), ids, REFERENCE),
  );
}

describe('demo residents', () => {
  const households = people(5, 4000);
  const everyone = households.flat();

  it('are the same people for the same seed', () => {
    assert.deepEqual(people(5, 50), households.slice(0, 50));
    assert.notDeepEqual(people(6, 50), households.slice(0, 50));
  });

  it('carry valid resident ID numbers that never repeat', () => {
    assert.ok(everyone.every((p) => residentIdProblem(p.idNumber, REFERENCE) === null));
    assert.equal(new Set(everyone.map((p) => p.idNumber)).size, everyone.length);
  });

  it('carry an ID whose sequence parity matches the gender', () => {
    assert.ok(everyone.every((p) => (Number(p.idNumber[16]) % 2 === 1) === (p.gender === 'male')));
  });

  it('have zh-CN names of two to four characters', () => {
    assert.ok(everyone.every((p) => /^[\u4e00-\u9fff]{2,4}$/.test(p.name)));
  });

  it('give children the surname of the male head or of the spouse when the head is a woman', () => {
    for (const members of households) {
      const head = members[0];
      const spouse = members.find((p) => p.householdRole === 'spouse');
      const father = head?.gender === 'male' || !spouse ? head : spouse;
      for (const child of members.filter((p) => p.householdRole === 'child')) assert.equal(child.name[0], father?.name[0]);
    }
  });

  it('give valid mainland mobiles to most adults and none to young children', () => {
    const adults = everyone.filter((p) => p.birthDate < '2000-01-01');
    assert.ok(adults.filter((p) => p.phone).length / adults.length > 0.85);
    assert.ok(everyone.filter((p) => p.phone).every((p) => phoneProblem(p.phone ?? '') === null));
    assert.ok(everyone.filter((p) => p.birthDate > '2012-01-01').every((p) => p.phone === null));
  });

  it('draw common surnames most often', () => {
    const counts = new Map<string, number>();
    for (const p of everyone) counts.set(p.name[0] ?? '', (counts.get(p.name[0] ?? '') ?? 0) + 1);
    const top = [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([s]) => s);
    assert.ok(
      ['王', '陈', '张', '李'].every((s) => top.includes(s)),
      top.join(''),
    );
  });
});
