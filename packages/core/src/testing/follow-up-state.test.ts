import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shanghaiDayStart } from '../calendar/calendar-date.ts';
import { memberFollowUpState, poolFollowUpState } from './follow-up-state.ts';
import { turnaroundRuleOf } from './testing-rules.ts';
import { rulesFor } from './testing-support.ts';
import { turnaroundLimits } from './turnaround.ts';

const rules = rulesFor('cn-2022-9th');
const pool = { memberCount: 10, result: 'positive' as const, retests: 0, retestsPositive: 0, openTasks: 20 };

describe('where the follow-up of a positive tube stands', () => {
  it('a positive pool whose members are not all retested is still retesting', () => {
    assert.equal(poolFollowUpState(rules, { ...pool, retests: 9 }), 'retesting');
  });

  it('every member retested, some results still out: awaiting retest results', () => {
    assert.equal(poolFollowUpState(rules, { ...pool, retests: 10, openTasks: 4 }), 'awaitingRetestResults');
  });

  it('every task of the pool closed by negative retests: cleared', () => {
    assert.equal(poolFollowUpState(rules, { ...pool, retests: 10, openTasks: 0 }), 'cleared');
  });

  it('one positive retest makes the pool a case, whatever else is open', () => {
    assert.equal(poolFollowUpState(rules, { ...pool, retests: 3, retestsPositive: 1 }), 'case');
  });

  it('a positive single tube is a case at once (it set off the case pathway, not a retest)', () => {
    assert.equal(poolFollowUpState(rules, { ...pool, memberCount: 1, openTasks: 1 }), 'case');
  });

  it('an indeterminate single tube is retested like a pool', () => {
    assert.equal(poolFollowUpState(rules, { ...pool, memberCount: 1, result: 'indeterminate', openTasks: 2 }), 'retesting');
  });
});

describe('where one member of a positive pool stands', () => {
  const member = { openTasks: 2, retestResult: undefined, caseCandidate: false, handedOver: false };

  it('no retest taken yet: retesting', () => {
    assert.equal(memberFollowUpState(member), 'retesting');
  });

  it('retest taken, no result: awaiting the result', () => {
    assert.equal(memberFollowUpState({ ...member, retestResult: null }), 'awaitingResult');
  });

  it('a negative retest closed the tasks: cleared', () => {
    assert.equal(memberFollowUpState({ ...member, retestResult: 'negative', openTasks: 0 }), 'cleared');
  });

  it('a positive retest, a case-candidate task or a hand-over to key-person management: case', () => {
    assert.equal(memberFollowUpState({ ...member, retestResult: 'positive' }), 'case');
    assert.equal(memberFollowUpState({ ...member, caseCandidate: true }), 'case');
    assert.equal(memberFollowUpState({ ...member, openTasks: 0, handedOver: true }), 'case');
  });
});

describe('turnaround limits of every edition', () => {
  it('lists each edition’s limit per setting, as the edition gives it', () => {
    const limits = turnaroundLimits();
    const nine = limits.filter((l) => l.editionId === 'cn-2022-9th');
    assert.deepEqual(
      nine.map((l) => [l.setting, l.hours]),
      rules.turnaround.map((r) => [r.setting, turnaroundRuleOf(rules, r.setting).hours]),
    );
    assert.ok(limits.some((l) => l.editionId === 'seed-2020'));
  });
});

describe('Asia/Shanghai day start', () => {
  it('a Shanghai day begins at 16:00 UTC the day before', () => {
    assert.equal(shanghaiDayStart('2022-07-10').toISOString(), '2022-07-09T16:00:00.000Z');
  });
});
