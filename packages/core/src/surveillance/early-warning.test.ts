import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findEdition } from '../protocols/registry.ts';
import { calendarDays, completeSeries, warningSignals } from './early-warning.ts';

const days = calendarDays('2026-10-01', '2026-10-30');
const watchOf = (series: string) => {
  const watch = findEdition('cn-2022-9th')?.earlyWarning?.watches.find((w) => w.series === series);
  assert.ok(watch, series);
  return watch;
};

describe('early-warning signals from sentinel series (CASE-007, CASE-008)', () => {
  it('CASE-007 SC-61: a jump in pharmacy fever-drug purchases on the last day is a signal with the figures behind it', () => {
    const counts = days.map((day, i) => ({ day, count: i === days.length - 1 ? 40 : 10 + (i % 3) }));
    const signals = warningSignals(counts, watchOf('pharmacy_fever_drug_purchase'), 3);
    assert.equal(signals.length, 1);
    const [signal] = signals;
    assert.equal(signal?.day, '2026-10-30');
    assert.equal(signal?.count, 40);
    assert.equal(signal?.method, 'C2');
    assert.ok((signal?.threshold ?? 99) < 40);
    // C2 reads the 7 days before a 2-day lag: 10-21 … 10-27
    assert.deepEqual(
      signal?.baseline.map((b) => b.day),
      calendarDays('2026-10-21', '2026-10-27'),
    );
  });

  it('CASE-007: a steady series raises nothing, and neither does an alarm older than the look-back', () => {
    const steady = days.map((day, i) => ({ day, count: 10 + (i % 3) }));
    assert.deepEqual(warningSignals(steady, watchOf('fever_clinic_visit'), 3), []);
    const old = days.map((day, i) => ({ day, count: i === 20 ? 60 : 10 + (i % 3) }));
    assert.deepEqual(warningSignals(old, watchOf('fever_clinic_visit'), 3), []);
  });

  it('CASE-007: an alarm below the minimum count is not a signal (0 → 2 absences)', () => {
    const sparse = days.map((day, i) => ({ day, count: i === days.length - 1 ? 2 : 0 }));
    assert.deepEqual(warningSignals(sparse, watchOf('school_illness_absence'), 3), []);
  });

  it('a series too short for the baseline raises nothing rather than failing', () => {
    assert.deepEqual(
      warningSignals(
        days.slice(0, 5).map((day) => ({ day, count: 50 })),
        watchOf('ili'),
        3,
      ),
      [],
    );
  });

  it('missing days count as 0', () => {
    const filled = completeSeries([{ day: '2026-10-02', count: 4 }], calendarDays('2026-10-01', '2026-10-03'));
    assert.deepEqual(filled, [
      { day: '2026-10-01', count: 0 },
      { day: '2026-10-02', count: 4 },
      { day: '2026-10-03', count: 0 },
    ]);
  });
});
