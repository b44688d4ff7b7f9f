import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROTOCOL_EDITIONS } from '../protocols/registry.ts';
import { environmentFollowUpOf, environmentRulesOf, placeRiskOf, placeSamplingState, samplingPlanOf } from './environment-follow-up.ts';
import { ENVIRONMENT_SPECIMEN_KINDS, ENVIRONMENT_SPECIMENS, environmentSampleProblems } from './environment-specimens.ts';
import { turnaroundRuleOf } from './testing-rules.ts';
import { rulesFor } from './testing-support.ts';

const rules = environmentRulesOf(rulesFor('seed-2020'));
const at = (time: string) => new Date(`2020-12-0${time}+08:00`);

// TEST-014, MKT-001, CASE-012: a positive goods or environment sample sets off disinfection and NAT screening of exposed people
describe('what an environment or goods sample result sets off (seed 000 §三(二)5)', () => {
  it('a positive cold-chain product sample: alerts, closing and disinfection, worker screening and the batch traced (SC-63)', () => {
    const outcome = environmentFollowUpOf(rules, { result: 'positive', specimenKind: 'outer_packaging', batchNumber: 'BR-2020-1108' });
    assert.deepEqual(outcome.decision, ['communityAlert', 'districtAlert', 'closeAndDisinfect', 'screenWorkers', 'traceBatch']);
    assert.deepEqual(
      outcome.because.map((r) => [r.rule, r.source, r.clause]),
      [
        ['testing.environment.alert', 'seed 002', '§七(三)'],
        ['testing.environment.disinfect', 'seed 000', '§三(二)5'],
        ['testing.environment.screenWorkers', 'seed 000', '§三(二)5'],
        ['testing.environment.traceBatch', 'seed 004', 'Part A §三(五)'],
      ],
    );
  });

  // MKT-001, CASE-012: positive environment → disinfection, exposed workers screened
  it('a positive surface swab of a market is disinfected and its workers screened; there is no batch to trace', () => {
    const outcome = environmentFollowUpOf(rules, { result: 'positive', specimenKind: 'environment_surface', batchNumber: null });
    assert.deepEqual(outcome.decision, ['communityAlert', 'districtAlert', 'closeAndDisinfect', 'screenWorkers']);
  });

  it('goods without a batch number cannot be traced by batch', () => {
    assert.ok(
      !environmentFollowUpOf(rules, { result: 'positive', specimenKind: 'goods', batchNumber: null }).decision.includes('traceBatch'),
    );
  });

  it('an indeterminate sample is taken again (configured); a negative sets off nothing', () => {
    const outcome = environmentFollowUpOf(rules, { result: 'indeterminate', specimenKind: 'air', batchNumber: null });
    assert.deepEqual(outcome.decision, ['resample']);
    assert.equal(outcome.because[0]?.configured, true);
    assert.deepEqual(environmentFollowUpOf(rules, { result: 'negative', specimenKind: 'goods', batchNumber: 'B1' }).decision, []);
  });
});

// TEST-014, MKT-001: the risk of a sampled place is assessed from its results
describe('a place’s risk flag', () => {
  it('stands from a positive sample until a sample taken later is negative', () => {
    const positive = at('1T10:00:00');
    const risk = placeRiskOf(rules, { lastPositiveSampledAt: positive, lastNegativeSampledAt: null });
    assert.equal(risk.decision, 'atRisk');
    assert.equal(risk.since, positive);
    assert.equal(placeRiskOf(rules, { lastPositiveSampledAt: positive, lastNegativeSampledAt: at('3T09:00:00') }).decision, 'cleared');
  });

  it('a negative taken before the positive (or with it) does not clear the flag, whenever its result came', () => {
    const positive = at('3T10:00:00');
    assert.equal(placeRiskOf(rules, { lastPositiveSampledAt: positive, lastNegativeSampledAt: at('1T10:00:00') }).decision, 'atRisk');
    assert.equal(placeRiskOf(rules, { lastPositiveSampledAt: positive, lastNegativeSampledAt: positive }).decision, 'atRisk');
  });

  it('a place never positive carries no flag', () => {
    assert.equal(placeRiskOf(rules, { lastPositiveSampledAt: null, lastNegativeSampledAt: at('1T10:00:00') }).decision, 'none');
  });
});

