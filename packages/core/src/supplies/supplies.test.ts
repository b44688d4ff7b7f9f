import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../errors/app-error.ts';
import { READINESS_SEED_2020 as RULES, type StockHolderKind, SUPPLY_ITEMS, type SupplyItem } from '../protocols/readiness-seed-2020.ts';
import { disinfectionStatus, periodStartOf } from './disinfection.ts';
import { attendanceError, exerciseIsRecent, missingChecklistItems, planReviewState } from './preparedness.ts';
import { type FacilityRecord, type ReadinessInput, readinessVerdict } from './readiness.ts';
import { daysOfCover, holderFindings, lineIsLow, type StockLine } from './stock-checks.ts';
import { applyMovement } from './stock-movement.ts';

const TODAY = '2020-03-01';
let seq = 0;
const line = (item: SupplyItem, quantity: number, more: Partial<StockLine> = {}): StockLine => ({
  id: `line-${++seq}`,
  holderKind: 'town',
  holderName: '甲镇',
  item,
  quantity,
  dailyUse: 10,
  expiresOn: null,
  ...more,
});
/** A town holding 40 days of every protective item and PPE for far more than 5 patients. */
const fullTown = (kind: StockHolderKind = 'town') => SUPPLY_ITEMS.map((item) => line(item, 400, { holderKind: kind }));
const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return { field: (error as AppError).field, code: (error as AppError).code };
  }
  return null;
};
const facility = (kind: FacilityRecord['kind'], capacity: number | null = null, checklistNo: number | null = null): FacilityRecord => ({
  kind,
  name: kind,
  status: 'ready',
  capacity,
  keptCapacity: null,
  checklistNo,
});
/** What a street keeps besides its reserve: a service point, RES-005's vehicles and crews, RES-009's custodian, RES-010's fund. */
const readyTownFacilities = (): FacilityRecord[] => [
  facility('service_point'),
  ...(['ambulance', 'ambulance', 'ambulance', 'ambulance_driver', 'ambulance_driver', 'ambulance_driver', 'ambulance_driver'] as const).map(
    (k) => facility(k),
  ),
  ...Array.from({ length: 5 }, () => facility('ambulance_doctor')),
  facility('vehicle_lead'),
  ...Array.from({ length: 6 }, () => facility('police_vehicle')),
  facility('supply_custodian'),
  facility('emergency_fund'),
];
const checklistDone = () => RULES.checklist.map((c) => facility('checklist', null, c.no));
const county = (facilities: FacilityRecord[], more: Partial<ReadinessInput> = {}): ReadinessInput => ({
  level: 'county',
  name: '乙县',
  holders: [],
  facilities,
  plans: [{ title: '区应急预案', reviewDueOn: '2020-12-31' }],
  latestExerciseOn: '2020-02-01',
  overdueDisinfections: [],
  staffing: { schools: [], shifts: [] },
  units: [],
  ...more,
});
const readyCounty = () => [
  facility('designated_hospital'),
  facility('asymptomatic_observation_point'),
  facility('quarantine_site', 200),
  facility('nat_lab'),
  facility('nat_lab'),
  ...checklistDone(),
];

