import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/query-rows.ts';
import { type RequestContext, systemContext } from '../http/context.ts';
import { recordCommunityReport, referToPolice } from '../modules/community/community-report.service.ts';
import { closeEntry, recordEntry } from '../modules/community/entry-ledger.service.ts';
import { registerGuest, revealGuest } from '../modules/institutions/hotel-guest.service.ts';
import { registerInstitution } from '../modules/institutions/institution-registry.service.ts';
import { recordSale, revealSale, shareSales } from '../modules/institutions/pharmacy-sale.service.ts';
import { addTwoTowns, addUser, residentId } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { runRetention } from './retention.ts';

// Issue 16 with issue 12's retention: hotel guests (PUB-007), entrance-ledger entries (COMM-012) and pharmacy sales
// (PHAR-001) record where a person was, like a scan, so they are kept the edition's scan period (seed-2020: 28 days,
// configured) and then anonymised; the row stays for the counts. A sale not yet shared (PHAR-002) waits.
const NOW = new Date('2021-03-01T10:00:00+08:00');
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('retention of registrations (issue 16: PUB-007, COMM-012, PHAR-001/002)', () => {
  let runtime: TestRuntime;
  let context: RequestContext;
  const ids: Record<string, string> = {};
  const when = (date: string) => {
    runtime.deps.clock = () => at(date);
  };

  before(async () => {
    runtime = await createTestRuntime();
    when('2021-01-10');
    const { villageA } = await addTwoTowns(runtime.deps);
    const admin = await addUser(runtime.deps, 'admin', 'system_admin', villageA.id);
    const grid = await addUser(runtime.deps, 'grid', 'grid_worker', villageA.id);
    const root = { role: 'system_admin' as const, jurisdictionId: villageA.id, jurisdictionPath: '/' };
    context = { ...systemContext('test'), actor: { userId: admin.id, username: 'admin', displayName: 'admin', grants: [root] } };
    const place = (kind: 'public_place' | 'pharmacy', code: string) =>
      registerInstitution(runtime.deps, context, {
        kind,
        name: code,
        code,
        jurisdictionId: villageA.id,
        profile: kind === 'public_place' ? { venueType: 'hotel' } : {},
      });
    const hotel = await place('public_place', 'HOTEL-R');
    const pharmacy = await place('pharmacy', 'PHARMACY-R');
    const guest = (name: string, sequence: number, checkInOn: string) =>
      registerGuest(runtime.deps, context, hotel.id, {
        name,
        idType: 'resident_id',
        idNumber: residentId('19800101', sequence),
        phone: '13800001111',
        fromPlace: '上海市',
        checkInOn,
      });
    const sale = (name: string, sequence: number, soldAt: Date) =>
      recordSale(runtime.deps, context, pharmacy.id, {
        buyerName: name,
        buyerIdNumber: residentId('19700101', sequence),
        buyerPhone: '13900002222',
        drugName: '布洛芬',
        drugClass: 'fever',
        quantity: 1,
        soldAt: soldAt.toISOString(),
      });
    const entry = (subject: 'person' | 'vehicle', who: string) =>
      recordEntry(runtime.deps, context, {
        jurisdictionId: villageA.id,
        subject,
        ...(subject === 'person' ? { name: who } : { plate: who }),
        purpose: '送货',
        masked: true,
        temperature: 36.5,
        escortUserId: grid.id,
      });
    const refusal = (subjectName: string) =>
      recordCommunityReport(runtime.deps, context, {
        jurisdictionId: villageA.id,
        kind: 'refused_measure',
        refusedMeasure: 'temperature_check',
        subjectName,
        description: '拒绝测温',
        whereabouts: '东门',
      });
    ids.oldGuest = (await guest('老住客', 101, '2021-01-01')).id;
    ids.oldReferral = (await refusal('老拒绝')).id;
    await referToPolice(runtime.deps, context, ids.oldReferral, { policeStation: '派出所' });
    ids.openRefusal = (await refusal('未移交')).id;
    ids.oldSale = (await sale('老买家', 201, at('2021-01-05'))).id;
    ids.oldPerson = (await entry('person', '老访客')).id;
    ids.oldVehicle = (await entry('vehicle', '苏D11111')).id;
    await closeEntry(runtime.deps, context, ids.oldVehicle);
    await shareSales(runtime.deps, context, { recipient: 'provincial_platform', purpose: '每日上报' });
    when('2021-02-20');
    ids.newGuest = (await guest('新住客', 103, '2021-02-20')).id;
    ids.newSale = (await sale('新买家', 205, at('2021-02-20'))).id;
    ids.newPerson = (await entry('person', '新访客')).id;
    ids.newReferral = (await refusal('新拒绝')).id;
    await referToPolice(runtime.deps, context, ids.newReferral, { policeStation: '派出所' });
    await shareSales(runtime.deps, context, { recipient: 'provincial_platform', purpose: '每日上报' });
    // Sold long ago as well, never handed over: it waits for PHAR-002.
    when('2021-01-06');
    ids.unsharedSale = (await sale('未共享', 203, at('2021-01-06'))).id;
    runtime.deps.clock = () => NOW;
  });
  after(() => runtime.close());

  const rows = (query: ReturnType<typeof sql>) => queryRows<Record<string, unknown>>(runtime.deps.database.db, query);

  it('a dry run counts the registrations past the 28-day scan period and changes nothing', async () => {
    const dry = await runRetention(runtime.deps, { dryRun: true });
    assert.deepEqual(dry.registrations, { hotelGuests: 1, entryLedger: 2, pharmacySales: 1, communityReports: 1 });
    assert.equal((await rows(sql`select 1 from hotel_guest where name_masked = '已匿名'`)).length, 0);
  });

  it('PUB-007: a guest of 2 January is anonymised (name, ID, phone gone; the night stays); a guest of 20 February is kept', async () => {
    const result = await runRetention(runtime.deps);
    assert.deepEqual(result.registrations, { hotelGuests: 1, entryLedger: 2, pharmacySales: 1, communityReports: 1 });
    const [old] = await rows(
      sql`select name_masked, id_masked, id_hash, phone_masked, check_in_on::text as day from hotel_guest where id = ${ids.oldGuest}`,
    );
    assert.deepEqual(old, {
      name_masked: '已匿名',
      id_masked: '',
      id_hash: `anonymised:${ids.oldGuest}`,
      phone_masked: null,
      day: '2021-01-01',
    });
    const full = await revealGuest(runtime.deps, context, ids.oldGuest ?? '', '核查');
    assert.deepEqual([full.name, full.idNumber, full.phone], ['', '', null]);
    assert.equal((await revealGuest(runtime.deps, context, ids.newGuest ?? '', '核查')).name, '新住客');
  });

  it('COMM-012: the old visitor’s name and the old vehicle’s plate go, the entries stay; today’s visitor is kept', async () => {
    const ledger = await rows(sql`select id, name_masked, name_cipher, plate from entry_ledger order by entered_at, id`);
    const byId = new Map(ledger.map((r) => [r.id, r]));
    assert.deepEqual(byId.get(ids.oldPerson), { id: ids.oldPerson, name_masked: '已匿名', name_cipher: null, plate: null });
    assert.deepEqual(byId.get(ids.oldVehicle), { id: ids.oldVehicle, name_masked: '已匿名', name_cipher: null, plate: null });
    assert.equal(byId.get(ids.newPerson)?.name_masked, '新**');
  });

  it('PHAR-001/002: a shared sale past the period is anonymised; an unshared one waits for the hand-over; a recent one is kept', async () => {
    const sales = await rows(sql`select id, buyer_name_masked, buyer_id_masked, drug_name from pharmacy_sale`);
    const byId = new Map(sales.map((r) => [r.id, r]));
    assert.deepEqual(byId.get(ids.oldSale), { id: ids.oldSale, buyer_name_masked: '已匿名', buyer_id_masked: '', drug_name: '布洛芬' });
    assert.notEqual(byId.get(ids.unsharedSale)?.buyer_name_masked, '已匿名');
    assert.notEqual(byId.get(ids.newSale)?.buyer_name_masked, '已匿名');
    const full = await revealSale(runtime.deps, context, ids.oldSale ?? '', '核查');
    assert.equal(full.buyerName, '');
  });

  it('SC-39: a refusal referred in January loses its person’s name; one still open waits; one referred in February is kept', async () => {
    const reports = await rows(sql`select id, subject_name_masked, subject_name_cipher, state from community_report`);
    const byId = new Map(reports.map((r) => [r.id, r]));
    assert.deepEqual(byId.get(ids.oldReferral), {
      id: ids.oldReferral,
      subject_name_masked: '已匿名',
      subject_name_cipher: null,
      state: 'referred',
    });
    assert.equal(byId.get(ids.openRefusal)?.subject_name_masked, '未**');
    assert.equal(byId.get(ids.newReferral)?.subject_name_masked, '新**');
  });

  it('each table’s batch is audited by the retention job; running again anonymises nothing more', async () => {
    const batches = await rows(
      sql`select after->>'table' as t, (after->>'anonymised')::int as n from audit_event where action = 'jobs.retention.batch' order by id`,
    );
    assert.deepEqual(batches, [
      { t: 'hotel_guest', n: 1 },
      { t: 'entry_ledger', n: 2 },
      { t: 'pharmacy_sale', n: 1 },
      { t: 'community_report', n: 1 },
    ]);
    const again = await runRetention(runtime.deps);
    assert.deepEqual(again.registrations, { hotelGuests: 0, entryLedger: 0, pharmacySales: 0, communityReports: 0 });
  });
});
