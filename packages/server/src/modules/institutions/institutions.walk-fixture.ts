import assert from 'node:assert/strict';
import { residentId, type TestClient } from '../../testing/factories.ts';

/** Town A's institutions for the scope walk (http/scope-walk.test.ts) and the route fuzzer: a town-B user must reach none. */
export interface InstitutionWalkIds {
  schoolInstitutionId: string;
  pharmacyInstitutionId: string;
  pharmacySaleId: string;
}

/** A school with a morning check and a fever absence, a pharmacy with one real-name sale, in A's community, as its admin. */
export async function institutionWalkFixture(owner: TestClient, a: { villageId: string }): Promise<InstitutionWalkIds> {
  const ok = async (method: string, url: string, body?: unknown) => {
    const reply = await owner.request(method, url, body);
    assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
    return reply.json() as Record<string, unknown>;
  };
  const school = await ok('POST', '/api/institutions', {
    kind: 'school',
    name: '甲社区小学',
    code: 'A-SCHOOL-1',
    jurisdictionId: a.villageId,
    profile: { students: 700, classes: 18, healthWorkers: 2 },
  });
  const schoolId = String(school.id);
  await ok('POST', `/api/institutions/${schoolId}/health-checks`, { session: 'morning', present: 690, absent: 10, feverish: 0 });
  await ok('POST', `/api/institutions/${schoolId}/absences`, { name: '甲缺课生', reason: 'fever', temperature: 38.1 });
  const pharmacy = await ok('POST', '/api/institutions', {
    kind: 'pharmacy',
    name: '甲社区大药房',
    code: 'A-PHARMACY-1',
    jurisdictionId: a.villageId,
    profile: { nearCommunity: true },
  });
  const sale = await ok('POST', `/api/institutions/${String(pharmacy.id)}/pharmacy-sales`, {
    buyerName: '甲购药人',
    buyerIdNumber: residentId('19790909', 421),
    buyerPhone: '13800001111',
    drugName: '布洛芬缓释胶囊',
    drugClass: 'fever',
    quantity: 1,
  });
  return { schoolInstitutionId: schoolId, pharmacyInstitutionId: String(pharmacy.id), pharmacySaleId: String(sale.id) };
}
