import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkObservation } from './observation-check.ts';
import { planFor } from './test-support.ts';

describe('daily health observations', () => {
  const { rule } = planFor('seed-2020', 'close_contact', '2020-03-01');

  // KP-D03: fever during observation is reported and prepares a transfer
  it('37.3 °C is a fever and asks for a fever-clinic transfer', () => {
    const outcome = checkObservation(rule, { temperatureTenths: 373, symptoms: [] });
    assert.equal(outcome.fever, true);
    assert.ok(outcome.escalations.some((e) => e.action === 'alert_and_fever_clinic_transfer'));
  });

  it('37.2 °C without symptoms escalates nothing', () => {
    const outcome = checkObservation(rule, { temperatureTenths: 372, symptoms: [] });
    assert.deepEqual([outcome.fever, outcome.escalations.length], [false, 0]);
  });

  // KP-D03: dry cough is an escalating symptom
  it('SC-04: a dry cough escalates even without fever, citing the clause', () => {
    const outcome = checkObservation(rule, { temperatureTenths: 365, symptoms: ['dry_cough'] });
    assert.deepEqual(outcome.symptoms, ['dry_cough']);
    assert.ok(outcome.because.some((r) => r.rule === 'escalation.symptom' && r.clause));
  });
});
