import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDailySeriesCsv } from './daily-series-csv.ts';

const INCIDENCE = { required: ['local'], optional: ['imported'] };

// Issue 17: the CSV the `rt` and `ears` commands read; bad input is refused with the line at fault (CASE-007).
describe('daily series CSV (t,local,imported / t,count)', () => {
  it('reads whole-number days with an optional imported column, in any column order, BOM and CRLF tolerated', () => {
    const series = parseDailySeriesCsv('\uFEFFimported,t,local\r\n1,1,0\r\n0,2,3\r\n\r\n0,3,4\r\n', INCIDENCE);
    assert.deepEqual(series, { days: [1, 2, 3], columns: { local: [0, 3, 4], imported: [1, 0, 0] } });
  });

  it('reads dated days; an optional column absent from the file is absent from the series', () => {
    const series = parseDailySeriesCsv('t,local\n2020-02-28,1\n2020-02-29,2\n2020-03-01,0\n', INCIDENCE);
    assert.deepEqual(series.days, ['2020-02-28', '2020-02-29', '2020-03-01']);
    assert.equal(series.columns.imported, undefined);
  });

  it('refuses a missing day, naming the line, rather than guessing a zero', () => {
    assert.throws(
      () => parseDailySeriesCsv('t,count\n1,3\n2,4\n4,1\n', { required: ['count'] }),
      (e: Error & { params: { detail: string } }) => /line 4: day 4 does not follow day 2/.test(e.params.detail),
    );
  });

  it('refuses a header without the needed columns, a negative or empty count, a bad day and an empty file', () => {
    const refuses = (text: string, pattern: RegExp) =>
      assert.throws(
        () => parseDailySeriesCsv(text, { required: ['count'] }),
        (e: Error & { params: { detail: string } }) => pattern.test(e.params.detail),
      );
    refuses('day,count\n1,2\n', /lacks t/);
    refuses('t,cases\n1,2\n', /lacks count/);
    refuses('t,count\n1,-2\n', /line 2: count "-2"/);
    refuses('t,count\n1,\n', /line 2: count ""/);
    refuses('t,count\nmonday,3\n', /neither a whole number nor a date/);
    refuses('', /empty/);
    refuses('t,count\n', /no days/);
  });
});
