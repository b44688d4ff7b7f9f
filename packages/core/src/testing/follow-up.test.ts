import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { payerFor } from './payer.ts';
import { barcodeProblem, followUpOf, labResultFromLabel } from './pool-follow-up.ts';
import { rulesFor } from './testing-support.ts';

const rules = rulesFor('seed-2020');

describe('what a lab result sets off', () => {
  it('a positive pool puts every member under control with a single-tube retest and alerts the community', () => {
    const outcome = followUpOf(rules, { memberCount: 10, result: 'positive', isRetest: false });
    assert.deepEqual(outcome.decision, ['control', 'retest', 'communityAlert']);
    assert.equal(outcome.because[0]?.rule, 'testing.positivePool');
  });

  it('an indeterminate pool is handled like a positive one', () => {
    assert.deepEqual(followUpOf(rules, { memberCount: 5, result: 'indeterminate', isRetest: false }).decision, [
      'control',
      'retest',
      'communityAlert',
    ]);
  });

  it('a positive single tube is a case candidate handed to key-person management (seed 000 §三(三)3)', () => {
    const outcome = followUpOf(rules, { memberCount: 1, result: 'positive', isRetest: true });
    assert.deepEqual(outcome.decision, ['caseCandidate', 'keyPerson', 'communityAlert']);
    assert.equal(outcome.because[0]?.clause, '§三(三)3');
  });

  it('a negative retest closes the member’s pool tasks; a negative pool does nothing', () => {
    assert.deepEqual(followUpOf(rules, { memberCount: 1, result: 'negative', isRetest: true }).decision, ['closeRetest']);
    assert.deepEqual(followUpOf(rules, { memberCount: 10, result: 'negative', isRetest: false }).decision, []);
  });

  it('reads lab labels in Chinese, English and signs', () => {
    assert.deepEqual(['阴性', 'POS', '+', '可疑', '？'].map(labResultFromLabel), [
      'negative',
      'positive',
      'positive',
      'indeterminate',
      null,
    ]);
  });

  it('tube barcodes are 6–32 letters, digits or dashes', () => {
    assert.deepEqual(['T-000001', 'ab', 'T 1'].map(barcodeProblem), [null, 'barcode.format', 'barcode.format']);
  });
});

describe('who pays (TEST-002, SC-57)', () => {
  it('a close contact is paid by the government even when asked as voluntary', () => {
    assert.equal(payerFor(rules, { purpose: 'voluntary', groups: ['close_contact'], requested: 'individual' }).decision, 'government');
  });

  it('a voluntary test without a group is paid by the person, or the unit when it asks', () => {
    assert.equal(payerFor(rules, { purpose: 'voluntary', groups: [] }).decision, 'individual');
    assert.equal(payerFor(rules, { purpose: 'voluntary', groups: [], requested: 'employer' }).decision, 'employer');
  });

  it('a voluntary test cannot be put on the government', () => {
    assert.equal(payerFor(rules, { purpose: 'voluntary', groups: [], requested: 'government' }).problem, 'payerNotAllowed');
  });

  it('"mandatory" for a person in no group is refused; campaigns and retests are paid by the government', () => {
    assert.equal(payerFor(rules, { purpose: 'mandatory', groups: [] }).problem, 'notInMandatoryGroup');
    assert.equal(payerFor(rules, { purpose: 'campaign', groups: [] }).decision, 'government');
    assert.equal(payerFor(rules, { purpose: 'retest', groups: [] }).decision, 'government');
  });
});
