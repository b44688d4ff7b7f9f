import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideColour } from './code-colour.ts';
import { arrivalReportLate, CN_2022_9TH_CODE_RULES, SEED_2020_CODE_RULES } from './code-rules.ts';
import type { HealthFacts } from './code-types.ts';

const NOW = new Date('2020-03-15T10:00:00+08:00');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const none: HealthFacts = { episodes: [], tests: [], declarations: [], arrivals: [], mandatoryTestCycleHours: null };
const colour = (facts: Partial<HealthFacts>) => decideColour(SEED_2020_CODE_RULES, { ...none, ...facts }, NOW);

describe('health code colours (seed-2020 rules)', () => {
  it('green with its reason when no rule applies', () => {
    const decision = colour({});
    assert.equal(decision.colour, 'green');
    assert.deepEqual(
      decision.because.map((r) => r.rule),
      ['code.noRule.green'],
    );
    assert.equal(decision.ruleVersion, 'seed-2020/codes-1');
  });

  it('a confirmed case is red', () => {
    assert.equal(colour({ episodes: [{ category: 'confirmed', managementType: 'hospital_care', released: false }] }).colour, 'red');
  });

  // KP-F05, CODE-004: an inbound traveller still in quarantine does not get a green code
  it('seed 000: an inbound traveller in quarantine is not green', () => {
    assert.equal(
      colour({ episodes: [{ category: 'inbound_traveller', managementType: 'centralized_quarantine', released: false }] }).colour,
      'red',
    );
  });

  // KP-F05, CODE-004: green needs arrival at the destination
  it('seed 000: after quarantine, not yet arrived at the destination: yellow, citing §三(三)1', () => {
    const decision = colour({ arrivals: [{ arrivedOn: '2020-03-14', fromRiskLevel: 'low', atDestination: false }] });
    assert.equal(decision.colour, 'yellow');
    assert.ok(decision.because.some((r) => r.rule === 'code.notAtDestination.yellow' && r.clause === '§三(三)1'));
  });

  // KP-F05, CODE-004: green needs negative results, a pending one is not enough
  it('seed 000: quarantine over and arrived, but a result still pending: yellow', () => {
    assert.equal(colour({ tests: [{ kind: 'nucleic_acid', result: 'pending', sampledAt: hoursAgo(6) }] }).colour, 'yellow');
  });

  // KP-F05, CODE-004, SC-09: quarantine over + at destination + negative → green
  it('seed 000: quarantine over, arrived and all tests negative: green', () => {
    const decision = colour({
      tests: [{ kind: 'nucleic_acid', result: 'negative', sampledAt: hoursAgo(30) }],
      arrivals: [{ arrivedOn: '2020-03-01', fromRiskLevel: 'low', atDestination: true }],
    });
    assert.equal(decision.colour, 'green');
  });

  it('SC-11: a positive result is red, whatever else is green', () => {
    assert.equal(colour({ tests: [{ kind: 'nucleic_acid', result: 'positive', sampledAt: hoursAgo(2) }] }).colour, 'red');
  });

  it('home health monitoring after release is yellow', () => {
    assert.equal(
      colour({ episodes: [{ category: 'close_contact', managementType: 'home_health_monitoring', released: true }] }).colour,
      'yellow',
    );
  });

  it('a declared fever of 37.3 °C today is yellow; 37.2 °C is green', () => {
    assert.equal(colour({ declarations: [{ date: '2020-03-15', symptoms: [], temperatureTenths: 373 }] }).colour, 'yellow');
    assert.equal(colour({ declarations: [{ date: '2020-03-15', symptoms: [], temperatureTenths: 372 }] }).colour, 'green');
  });

  it('an arrival from a high-risk area 10 days ago is yellow under the 2020 rules, green under the 9th edition (7 days)', () => {
    const facts = { ...none, arrivals: [{ arrivedOn: '2020-03-05', fromRiskLevel: 'high' as const, atDestination: true }] };
    assert.equal(decideColour(SEED_2020_CODE_RULES, facts, NOW).colour, 'yellow');
    assert.equal(decideColour(CN_2022_9TH_CODE_RULES, facts, NOW).colour, 'green');
  });

  // CODE-004: a key group's code rests on a negative test within its cycle
  it('a member of a mandatory group without a negative test within the cycle is yellow', () => {
    assert.equal(
      colour({ mandatoryTestCycleHours: 72, tests: [{ kind: 'nucleic_acid', result: 'negative', sampledAt: hoursAgo(80) }] }).colour,
      'yellow',
    );
    assert.equal(
      colour({ mandatoryTestCycleHours: 72, tests: [{ kind: 'nucleic_acid', result: 'negative', sampledAt: hoursAgo(40) }] }).colour,
      'green',
    );
  });

  it('every applying rule is listed, most severe first', () => {
    const decision = colour({
      episodes: [{ category: 'close_contact', managementType: 'centralized_quarantine', released: false }],
      tests: [{ kind: 'nucleic_acid', result: 'pending', sampledAt: hoursAgo(3) }],
    });
    assert.deepEqual(
      decision.because.map((r) => r.rule),
      ['code.underManagement.red', 'code.unresolvedResult.yellow'],
    );
  });

  it('an approved manual change sets the colour while in force, with its basis first among the reasons', () => {
    const manualChange = {
      colour: 'green' as const,
      basisKind: 'record' as const,
      basisRef: 'lab_result:abc',
      basisNote: '复核阴性，原阳性为实验室错号',
      validUntil: new Date(NOW.getTime() + 3_600_000),
    };
    const decision = colour({ tests: [{ kind: 'nucleic_acid', result: 'positive', sampledAt: hoursAgo(2) }], manualChange });
    assert.equal(decision.colour, 'green');
    assert.deepEqual(
      decision.because.map((r) => r.rule),
      ['code.manual.green', 'code.positiveResult.red'],
    );
    const lapsed = colour({
      tests: [{ kind: 'nucleic_acid', result: 'positive', sampledAt: hoursAgo(2) }],
      manualChange: { ...manualChange, validUntil: hoursAgo(1) },
    });
    assert.equal(lapsed.colour, 'red');
  });
});

