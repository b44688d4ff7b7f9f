import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identityProblem, normalizeIdNumber } from './identity-document.ts';
import { phoneProblem } from './phone.ts';

const TODAY = '2026-01-15';

describe('identity documents', () => {
  it('checks a resident ID with the GB 11643 rules and names the field', () => {
    assert.equal(identityProblem({ idType: 'resident_id', idNumber: '11010519491231002X' }, TODAY), null);
    assert.deepEqual(identityProblem({ idType: 'resident_id', idNumber: '110105194912310021' }, TODAY), {
      field: 'idNumber',
      reason: 'residentId.checkDigit',
    });
  });

  it('accepts passport numbers of 5 to 17 letters and digits, upper-cased', () => {
    assert.equal(normalizeIdNumber({ idType: 'passport', idNumber: ' e12345678 ' }), 'E12345678');
    assert.equal(identityProblem({ idType: 'passport', idNumber: 'e12345678' }, TODAY), null);
    assert.deepEqual(identityProblem({ idType: 'passport', idNumber: 'E1-23' }, TODAY), { field: 'idNumber', reason: 'passport.format' });
  });

  it('refuses other documents shorter than 4 characters', () => {
    assert.deepEqual(identityProblem({ idType: 'other', idNumber: 'AB1' }, TODAY), { field: 'idNumber', reason: 'other.format' });
  });
});

describe('phone numbers', () => {
  it('accepts mainland mobiles with or without +86 and landlines with an area code', () => {
    assert.equal(phoneProblem('13812345678'), null);
    assert.equal(phoneProblem('+86 138 1234 5678'), null);
    assert.equal(phoneProblem('0519-86123456'), null);
  });

  it('refuses numbers that cannot be dialled', () => {
    assert.equal(phoneProblem('12812345678'), 'phone.format');
    assert.equal(phoneProblem('1381234567'), 'phone.format');
  });
});
