import {
  addDays,
  createRandom,
  healthWorkersNeeded,
  type InstitutionKind,
  type InstitutionProfile,
  type Random,
  readinessRules,
  residentIdCheckCharacter,
  shanghaiDate,
  shanghaiDayStart,
} from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import type { RequestContext } from '../http/context.ts';
import { updateTask } from '../modules/command/task.repository.ts';
import { recordAbsence, recordDuty, recordHealthCheck, recordVisitCounts } from '../modules/institutions/institution-records.service.ts';
import { registerInstitution, setReporter } from '../modules/institutions/institution-registry.service.ts';
import { recordSale } from '../modules/institutions/pharmacy-sale.service.ts';
import { createStockItem } from '../modules/supplies/stock.service.ts';
import { type JurisdictionRow, venuesUnder } from './demo.repository.ts';
import { seedDemoRecords } from './demo-records.ts';

type Venue = Awaited<ReturnType<typeof venuesUnder>>[number];
interface Registered {
  id: string;
  kind: InstitutionKind;
  name: string;
  jurisdictionId: string;
  students: number;
}

const BUYERS = '王建国 李秀英 张伟 刘洋 陈静 杨帆 赵磊 黄丽 周敏 吴强 徐婷 孙浩'.split(' ');
const DRUGS: [string, string][] = [
  ['布洛芬缓释胶囊', 'fever'],
  ['对乙酰氨基酚片', 'fever'],
  ['复方甘草片', 'cough'],
  ['连花清瘟胶囊', 'antiviral'],
  ['阿莫西林胶囊', 'antibiotic'],
];

function profileOf(v: Venue, random: Random, index: number): { kind: InstitutionKind; profile: InstitutionProfile } {
  const a = v.attributes as Record<string, string | number | boolean>;
  if (v.kind === 'school') {
    const students = Number(a.students ?? 300);
    // The second school is one health worker short (SCH-010), so the registry shows the finding.
    const healthWorkers = healthWorkersNeeded(students) - (index === 1 ? 1 : 0);
    const kind = a.stage === 'kindergarten' ? 'kindergarten' : 'school';
    return { kind, profile: { students, classes: Math.ceil(students / 40), staff: Number(a.staff ?? 30), healthWorkers } };
  }
  if (v.kind === 'enterprise')
    return {
      kind: 'enterprise',
      profile: { employees: Number(a.employees ?? 100), isolationArea: true, resumptionPlan: random.chance(0.8) },
    };
  if (v.kind === 'market') return { kind: 'market', profile: { livePoultry: v.name.includes('农贸'), coldChain: true } };
  if (v.kind === 'pharmacy') return { kind: 'pharmacy', profile: { nearCommunity: true } };
  return { kind: 'medical_institution', profile: { feverClinic: true, sentinel: true } };
}

/** The institutions of the demo town: its venues, plus a care home, a hotel and 南街社区's pharmacy. */
async function registerAll(deps: AppDeps, context: RequestContext, town: JurisdictionRow, community: JurisdictionRow, random: Random) {
  const venues = await venuesUnder(deps.database.db, town.path, ['school', 'enterprise', 'market', 'pharmacy', 'medical_institution']);
  const made: Registered[] = [];
  let schools = 0;
  let enterprises = 0;
  for (const v of venues) {
    const shaped = profileOf(v, random, v.kind === 'school' ? schools++ : 0);
    const kind = shaped.kind;
    // ORG-070: every unit has its prevention team and instructor, except the first enterprise, still without an instructor.
    const lacking = kind === 'enterprise' && enterprises++ === 0;
    const profile = { ...shaped.profile, preventionTeams: 1, preventionInstructors: lacking ? 0 : 1 };
    const row = await registerInstitution(deps, context, {
      kind,
      name: v.name,
      code: v.code,
      jurisdictionId: v.jurisdictionId,
      placeId: v.id,
      profile,
      responsibleName: '王主任',
      responsiblePhone: '13961100000',
    });
    made.push({ id: row.id, kind, name: v.name, jurisdictionId: v.jurisdictionId, students: profile.students ?? 0 });
  }
  const extra = async (kind: InstitutionKind, name: string, code: string, profile: InstitutionProfile) => {
    const row = await registerInstitution(deps, context, {
      kind,
      name,
      code,
      jurisdictionId: community.id,
      profile: { ...profile, preventionTeams: 1, preventionInstructors: 1 },
    });
    made.push({ id: row.id, kind, name, jurisdictionId: community.id, students: 0 });
    return row.id;
  };
  await extra('special_institution', `${town.name}敬老院`, `${town.code}-care-01`, {
    specialType: 'elderly_home',
    residents: 86,
    staff: 24,
  });
  const hotel = await extra('public_place', `${town.name}湖塘宾馆`, `${town.code}-hotel-01`, { venueType: 'hotel', staff: 18 });
  const pharmacy = await extra('pharmacy', `${community.name}大药房`, `${community.code}-pharmacy-01`, { nearCommunity: true });
  return { made, pharmacy, hotel };
}

/** The demo accounts `school`, `pharmacy` and `hotel` are the named reporters of the first school, 南街社区's pharmacy and the hotel. */
async function nameReporters(deps: AppDeps, context: RequestContext, made: Registered[], pharmacyId: string, hotelId: string) {
  const school = made.find((i) => i.kind === 'school');
  const pairs: [string | undefined, string][] = [
    [school?.id, 'school'],
    [pharmacyId, 'pharmacy'],
    [hotelId, 'hotel'],
  ];
  for (const [id, username] of pairs) {
    const user = await findUserByUsername(deps.database.db, username);
    if (id && user) await setReporter(deps, context, id, user.id);
  }
}

