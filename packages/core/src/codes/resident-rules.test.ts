import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_2020_CODE_RULES } from './code-rules.ts';
import { ageOn, arrivalDateProblem, pastReportDateProblem, proxyNeedsConsent } from './resident-rules.ts';

// issue 12 defect 5 — CODE-002 (proxy for family members), CODE-003 (arrivals)
describe('resident rules: proxy consent and reported dates', () => {
  it('a person is a year older from their birthday on', () => {
    assert.deepEqual([ageOn('2002-03-10', '2020-03-09'), ageOn('2002-03-10', '2020-03-10')], [17, 18]);
  });

  it('an adult must consent to a proxy; a minor is added directly; an unknown birth date asks for consent', () => {
    const today = '2020-03-10';
    assert.equal(proxyNeedsConsent(SEED_2020_CODE_RULES, '2002-03-10', today), true);
    assert.equal(proxyNeedsConsent(SEED_2020_CODE_RULES, '2002-03-11', today), false);
    assert.equal(proxyNeedsConsent(SEED_2020_CODE_RULES, null, today), true);
  });

  it('a travel date lies within the look-back window and not after today', () => {
    const today = '2020-03-10';
    assert.equal(pastReportDateProblem('2020-03-11', today, 14), 'dateInFuture');
    assert.equal(pastReportDateProblem('2020-02-24', today, 14), 'dateTooOld');
    assert.equal(pastReportDateProblem('2020-02-25', today, 14), null);
  });

  it('an expected arrival lies from today to the window ahead (2099 is refused)', () => {
    const today = '2020-03-10';
    assert.equal(arrivalDateProblem('2020-03-09', today, 14), 'arrivalInPast');
    assert.equal(arrivalDateProblem('2099-01-01', today, 14), 'dateTooFarAhead');
    assert.equal(arrivalDateProblem('2020-03-24', today, 14), null);
  });
});
