import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { findEdition, infectiousWindow, tracingRules } from '@fangkong/core';
import { scan } from '../../db/schema/index.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { coLocatedPeople } from './co-location.service.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);
// biome-ignore lint/style/noNonNullAssertion: the seed edition is always registered
const rules = tracingRules(findEdition('seed-2020')!);

describe('co-location over the scan table (时空伴随, CASE-003, KP-D05)', () => {
  let runtime: TestRuntime;
  const casePerson = randomUUID();
  const market = randomUUID();
  const school = randomUUID();
  const people = {
    before30: randomUUID(),
    before31: randomUUID(),
    after30: randomUUID(),
    elsewhere: randomUUID(),
    otherCounty: randomUUID(),
  };
  const window = infectiousWindow({ onsetDate: '2020-11-15', isolatedAt: at('2020-11-16T20:00') }, rules, at('2020-11-20T12:00'));

  before(async () => {
    runtime = await createTestRuntime();
    const row = (personId: string, placeId: string, local: string, path = '/32/3204/320412/') => ({
      personId,
      placeId,
      scannedAt: at(local),
      decision: 'allow',
      jurisdictionPath: path,
    });
    await runtime.deps.database.db
      .insert(scan)
      .values([
        row(casePerson, market, '2020-11-14T10:00'),
        row(casePerson, market, '2020-11-10T10:00'),
        row(people.before31, market, '2020-11-14T09:29'),
        row(people.before30, market, '2020-11-14T09:30'),
        row(people.after30, school, '2020-11-15T08:50'),
        row(people.elsewhere, school, '2020-11-14T10:00'),
        row(people.otherCounty, market, '2020-11-14T10:10', '/32/3201/320106/'),
        row(people.before31, market, '2020-11-10T10:00'),
      ]);
  });
  after(() => runtime.close());

  it('finds the people at the case’s scanned and recorded places within 30 minutes, boundary minute included, every jurisdiction read', async () => {
    const recorded = [{ placeId: school, from: at('2020-11-15T08:00'), to: at('2020-11-15T08:20') }];
    const found = await coLocatedPeople(runtime.deps.database.db, casePerson, window, recorded, rules);
    const ids = found.map((c) => c.personId).sort();
    assert.deepEqual(ids, [people.before30, people.after30, people.otherCounty].sort());
  });

  it('the case’s scan before the window (11-10) proposes nobody, and the case is never its own candidate', async () => {
    const found = await coLocatedPeople(runtime.deps.database.db, casePerson, window, [], rules);
    assert.ok(!found.some((c) => c.personId === casePerson || c.personId === people.before31));
  });
});