// MKT-001: goods and environments are sampled regularly
describe('regular sampling plans (TEST-014: 定期抽样检测)', () => {
  it('markets and fever clinics are sampled every 7 days, marked configured: the seeds say "regularly" without a number', () => {
    const market = samplingPlanOf(rules, 'market');
    assert.equal(market?.everyDays, 7);
    assert.equal(market?.basis.clause, '§三(二)5');
    assert.equal(market?.basis.configured, true);
    assert.equal(samplingPlanOf(rules, 'fever_clinic')?.basis.source, 'seed 002');
    assert.equal(samplingPlanOf(rules, 'school'), undefined);
  });

  it('a market sampled on the 3rd is covered until the 9th, due on the 10th, overdue on the 11th', () => {
    const market = samplingPlanOf(rules, 'market');
    assert.ok(market);
    const history = { registeredOn: '2020-11-01', lastSampledOn: '2020-12-03' };
    assert.deepEqual(
      ['2020-12-09', '2020-12-10', '2020-12-11'].map((today) => placeSamplingState(market, history, today).decision),
      ['covered', 'due', 'overdue'],
    );
    assert.equal(placeSamplingState(market, history, '2020-12-11').dueDate, '2020-12-10');
  });

  it('a market never sampled is due from the day it was registered', () => {
    const market = samplingPlanOf(rules, 'market');
    assert.ok(market);
    const state = placeSamplingState(market, { registeredOn: '2020-12-01', lastSampledOn: null }, '2020-12-05');
    assert.deepEqual([state.decision, state.dueDate], ['overdue', '2020-12-01']);
    assert.equal(placeSamplingState(market, { registeredOn: '2020-12-05', lastSampledOn: null }, '2020-12-05').decision, 'due');
  });

  it('every edition has environment plans, follow-up clauses and an environment turnaround', () => {
    for (const edition of PROTOCOL_EDITIONS) {
      const testing = rulesFor(edition.id);
      const environment = environmentRulesOf(testing);
      assert.ok(environment.plans.length > 0, edition.id);
      for (const plan of environment.plans) assert.ok(plan.everyDays > 0 && plan.basis.clause, `${edition.id} ${plan.placeKind}`);
      assert.ok(turnaroundRuleOf(testing, 'environment').hours > 0, edition.id);
    }
  });
});

describe('registering an environment or goods sample', () => {
  const market = { placeKind: 'market' };

  it('every specimen kind has a zh-CN and an English label', () => {
    for (const kind of ENVIRONMENT_SPECIMEN_KINDS) {
      const { label } = ENVIRONMENT_SPECIMENS[kind];
      assert.ok(label['zh-CN'] && label.en, kind);
    }
  });

  // MKT-001: imported cold-chain goods are recorded with origin and batch
  it('imported cold-chain goods need a description, the country of origin and the batch number', () => {
    assert.deepEqual(environmentSampleProblems({ ...market, specimenKind: 'outer_packaging', coldChain: true, imported: true }), [
      { field: 'goodsDescription', code: 'required' },
      { field: 'originCountry', code: 'required' },
      { field: 'batchNumber', code: 'required' },
    ]);
    const complete = {
      ...market,
      specimenKind: 'outer_packaging' as const,
      goodsDescription: '冷冻带鱼',
      coldChain: true,
      imported: true,
      originCountry: '挪威',
      batchNumber: 'NO-20201108-03',
    };
    assert.deepEqual(environmentSampleProblems(complete), []);
  });

  it('a country of origin is only for imported goods', () => {
    assert.deepEqual(environmentSampleProblems({ ...market, specimenKind: 'goods', goodsDescription: '猪肉', originCountry: '巴西' }), [
      { field: 'originCountry', code: 'originNotImported' },
    ]);
  });

  it('a surface swab carries no goods fields', () => {
    assert.deepEqual(environmentSampleProblems({ ...market, specimenKind: 'environment_surface', batchNumber: 'B1', coldChain: true }), [
      { field: 'batchNumber', code: 'goodsOnlyField' },
      { field: 'coldChain', code: 'goodsOnlyField' },
    ]);
  });

  it('homes are not sampled as venues', () => {
    assert.deepEqual(environmentSampleProblems({ placeKind: 'household', specimenKind: 'environment_surface' }), [
      { field: 'placeId', code: 'notSampledPlace' },
    ]);
  });
});
