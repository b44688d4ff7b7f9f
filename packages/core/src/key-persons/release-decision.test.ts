import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../calendar/calendar-date.ts';
import { countQualifyingTests, type ReleaseFacts, releaseDecision, type TestRecord } from './release-decision.ts';
import { planFor, shanghai } from './test-support.ts';

const D0 = '2020-03-01';

function closeContactFacts(overrides: Partial<ReleaseFacts> = {}): ReleaseFacts {
  const { plan, rule } = planFor('seed-2020', 'close_contact', D0);
  const tests: TestRecord[] = plan.tests.map((t) => ({ kind: t.kind, sampledAt: shanghai(t.date), result: 'negative' }));
  return { plan, rule, today: addDays(D0, 13), tests, symptomsReported: false, signatures: [], ...overrides };
}

const cadre = { role: 'assigned_cadre' as const, userId: 'cadre-1' };
const medic = { role: 'assigned_medic' as const, userId: 'medic-1' };

describe('release decisions (REQUIREMENTS.md Annex B)', () => {
  // KP-D04: release only when the 14 days are complete
  it('SC-03: release is refused on day 12: the 14 days are not complete', () => {
    const decision = releaseDecision(closeContactFacts({ today: addDays(D0, 12) }));
    assert.equal(decision.decision, 'notDue');
    assert.deepEqual(decision.missing, ['period']);
  });

  // KP-D04: release needs the joint signature of 包保干部 and 包保医务人员
  it('SC-02: with only the cadre signed the release stays pending; with the medic too it is released', () => {
    assert.equal(releaseDecision(closeContactFacts({ signatures: [cadre] })).decision, 'awaitingSignatures');
    assert.deepEqual(releaseDecision(closeContactFacts({ signatures: [cadre] })).missing, ['signature:assigned_medic']);
    assert.equal(releaseDecision(closeContactFacts({ signatures: [cadre, medic] })).decision, 'released');
  });

  // KP-D04: the two signatures must come from two different people
  it('one account cannot sign as both cadre and medic', () => {
    const decision = releaseDecision(closeContactFacts({ signatures: [cadre, { role: 'assigned_medic', userId: 'cadre-1' }] }));
    assert.equal(decision.decision, 'awaitingSignatures');
    assert.ok(decision.missing.includes('signature:sameSigner'));
  });

  // KP-D04: release needs "no symptoms"
  it('SC-04: reported symptoms block release', () => {
    const decision = releaseDecision(closeContactFacts({ symptomsReported: true, signatures: [cadre, medic] }));
    assert.equal(decision.decision, 'blocked');
    assert.ok(decision.missing.includes('symptoms'));
  });

  // KP-D02: release needs at least 3 NAT during quarantine
  it('SC-01: with only 2 nucleic acid tests by day 13 release is blocked for a missing test', () => {
    const facts = closeContactFacts({ signatures: [cadre, medic] });
    const firstNucleicAcid = facts.tests.find((t) => t.kind === 'nucleic_acid');
    const fewer = facts.tests.filter((t) => t !== firstNucleicAcid);
    const decision = releaseDecision({ ...facts, tests: fewer });
    assert.equal(decision.decision, 'blocked');
    assert.deepEqual(decision.missing, ['test:nucleic_acid:1']);
  });

  it('a positive result blocks release', () => {
    const facts = closeContactFacts({ signatures: [cadre, medic] });
    const tests = facts.tests.map((t, i) => (i === 0 ? { ...t, result: 'positive' as const } : t));
    assert.ok(releaseDecision({ ...facts, tests }).missing.includes('result:positive'));
  });

  it('a result still pending blocks release', () => {
    const facts = closeContactFacts({ signatures: [cadre, medic] });
    const tests = facts.tests.map((t, i) => (i === facts.tests.length - 1 ? { ...t, result: 'pending' as const } : t));
    assert.ok(releaseDecision({ ...facts, tests }).missing.includes('result:pending'));
  });

  // KP-F04: the 2 NATs must be 24 h apart
  it('SC-10: a second nucleic acid test 12 h after the first does not count; 24 h after does', () => {
    const window = { from: D0, to: addDays(D0, 13) };
    const first: TestRecord = { kind: 'nucleic_acid', sampledAt: shanghai(D0, '08:00'), result: 'negative' };
    const twelveHours: TestRecord = { ...first, sampledAt: shanghai(D0, '20:00') };
    const dayLater: TestRecord = { ...first, sampledAt: shanghai(addDays(D0, 1), '08:00') };
    assert.equal(countQualifyingTests([first, twelveHours], 'nucleic_acid', window, 24), 1);
    assert.equal(countQualifyingTests([first, twelveHours, dayLater], 'nucleic_acid', window, 24), 2);
  });

  // KP-F04: inbound arrival needs 2 NATs 24 h apart
  it('SC-10: an inbound traveller whose two tests are 12 h apart is blocked for one nucleic acid test', () => {
    const { plan, rule } = planFor('seed-2020', 'inbound_traveller', D0);
    const tests: TestRecord[] = [
      { kind: 'nucleic_acid', sampledAt: shanghai(D0, '08:00'), result: 'negative' },
      { kind: 'nucleic_acid', sampledAt: shanghai(D0, '20:00'), result: 'negative' },
      { kind: 'antibody', sampledAt: shanghai(D0, '08:00'), result: 'negative' },
    ];
    const decision = releaseDecision({ plan, rule, today: addDays(D0, 13), tests, symptomsReported: false, signatures: [cadre, medic] });
    assert.deepEqual(decision.missing, ['test:nucleic_acid:1']);
  });

  // KP-D02: only tests during the quarantine period count
  it('tests outside the quarantine window do not count toward release', () => {
    const facts = closeContactFacts({ signatures: [cadre, medic] });
    const tests = facts.tests.map((t) => (t.kind === 'antibody' ? { ...t, sampledAt: shanghai(addDays(D0, -3)) } : t));
    assert.deepEqual(releaseDecision({ ...facts, tests }).missing, ['test:antibody:1']);
  });

  it('hospital care has no release decision (discharge is a clinical decision)', () => {
    const { plan, rule } = planFor('seed-2020', 'confirmed', D0);
    assert.equal(releaseDecision({ plan, rule, today: D0, tests: [], symptomsReported: false, signatures: [] }).decision, 'notApplicable');
  });
});
