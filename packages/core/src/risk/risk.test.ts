import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import { passUseAllowed } from '../closed-management/checkpoint-decision.ts';
import { SEED_001_CHECKPOINT_RULES } from '../closed-management/checkpoint-rules.ts';
import { decideColour } from '../codes/code-colour.ts';
import { SEED_2020_CODE_RULES } from '../codes/code-rules.ts';
import type { HealthFacts } from '../codes/code-types.ts';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import { profileFor } from '../protocols/registry.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import type { RiskGradingRule } from '../protocols/zone-types.ts';
import { suggestDelineation } from './delineation.ts';
import { type LiftingInputs, liftingChecklist } from './lifting-checklist.ts';
import { gradeArea, gradeAreas, type RiskCase } from './risk-classification.ts';
import { liftingRuleOf, riskRulesFor, riskRulesOf, zoneRulesOf } from './risk-rules.ts';
import { strictestZoneType, zoneEffects } from './zone-effects.ts';

const AS_OF = '2020-03-15';
const seedRule = riskRulesOf(SEED_2020).grading;
const ninthRule = riskRulesOf(CN_2022_9TH).grading;
const TOWN = '320412100';

/** `n` cases of the town reported `daysAgo` before the day, in `cluster` (or none). */
const cases = (n: number, daysAgo = 0, cluster: string | null = null): RiskCase[] =>
  Array.from({ length: n }, () => ({ area: TOWN, reportDate: addDays(AS_OF, -daysAgo), cluster }));
const grade = (list: RiskCase[], rule: RiskGradingRule = seedRule, asOf: CalendarDate = AS_OF) => gradeArea(rule, list, asOf);

// ZONE-001, issue 14: the national rule of 2020 under seed-2020, its numbers read from the edition
describe('risk grade, seed-2020 (14 days, cumulative 50, clusters)', () => {
  it('0 cases: low, no case at all', () => {
    const decision = grade([]);
    assert.equal(decision.level, 'low');
    assert.equal(decision.because[0]?.rule, 'risk.low.noCase');
  });

  it('1 new case: medium, the cumulative total is at most 50', () => {
    const decision = grade(cases(1));
    assert.equal(decision.level, 'medium');
    assert.equal(decision.because[0]?.rule, 'risk.medium.atMostThreshold');
    assert.equal(decision.because[0]?.facts.newCases, 1);
    assert.equal(decision.because[0]?.source, 'national guidance 联防联控机制 分区分级指导意见 (2020-02-17)');
  });

  it('50 cases with a cluster in 14 days: still medium (cumulative at most 50)', () => {
    assert.equal(grade(cases(50, 2, 'c1')).level, 'medium');
  });

  it('51 cases with a cluster in 14 days: high', () => {
    const decision = grade(cases(51, 2, 'c1'));
    assert.equal(decision.level, 'high');
    assert.equal(decision.because[0]?.rule, 'risk.high.overThresholdWithCluster');
    assert.deepEqual(decision.because[0]?.facts.clusters, ['c1']);
  });

  it('51 cases without a cluster in 14 days: medium', () => {
    assert.equal(grade(cases(51, 2)).level, 'medium');
    assert.equal(grade(cases(51, 2)).because[0]?.rule, 'risk.medium.noCluster');
  });

  it('51 cases whose cluster lies before the 14 days, and a new case without one: medium', () => {
    assert.equal(grade([...cases(50, 20, 'old'), ...cases(1, 1)]).level, 'medium');
  });

  it('the last case on day 13 before the day: medium; day 14: low (14 days without a new case); day 15: low', () => {
    assert.equal(grade(cases(3, 13)).level, 'medium');
    assert.equal(grade(cases(3, 14)).level, 'low');
    assert.equal(grade(cases(3, 14)).because[0]?.rule, 'risk.low.noNewCase');
    assert.equal(grade(cases(3, 15)).level, 'low');
  });

  it('a cluster with 51 cases whose last case is 14 days old: low', () => {
    assert.equal(grade(cases(51, 14, 'c1')).level, 'low');
  });

  it('cases reported after the day are not known yet; suspected cases are not counted', () => {
    assert.equal(grade(cases(5, -1)).level, 'low');
    assert.equal(grade([{ area: TOWN, reportDate: AS_OF, cluster: null, classification: 'suspected' }]).level, 'low');
  });

  it('the numbers are the edition’s: a rule of 7 days and 2 cases grades the same cases otherwise (RULES-001)', () => {
    const strict: RiskGradingRule = { ...seedRule, kind: 'cumulative_cases', windowDays: 7, cumulativeThreshold: 2, counts: ['confirmed'] };
    assert.equal(grade(cases(3, 10)).level, 'medium');
    assert.equal(grade(cases(3, 10), strict).level, 'low');
    assert.equal(grade(cases(3, 1, 'c1'), strict).level, 'high');
  });

  it('one grade per area, in the order the areas first appear', () => {
    const list = [...cases(1), { area: '320412001', reportDate: '2020-01-01', cluster: null }, ...cases(1)];
    assert.deepEqual(
      gradeAreas(seedRule, list, AS_OF).map((d) => [d.area, d.level]),
      [
        [TOWN, 'medium'],
        ['320412001', 'low'],
      ],
    );
  });
});

