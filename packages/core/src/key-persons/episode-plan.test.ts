import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../calendar/calendar-date.ts';
import { profileFor } from '../protocols/registry.ts';
import { planFor } from './test-support.ts';

const D0 = '2020-03-01';

describe('episode plans (REQUIREMENTS.md Annex B)', () => {
  // KP-D01: seed 000 close contact is 14 d centralized + 7 d home health management
  it('SC-01: a seed 000 close contact has 14 days centralized (day 0–13) then 7 days home health management (day 14–20)', () => {
    const { plan } = planFor('seed-2020', 'close_contact', D0);
    assert.deepEqual(plan.phases, [
      { type: 'centralized_quarantine', from: D0, to: addDays(D0, 13) },
      { type: 'home_health_monitoring', from: addDays(D0, 14), to: addDays(D0, 20) },
    ]);
  });

  // KP-D02: at least 3 NAT + 1 serum antibody inside the quarantine period
  it('SC-01: at least 3 nucleic acid tests and 1 antibody test fall inside the centralized period', () => {
    const { plan } = planFor('seed-2020', 'close_contact', D0);
    const inside = plan.tests.filter((t) => t.date >= D0 && t.date <= addDays(D0, 13));
    assert.ok(inside.filter((t) => t.kind === 'nucleic_acid').length >= 3);
    assert.ok(inside.filter((t) => t.kind === 'antibody').length >= 1);
  });

  // KP-D04: release falls due when the 14 days are complete
  it('the release date of a seed close contact is the last day of centralized quarantine (day 13)', () => {
    assert.equal(planFor('seed-2020', 'close_contact', D0).plan.releaseDate, addDays(D0, 13));
  });

  // KP-J01: discharged patient 14 d centralized observation, follow-up NAT at 14 d, 28 d, 3 and 6 months
  it('SC-17: a discharged patient is observed D0–D13 with follow-ups at D+14, D+28, D0+3 months and D0+6 months', () => {
    const { plan } = planFor('seed-2020', 'discharged_patient', '2020-01-31');
    assert.deepEqual(plan.phases, [{ type: 'centralized_quarantine', from: '2020-01-31', to: '2020-02-13' }]);
    assert.deepEqual(
      plan.followUps.map((f) => f.date),
      ['2020-02-14', '2020-02-28', '2020-04-30', '2020-07-31'],
    );
    assert.ok(plan.followUps.every((f) => f.kind === 'visit_with_nucleic_acid'));
  });

  // KP-C04: after discharge another 14 days of centralized observation (seed 000 variant)
  it('SC-16: an asymptomatic infection released from treatment enters 14 days of centralized observation as a discharged patient', () => {
    const { plan } = planFor('seed-2020', 'discharged_patient', D0);
    assert.equal(plan.phases[0]?.type, 'centralized_quarantine');
    assert.equal(plan.managementEndDate, addDays(D0, 13));
  });

  // KP-F03, KP-F04: inbound traveller 14 d centralized with 2 NAT 24 h apart + 1 antibody
  it('SC-09: an inbound traveller has 14 days centralized with 2 nucleic acid tests a day apart and 1 antibody test', () => {
    const { plan } = planFor('seed-2020', 'inbound_traveller', D0);
    assert.deepEqual(plan.phases, [{ type: 'centralized_quarantine', from: D0, to: addDays(D0, 13) }]);
    const nucleic = plan.tests.filter((t) => t.kind === 'nucleic_acid').map((t) => t.date);
    assert.deepEqual(nucleic, [D0, addDays(D0, 1)]);
    assert.equal(plan.tests.filter((t) => t.kind === 'antibody').length, 1);
  });

  it('the 9th edition close contact is "7+3": tests on quarantine days 1, 2, 3, 5, 7 and monitoring day 3', () => {
    const start = '2022-07-01';
    const { plan } = planFor('cn-2022-9th', 'close_contact', start);
    assert.deepEqual(plan.phases, [
      { type: 'centralized_quarantine', from: start, to: '2022-07-07' },
      { type: 'home_health_monitoring', from: '2022-07-08', to: '2022-07-10' },
    ]);
    assert.deepEqual(
      plan.tests.map((t) => t.date),
      ['2022-07-01', '2022-07-02', '2022-07-03', '2022-07-05', '2022-07-07', '2022-07-10'],
    );
    assert.equal(plan.releaseDate, '2022-07-07');
  });

  it('the 9th edition secondary contact has 7 days home quarantine with tests on days 1, 4 and 7', () => {
    const { plan } = planFor('cn-2022-9th', 'secondary_contact', '2022-07-01');
    assert.deepEqual(plan.phases, [{ type: 'home_quarantine', from: '2022-07-01', to: '2022-07-07' }]);
    assert.deepEqual(
      plan.tests.map((t) => t.date),
      ['2022-07-01', '2022-07-04', '2022-07-07'],
    );
  });

  // KP-D01: seed 004 variant, close contact in home medical observation
  it('V1: the seed 004 street profile puts close contacts in home quarantine instead of centralized, citing its basis', () => {
    const { plan } = planFor('seed-2020', 'close_contact', D0, 'seed-004-home');
    assert.equal(plan.phases[0]?.type, 'home_quarantine');
    assert.equal(plan.profile, 'seed-004-home');
    assert.ok(plan.because.some((r) => r.rule === 'localProfile' && r.source === 'seed 004'));
  });

  // KP-D01: seed 001 variant, 14 d designated centralized observation only
  it('V3: the seed 001 township profile has no 7-day home add-on', () => {
    const { plan } = planFor('seed-2020', 'close_contact', D0, 'seed-001-township');
    assert.equal(plan.phases.length, 1);
    assert.equal(plan.managementEndDate, addDays(D0, 13));
  });

  // KP-A01: a confirmed case is in (designated-)hospital care until a clinical discharge
  it('hospital care is open-ended: no release date until discharge', () => {
    const { plan } = planFor('seed-2020', 'confirmed', D0);
    assert.deepEqual(plan.phases, [{ type: 'hospital_care', from: D0, to: null }]);
    assert.equal(plan.releaseDate, null);
  });

  it('every reason cites a source and a clause', () => {
    const { plan } = planFor('seed-2020', 'close_contact', D0);
    assert.ok(plan.because.length >= 4);
    for (const reason of plan.because) assert.ok(reason.source && reason.clause && reason.says, JSON.stringify(reason));
  });
});