describe('resident rules (arrival report, proxy limit, appeal deadline)', () => {
  // KP-F01: inbound persons report 3 days in advance
  it('seed 000 §三(三)1 (SC-08): an inbound report 2 days ahead is late, 3 days ahead is on time', () => {
    const reportedAt = new Date('2020-03-10T09:00:00+08:00');
    assert.equal(arrivalReportLate(SEED_2020_CODE_RULES, reportedAt, '2020-03-12'), true);
    assert.equal(arrivalReportLate(SEED_2020_CODE_RULES, reportedAt, '2020-03-13'), false);
    assert.equal(SEED_2020_CODE_RULES.inboundReportDaysAhead.basis.clause, '§三(三)1');
  });

  it('a report made late in the evening counts the Shanghai date, not UTC', () => {
    // 23:30 in Shanghai on the 10th is still the 10th: 3 days to the 13th.
    assert.equal(arrivalReportLate(SEED_2020_CODE_RULES, new Date('2020-03-10T23:30:00+08:00'), '2020-03-13'), false);
  });

  it('both editions carry the proxy limit and the appeal deadline, marked as configured', () => {
    for (const rules of [SEED_2020_CODE_RULES, CN_2022_9TH_CODE_RULES]) {
      assert.ok(rules.proxyDependantLimit.count > 0 && rules.proxyDependantLimit.basis.configured);
      assert.ok(rules.appealDeadlineHours.hours > 0 && rules.appealDeadlineHours.basis.configured);
      assert.equal(rules.inboundReportDaysAhead.days, 3);
    }
  });
});
