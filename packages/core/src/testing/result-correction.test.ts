import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LabResult } from './pool-follow-up.ts';
import { correctionFollowUpOf } from './result-correction.ts';
import { rulesFor } from './testing-support.ts';

const rules = rulesFor('cn-2022-9th');
const pool = (from: LabResult, to: LabResult) => correctionFollowUpOf(rules, { memberCount: 10, isRetest: false, from, to });
const single = (from: LabResult, to: LabResult, isRetest = false) => correctionFollowUpOf(rules, { memberCount: 1, isRetest, from, to });

describe('what an approved correction of a lab result sets off', () => {
  it('a negative pool corrected to positive fans out as an imported positive pool would (its own community alert)', () => {
    const outcome = pool('negative', 'positive');
    assert.deepEqual(outcome.decision, ['fanOut']);
    assert.equal(outcome.because[0]?.rule, 'testing.positivePool');
  });

  it('a negative single tube corrected to positive is a case candidate handed over, as on import', () => {
    assert.deepEqual(single('negative', 'positive').decision, ['fanOut']);
    assert.equal(single('negative', 'positive').because[0]?.rule, 'testing.positiveSingle');
  });

  it('a positive pool corrected to negative closes the tube’s tasks and tells the community', () => {
    const outcome = pool('positive', 'negative');
    assert.deepEqual(outcome.decision, ['closeTasks', 'correctionAlert']);
    assert.deepEqual(
      outcome.because.map((r) => r.rule),
      ['testing.correctedNegative', 'testing.correctionAlert'],
    );
  });

  it('a positive single tube corrected to negative also reports the episode it opened, without ending it', () => {
    assert.deepEqual(single('positive', 'negative').decision, ['closeTasks', 'episodeAlert', 'correctionAlert']);
  });

  it('a positive retest corrected to negative also ends the member’s pool tasks, as a negative retest does', () => {
    assert.deepEqual(single('positive', 'negative', true).decision, ['closeTasks', 'closeRetest', 'episodeAlert', 'correctionAlert']);
  });

  it('a negative retest corrected to positive fans out the case pathway', () => {
    assert.deepEqual(single('negative', 'positive', true).decision, ['fanOut']);
  });

  it('positive and indeterminate pools call for the same follow-up: nothing new, only the community is told', () => {
    assert.deepEqual(pool('positive', 'indeterminate').decision, ['correctionAlert']);
    assert.deepEqual(pool('indeterminate', 'positive').decision, ['correctionAlert']);
  });

  it('an indeterminate single tube corrected to positive starts the case pathway and keeps the tasks already open', () => {
    assert.deepEqual(single('indeterminate', 'positive').decision, ['fanOut', 'correctionAlert']);
  });

  it('a positive single tube corrected to indeterminate starts control and retest and reports the episode, closing nothing', () => {
    assert.deepEqual(single('positive', 'indeterminate').decision, ['fanOut', 'episodeAlert', 'correctionAlert']);
  });
});
