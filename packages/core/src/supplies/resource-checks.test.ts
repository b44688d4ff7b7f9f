import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { READINESS_SEED_2020 as RULES, type SupplyItem } from '../protocols/readiness-seed-2020.ts';
import { type FacilityRecord, type ReadinessInput, readinessVerdict } from './readiness.ts';
import {
  crewFindings,
  dispatchPurposeMissing,
  drawdownFindings,
  keptCapacityAfter,
  staffingFindings,
  unitSupplyFindings,
} from './resource-checks.ts';
import { holderFindings, type StockLine } from './stock-checks.ts';

const TODAY = '2020-03-01';
const record = (kind: FacilityRecord['kind'], more: Partial<FacilityRecord> = {}): FacilityRecord => ({
  kind,
  name: kind,
  status: 'ready',
  capacity: null,
  keptCapacity: null,
  checklistNo: null,
  ...more,
});
const many = (kind: FacilityRecord['kind'], n: number) => Array.from({ length: n }, () => record(kind));
/** Seed 004's street: 3 ambulances, 4 drivers, 5 doctors, 1 lead, 6 police vehicles, a custodian, a fund, a service point. */
const street = (more: { ambulances?: number; drivers?: number; doctors?: number; police?: number } = {}): FacilityRecord[] => [
  record('service_point'),
  ...many('ambulance', more.ambulances ?? 3),
  ...many('ambulance_driver', more.drivers ?? 4),
  ...many('ambulance_doctor', more.doctors ?? 5),
  record('vehicle_lead'),
  ...many('police_vehicle', more.police ?? 6),
  record('supply_custodian'),
  record('emergency_fund'),
];
const line = (item: SupplyItem, quantity: number, dailyUse: number | null, holderKind: StockLine['holderKind'] = 'town'): StockLine => ({
  id: `${holderKind}-${item}`,
  holderKind,
  holderName: '甲',
  item,
  quantity,
  dailyUse,
  expiresOn: null,
});
const stockedTown = () => RULES.reserves.filter((n) => n.holderKind === 'town').flatMap((n) => n.items.map((i) => line(i, 400, 10)));
const town = (facilities: FacilityRecord[], more: Partial<ReadinessInput> = {}): ReadinessInput => ({
  level: 'town',
  name: '甲街道',
  holders: [{ kind: 'town', name: '甲街道', lines: stockedTown() }],
  facilities,
  plans: [],
  latestExerciseOn: null,
  overdueDisinfections: [],
  staffing: { schools: [], shifts: [] },
  units: [],
  ...more,
});
const rulesOf = (input: ReadinessInput) => readinessVerdict(input, RULES, TODAY).findings.map((f) => `${f.requirement}:${f.rule}`);

describe('RES-005 emergency vehicles with drivers and doctors (seed 004 Part A-Annex §二)', () => {
  it('RES-005: the seed street (3 ambulances, 4 drivers, 5 doctors, 1 lead, 6 police vehicles) is green', () => {
    assert.equal(readinessVerdict(town(street()), RULES, TODAY).colour, 'green');
  });
  it('RES-005 at the edge: 2 ambulances or 5 police vehicles are short (amber); 3 and 6 are not', () => {
    assert.deepEqual(rulesOf(town(street({ ambulances: 2 }))), ['RES-005:facilityShort']);
    assert.deepEqual(rulesOf(town(street({ police: 5 }))), ['RES-005:facilityShort']);
    assert.equal(readinessVerdict(town(street({ police: 5 })), RULES, TODAY).colour, 'amber');
  });
  it('RES-005: with 3 ambulances and 2 drivers one ambulance cannot go out (amber); with no doctor none can (red)', () => {
    const short = crewFindings('town', street({ drivers: 2 }), RULES);
    assert.deepEqual(
      short.map((f) => [f.level, f.values.vehicles, f.values.crewed]),
      [['amber', 3, 2]],
    );
    const none = crewFindings('town', street({ doctors: 0 }), RULES);
    assert.deepEqual(
      none.map((f) => [f.level, f.rule]),
      [['red', 'vehiclesUncrewed']],
    );
    assert.equal(readinessVerdict(town(street({ doctors: 0 })), RULES, TODAY).colour, 'red');
  });
  it('RES-005: 3 drivers for 3 ambulances crew them all; a vehicle off the road does not count', () => {
    assert.deepEqual(crewFindings('town', street({ drivers: 3 }), RULES), []);
    const offRoad = street().map((r, i) => (r.kind === 'ambulance' && i === 1 ? { ...r, status: 'not_started' } : r));
    assert.deepEqual(rulesOf(town(offRoad)), ['RES-005:facilityShort']);
  });
});