// ZONE-001, issue 14: the 9th edition grades by days since the last infection (7 days high, 3 more medium)
describe('risk grade, cn-2022-9th', () => {
  it('an infection 6 days ago: high; 7 and 9 days: medium; 10 days: low', () => {
    assert.equal(grade(cases(1, 6), ninthRule).level, 'high');
    assert.equal(grade(cases(1, 7), ninthRule).level, 'medium');
    assert.equal(grade(cases(1, 9), ninthRule).level, 'medium');
    assert.equal(grade(cases(1, 10), ninthRule).level, 'low');
  });

  it('asymptomatic infections count under the 9th edition', () => {
    assert.equal(grade([{ area: TOWN, reportDate: AS_OF, cluster: null, classification: 'asymptomatic' }], ninthRule).level, 'high');
    assert.equal(grade([{ area: TOWN, reportDate: AS_OF, cluster: null, classification: 'asymptomatic' }]).level, 'low');
  });
});

// ZONE-001, §18 V9: the unit of grading is a profile setting (town in seed 000, county in seed 003)
describe('unit of grading', () => {
  it('seed 000 grades towns; a Hubei jurisdiction runs seed 003’s county grading by its profile', () => {
    assert.equal(riskRulesFor(SEED_2020)?.unit.level, 'town');
    const hubei = profileFor(['CN', '42', '4201', '420106'], 'seed-2020');
    assert.equal(riskRulesFor(SEED_2020, hubei)?.unit.level, 'county');
    assert.equal(riskRulesFor(SEED_2020, hubei)?.authority.publisher, '湖北省卫生健康委员会');
    assert.equal(riskRulesFor(SEED_2020, hubei)?.grading, seedRule);
    assert.equal(riskRulesFor(CN_2022_9TH)?.unit.level, 'village');
  });
});

// ZONE-004, SC-21: the outbreak type decides the spot or zone and its unit
describe('spot or zone by outbreak type', () => {
  const home = { buildingId: 'b5', gridId: 'g1', villageId: 'v1' };
  const rules = zoneRulesOf(SEED_2020);

  it('sporadic: the building of the case is the outbreak spot, sealed', () => {
    const s = suggestDelineation(rules, 'sporadic', home);
    assert.deepEqual(
      [s?.kind, s?.unit, s?.zoneType, s?.mayUpgradeTo],
      ['outbreak_spot', { kind: 'building', id: 'b5' }, 'sealed_zone', null],
    );
    assert.equal(s?.because[0]?.source, 'seed 003');
  });

  it('cluster: the compound (grid) is the spot, and it may be upgraded to a zone', () => {
    const s = suggestDelineation(rules, 'cluster', home);
    assert.deepEqual([s?.kind, s?.unit, s?.mayUpgradeTo], ['outbreak_spot', { kind: 'grid', id: 'g1' }, 'outbreak_zone']);
  });

  it('transmission: the community (village) is the outbreak zone', () => {
    const s = suggestDelineation(rules, 'transmission', home);
    assert.deepEqual([s?.kind, s?.unit], ['outbreak_zone', { kind: 'jurisdiction', id: 'v1' }]);
  });

  it('an unknown home leaves the unit to the person, naming its level', () => {
    const s = suggestDelineation(rules, 'sporadic', { buildingId: null, gridId: 'g1', villageId: 'v1' });
    assert.deepEqual([s?.unit, s?.unitLevel], [null, 'building']);
  });
});

