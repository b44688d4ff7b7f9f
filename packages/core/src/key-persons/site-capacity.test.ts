import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capacityState } from './site-capacity.ts';

// RES-001, KP-F08 (quarantine sites with rooms and capacity); issue 18 item 3: a site without rooms is not full.
test('RES-001 a site with no rooms yet is "no rooms", neither full nor alerting (issue 18 item 3)', () => {
  const state = capacityState(0, 0);
  assert.equal(state.noRooms, true);
  assert.equal(state.full, false);
  assert.equal(state.alert, false);
  assert.equal(state.ratio, 0);
});

test('RES-001 capacity alert at 90 % and full at 100 %', () => {
  assert.deepEqual(
    [capacityState(10, 8).alert, capacityState(10, 9).alert, capacityState(10, 9).full, capacityState(10, 10).full],
    [false, true, false, true],
  );
  assert.equal(capacityState(10, 10).noRooms, false);
  assert.equal(capacityState(10, 3).free, 7);
});
