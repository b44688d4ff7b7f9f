import { addDays, type Random, residentIdCheckCharacter, shanghaiDate, shanghaiDayStart } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import type { RequestContext } from '../http/context.ts';
import { closeEntry, recordEntry } from '../modules/community/entry-ledger.service.ts';
import { decideEvent, fileEvent } from '../modules/institutions/event-permit.service.ts';
import { registerGuest } from '../modules/institutions/hotel-guest.service.ts';
import type { JurisdictionRow } from './demo.repository.ts';
import { seedDemoCommunityReports } from './demo-community-reports.ts';

const GUESTS = '赵文博 钱晓燕 孙志强 李佳怡 周建华 吴思远 郑海波 王雨桐 冯立新 陈子墨 褚明亮 卫紫涵 蒋国栋 沈梦琪'.split(' ');
// Guests from places not at a key-area grade: none of them raises a report task (PUB-007) in the demo.
const FROM = ['上海市', '南京市', '无锡市', '苏州市', '杭州市', '合肥市'];
const VISITORS: [string, string][] = [
  ['快递员刘师傅', '送快递'],
  ['维修工张师傅', '水电维修'],
  ['家政员周阿姨', '上门保洁'],
  ['亲属王先生', '探望老人'],
];
const VEHICLES: [string, string][] = [
  ['苏D3K721', '送菜'],
  ['苏DA9087', '送药'],
  ['苏D77M15', '清运垃圾'],
];
const HOUR = 3_600_000;

/** Where the records are kept: 南街社区, its hotel, and the first school of 湖塘镇 (which files the exam). */
export interface RecordsPlace {
  community: JurisdictionRow;
  hotelId: string;
  school?: { id: string; jurisdictionId: string };
}

const idNumberOf = (random: Random) => {
  const first17 = `3204${random.pick(['02', '04', '11', '12'])}${random.int(1960, 2002)}0${random.int(1, 9)}1${random.int(0, 9)}${String(random.int(100, 999))}`;
  return first17 + residentIdCheckCharacter(first17);
};

/** The services at another moment: a week of records written as they would have been on their day. */
const at = (deps: AppDeps, moment: Date): AppDeps => ({ ...deps, clock: () => moment });

/** PUB-007: a week of guests at 湖塘宾馆, two or three a night, registered by the hotel. */
async function seedGuests(deps: AppDeps, context: RequestContext, hotelId: string, today: string, random: Random) {
  let guests = 0;
  for (let back = 7; back >= 1; back--) {
    for (let n = random.int(2, 3); n > 0; n--) {
      await registerGuest(deps, context, hotelId, {
        name: random.pick(GUESTS),
        idType: 'resident_id',
        idNumber: idNumberOf(random),
        phone: `137${String(random.int(10_000_000, 99_999_999))}`,
        fromPlace: random.pick(FROM),
        checkInOn: addDays(today, -back),
      });
      guests++;
    }
  }
  return guests;
}

/**
 * PUB-005 / ZONE-012: 湖塘镇 is at medium risk, so an exam is approvable only as an urgent matter: the school's
 * mock exam filed urgent and approved, and a hotel meeting filed and left pending (the rules advise against it).
 */
async function seedEvents(deps: AppDeps, context: RequestContext, place: RecordsPlace, today: string) {
  const exam = await fileEvent(deps, context, {
    kind: 'exam',
    title: '初三年级线下模拟考试',
    organizer: '湖塘实验中学',
    jurisdictionId: place.school?.jurisdictionId ?? place.community.id,
    ...(place.school ? { institutionId: place.school.id } : {}),
    eventDate: addDays(today, 5),
    attendees: 320,
    plan: '一考一案：分散考场，每场不超过30人；考前14天健康监测，入场测温、查验健康码，备用隔离考场',
    urgent: true,
  });
  await decideEvent(deps, context, exam.id, { approve: true, note: '确需举办，按一考一案执行，镇卫生院派员驻点' });
  await fileEvent(deps, context, {
    kind: 'meeting',
    title: '湖塘镇企业复工复产推进会',
    organizer: '湖塘镇经济发展局',
    jurisdictionId: place.community.id,
    institutionId: place.hotelId,
    eventDate: addDays(today, 10),
    attendees: 80,
    plan: '一会一案：控制规模和时长，座位间隔1米以上，全程佩戴口罩，入场测温登记',
  });
  return 2;
}

/**
 * COMM-012 / SC-37: 南街社区's entrance ledger for a week, each outsider and vehicle let in with a mask, a temperature
 * and the grid worker as escort and closed out on leaving; yesterday's last visitor was never closed out (flagged),
 * and one is inside now.
 */
async function seedLedger(deps: AppDeps, context: RequestContext, community: JurisdictionRow, today: string, random: Random) {
  const grid = await findUserByUsername(deps.database.db, 'grid');
  if (!grid) return 0;
  let entries = 0;
  const enter = async (moment: Date, vehicle: boolean) => {
    const [who, purpose] = vehicle ? random.pick(VEHICLES) : random.pick(VISITORS);
    const entry = await recordEntry(at(deps, moment), context, {
      jurisdictionId: community.id,
      subject: vehicle ? 'vehicle' : 'person',
      ...(vehicle ? { plate: who } : { name: who }),
      purpose,
      masked: true,
      temperature: 36 + random.int(1, 7) / 10,
      escortUserId: grid.id,
    });
    entries++;
    return entry.id;
  };
  for (let back = 7; back >= 1; back--) {
    const start = shanghaiDayStart(addDays(today, -back)).getTime();
    const count = random.int(2, 3);
    for (let n = 0; n < count; n++) {
      const entered = new Date(start + (9 + 3 * n) * HOUR);
      const id = await enter(entered, n === 1);
      if (!(back === 1 && n === 0)) await closeEntry(at(deps, new Date(entered.getTime() + HOUR)), context, id);
    }
  }
  await enter(deps.clock(), false);
  return entries;
}

/** Issue 16 part 2 in the demo: hotel guests, event permits, the entrance ledger, an outsider report and a refusal (the pharmacy's week of sales waits in the sharing outbox). */
export async function seedDemoRecords(deps: AppDeps, context: RequestContext, place: RecordsPlace, random: Random) {
  const today = shanghaiDate(deps.clock());
  const guests = await seedGuests(deps, context, place.hotelId, today, random);
  const events = await seedEvents(deps, context, place, today);
  const entries = await seedLedger(deps, context, place.community, today, random);
  const communityReports = await seedDemoCommunityReports(deps, context, place.community);
  return { guests, events, entries, communityReports };
}