describe('RES-006 staffing ratios (SCH-010, COMM-010)', () => {
  const staffing = (schools: { students: number; healthWorkers: number }[], shifts: { shift: 'day' | 'night'; staffCount: number }[]) => ({
    schools: schools.map((s, i) => ({ name: `学校${i}`, ...s })),
    shifts: shifts.map((s) => ({ checkpoint: '东门卡口', ...s })),
  });
  it('RES-006 SCH-010 at the edge: 600 students with 1 health worker pass, 601 need 2', () => {
    assert.deepEqual(staffingFindings(staffing([{ students: 600, healthWorkers: 1 }], []), RULES), []);
    const short = staffingFindings(staffing([{ students: 601, healthWorkers: 1 }], []), RULES);
    assert.deepEqual(
      short.map((f) => [f.level, f.rule, f.values.needed, f.values.have]),
      [['amber', 'schoolHealthWorkersShort', 2, 1]],
    );
  });
  it('RES-006 COMM-010 at the edge: 4 by day and 2 at night pass; 3 by day or 1 at night are short', () => {
    assert.deepEqual(
      staffingFindings(
        staffing(
          [],
          [
            { shift: 'day', staffCount: 4 },
            { shift: 'night', staffCount: 2 },
          ],
        ),
        RULES,
      ),
      [],
    );
    const short = staffingFindings(
      staffing(
        [],
        [
          { shift: 'day', staffCount: 3 },
          { shift: 'night', staffCount: 1 },
        ],
      ),
      RULES,
    );
    assert.deepEqual(
      short.map((f) => [f.values.shift, f.values.onDuty, f.values.minimum]),
      [
        ['day', 3, 4],
        ['night', 1, 2],
      ],
    );
  });
  it('RES-006: an understaffed shift turns the town amber, with the checkpoint named', () => {
    const verdict = readinessVerdict(town(street(), { staffing: staffing([], [{ shift: 'night', staffCount: 1 }]) }), RULES, TODAY);
    assert.equal(verdict.colour, 'amber');
    assert.deepEqual(
      verdict.findings.map((f) => [f.requirement, f.holder]),
      [['RES-006', '东门卡口']],
    );
  });
});

describe('RES-004 medical-institution reserve at full workload', () => {
  it('RES-004 at the edge: 30 days of suits at full-load use meet the reserve, 29 do not; a missing item is red', () => {
    const hospital = (days: number) =>
      RULES.reserves.find((n) => n.requirement === 'RES-004')?.items.map((i) => line(i, days * 20, 20, 'hospital')) ?? [];
    assert.deepEqual(holderFindings({ kind: 'hospital', name: '区人民医院' }, hospital(30), RULES, TODAY), []);
    const short = holderFindings({ kind: 'hospital', name: '区人民医院' }, hospital(29), RULES, TODAY);
    assert.ok(short.length > 0 && short.every((f) => f.requirement === 'RES-004' && f.rule === 'reserveBelowDays' && f.level === 'amber'));
    const missing = holderFindings({ kind: 'hospital', name: '区人民医院' }, hospital(30).slice(1), RULES, TODAY);
    assert.deepEqual(
      missing.map((f) => [f.level, f.rule, f.item]),
      [['red', 'reserveMissing', 'protective_suit']],
    );
  });
});

