import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observationProblem } from './observation-check.ts';

// KP-D03 (health monitoring), issue 18 item 4: an empty daily check is not a check.
describe('observationProblem: a daily check needs a temperature (or 无法测量 with a reason) and a symptom answer', () => {
  it('KP-D03: no temperature, no reason, no symptom answer → temperature required', () => {
    assert.deepEqual(observationProblem({ temperatureTenths: null, notMeasuredReason: null, symptoms: null }), {
      field: 'temperature',
      reason: 'temperatureRequired',
    });
  });
  it('KP-D03: no temperature and symptoms answered "none" is still refused', () => {
    assert.equal(observationProblem({ temperatureTenths: null, notMeasuredReason: null, symptoms: [] })?.field, 'temperature');
  });
  it('KP-D03: 无法测量 needs a reason', () => {
    assert.deepEqual(observationProblem({ temperatureTenths: null, notMeasuredReason: '  ', symptoms: [] }), {
      field: 'notMeasuredReason',
      reason: 'notMeasuredReasonRequired',
    });
  });
  it('KP-D03: a temperature and 无法测量 together contradict each other', () => {
    assert.equal(
      observationProblem({ temperatureTenths: 365, notMeasuredReason: '体温计损坏', symptoms: [] })?.reason,
      'temperatureAndNotMeasured',
    );
  });
  it('KP-D03: a temperature without a symptom answer → symptoms required', () => {
    assert.deepEqual(observationProblem({ temperatureTenths: 365, notMeasuredReason: null, symptoms: null }), {
      field: 'symptoms',
      reason: 'symptomAnswerRequired',
    });
  });
  it('KP-D03: temperature + "no symptoms", or 无法测量 with a reason + symptoms, are complete', () => {
    assert.equal(observationProblem({ temperatureTenths: 365, notMeasuredReason: null, symptoms: [] }), null);
    assert.equal(observationProblem({ temperatureTenths: null, notMeasuredReason: '居家隔离者拒绝开门', symptoms: ['cough'] }), null);
  });
});