const DAILY: Partial<Record<InstitutionKind, string[]>> = {
  market: ['market.daily_disinfection', 'market.zero_overnight_stock', 'market.logistics_registration'],
  special_institution: ['special.entry_control', 'special.resident_monitoring', 'special.daily_disinfection'],
  enterprise: ['enterprise.daily_measures', 'enterprise.isolation_area'],
  public_place: ['public.code_and_temperature', 'public.surface_cleaning'],
  pharmacy: ['pharmacy.one_level_higher'],
  school: ['school.daily_report', 'school.campus_entry'],
  kindergarten: ['school.daily_report', 'school.campus_entry'],
};

async function seedDay(deps: AppDeps, context: RequestContext, made: Registered[], day: string, random: Random) {
  for (const i of made) {
    for (const dutyId of DAILY[i.kind] ?? []) await recordDuty(deps, context, i.id, { dutyId, day, done: true });
    if (i.kind === 'school' || i.kind === 'kindergarten') {
      const absent = random.int(0, Math.max(1, Math.floor(i.students / 150)));
      for (const session of ['morning', 'noon'] as const) {
        await recordHealthCheck(deps, context, i.id, { session, day, present: i.students - absent, absent, feverish: 0 });
      }
    }
    if (i.kind === 'medical_institution') {
      await recordVisitCounts(deps, context, i.id, { day, feverClinicVisits: random.int(3, 15), primaryCareVisits: random.int(15, 50) });
    }
  }
}

/** Every enterprise and special institution keeps masks, disinfectant and a thermometer for its people (RES-011). */
async function unitSupplies(deps: AppDeps, context: RequestContext, made: Registered[]) {
  const kinds = readinessRules().unitSupplies.institutionKinds;
  const norm = readinessRules().reserves.find((n) => n.holderKind === 'institution');
  for (const unit of made.filter((i) => kinds.includes(i.kind))) {
    for (const item of norm?.items ?? []) {
      await createStockItem(deps, context, {
        jurisdictionId: unit.jurisdictionId,
        holderKind: 'institution',
        holderName: unit.name,
        item,
        unit: item === 'thermometer_gun' ? '把' : item === 'disinfectant' ? '瓶' : '只',
        quantity: item === 'medical_mask' ? 500 : 4,
      });
    }
  }
}

const buyerId = (random: Random) => {
  const first17 = `320412${random.int(1950, 2005)}0${random.int(1, 9)}1${random.int(0, 9)}${String(random.int(100, 999))}`;
  return first17 + residentIdCheckCharacter(first17);
};

/** A week of real-name sales at 南街社区's pharmacy; follow-ups before yesterday are done (the grid worker phoned). */
async function seedSales(deps: AppDeps, context: RequestContext, pharmacyId: string, today: string, random: Random) {
  let sales = 0;
  for (let back = 6; back >= 1; back--) {
    const day = addDays(today, -back);
    for (let n = random.int(1, 2); n > 0; n--) {
      const [drugName, drugClass] = random.pick(DRUGS);
      const soldAt = new Date(shanghaiDayStart(day).getTime() + (9 + random.int(0, 9)) * 3_600_000);
      const sale = await recordSale(deps, context, pharmacyId, {
        buyerName: random.pick(BUYERS),
        buyerIdNumber: buyerId(random),
        buyerPhone: `139${String(random.int(10_000_000, 99_999_999))}`,
        drugName,
        drugClass,
        quantity: random.int(1, 2),
        soldAt: soldAt.toISOString(),
      });
      sales++;
      if (back > 1 && sale.followUpTaskId) {
        await updateTask(deps.database.db, sale.followUpTaskId, {
          status: 'closed',
          closedAt: new Date(soldAt.getTime() + 6 * 3_600_000),
          closingNote: '已电话随访，购药人体温正常，无异常',
        });
      }
    }
  }
  return sales;
}

/**
 * Institutions (issue 16): 湖塘镇's schools, kindergartens, enterprises, markets, pharmacies and health centre, a care
 * home and a hotel, with a week of duties, school checks, visit counts and 南街社区 pharmacy purchases, and yesterday's
 * fever absence at the first school with its fast-track NAT task.
 */
export async function seedDemoInstitutions(
  deps: AppDeps,
  context: RequestContext,
  town: JurisdictionRow,
  community: JurisdictionRow,
  seed: number,
) {
  const random = createRandom(seed, 'institutions');
  const { made, pharmacy, hotel } = await registerAll(deps, context, town, community, random);
  await nameReporters(deps, context, made, pharmacy, hotel);
  const today = shanghaiDate(deps.clock());
  for (let back = 6; back >= 1; back--) await seedDay(deps, context, made, addDays(today, -back), random);
  const school = made.find((i) => i.kind === 'school');
  if (school) {
    await recordAbsence(deps, context, school.id, {
      name: '陈小雨',
      className: '三年级二班',
      reason: 'fever',
      temperature: 38.3,
      day: addDays(today, -1),
    });
    await recordAbsence(deps, context, school.id, {
      name: '刘子涵',
      className: '五年级一班',
      reason: 'other_illness',
      day: addDays(today, -3),
    });
  }
  const sales = await seedSales(deps, context, pharmacy, today, random);
  await unitSupplies(deps, context, made);
  // Issue 16 part 2: the hotel's week of guests, the exam and meeting permits, 南街社区's entrance ledger.
  const records = await seedDemoRecords(deps, context, { community, hotelId: hotel, ...(school ? { school } : {}) }, random);
  return { institutions: made.length, sales, ...records };
}
