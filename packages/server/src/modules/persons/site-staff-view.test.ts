import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { maskIdNumber, shanghaiDate } from '@fangkong/core';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertRooms } from '../key-persons/site.repository.ts';
import { insertPlace } from '../places/place.repository.ts';

interface PersonView {
  idNumber: string;
  phone: string | null;
  fullValues: boolean;
}

// issue 12 defect 7: quarantine-site staff granted on the district saw every resident's full ID, phone and address.
describe('quarantine-site staff see full personal data only of people placed at their sites (issue 12 defect 7)', () => {
  let runtime: TestRuntime;
  let cadre: TestClient;
  let siteStaff: TestClient;
  let villageId: string;

  async function newPerson(sequence: number): Promise<string> {
    const reply = await cadre.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', sequence),
      name: `隔离${sequence}`,
      phone: '13812345678',
      jurisdictionId: villageId,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string }).id;
  }

  before(async () => {
    runtime = await createTestRuntime();
    const { county, townA, villageA } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    const site = await insertPlace(runtime.deps.database.db, {
      kind: 'quarantine_site',
      name: '湖塘镇集中隔离点',
      code: 'SITE-T',
      jurisdictionId: townA.id,
      jurisdictionPath: townA.path,
    });
    await insertRooms(runtime.deps.database.db, [{ siteId: site.id, code: 'T001', beds: 1 }]);
    const cadreUser = await addUser(runtime.deps, 'cadre-t', 'town_cadre', townA.id);
    await addUser(runtime.deps, 'site-staff', 'quarantine_site_staff', county.id);
    cadre = await loginAs(runtime.app, 'cadre-t');
    siteStaff = await loginAs(runtime.app, 'site-staff');
    const detail = (await cadre.request('GET', `/api/quarantine-sites/${site.id}`)).json() as { rooms: { id: string }[] };
    const placed = await cadre.request('POST', '/api/key-persons/episodes', {
      personId: await newPerson(301),
      category: 'close_contact',
      startDate: shanghaiDate(runtime.deps.clock()),
      assignedCadreId: cadreUser.id,
      siteId: site.id,
      roomId: detail.rooms[0]?.id,
    });
    assert.equal(placed.statusCode, 201, placed.body);
  });
  after(() => runtime.close());

  it('issue 12 defect 7: full values for a person quarantined at a site in scope, masked for anyone else in the district', async () => {
    const persons = (await siteStaff.request('GET', '/api/persons?q=隔离')).json() as { items: { id: string; name: string }[] };
    const byName = new Map(persons.items.map((p) => [p.name, p.id]));
    const atSite = (await siteStaff.request('GET', `/api/persons/${byName.get('隔离301')}`)).json() as PersonView;
    assert.deepEqual([atSite.fullValues, atSite.idNumber, atSite.phone], [true, residentId('19800101', 301), '13812345678']);
    const elsewhereId = await newPerson(303);
    const elsewhere = await siteStaff.request('GET', `/api/persons/${elsewhereId}`);
    assert.equal(elsewhere.statusCode, 200, elsewhere.body);
    const view = elsewhere.json() as PersonView;
    assert.deepEqual([view.fullValues, view.idNumber, view.phone], [false, maskIdNumber(residentId('19800101', 303)), '138****5678']);
    assert.ok(!elsewhere.body.includes(residentId('19800101', 303)), 'the full ID number is not in the answer');
  });
});
