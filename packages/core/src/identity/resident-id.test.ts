import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeResidentId, residentIdCheckCharacter, residentIdFacts, residentIdProblem } from './resident-id.ts';

const TODAY = '2026-01-15';
/** The worked example of GB 11643-1999: check character X. */
const STANDARD_EXAMPLE = '11010519491231002X';

/** Builds a well-formed number around a birth date so a test varies one thing at a time. */
function withBirthDate(birth: string, sequence = '123'): string {
  const first17 = `320412${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

describe('resident ID check character (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('accepts the standard worked example 11010519491231002X', () => {
    assert.equal(residentIdCheckCharacter(STANDARD_EXAMPLE.slice(0, 17)), 'X');
    assert.equal(residentIdProblem(STANDARD_EXAMPLE, TODAY), null);
  });

  it('computes a digit check character for another known valid number', () => {
    // 440524188001010014 is the other example printed with the standard.
    assert.equal(residentIdCheckCharacter('44052418800101001'), '4');
  });

  it('refuses every other check character on the same first 17 digits', () => {
    for (const wrong of '0123456789') {
      assert.equal(residentIdProblem(`${STANDARD_EXAMPLE.slice(0, 17)}${wrong}`, TODAY), 'checkDigit');
    }
  });

  it('accepts a lower-case x by normalizing it', () => {
    assert.equal(normalizeResidentId(' 11010519491231002x '), STANDARD_EXAMPLE);
    assert.equal(residentIdProblem('11010519491231002x', TODAY), null);
  });

  it('notices a single changed digit in the body', () => {
    assert.equal(residentIdProblem(`21${STANDARD_EXAMPLE.slice(2)}`, TODAY), 'checkDigit');
  });
});

describe('resident ID shape', () => {
  it('needs exactly 18 characters', () => {
    assert.equal(residentIdProblem(STANDARD_EXAMPLE.slice(0, 17), TODAY), 'length');
    assert.equal(residentIdProblem(`${STANDARD_EXAMPLE}0`, TODAY), 'length');
    assert.equal(residentIdProblem('110105491231002', TODAY), 'length', 'the old 15-digit form is not accepted');
  });

  it('allows X only as the last character', () => {
    assert.equal(residentIdProblem('1101051949123100X2', TODAY), 'characters');
    assert.equal(residentIdProblem('11010519491231A02X', TODAY), 'characters');
  });
});

describe('birth date inside a resident ID', () => {
  it('must be a real calendar date', () => {
    assert.equal(residentIdProblem(withBirthDate('19900230'), TODAY), 'birthDate');
    assert.equal(residentIdProblem(withBirthDate('19901301'), TODAY), 'birthDate');
    assert.equal(residentIdProblem(withBirthDate('19900100'), TODAY), 'birthDate');
  });

  it('knows leap years: 29 February 2000 exists, 1900 and 2023 have none', () => {
    assert.equal(residentIdProblem(withBirthDate('20000229'), TODAY), null);
    assert.equal(residentIdProblem(withBirthDate('19000229'), TODAY), 'birthDate');
    assert.equal(residentIdProblem(withBirthDate('20230229'), TODAY), 'birthDate');
  });

  it('is not before 1900', () => {
    assert.equal(residentIdProblem(withBirthDate('18991231'), TODAY), 'birthDate');
    assert.equal(residentIdProblem(withBirthDate('19000101'), TODAY), null);
  });

  it('may be today but not tomorrow', () => {
    assert.equal(residentIdProblem(withBirthDate('20260115'), TODAY), null);
    assert.equal(residentIdProblem(withBirthDate('20260116'), TODAY), 'birthDate');
  });
});

describe('facts read from a resident ID', () => {
  it('gives division code, birth date and gender (odd sequence is male)', () => {
    assert.deepEqual(residentIdFacts(STANDARD_EXAMPLE), { divisionCode: '110105', birthDate: '1949-12-31', gender: 'female' });
    assert.equal(residentIdFacts(withBirthDate('19900101', '123')).gender, 'male');
  });
});
