import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALERT_KINDS, ALERT_SEVERITIES, alertSeverity, kindsOfSeverity, severityRank } from './alert-severity.ts';

// CASE-007 (warning levels), CASE-001 (overdue alerts); issue 18 item 8.
describe('alert severity', () => {
  it('a positive pool or result is critical, CASE-007', () => {
    assert.equal(alertSeverity('positive_pool'), 'critical');
    assert.equal(alertSeverity('positive_result'), 'critical');
    assert.equal(alertSeverity('environment_positive'), 'critical');
  });
  it('an overdue release test is high, a missed daily check medium, CASE-001', () => {
    assert.equal(alertSeverity('overdue_test'), 'high');
    assert.equal(alertSeverity('overdue_check'), 'medium');
    assert.equal(alertSeverity('fever'), 'high');
    assert.equal(alertSeverity('result_corrected'), 'low');
  });
  it('a case past its 2-hour report or 24-hour investigation deadline is high, near it medium (CASE-001, SC-14, SC-20); an early-warning signal high (CASE-007)', () => {
    assert.deepEqual(['case_late', 'case_due_soon', 'early_warning'].map(alertSeverity), ['high', 'medium', 'high']);
  });
  it('an unknown kind is not buried: high', () => {
    assert.equal(alertSeverity('something_new'), 'high');
  });
  it('ranks critical first and every kind has exactly one severity', () => {
    assert.ok(severityRank('critical') < severityRank('high'));
    assert.ok(severityRank('high') < severityRank('medium'));
    assert.ok(severityRank('medium') < severityRank('low'));
    const all = ALERT_SEVERITIES.flatMap(kindsOfSeverity).sort();
    assert.deepEqual(all, [...ALERT_KINDS].sort());
  });
});
