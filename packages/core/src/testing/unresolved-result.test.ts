import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../calendar/calendar-date.ts';
import { decideColour, resultsStandingAgainst } from '../codes/code-colour.ts';
import { codeRulesFor } from '../codes/code-rules.ts';
import type { HealthFacts } from '../codes/code-types.ts';
import { releaseDecision } from '../key-persons/release-decision.ts';
import { planFor, shanghai } from '../key-persons/test-support.ts';
import { type PersonTest, standingResults } from './unresolved-result.ts';

const D0 = '2020-03-01';
const at = (day: number, hour = 9) => new Date(shanghai(addDays(D0, day)).getTime() + (hour - 9) * 3_600_000);
const WINDOWS = { positiveDays: 28, unresolvedDays: 7 };
const positivePool: PersonTest = { kind: 'nucleic_acid', result: 'positive', sampledAt: at(10), pooled: true };
const retestPending: PersonTest = { kind: 'nucleic_acid', result: 'pending', sampledAt: at(11) };
const retestNegative: PersonTest = { ...retestPending, result: 'negative' };

describe('results that stand against a person (issue 18 item 1)', () => {
  // TEST-006 pooled mass testing: a positive pool puts every member under a single-tube retest.
  it('a positive pool stands until the member’s own single tube is negative', () => {
    assert.equal(standingResults([positivePool], at(12), WINDOWS).positive.length, 1);
    const awaiting = standingResults([positivePool, retestPending], at(12), WINDOWS);
    assert.deepEqual([awaiting.positive.length, awaiting.unresolved.length], [1, 1]);
    const cleared = standingResults([positivePool, retestNegative], at(12), WINDOWS);
    assert.deepEqual([cleared.positive.length, cleared.unresolved.length], [0, 0]);
  });

  it('a later negative pool does not clear a positive pool, and nothing clears an own positive', () => {
    const laterPool = { ...retestNegative, pooled: true };
    assert.equal(standingResults([positivePool, laterPool], at(12), WINDOWS).positive.length, 1);
    const own = { ...positivePool, pooled: false };
    assert.equal(standingResults([own, retestNegative], at(12), WINDOWS).positive.length, 1);
  });

  it('results older than their window no longer stand', () => {
    assert.equal(standingResults([positivePool], at(40), WINDOWS).positive.length, 0);
    assert.equal(standingResults([retestPending], at(20), WINDOWS).unresolved.length, 0);
  });

  // KP-D04 release conditions, SC-11 (a positive result never leaves the code green): the code and the
  // release decision give one answer about the same results.
  it('KP-D04 SC-11: the code is red and release is blocked, with the code’s clause, while the retest is pending', () => {
    const rules = codeRulesFor('cn-2022-9th') ?? codeRulesFor('seed-2020');
    assert.ok(rules);
    const now = at(13, 12);
    const facts: HealthFacts = {
      episodes: [],
      tests: [positivePool, retestPending],
      declarations: [],
      arrivals: [],
      mandatoryTestCycleHours: null,
    };
    assert.equal(decideColour(rules, facts, now).colour, 'red');
    const { plan, rule } = planFor('seed-2020', 'close_contact', D0);
    const scheduled = plan.tests.map((t) => ({ kind: t.kind, sampledAt: shanghai(t.date), result: 'negative' as const }));
    const signatures = [{ role: 'assigned_cadre' as const, userId: 'cadre-1' }];
    const standing = resultsStandingAgainst(rules, facts.tests, now);
    const blocked = releaseDecision({
      plan,
      rule,
      today: addDays(D0, 13),
      tests: scheduled,
      symptomsReported: false,
      signatures,
      standing,
    });
    assert.equal(blocked.decision, 'blocked');
    assert.deepEqual(blocked.missing.sort(), ['result:pending', 'result:positive']);
    assert.ok(blocked.because.some((r) => r.rule === 'code.positiveResult.red'));

    const cleared = { ...facts, tests: [positivePool, retestNegative] };
    assert.notEqual(decideColour(rules, cleared, now).because[0]?.rule, 'code.positiveResult.red');
    const after = releaseDecision({
      plan,
      rule,
      today: addDays(D0, 13),
      tests: scheduled,
      symptomsReported: false,
      signatures,
      standing: resultsStandingAgainst(rules, cleared.tests, now),
    });
    assert.equal(after.decision, 'awaitingSignatures');
  });
});