describe('stock movements (RES-013, RES-014)', () => {
  it('RES-013: receive adds, issue takes away, an adjustment is signed', () => {
    assert.equal(applyMovement(10, { kind: 'receive', quantity: 5 }, 's'), 15);
    assert.equal(applyMovement(10, { kind: 'issue', quantity: 10 }, 's'), 0);
    assert.equal(applyMovement(10, { kind: 'adjust', quantity: -3, reason: '盘点短少' }, 's'), 7);
  });
  it('RES-013: a movement that would go below zero is refused at quantity, naming what is there', () => {
    assert.deepEqual(
      field(() => applyMovement(4, { kind: 'issue', quantity: 5 }, 's')),
      { field: 'quantity', code: 'stockBelowZero' },
    );
    assert.deepEqual(
      field(() => applyMovement(4, { kind: 'transfer', quantity: 5, toStockItemId: 't' }, 's')),
      {
        field: 'quantity',
        code: 'stockBelowZero',
      },
    );
    assert.deepEqual(
      field(() => applyMovement(4, { kind: 'adjust', quantity: -5, reason: '盘点' }, 's')),
      {
        field: 'quantity',
        code: 'stockBelowZero',
      },
    );
  });
  it('RES-013: quantities are positive whole numbers; an adjustment needs its reason, a transfer its target', () => {
    assert.equal(field(() => applyMovement(4, { kind: 'receive', quantity: 0 }, 's'))?.field, 'quantity');
    assert.equal(field(() => applyMovement(4, { kind: 'receive', quantity: 1.5 }, 's'))?.field, 'quantity');
    assert.equal(field(() => applyMovement(4, { kind: 'issue', quantity: -1 }, 's'))?.field, 'quantity');
    assert.equal(field(() => applyMovement(4, { kind: 'adjust', quantity: 2, reason: ' ' }, 's'))?.field, 'reason');
    assert.equal(field(() => applyMovement(4, { kind: 'transfer', quantity: 1 }, 's'))?.field, 'toStockItemId');
    assert.equal(field(() => applyMovement(4, { kind: 'transfer', quantity: 1, toStockItemId: 's' }, 's'))?.field, 'toStockItemId');
  });
  it('RES-014: a donation names its donor', () => {
    assert.equal(field(() => applyMovement(0, { kind: 'donation', quantity: 100 }, 's'))?.field, 'donor');
    assert.equal(applyMovement(0, { kind: 'donation', quantity: 100, donor: '某企业' }, 's'), 100);
  });
});

describe('reserve checks (RES-001, RES-003, RES-008, RES-012)', () => {
  it('RES-001 SC-59: 20 days of disinfectant at a town is below the one-month reserve; 30 days meets it', () => {
    const lines = fullTown().map((l) => (l.item === 'disinfectant' ? { ...l, quantity: 200 } : l));
    const low = holderFindings({ kind: 'town', name: '甲镇' }, lines, RULES, TODAY);
    assert.deepEqual(
      low.map((f) => [f.rule, f.item, f.values.days, f.values.required, f.level]),
      [['reserveBelowDays', 'disinfectant', 20, 30, 'amber']],
    );
    const edge = fullTown().map((l) => (l.item === 'disinfectant' ? { ...l, quantity: 300 } : l));
    assert.deepEqual(holderFindings({ kind: 'town', name: '甲镇' }, edge, RULES, TODAY), []);
  });
  it('RES-003 SC-58: isolation gowns for only 3 simultaneous patients raise a shortage; 5 is enough', () => {
    const three = fullTown().map((l) => (l.item === 'isolation_gown' ? { ...l, quantity: 3, dailyUse: null } : l));
    const findings = holderFindings({ kind: 'town', name: '甲镇' }, three, RULES, TODAY);
    assert.ok(
      findings.some(
        (f) => f.rule === 'ppeBelowPatients' && f.item === 'isolation_gown' && f.values.patients === 3 && f.values.required === 5,
      ),
    );
    const gown = { ...line('isolation_gown', 5), dailyUse: null };
    assert.equal(
      lineIsLow({ ...gown, quantity: 5 }, { ...RULES, reserves: RULES.reserves.filter((n) => n.requirement === 'RES-003') }, TODAY),
      null,
    );
  });
  it('RES-003: all seven PPE types are needed; a missing one is red', () => {
    const withoutCaps = fullTown().filter((l) => l.item !== 'work_cap');
    const findings = holderFindings({ kind: 'town', name: '甲镇' }, withoutCaps, RULES, TODAY);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.item, f.level]),
      [['reserveMissing', 'work_cap', 'red']],
    );
  });
  it('RES-008: a quarantine site keeps a month of protective supplies', () => {
    const lines = fullTown('quarantine_site').map((l) => (l.item === 'protective_mask' ? { ...l, quantity: 290 } : l));
    const findings = holderFindings({ kind: 'quarantine_site', name: '甲隔离点' }, lines, RULES, TODAY);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.requirement, f.values.days]),
      [['reserveBelowDays', 'RES-008', 29]],
    );
  });
  it('RES-012: a checkpoint kit without a sprayer is red', () => {
    const kit = ['thermometer_gun', 'medical_mask', 'disinfectant'].map((item) =>
      line(item as SupplyItem, 2, { holderKind: 'checkpoint_kit' }),
    );
    const findings = holderFindings({ kind: 'checkpoint_kit', name: '甲卡口' }, kit, RULES, TODAY);
    assert.deepEqual(
      findings.map((f) => [f.rule, f.item, f.level]),
      [['reserveMissing', 'sprayer', 'red']],
    );
  });
  it('RES-013: expired stock counts as none; stock expiring within 30 days is flagged', () => {
    const expired = line('disinfectant', 400, { expiresOn: '2020-02-29' });
    assert.equal(daysOfCover(expired, TODAY), 0);
    const soon = fullTown().map((l) => (l.item === 'gloves' ? { ...l, expiresOn: '2020-03-31' } : l));
    assert.deepEqual(
      holderFindings({ kind: 'town', name: '甲镇' }, soon, RULES, TODAY).map((f) => f.rule),
      ['stockExpiring'],
    );
    const later = fullTown().map((l) => (l.item === 'gloves' ? { ...l, expiresOn: '2020-04-01' } : l));
    assert.deepEqual(holderFindings({ kind: 'town', name: '甲镇' }, later, RULES, TODAY), []);
  });
});

