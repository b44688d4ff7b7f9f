import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import type { ResponseCase } from './case-facts.ts';
import { terminationCheck } from './termination.ts';
import { localCase, shanghai } from './test-support.ts';

const check = (cases: ResponseCase[], on: string, importRiskReduced: boolean | null = true) =>
  terminationCheck({ cases, importRiskReduced }, shanghai(on), SEED_2020);
const lastOnFirstMarch = [localCase('early', '2020-02-20'), localCase('last', '2020-03-01')];

describe('terminationCheck: both conditions at once (LVL-015, SC-31; max incubation 14 days configured)', () => {
  it('SC-31: the last case isolated on 1 March: not eligible on 28 March, eligible from 29 March (1 March + 2 × 14 days)', () => {
    const before = check(lastOnFirstMarch, '2020-03-28');
    assert.equal(before.eligible, false);
    assert.deepEqual(before.unmet, ['window']);
    assert.equal(before.eligibleFrom, '2020-03-29');
    assert.equal(before.lastCaseId, 'last');
    const on = check(lastOnFirstMarch, '2020-03-29');
    assert.equal(on.eligible, true);
    assert.deepEqual(on.unmet, []);
  });

  it('SC-31: without the "import risk reduced" assessment it is not eligible, even after the window', () => {
    assert.deepEqual(check(lastOnFirstMarch, '2020-04-10', null).unmet, ['importRisk']);
    assert.deepEqual(check(lastOnFirstMarch, '2020-04-10', false).unmet, ['importRisk']);
    assert.deepEqual(check(lastOnFirstMarch, '2020-03-20', null).unmet, ['window', 'importRisk']);
  });

  it('LVL-015 SC-31: once the case criteria hold, termination is to be proposed (the import risk is the proposal’s to assess)', () => {
    assert.equal(check(lastOnFirstMarch, '2020-03-28', null).proposeNow, false);
    assert.equal(check(lastOnFirstMarch, '2020-03-29', null).proposeNow, true);
    assert.equal(
      check([...lastOnFirstMarch, localCase('loose', '2020-03-02', { isolatedOn: null })], '2020-04-10', null).proposeNow,
      false,
    );
  });

  it('SC-31: a new local case on 20 March starts the window again: eligible only from 17 April', () => {
    const cases = [...lastOnFirstMarch, localCase('new', '2020-03-20')];
    assert.equal(check(cases, '2020-03-29').eligible, false);
    assert.equal(check(cases, '2020-03-29').eligibleFrom, '2020-04-17');
    assert.equal(check(cases, '2020-04-16').eligible, false);
    assert.equal(check(cases, '2020-04-17').eligible, true);
  });

  it('a new local confirmed case not yet isolated holds the window open', () => {
    const cases = [...lastOnFirstMarch, localCase('loose', '2020-04-01', { isolatedOn: null })];
    const result = check(cases, '2020-05-01');
    assert.equal(result.eligible, false);
    assert.deepEqual(result.unmet, ['caseNotIsolated']);
  });

  it('only locally acquired confirmed cases (本土确诊病例) count: imported cases and asymptomatic infections do not move the window', () => {
    const cases = [
      ...lastOnFirstMarch,
      localCase('imported', '2020-03-25', { imported: true }),
      localCase('asymptomatic', '2020-03-25', { classification: 'asymptomatic' }),
    ];
    assert.equal(check(cases, '2020-03-29').eligible, true);
  });

  it('a response started for import risk alone (no local case) ends once the import risk has fallen', () => {
    assert.equal(check([], '2020-03-01').eligible, true);
    assert.equal(check([], '2020-03-01').eligibleFrom, null);
    assert.deepEqual(check([], '2020-03-01', false).unmet, ['importRisk']);
  });

  it('the reasons cite seed 002 §八(三)1 and the configured maximum incubation period', () => {
    const result = check(lastOnFirstMarch, '2020-03-28');
    assert.deepEqual(
      result.because.map((r) => r.rule),
      ['response.termination.windowOpen', 'response.termination.maxIncubation', 'response.termination.importRiskReduced'],
    );
    assert.equal(result.because[0]?.clause, '§八(三)1');
    const ninth = terminationCheck({ cases: lastOnFirstMarch, importRiskReduced: true }, shanghai('2020-03-28'), CN_2022_9TH);
    assert.equal(ninth.eligibleFrom, '2020-03-29');
    assert.equal(ninth.because[1]?.configured, true);
  });
});
