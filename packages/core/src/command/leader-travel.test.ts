import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTravelDecision, checkTravelRequest, isSuperiorOf, leaderPresence } from './leader-travel.ts';

const at = (iso: string) => new Date(iso);
const window = { departAt: at('2020-03-02T08:00:00+08:00'), returnAt: at('2020-03-03T18:00:00+08:00') };
const now = at('2020-03-01T10:00:00+08:00');

describe('leader travel (SUP-011, ORG-065; seed 004 Part C §三(二))', () => {
  it('SC-71: only an approved request covering the moment makes the leader away', () => {
    const during = at('2020-03-02T12:00:00+08:00');
    assert.equal(leaderPresence([{ ...window, status: 'requested' }], during).presence, 'present');
    assert.equal(leaderPresence([{ ...window, status: 'rejected' }], during).presence, 'present');
    assert.deepEqual(leaderPresence([{ ...window, status: 'approved' }], during), { presence: 'away', until: window.returnAt });
    assert.equal(leaderPresence([{ ...window, status: 'approved' }], at('2020-03-03T18:00:00+08:00')).presence, 'present');
  });

  it('SUP-011: principal leaders and leaders in charge file requests; a member does not; the window must make sense', () => {
    assert.doesNotThrow(() => checkTravelRequest('commander_in_chief', window, now));
    assert.throws(() => checkTravelRequest('member', window, now), { field: 'rosterMemberId', code: 'travel.notLeader' });
    assert.throws(() => checkTravelRequest('deputy_commander', { ...window, departAt: at('2020-02-28T08:00:00+08:00') }, now), {
      field: 'departAt',
    });
    assert.throws(() => checkTravelRequest('group_leader', { ...window, returnAt: window.departAt }, now), { field: 'returnAt' });
    assert.throws(() => checkTravelDecision('approved'), { field: 'status', code: 'travel.alreadyDecided' });
  });

  it('SC-71: the superior is someone granted strictly above the headquarters', () => {
    assert.equal(isSuperiorOf(['/32/3204/320412/'], '/32/3204/320412/001/'), true);
    assert.equal(isSuperiorOf(['/32/3204/320412/001/'], '/32/3204/320412/001/'), false, 'the town itself');
    assert.equal(isSuperiorOf(['/32/3204/320412/002/'], '/32/3204/320412/001/'), false, 'another town');
  });
});
