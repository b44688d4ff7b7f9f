import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { caseRules } from './case-rules.ts';
import { caseDeadlines } from './deadline-clocks.ts';
import { type SpotState, spotActionProblem, spotClocks } from './spot-actions.ts';

const rules = caseRules(SEED_2020);
const at = (hhmm: string) => new Date(`2020-11-20T${hhmm}:00+08:00`);
const OPEN: SpotState = { sealedAt: null, disinfectedAt: null, liftedAt: null };

// Issue 11 item 5, CASE-002, CASE-011, SC-20: every place of the trajectory is sealed and disinfected within 24 hours
describe('outbreak spots of a case (CASE-002, CASE-011, SC-20)', () => {
  it('a spot is lifted only once sealed and disinfected; nothing is recorded twice or after lifting', () => {
    assert.equal(spotActionProblem(OPEN, 'lifted')?.code, 'spotNotSealed');
    assert.equal(spotActionProblem({ ...OPEN, sealedAt: at('10:00') }, 'lifted')?.code, 'spotNotDisinfected');
    const both = { sealedAt: at('10:00'), disinfectedAt: at('11:00'), liftedAt: null };
    assert.equal(spotActionProblem(both, 'lifted'), null);
    assert.equal(spotActionProblem(both, 'sealed')?.code, 'spotActionDone');
    assert.equal(spotActionProblem({ ...OPEN, liftedAt: at('12:00') }, 'disinfected')?.code, 'spotLifted');
    assert.equal(spotActionProblem(OPEN, 'disinfected'), null);
  });

  it('both clocks fall due at the sealing deadline, late from its first minute, done once recorded', () => {
    const due = at('10:00');
    const clocks = spotClocks({ ...OPEN, sealedAt: at('09:30') }, due, rules, at('10:01'));
    assert.deepEqual(
      clocks.map((c) => [c.clock, c.state]),
      [
        ['sealing', 'done'],
        ['disinfection', 'late'],
      ],
    );
    const early = spotClocks(OPEN, due, rules, new Date(due.getTime() - rules.sealing.dueSoonMinutes * 60_000 - 60_000));
    assert.deepEqual(
      early.map((c) => c.state),
      ['on_time', 'on_time'],
    );
  });

  it('ZONE-005: in both editions the spot is sealed within 24 hours of finding the case, on seed 003 item 17; due soon 4 hours before', () => {
    for (const edition of [SEED_2020, CN_2022_9TH]) {
      const found = new Date('2020-11-20T15:30:00+08:00');
      const deadlines = caseDeadlines('confirmed', found, caseRules(edition));
      assert.equal(deadlines.sealingDueAt.toISOString(), new Date('2020-11-21T15:30:00+08:00').toISOString(), edition.id);
      assert.ok(
        deadlines.because.some((reason) => reason.rule === 'sealingWithin' && reason.source === 'seed 003' && reason.clause === 'item 17'),
        edition.id,
      );
      const fourHoursBefore = new Date(deadlines.sealingDueAt.getTime() - 4 * 3_600_000);
      assert.equal(spotClocks(OPEN, deadlines.sealingDueAt, caseRules(edition), fourHoursBefore)[0]?.state, 'due_soon');
    }
  });

  it('ZONE-006: a spot is not lifted before its terminal disinfection is recorded, however long it has been sealed', () => {
    const sealedLongAgo = { sealedAt: new Date('2020-11-01T08:00:00+08:00'), disinfectedAt: null, liftedAt: null };
    assert.equal(spotActionProblem(sealedLongAgo, 'lifted')?.code, 'spotNotDisinfected');
    assert.equal(spotActionProblem({ ...sealedLongAgo, disinfectedAt: new Date('2020-11-02T08:00:00+08:00') }, 'lifted'), null);
  });
});
