import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choosePool, fillAfterScan, fitsTube, type ZoneAssignment, zoneFor } from './pooling.ts';
import { rulesFor } from './testing-support.ts';

const ninth = rulesFor('cn-2022-9th');
const seed = rulesFor('seed-2020');

describe('pooling ratios per zone type', () => {
  it('9th edition: a general zone pools 10 by default and allows 20', () => {
    assert.equal(choosePool(ninth, 'general').size, 10);
    assert.equal(choosePool(ninth, 'general', { size: 20 }).decision, 'allowed');
  });

  it('9th edition: a controlled zone refuses 20 per tube and allows 10', () => {
    assert.equal(choosePool(ninth, 'controlled_zone', { size: 20 }).decision, 'refused');
    assert.deepEqual(choosePool(ninth, 'controlled_zone', { size: 10 }).decision, 'allowed');
  });

  it('a sealed zone takes single tubes or one tube per household, never a pool of 5', () => {
    assert.equal(choosePool(ninth, 'sealed_zone').size, 1);
    assert.equal(choosePool(ninth, 'sealed_zone', { household: true }).decision, 'allowed');
    assert.equal(choosePool(ninth, 'sealed_zone', { size: 5 }).decision, 'refused');
  });

  it('seed-2020 pools at most 10 anywhere, and says the sizes are configured', () => {
    const pool = choosePool(seed, 'general', { size: 20 });
    assert.equal(pool.decision, 'refused');
    assert.ok(pool.because.every((r) => r.configured));
  });

  it('a size outside 1, 5, 10, 20 is never allowed', () => {
    assert.equal(choosePool(ninth, 'general', { size: 7 }).decision, 'refused');
  });
});

describe('zones and tubes', () => {
  const campaign: ZoneAssignment = { path: '/32/', zoneType: 'general', poolSize: 10, household: false };
  const zones: ZoneAssignment[] = [
    { path: '/32/3204/320412/320412100/', zoneType: 'controlled_zone', poolSize: 10, household: false },
    { path: '/32/3204/320412/320412100/320412100001/', zoneType: 'sealed_zone', poolSize: 1, household: true },
  ];

  it('the deepest zone holding a path decides; outside every zone the campaign default applies', () => {
    assert.equal(zoneFor(zones, '/32/3204/320412/320412100/320412100001/001/', campaign).zoneType, 'sealed_zone');
    assert.equal(zoneFor(zones, '/32/3204/320412/320412100/320412100002/', campaign).zoneType, 'controlled_zone');
    assert.equal(zoneFor(zones, '/32/3204/320412/320412102/', campaign).zoneType, 'general');
  });

  it('a sealed-zone resident cannot go into a pool of 10; a general resident can', () => {
    assert.equal(fitsTube(ninth, 'sealed_zone', { poolSize: 10, household: false }), false);
    assert.equal(fitsTube(ninth, 'sealed_zone', { poolSize: 1, household: true }), true);
    assert.equal(fitsTube(ninth, 'general', { poolSize: 10, household: false }), true);
    assert.equal(fitsTube(ninth, 'controlled_zone', { poolSize: 20, household: false }), false);
  });

  it('a pool of 10 closes at its tenth member, not before', () => {
    assert.deepEqual(fillAfterScan({ poolSize: 10, household: false, memberCount: 8 }), { position: 9, full: false });
    assert.deepEqual(fillAfterScan({ poolSize: 10, household: false, memberCount: 9 }), { position: 10, full: true });
  });

  it('a household tube closes when every member of the household is in it', () => {
    assert.equal(fillAfterScan({ poolSize: 1, household: true, memberCount: 1 }, 3).full, false);
    assert.equal(fillAfterScan({ poolSize: 1, household: true, memberCount: 2 }, 3).full, true);
  });
});
