import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, type CalendarDate } from '@fangkong/core';
import { rtOf } from './dashboard-analytics.ts';

const days = (n: number, from: CalendarDate = '2026-10-01') => Array.from({ length: n }, (_, i) => addDays(from, i));

// Issue 17 (CASE-007, Rt by Cori et al. 2013): a window with no infector in it has only the prior for its posterior;
// the dashboard shows no estimate there instead of the prior's mean of 5 as if it were one.
describe('the dashboard Rt (issue 17)', () => {
  it('gives no figure for windows with no infector, and an estimate once cases came before the window', () => {
    const local = [...Array(40).fill(0), 2, 3, 4, 3, 5, 4, 6, 5, 4, 3];
    const rt = rtOf(days(local.length), { total: local, local, imported: local.map(() => 0) });
    assert.ok(rt.available, JSON.stringify(rt));
    const quiet = rt.estimates.filter((e) => e.tEnd <= '2026-11-09');
    assert.ok(quiet.length > 20);
    assert.ok(
      quiet.every((e) => e.mean === null && e.q025 === null && e.q975 === null),
      'weeks before the first case have no estimate',
    );
    const last = rt.estimates.at(-1);
    assert.ok(last?.mean !== null && last?.mean !== undefined && last.mean > 0 && last.mean !== 5, JSON.stringify(last));
  });
});
