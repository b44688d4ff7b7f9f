import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { residentIdFacts, residentIdProblem } from '../identity/resident-id.ts';
import { ResidentIdAllocator } from './resident-ids.ts';

describe('resident ID allocator', () => {
  it('makes numbers that pass the GB 11643 check with the given division, birth date and gender', () => {
    const ids = new ResidentIdAllocator('320412');
    const id = ids.next('1985-03-12', 'female');
    assert.equal(residentIdProblem(id, '2025-01-01'), null);
    assert.deepEqual(residentIdFacts(id), { divisionCode: '320412', birthDate: '1985-03-12', gender: 'female' });
    assert.equal(residentIdFacts(ids.next('1985-03-12', 'male')).gender, 'male');
  });

  it('never repeats a number, moving to the day before when a date is full', () => {
    const ids = new ResidentIdAllocator('320412');
    const made = Array.from({ length: 1200 }, () => ids.next('2000-03-01', 'male'));
    assert.equal(new Set(made).size, 1200);
    assert.ok(made.every((id) => residentIdProblem(id, '2025-01-01') === null));
    const dates = made.map((id) => residentIdFacts(id).birthDate);
    assert.deepEqual([dates[0], dates[500], dates[1000]], ['2000-03-01', '2000-02-29', '2000-02-28']);
  });

  it('scatters sequence numbers instead of counting up from 001', () => {
    const ids = new ResidentIdAllocator('320412');
    const sequences = Array.from({ length: 3 }, () => Number(ids.next('1990-06-15', 'male').slice(14, 17)));
    assert.notDeepEqual(sequences, [1, 3, 5]);
  });

  it('refuses a division code that is not six digits', () => {
    assert.throws(() => new ResidentIdAllocator('3204'), RangeError);
  });
});