describe('SC-12: the Hubei first-entry-city rule (seed 003 item 15)', () => {
  const D0 = '2020-03-20';
  // SC-12: a person arriving in Hubei with a stay abroad in the previous 14 days, in none of the five categories
  it('SC-12 KP-F06: an inbound traveller in Hubei gets 14 days of centralized observation on seed 003 item 15, with the nucleic acid tests', () => {
    const { plan } = planFor('seed-2020', 'inbound_traveller', D0, 'seed-003-county-grading');
    assert.deepEqual(
      plan.phases.map((p) => [p.type, p.from, p.to]),
      [['centralized_quarantine', D0, addDays(D0, 13)]],
    );
    assert.ok(plan.because.some((r) => r.source === 'seed 003' && r.clause === 'item 15'));
    assert.ok(plan.tests.filter((t) => t.kind === 'nucleic_acid').length >= 1, 'a nucleic acid test is required');
  });
  it('SC-12: the profile runs in Hubei only; 武进区 keeps the edition’s own basis for inbound travellers', () => {
    assert.equal(profileFor(['CN', '42', '4201'], 'seed-2020')?.id, 'seed-003-county-grading');
    const { plan } = planFor('seed-2020', 'inbound_traveller', D0);
    assert.ok(!plan.because.some((r) => r.source === 'seed 003'));
  });
});