describe('RES-009 scarce supplies, RES-010 funding', () => {
  it('RES-009: a street without a named custodian of scarce supplies is amber', () => {
    assert.deepEqual(rulesOf(town(street().filter((r) => r.kind !== 'supply_custodian'))), ['RES-009:facilityShort']);
  });
  it('RES-009: issuing or transferring protective suits or masks needs a purpose; receipts and other items do not', () => {
    assert.equal(dispatchPurposeMissing('protective_suit', { kind: 'issue' }, RULES), 'reason');
    assert.equal(dispatchPurposeMissing('protective_mask', { kind: 'transfer', reason: '  ' }, RULES), 'reason');
    assert.equal(dispatchPurposeMissing('protective_suit', { kind: 'issue', reason: '发热门诊领用' }, RULES), null);
    assert.equal(dispatchPurposeMissing('protective_suit', { kind: 'receive' }, RULES), null);
    assert.equal(dispatchPurposeMissing('disinfectant', { kind: 'issue' }, RULES), null);
  });
  it('RES-010: a street without its health-emergency fund recorded is amber', () => {
    assert.deepEqual(rulesOf(town(street().filter((r) => r.kind !== 'emergency_fund'))), ['RES-010:facilityShort']);
  });
});

describe('RES-011 units keep supplies', () => {
  it('RES-011: an enterprise or special institution without supplies is amber; a school is not asked', () => {
    const units = [
      { name: '甲厂', kind: 'enterprise', holdsStock: false },
      { name: '敬老院', kind: 'special_institution', holdsStock: true },
      { name: '甲小学', kind: 'school', holdsStock: false },
    ];
    assert.deepEqual(
      unitSupplyFindings(units, RULES).map((f) => [f.holder, f.rule]),
      [['甲厂', 'unitNoSupplies']],
    );
  });
  it('RES-011: a unit holding masks and disinfectant but no thermometer is red for the thermometer', () => {
    const lines = [line('medical_mask', 50, null, 'institution'), line('disinfectant', 5, null, 'institution')];
    assert.deepEqual(
      holderFindings({ kind: 'institution', name: '甲厂' }, lines, RULES, TODAY).map((f) => [f.requirement, f.item]),
      [['RES-011', 'thermometer_gun']],
    );
  });
});

describe('RES-015 designated hospitals and isolation wards kept (MED-001)', () => {
  it('RES-015: the floor ratchets up with capacity while ready and never down', () => {
    assert.equal(keptCapacityAfter('isolation_ward', null, 'ready', 40, RULES), 40);
    assert.equal(keptCapacityAfter('isolation_ward', 40, 'ready', 30, RULES), 40);
    assert.equal(keptCapacityAfter('isolation_ward', 40, 'not_started', 60, RULES), 40);
    assert.equal(keptCapacityAfter('designated_hospital', null, 'ready', null, RULES), 1);
    assert.equal(keptCapacityAfter('nat_lab', null, 'ready', 5, RULES), null);
  });
  it('RES-015 at the edge: 40 beds kept at 40 pass, 39 are a drawdown (red); a withdrawn designated hospital is red', () => {
    assert.deepEqual(drawdownFindings([record('isolation_ward', { capacity: 40, keptCapacity: 40 })], RULES), []);
    const cut = drawdownFindings([record('observation_beds', { name: '留观室', capacity: 39, keptCapacity: 40 })], RULES);
    assert.deepEqual(
      cut.map((f) => [f.level, f.rule, f.holder, f.values.capacity, f.values.kept]),
      [['red', 'capacityDrawnDown', '留观室', 39, 40]],
    );
    const withdrawn = drawdownFindings([record('designated_hospital', { status: 'not_started', keptCapacity: 1 })], RULES);
    assert.deepEqual(
      withdrawn.map((f) => f.rule),
      ['facilityWithdrawn'],
    );
  });
});
