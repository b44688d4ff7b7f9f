import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SITUATION_REPORT_SEED as RULES } from '../protocols/situation-report-seed.ts';
import { situationReportCompiledAt, situationReportDay } from './situation-report.ts';

describe('daily situation report time (DAILY-007, INFO-006)', () => {
  it('DAILY-007: the report of 03-01 is compiled at 08:00 on 03-02 Asia/Shanghai (00:00 UTC)', () => {
    assert.equal(situationReportCompiledAt('2020-03-01', RULES).toISOString(), '2020-03-02T00:00:00.000Z');
  });
  it('DAILY-007 at the edge, server clock in UTC: at 07:59 Shanghai the last report due is the day before yesterday; at 08:00 yesterday', () => {
    assert.equal(situationReportDay(new Date('2020-03-01T23:59:00Z'), RULES), '2020-02-29');
    assert.equal(situationReportDay(new Date('2020-03-02T00:00:00Z'), RULES), '2020-03-01');
    // 23:30 UTC on 03-01 is 07:30 on 03-02 in Shanghai: yesterday (03-01) is not yet compiled.
    assert.equal(situationReportDay(new Date('2020-03-01T23:30:00Z'), RULES), '2020-02-29');
  });
});
