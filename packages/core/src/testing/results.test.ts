import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MANDATORY_TESTING_GROUPS } from '../protocols/protocol-types.ts';
import { memberTestingState } from './group-coverage.ts';
import { negativeWithin } from './negative-within.ts';
import { groupRuleOf, turnaroundRuleOf } from './testing-rules.ts';
import { rulesFor } from './testing-support.ts';
import { summarizeTurnaround } from './turnaround.ts';

const rules = rulesFor('cn-2022-9th');
const now = new Date('2022-07-10T12:00:00+08:00');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('negative within n hours', () => {
  it('a negative sample taken 40 h ago counts for 48 h but not for 24 h', () => {
    const results = [{ sampledAt: hoursAgo(40), result: 'negative' as const }];
    assert.equal(negativeWithin(rules, results, now, 48).decision, true);
    assert.equal(negativeWithin(rules, results, now, 24).decision, false);
  });

  it('a negative retest clears an earlier positive pool; a later positive spoils an earlier negative', () => {
    const cleared = [
      { sampledAt: hoursAgo(40), result: 'positive' as const },
      { sampledAt: hoursAgo(10), result: 'negative' as const },
    ];
    const spoiled = [
      { sampledAt: hoursAgo(40), result: 'negative' as const },
      { sampledAt: hoursAgo(10), result: 'positive' as const },
    ];
    assert.equal(negativeWithin(rules, cleared, now, 48).decision, true);
    assert.equal(negativeWithin(rules, spoiled, now, 48).decision, false);
  });

  it('a sample still waiting for its result neither counts nor spoils', () => {
    const results = [
      { sampledAt: hoursAgo(30), result: 'negative' as const },
      { sampledAt: hoursAgo(2), result: null },
    ];
    assert.equal(negativeWithin(rules, results, now, 48).decision, true);
  });

  it('only the protocol’s windows may be asked for', () => {
    assert.equal(negativeWithin(rules, [], now, 36).problem, 'windowNotAllowed');
  });
});

describe('mandatory groups and their cycles (TEST-001)', () => {
  it('all 12 groups of seed 000 §三(三)5 have a cycle in both editions', () => {
    for (const id of ['seed-2020', 'cn-2022-9th']) {
      assert.deepEqual(
        rulesFor(id).groups.map((g) => g.group),
        [...MANDATORY_TESTING_GROUPS],
      );
    }
  });

  it('medical staff tested on the 1st are covered until the 8th, due then, overdue after (9th edition: 7 days, configured)', () => {
    const rule = groupRuleOf(rules, 'medical_staff');
    const member = { joinedOn: '2022-06-01', lastSampledOn: '2022-07-01' };
    assert.equal(memberTestingState(rule, member, '2022-07-07').decision, 'covered');
    assert.equal(memberTestingState(rule, member, '2022-07-08').decision, 'due');
    assert.equal(memberTestingState(rule, member, '2022-07-09').decision, 'overdue');
    assert.equal(memberTestingState(rule, member, '2022-07-09').because[0]?.configured, true);
  });

  it('a new member never tested is due on the day they join', () => {
    const rule = groupRuleOf(rules, 'medical_staff');
    assert.equal(memberTestingState(rule, { joinedOn: '2022-07-10', lastSampledOn: null }, '2022-07-10').decision, 'due');
  });

  it('a close contact on the roster is tested once on day 1 and stays covered', () => {
    const rule = groupRuleOf(rules, 'close_contact');
    assert.equal(memberTestingState(rule, { joinedOn: '2022-07-09', lastSampledOn: null }, '2022-07-10').decision, 'overdue');
    assert.equal(memberTestingState(rule, { joinedOn: '2022-07-01', lastSampledOn: '2022-07-01' }, '2022-07-10').decision, 'covered');
  });

  it('a test before joining the roster does not count', () => {
    const rule = groupRuleOf(rules, 'medical_staff');
    assert.equal(memberTestingState(rule, { joinedOn: '2022-07-10', lastSampledOn: '2022-07-09' }, '2022-07-11').decision, 'overdue');
  });
});

describe('turnaround', () => {
  it('fever clinics are held to 6 h, marked as configured (TEST-016)', () => {
    const rule = turnaroundRuleOf(rules, 'fever_clinic');
    const summary = summarizeTurnaround([2, 4, 5, 7.5], rule);
    assert.deepEqual([summary.limitHours, summary.overLimit, summary.maxHours, summary.decision], [6, 1, 7.5, 'late']);
    assert.equal(summary.because[0]?.configured, true);
  });

  it('no results is neither within nor late', () => {
    assert.equal(summarizeTurnaround([], turnaroundRuleOf(rules, 'campaign')).decision, 'none');
  });
});
