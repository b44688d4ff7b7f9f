import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventAdvice, eventDraftProblem, ledgerEntryFlagged, ledgerEntryProblem } from './event-permit.ts';

const draft = { eventDate: '2020-03-10', attendees: 300, plan: '一考一案', organizer: '湖塘实验中学', urgent: false };

describe('PUB-005 / ZONE-012: meetings and exams by the risk grade (seed 000 §三(二)9)', () => {
  it('low risk or no grade: approvable; medium and high: not, unless a special urgent matter', () => {
    assert.equal(eventAdvice(null, false).approvable, true);
    assert.equal(eventAdvice('low', false).because.rule, 'event.gradeAllows');
    assert.deepEqual([eventAdvice('medium', false).approvable, eventAdvice('high', false).approvable], [false, false]);
    assert.deepEqual([eventAdvice('high', true).approvable, eventAdvice('high', true).because.rule], [true, 'event.urgentException']);
  });
  it('bad input: a date past (today is fine), no plan ("one meeting, one plan"), no attendees', () => {
    assert.equal(eventDraftProblem(draft, '2020-03-10'), null);
    assert.deepEqual(eventDraftProblem(draft, '2020-03-11'), { field: 'eventDate', reason: 'pastDate' });
    assert.deepEqual(eventDraftProblem({ ...draft, plan: ' ' }, '2020-03-01'), { field: 'plan', reason: 'required' });
    assert.deepEqual(eventDraftProblem({ ...draft, attendees: 0 }, '2020-03-01'), { field: 'attendees', reason: 'notPositiveInteger' });
  });
});

describe('COMM-012 / SC-37: escorted non-resident entry (seed 001 §三(二)4)', () => {
  const worker = { subject: 'person' as const, name: '维修工', masked: true, temperature: 36.5, escortUserId: 'u1' };
  it('mask, a temperature below fever (37.3 configured) and an escort, or the field', () => {
    assert.equal(ledgerEntryProblem(worker), null);
    assert.equal(ledgerEntryProblem({ ...worker, temperature: 37.2 }), null);
    assert.deepEqual(ledgerEntryProblem({ ...worker, temperature: 37.3 }), { field: 'temperature', reason: 'feverRefused' });
    assert.deepEqual(ledgerEntryProblem({ ...worker, masked: false }), { field: 'masked', reason: 'maskRequired' });
    assert.deepEqual(ledgerEntryProblem({ ...worker, escortUserId: undefined }), { field: 'escortUserId', reason: 'required' });
    assert.deepEqual(ledgerEntryProblem({ ...worker, subject: 'vehicle' }), { field: 'plate', reason: 'required' });
  });
  it('an entry not closed out by the end of its day is flagged the next day; a closed one never', () => {
    assert.equal(ledgerEntryFlagged('2020-03-02', null, '2020-03-02'), false);
    assert.equal(ledgerEntryFlagged('2020-03-02', null, '2020-03-03'), true);
    assert.equal(ledgerEntryFlagged('2020-03-02', new Date(), '2020-03-03'), false);
  });
});