describe('readiness verdict (SC-59, SC-60, PREP-001…PREP-004)', () => {
  it('SC-60 RES-002: a county with a quarantine site of 180 fails; 200 passes', () => {
    const short = readyCounty().map((f) => (f.kind === 'quarantine_site' ? { ...f, capacity: 180 } : f));
    const verdict = readinessVerdict(county(short), RULES, TODAY);
    assert.equal(verdict.colour, 'red');
    assert.deepEqual(
      verdict.findings.map((f) => [f.rule, f.values.capacity]),
      [['capacityShort', 180]],
    );
    assert.equal(readinessVerdict(county(readyCounty()), RULES, TODAY).colour, 'green');
  });
  it('SC-60 RES-007: one NAT lab, no designated hospital or no asymptomatic point each fail the county', () => {
    for (const kind of ['nat_lab', 'designated_hospital', 'asymptomatic_observation_point'] as const) {
      const facilities = readyCounty();
      facilities.splice(
        facilities.findIndex((f) => f.kind === kind),
        1,
      );
      const verdict = readinessVerdict(county(facilities), RULES, TODAY);
      assert.equal(verdict.colour, 'red', kind);
      assert.equal(verdict.findings[0]?.values.kind, kind);
    }
  });
  it('a facility in preparation does not count until ready', () => {
    const facilities = readyCounty().map((f) => (f.kind === 'designated_hospital' ? { ...f, status: 'in_progress' } : f));
    assert.equal(readinessVerdict(county(facilities), RULES, TODAY).colour, 'red');
  });
  it('SC-59 RES-001: a town with no centralized service point fails; with one and a full reserve it is green', () => {
    const town = (facilities: FacilityRecord[]): ReadinessInput => ({
      ...county(facilities),
      level: 'town',
      name: '甲镇',
      holders: [{ kind: 'town', name: '甲镇', lines: fullTown() }],
    });
    const withoutPoint = readyTownFacilities().filter((f) => f.kind !== 'service_point');
    assert.equal(readinessVerdict(town(withoutPoint), RULES, TODAY).colour, 'red');
    assert.equal(readinessVerdict(town(readyTownFacilities()), RULES, TODAY).colour, 'green');
  });
  it('RES-001: a town with no stock recorded is short of every item', () => {
    const verdict = readinessVerdict({ ...county(readyTownFacilities()), level: 'town', name: '甲镇' }, RULES, TODAY);
    assert.equal(verdict.colour, 'red');
    assert.ok(verdict.findings.every((f) => f.holder === '甲镇'));
  });
  it('PREP-004 PREP-002 PREP-001: an overdue plan, no drill within a year and an unready checklist item turn the county amber', () => {
    const stale = county(readyCounty(), { plans: [{ title: '旧预案', reviewDueOn: '2020-02-28' }], latestExerciseOn: '2019-02-28' });
    assert.deepEqual(
      readinessVerdict(stale, RULES, TODAY).findings.map((f) => f.rule),
      ['planReviewOverdue', 'noRecentExercise'],
    );
    const partial = county(readyCounty().filter((f) => f.checklistNo !== 7));
    const verdict = readinessVerdict(partial, RULES, TODAY);
    assert.equal(verdict.colour, 'amber');
    assert.deepEqual(
      verdict.findings.map((f) => [f.rule, f.values.missing]),
      [['checklistIncomplete', '7']],
    );
    assert.deepEqual(
      readinessVerdict(county(readyCounty(), { plans: [] }), RULES, TODAY).findings.map((f) => f.rule),
      ['noPlan'],
    );
  });
  it('ENV-003: an overdue disinfection turns the verdict amber; reds sort first', () => {
    const verdict = readinessVerdict(
      county(
        readyCounty().filter((f) => f.kind !== 'nat_lab'),
        { overdueDisinfections: ['南街社区'] },
      ),
      RULES,
      TODAY,
    );
    assert.deepEqual(
      verdict.findings.map((f) => f.level),
      ['red', 'amber'],
    );
  });
});

