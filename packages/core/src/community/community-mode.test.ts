import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMUNITY_SEED_001 } from '../protocols/community-seed-001.ts';
import { communityMode, communityPathOf, countsForMode, switchesToStopSpread } from './community-mode.ts';

const rules = COMMUNITY_SEED_001.mode;

// SC-26, LVL-020 (seed 004 Part B §二(一)–(二)): a community keeps infection out until one suspected or confirmed case
// appears among its residents, then stops internal spread and outward export, with close-contact management and the
// disinfection of the outbreak spots.
describe('the community’s prevention mode (SC-26, LVL-020)', () => {
  it('SC-26: no case → keep out (外防输入) on Part B §二(一); the first suspected or confirmed case → stop spread on §二(二)', () => {
    assert.deepEqual([communityMode(rules, 0).mode, communityMode(rules, 0).because[0]?.clause], ['keep_out', 'Part B §二(一)']);
    assert.deepEqual([communityMode(rules, 1).mode, communityMode(rules, 1).because[0]?.clause], ['stop_spread', 'Part B §二(二)']);
    assert.equal(communityMode(rules, 3).mode, 'stop_spread');
  });

  it('SC-26: only the first case switches; a second one finds the community switched already', () => {
    assert.equal(switchesToStopSpread(rules, 0), true);
    assert.equal(switchesToStopSpread(rules, 1), false);
  });

  it('LVL-020: suspected and confirmed cases count; an asymptomatic infection or an excluded case does not', () => {
    assert.deepEqual(
      (['suspected', 'confirmed', 'asymptomatic', 'excluded'] as const).map((c) => countsForMode(rules, c)),
      [true, true, false, false],
    );
  });

  it('SC-26: the switch brings close-contact management (§二(二)6) and the disinfection of the five outbreak spots (§二(二)7)', () => {
    assert.deepEqual(
      rules.tasks.map((task) => [task.key, task.basis.clause]),
      [
        ['close_contacts', 'Part B §二(二)6'],
        ['disinfect_case_home', 'Part B §二(二)7'],
        ['disinfect_checkpoints', 'Part B §二(二)7'],
        ['disinfect_building_unit', 'Part B §二(二)7'],
        ['disinfect_offices', 'Part B §二(二)7'],
        ['disinfect_meeting_rooms', 'Part B §二(二)7'],
      ],
    );
  });

  it('the way back is configured (the seed gives none): keeping out again says so', () => {
    assert.equal(communityMode(rules, 0).because.find((r) => r.rule === 'backWhenClosed')?.configured, true);
  });

  it('a person’s path finds their community: a grid below it, the community itself; above a community, none', () => {
    const community = '/32/3204/320412/320412100/320412100002/';
    assert.equal(communityPathOf(`${community}320412100002003/`), community);
    assert.equal(communityPathOf(community), community);
    assert.equal(communityPathOf('/32/3204/320412/320412100/'), null);
  });
});