// ZONE-017, issue 14: the lifting checklist from plain inputs
describe('lifting checklist', () => {
  const sealed = liftingRuleOf(zoneRulesOf(SEED_2020), 'sealed_zone');
  const ready: LiftingInputs = {
    startDate: '2020-03-01',
    lastCaseDate: '2020-03-01',
    contacts: { total: 4, lastNegative: 4 },
    screening: { residents: 30, negative: 30, positive: 0 },
  };
  const check = (inputs: Partial<LiftingInputs>, asOf = AS_OF) => liftingChecklist(sealed, { ...ready, ...inputs }, asOf);
  const failing = (inputs: Partial<LiftingInputs>, asOf = AS_OF) =>
    check(inputs, asOf)
      .items.filter((i) => !i.holds)
      .map((i) => i.item);

  it('holds when 14 quiet days passed, every contact’s last test is negative and the screening is all negative', () => {
    const list = check({});
    assert.equal(list.holds, true);
    assert.deepEqual(
      list.items.map((i) => i.item),
      ['quietPeriod', 'contactsNegative', 'areaScreening'],
    );
    assert.equal(list.quietUntil, '2020-03-15');
  });

  it('a case 13 days ago keeps the zone: the quiet period counts from the last case', () => {
    assert.deepEqual(failing({ lastCaseDate: '2020-03-02' }), ['quietPeriod']);
    assert.deepEqual(failing({ lastCaseDate: '2020-03-01' }, '2020-03-14'), ['quietPeriod']);
  });

  it('a contact whose last test is not negative keeps the zone', () => {
    assert.deepEqual(failing({ contacts: { total: 4, lastNegative: 3 } }), ['contactsNegative']);
  });

  it('a screening with a positive, or not everyone tested, keeps the zone', () => {
    assert.deepEqual(failing({ screening: { residents: 30, negative: 29, positive: 1 } }), ['areaScreening']);
    assert.deepEqual(failing({ screening: { residents: 30, negative: 20, positive: 0 } }), ['areaScreening']);
    assert.deepEqual(failing({ screening: { residents: 0, negative: 0, positive: 0 } }), ['areaScreening']);
  });

  it('under the 9th edition a sealed zone waits 7 days and a controlled zone only 3 with no other item', () => {
    const ninth = zoneRulesOf(CN_2022_9TH);
    assert.equal(liftingChecklist(liftingRuleOf(ninth, 'sealed_zone'), ready, '2020-03-08').holds, true);
    const controlled = liftingChecklist(liftingRuleOf(ninth, 'controlled_zone'), { ...ready, lastCaseDate: '2020-03-12' }, AS_OF);
    assert.deepEqual(
      controlled.items.map((i) => [i.item, i.holds]),
      [['quietPeriod', true]],
    );
  });
});

const none: HealthFacts = { episodes: [], tests: [], declarations: [], arrivals: [], mandatoryTestCycleHours: null };
const NOW = new Date(`${AS_OF}T10:00:00+08:00`);

// issue 14, ZONE-008, SC-25: what a zone does to its residents, each effect answered by its own rule
describe('zone effects', () => {
  const rules = {
    testing: SEED_2020.testing ?? assert.fail('testing'),
    codes: SEED_2020_CODE_RULES,
    checkpoint: SEED_001_CHECKPOINT_RULES,
  };

  it('a sealed zone: one tube per household, red codes, no household goes out', () => {
    const effects = zoneEffects(rules, 'sealed_zone');
    assert.deepEqual(
      [effects.pool.size, effects.pool.household, effects.codeColour.colour, effects.pass.goesOut],
      [1, false, 'red', false],
    );
    assert.deepEqual(effects.pool.allowed, [1]);
  });

  it('a controlled zone: 10 in a pool, yellow codes, passes go out as usual', () => {
    const effects = zoneEffects(rules, 'controlled_zone');
    assert.deepEqual([effects.pool.size, effects.codeColour.colour, effects.pass.goesOut], [10, 'yellow', true]);
  });

  it('the strictest zone wins where zones overlap', () => {
    assert.equal(strictestZoneType(['general', 'precaution_zone', 'sealed_zone']), 'sealed_zone');
    assert.equal(strictestZoneType([]), 'general');
  });

  it('the code colour reads the residence: a sealed zone is red, a high-risk area yellow, a medium one nothing', () => {
    const colour = (residence: HealthFacts['residence']) => decideColour(SEED_2020_CODE_RULES, { ...none, residence }, NOW);
    const sealed = colour({ riskLevel: null, zoneTypes: ['sealed_zone'] });
    assert.equal(sealed.colour, 'red');
    assert.equal(sealed.because[0]?.rule, 'code.residentOfControlZone.red');
    assert.equal(colour({ riskLevel: 'high', zoneTypes: [] }).colour, 'yellow');
    assert.equal(colour({ riskLevel: 'medium', zoneTypes: [] }).colour, 'green');
  });

  it('a household pass does not go out of a sealed zone, with the clause and no next date', () => {
    const verdict = passUseAllowed(SEED_001_CHECKPOINT_RULES, [], NOW, ['sealed_zone']);
    assert.equal(verdict.allowed, false);
    assert.equal(verdict.because[0]?.rule, 'checkpoint.pass.sealedZone');
    assert.equal(verdict.allowed ? undefined : verdict.nextAllowedDate, null);
    assert.equal(passUseAllowed(SEED_001_CHECKPOINT_RULES, [], NOW, ['controlled_zone']).allowed, true);
  });
});
