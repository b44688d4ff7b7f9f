import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { householdAddress, townShortName } from './addresses.ts';
import { createRandom } from './random.ts';
import { type DemoTown, type DemoVenue, demoVenues } from './venues.ts';

const TOWN: DemoTown = {
  code: '320412100',
  name: '湖塘镇',
  area: { province: '江苏省', city: '常州市', county: '武进区' },
  villages: [
    { code: '320412100002', name: '南街社区' },
    { code: '320412100003', name: '北街社区' },
  ],
};

const flatten = (venues: DemoVenue[]): DemoVenue[] => venues.flatMap((v) => [v, ...flatten(v.children)]);

describe('demo venues', () => {
  const venues = flatten(demoVenues(createRandom(1, 'venues'), TOWN));

  it('include every venue kind', () => {
    const kinds = new Set(venues.map((v) => v.kind));
    for (const kind of [
      'school',
      'enterprise',
      'market',
      'pharmacy',
      'medical_institution',
      'fever_clinic',
      'quarantine_site',
      'checkpoint',
    ]) {
      assert.ok(kinds.has(kind as DemoVenue['kind']), kind);
    }
  });

  it('put a fever clinic under each medical institution, at the same place', () => {
    for (const institution of venues.filter((v) => v.kind === 'medical_institution')) {
      assert.equal(institution.children[0]?.kind, 'fever_clinic');
      assert.equal(institution.children[0]?.address, institution.address);
    }
  });

  it('give quarantine sites rooms and at least as many beds', () => {
    for (const site of venues.filter((v) => v.kind === 'quarantine_site')) {
      assert.ok(Number(site.attributes.rooms) > 0 && Number(site.attributes.beds) >= Number(site.attributes.rooms));
    }
  });

  it('have unique codes and stand in one of the town villages', () => {
    assert.equal(new Set(venues.map((v) => v.code)).size, venues.length);
    assert.ok(venues.every((v) => TOWN.villages.some((village) => village.code === v.jurisdictionCode)));
    assert.ok(venues.every((v) => v.address.startsWith('江苏省常州市武进区湖塘镇')));
  });

  it('are the same for the same seed', () => {
    assert.deepEqual(flatten(demoVenues(createRandom(1, 'venues'), TOWN)), venues);
  });
});

describe('demo addresses', () => {
  it('write a household address down to the room', () => {
    const area = { province: '江苏省', city: '常州市', county: '武进区', town: '湖塘镇', village: '南街社区' };
    assert.equal(householdAddress(area, 3, 2, 501), '江苏省常州市武进区湖塘镇南街社区3幢2单元501室');
  });

  it('shorten town names for venue names but keep zone names whole', () => {
    assert.deepEqual(['湖塘镇', '戚墅堰街道', '高新区'].map(townShortName), ['湖塘', '戚墅堰', '高新区']);
  });
});
