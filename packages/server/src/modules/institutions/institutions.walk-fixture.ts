import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { App } from '../../app.ts';
import { XLSX_MIME } from '../../imports/import-http.ts';
import { residentId, type TestClient } from '../../testing/factories.ts';
import { INSTITUTION_COLUMNS } from './institution-import-columns.ts';

/** Town A's institutions for the scope walk (http/scope-walk.test.ts) and the route fuzzer: a town-B user must reach none. */
export interface InstitutionWalkIds {
  schoolInstitutionId: string;
  pharmacyInstitutionId: string;
  pharmacySaleId: string;
  institutionImportId?: string;
  eventPermitId: string;
  hotelInstitutionId: string;
  hotelGuestId: string;
  /** A one-row registry naming A's community by its code. */
  institutionFileA: Buffer;
}

/** A one-row institution registry; `jurisdictionCode` empty means the upload's own jurisdiction. */
export async function institutionRegistryFile(
  rows: {
    name: string;
    kind: string;
    code: string;
    jurisdictionCode?: string;
    students?: number;
    classes?: number;
    healthWorkers?: number;
    preventionTeams?: number;
    preventionInstructors?: number;
  }[],
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('机构名录');
  sheet.addRow(INSTITUTION_COLUMNS.map((c) => c.header));
  for (const r of rows) {
    const cells: Record<string, string | number> = { ...r, jurisdictionCode: r.jurisdictionCode ?? '' };
    sheet.addRow(INSTITUTION_COLUMNS.map((c) => cells[c.key] ?? ''));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A school with a morning check and a fever absence, a pharmacy with one real-name sale, in A's community, as its admin. */
export async function institutionWalkFixture(
  owner: TestClient,
  a: { villageId: string; villageCode?: string; app?: App },
): Promise<InstitutionWalkIds> {
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
  const institutionFileA = await institutionRegistryFile([
    { name: '甲社区幼儿园', kind: '幼儿园', code: 'A-KG-1', jurisdictionCode: a.villageCode, students: 200, classes: 8, healthWorkers: 1 },
  ]);
  const imported = a.app
    ? await a.app.inject({
        method: 'POST',
        url: `/api/institution-imports?jurisdictionId=${a.villageId}&wait=true`,
        headers: { ...owner.headers, 'content-type': XLSX_MIME },
        payload: institutionFileA,
      })
    : undefined;
  if (imported) assert.match(imported.body, /"created":1,/);
  const event = await ok('POST', '/api/event-permits', {
    kind: 'meeting',
    title: '甲社区防控会议',
    organizer: '甲社区居委会',
    jurisdictionId: a.villageId,
    eventDate: '2099-01-01',
    attendees: 20,
    plan: '一会一案',
  });
  const hotel = await ok('POST', '/api/institutions', {
    kind: 'public_place',
    name: '甲社区宾馆',
    code: 'A-HOTEL-1',
    jurisdictionId: a.villageId,
    profile: { venueType: 'hotel' },
  });
  const guest = await ok('POST', `/api/institutions/${String(hotel.id)}/guests`, {
    name: '甲住客',
    idType: 'resident_id',
    idNumber: residentId('19810808', 433),
    fromPlace: '常州市',
  });
  return {
    schoolInstitutionId: schoolId,
    pharmacyInstitutionId: String(pharmacy.id),
    pharmacySaleId: String(sale.id),
    institutionImportId: imported ? (imported.json() as { id: string }).id : undefined,
    institutionFileA,
    eventPermitId: String(event.id),
    hotelInstitutionId: String(hotel.id),
    hotelGuestId: String(guest.id),
  };
}
