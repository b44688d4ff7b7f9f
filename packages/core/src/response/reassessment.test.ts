import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { reassessmentProblem, reassessmentState } from './reassessment.ts';
import { responseRules } from './response-rules.ts';
import { assessment } from './test-support.ts';

const rules = responseRules(SEED_2020);
const at = (local: string) => new Date(`${local}:00+08:00`);
const approved = at('2020-02-01T10:00');

// LVL-011 (seed 002 §八(二)): once a response runs, the experts re-assess the trend and the effect of the measures in
// good time; the seed sets no interval, so every 7 days is configured and says so.
describe('re-assessment of a running response (LVL-011)', () => {
  it('LVL-011: due 7 days after the approval, due soon the day before, overdue after; the clause is marked configured', () => {
    const fresh = reassessmentState(rules, approved, null, at('2020-02-03T10:00'));
    assert.deepEqual([fresh?.dueAt.toISOString(), fresh?.state], [at('2020-02-08T10:00').toISOString(), 'ok']);
    assert.deepEqual([fresh?.because[0]?.clause, fresh?.because[0]?.configured], ['§八(二)', true]);
    assert.equal(reassessmentState(rules, approved, null, at('2020-02-07T10:00'))?.state, 'due_soon');
    assert.equal(reassessmentState(rules, approved, null, at('2020-02-08T10:01'))?.state, 'overdue');
  });

  it('LVL-011: a re-assessment restarts the clock from itself; one made before the level in force does not count', () => {
    const after = reassessmentState(rules, approved, at('2020-02-06T15:00'), at('2020-02-09T10:00'));
    assert.deepEqual([after?.dueAt.toISOString(), after?.state], [at('2020-02-13T15:00').toISOString(), 'ok']);
    const before = reassessmentState(rules, approved, at('2020-01-30T15:00'), at('2020-02-03T10:00'));
    assert.deepEqual([before?.lastAssessedAt, before?.dueAt.toISOString()], [null, at('2020-02-08T10:00').toISOString()]);
  });

  it('LVL-011, LVL-003: the form answers the three factor groups and writes the trend analysis and the effect evaluation', () => {
    const complete = assessment(['trendAnalysis', 'effectEvaluation']);
    assert.equal(reassessmentProblem(complete, rules), null);
    const noEffect = { ...complete, records: { ...complete.records, effectEvaluation: ' ' } };
    assert.equal(reassessmentProblem(noEffect, rules)?.field, 'assessment.records.effectEvaluation');
    const noFactor = { ...complete, factors: {} };
    assert.match(reassessmentProblem(noFactor, rules)?.field ?? '', /^assessment\.factors\./);
  });

  it('an edition written before the rule asks for no re-assessment', () => {
    const older = { ...rules, procedure: { ...rules.procedure, reassessment: undefined } };
    assert.equal(reassessmentState(older, approved, null, at('2020-03-01T10:00')), null);
    assert.equal(reassessmentProblem(assessment(['trendAnalysis', 'effectEvaluation']), older)?.code, 'noReassessmentRule');
  });
});
