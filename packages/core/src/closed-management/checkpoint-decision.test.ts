import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkpointDecision, passUseAllowed, staffingProblems } from './checkpoint-decision.ts';
import { SEED_001_CHECKPOINT_RULES as RULES } from './checkpoint-rules.ts';

const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+08:00`);

// COMM-013, CODE-006: the health code is checked at the community gate
describe('checkpoint decision per colour (seed 001 §三(二), Annex B.6)', () => {
  it('a green code passes, citing seed 001 §三(二)1', () => {
    const verdict = checkpointDecision(RULES, { valid: true, colour: 'green' });
    assert.deepEqual(
      [verdict.decision, verdict.because[0]?.rule, verdict.because[0]?.clause],
      ['allow', 'checkpoint.colour.green', '§三(二)1'],
    );
  });
  it('a red code is refused with its reason', () => {
    const verdict = checkpointDecision(RULES, { valid: true, colour: 'red' });
    assert.deepEqual([verdict.decision, verdict.colour, verdict.because[0]?.rule], ['deny', 'red', 'checkpoint.colour.red']);
  });
  it('a yellow code goes to registration', () => {
    assert.equal(checkpointDecision(RULES, { valid: true, colour: 'yellow' }).decision, 'register');
  });
  // SC-67, CODE-002, issue 12 defect 4: a paper code printed green for a person now red answers as the electronic code
  it('online, a code signed green for a person now red is refused, and says the colour changed since it was issued', () => {
    const verdict = checkpointDecision(RULES, { valid: true, colour: 'green', colourNow: 'red' });
    assert.deepEqual(
      [verdict.decision, verdict.colour, verdict.because.map((b) => b.rule)],
      ['deny', 'red', ['checkpoint.changedSince.green', 'checkpoint.colour.red']],
    );
  });
  it('online, a code whose colour has not changed decides as before, without a change reason', () => {
    const verdict = checkpointDecision(RULES, { valid: true, colour: 'yellow', colourNow: 'yellow' });
    assert.deepEqual([verdict.decision, verdict.because.map((b) => b.rule)], ['register', ['checkpoint.colour.yellow']]);
  });
  it('an expired or forged code is refused and says which', () => {
    assert.deepEqual(
      ['expired', 'badSignature'].map((reason) => {
        const verdict = checkpointDecision(RULES, { valid: false, reason });
        return [verdict.decision, verdict.colour, verdict.because[0]?.rule];
      }),
      [
        ['deny', null, 'checkpoint.invalid.expired'],
        ['deny', null, 'checkpoint.invalid.badSignature'],
      ],
    );
  });
});

// COMM-010, SC-35: at least 4 on duty by day and 2 at night
describe('checkpoint staffing (seed 001 §三(二)1: day ≥ 4, night ≥ 2)', () => {
  it('a day shift of 3 is short by one', () => {
    assert.deepEqual(
      staffingProblems(RULES, 'day', 3).map((p) => [p.rule, p.minimum, p.onDuty, p.clause]),
      [['checkpoint.staffing.short', 4, 3, '§三(二)1']],
    );
  });
  it('a day shift of 4 is fine', () => assert.deepEqual(staffingProblems(RULES, 'day', 4), []));
  it('a night shift of 2 is fine', () => assert.deepEqual(staffingProblems(RULES, 'night', 2), []));
  it('a night shift of 1 is short', () => assert.equal(staffingProblems(RULES, 'night', 1).length, 1));
});

// COMM-020, SC-36: one household outing per 2-day window
describe('household pass frequency (seed 001 §三(五): one person every two days)', () => {
  it('the first use is allowed', () => assert.equal(passUseAllowed(RULES, [], at('2020-02-10')).allowed, true));
  it('a second use the same day is refused, with the next allowed date', () => {
    const verdict = passUseAllowed(RULES, [at('2020-02-10', '08:00')], at('2020-02-10', '15:00'));
    assert.deepEqual(verdict, {
      allowed: false,
      because: [{ rule: 'checkpoint.pass.tooSoon', ...RULES.pass.basis }],
      nextAllowedDate: '2020-02-12',
    });
  });
  it('a use the next day is still refused', () =>
    assert.equal(passUseAllowed(RULES, [at('2020-02-10')], at('2020-02-11', '23:30')).allowed, false));
  it('two days later it is allowed again', () =>
    assert.equal(passUseAllowed(RULES, [at('2020-02-10', '23:50')], at('2020-02-12', '00:10')).allowed, true));
});
