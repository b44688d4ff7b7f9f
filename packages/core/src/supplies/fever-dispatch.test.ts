import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { READINESS_SEED_2020 as RULES } from '../protocols/readiness-seed-2020.ts';
import { type DispatchVehicle, feverDispatchCloseProblem, feverDispatchVehicle } from './fever-dispatch.ts';

const fleet = (busyAmbulances: number, busyPolice: number): DispatchVehicle[] => [
  ...[1, 2, 3].map((n) => ({ id: `粤L120-${n}`, kind: 'ambulance' as const, busy: n <= busyAmbulances })),
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ id: `警-${n}`, kind: 'police_vehicle' as const, busy: n <= busyPolice })),
];

describe('an enterprise reports a fever worker (SC-55, seed 004 Part A-Annex §一–§二)', () => {
  it('SC-55: the run takes one of the 3 ambulances while one is free', () => {
    assert.equal(feverDispatchVehicle(RULES, fleet(0, 0))?.id, '粤L120-1');
    assert.equal(feverDispatchVehicle(RULES, fleet(2, 0))?.id, '粤L120-3');
  });
  it('SC-55: with all 3 ambulances out, one of the 6 backup police vehicles; with all out, none', () => {
    assert.deepEqual(feverDispatchVehicle(RULES, fleet(3, 0))?.kind, 'police_vehicle');
    assert.equal(feverDispatchVehicle(RULES, fleet(3, 5))?.id, '警-6');
    assert.equal(feverDispatchVehicle(RULES, fleet(3, 6)), null);
  });
  it('SC-55: the run closes only when a handover record with the receiving designated institution is saved', () => {
    assert.deepEqual(feverDispatchCloseProblem(RULES, null), { field: 'handover', reason: 'handoverRequired' });
    assert.notEqual(feverDispatchCloseProblem(RULES, { receivingInstitution: ' ', handedOverAt: new Date() }), null);
    assert.equal(feverDispatchCloseProblem(RULES, { receivingInstitution: '龙溪定点医院', handedOverAt: new Date() }), null);
  });
});