describe('disinfection schedules (ENV-003)', () => {
  const at = (iso: string) => new Date(iso);
  const community = RULES.disinfection.residential_community;
  const sealed = RULES.disinfection.sealed_building;
  it('ENV-003: a residential community once a day, a sealed building twice, a poultry market weekly', () => {
    assert.deepEqual([community.times, community.per, sealed.times, RULES.disinfection.live_poultry_market.per], [1, 'day', 2, 'week']);
  });
  it('ENV-003: a sealed building disinfected once today is due, twice done (days in Asia/Shanghai)', () => {
    const now = at('2020-03-01T15:00:00+08:00');
    const yesterday = [at('2020-02-29T08:00:00+08:00'), at('2020-02-29T18:00:00+08:00')];
    assert.equal(disinfectionStatus(sealed, '2020-02-01', [...yesterday, at('2020-03-01T08:00:00+08:00')], now).state, 'due');
    const twice = [...yesterday, at('2020-03-01T08:00:00+08:00'), at('2020-03-01T00:30:00+08:00')];
    assert.equal(disinfectionStatus(sealed, '2020-02-01', twice, now).state, 'done');
  });
  it('ENV-003: a day that fell short makes the schedule overdue until today is met; a new schedule is never overdue', () => {
    const now = at('2020-03-01T09:00:00+08:00');
    // 2020-02-29T23:30 Shanghai is 15:30 UTC: it counts for the 29th.
    const late = [at('2020-02-29T15:30:00Z')];
    assert.equal(disinfectionStatus(community, '2020-02-01', late, now).state, 'due');
    const status = disinfectionStatus(community, '2020-02-01', [], now);
    assert.deepEqual([status.state, status.previousShortfall], ['overdue', 1]);
    assert.equal(disinfectionStatus(community, '2020-03-01', [], now).state, 'due');
  });
  it('ENV-003: a weekly period runs Monday to Sunday', () => {
    assert.equal(periodStartOf('week', '2020-03-01'), '2020-02-24');
    assert.equal(periodStartOf('week', '2020-03-02'), '2020-03-02');
  });
});

describe('preparedness (PREP-001…PREP-004)', () => {
  it('PREP-004: a plan is flagged 30 days before its review date and overdue after it', () => {
    assert.equal(planReviewState('2020-04-01', TODAY, RULES), 'current');
    assert.equal(planReviewState('2020-03-31', TODAY, RULES), 'review_soon');
    assert.equal(planReviewState('2020-02-29', TODAY, RULES), 'overdue');
  });
  it('PREP-002: a drill within the year counts', () => {
    assert.equal(exerciseIsRecent('2019-03-02', TODAY, RULES), true);
    assert.equal(exerciseIsRecent(null, TODAY, RULES), false);
  });
  it('PREP-001: the ten items of the preparation stage', () => {
    assert.equal(RULES.checklist.length, 10);
    assert.deepEqual(missingChecklistItems([1, 2, 3, 4, 5, 6, 8, 9, 10], RULES), [7]);
  });
  it('PREP-003: attendance is whole, not negative, and not above those expected', () => {
    assert.equal(attendanceError(20, 18), null);
    assert.equal(attendanceError(20, 21), 'attended');
    assert.equal(attendanceError(-1, 0), 'expected');
  });
});
