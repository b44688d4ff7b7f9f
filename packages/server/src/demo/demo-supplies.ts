import { addDays, type PreparationKind, readinessRules, type SupplyItem, shanghaiDate } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import type { RequestContext } from '../http/context.ts';
import { createSchedule, recordDisinfection } from '../modules/supplies/disinfection.service.ts';
import { createExercise, createPlan, createPreparation } from '../modules/supplies/preparedness.service.ts';
import { createStockItem } from '../modules/supplies/stock.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;
interface Place {
  id: string;
  path: string;
  name: string;
}

const UNITS: Partial<Record<SupplyItem, string>> = {
  gloves: '双',
  disinfectant: '瓶',
  hand_sanitizer: '瓶',
  thermometer_gun: '把',
  sprayer: '台',
};
/** Daily use per town: a town of the demo uses this many a day (a month's reserve is thirty times it). */
const DAILY_USE: Partial<Record<SupplyItem, number>> = {
  medical_mask: 200,
  protective_mask: 40,
  gloves: 60,
  disinfectant: 8,
  hand_sanitizer: 6,
};
/** The one item short in 湖塘镇: 25 days of disinfectant against the one-month reserve (RES-001, SC-59): amber. */
const SHORT_DAYS = 25;

/** Every item a town's reserve norms name (RES-001's month of protective and disinfection supplies, RES-003's seven PPE types). */
const townItems = (): SupplyItem[] => [
  ...new Set(
    readinessRules()
      .reserves.filter((n) => n.holderKind === 'town')
      .flatMap((n) => [...n.items]),
  ),
];

async function townStock(deps: Deps, context: RequestContext, town: Place, shortDisinfectant: boolean) {
  for (const item of townItems()) {
    const dailyUse = DAILY_USE[item] ?? 2;
    const days = item === 'disinfectant' && shortDisinfectant ? SHORT_DAYS : 40;
    await createStockItem(deps, context, {
      jurisdictionId: town.id,
      holderKind: 'town',
      holderName: town.name,
      item,
      unit: UNITS[item] ?? '件',
      quantity: dailyUse * days,
      dailyUse,
      expiresOn: addDays(shanghaiDate(deps.clock()), 365),
    });
  }
  await createPreparation(deps, context, {
    jurisdictionId: town.id,
    kind: 'service_point',
    name: `${town.name}集中服务点`,
    status: 'ready',
  });
  await townResources(deps, context, town, shortDisinfectant);
}

/**
 * A street's vehicles and crews as seed 004 Part A-Annex §二 lists them (RES-005), its scarce-supply custodian
 * (RES-009) and emergency fund (RES-010). 湖塘镇 has 4 of the 5 doctors: amber, every ambulance still crewed.
 */
async function townResources(deps: Deps, context: RequestContext, town: Place, oneDoctorShort: boolean) {
  const add = (kind: PreparationKind, name: string, note?: string) =>
    createPreparation(deps, context, { jurisdictionId: town.id, kind, name, status: 'ready', ...(note ? { note } : {}) });
  for (const [i, plate] of ['LE120', 'L120Y', 'LX120'].entries()) await add('ambulance', `苏D·${plate}${i}（${town.name}120）`);
  for (const n of [1, 2, 3, 4]) await add('ambulance_driver', `${town.name}120驾驶员${n}`);
  for (let n = 1; n <= (oneDoctorShort ? 4 : 5); n++) await add('ambulance_doctor', `${town.name}120随车医生${n}`);
  await add('vehicle_lead', `${town.name}应急车辆负责人`);
  for (let n = 1; n <= 6; n++) await add('police_vehicle', `${town.name}派出所备勤车${n}`);
  await add('supply_custodian', `${town.name}防护物资保管员`, '紧缺物资出库须写明用途');
  await add('emergency_fund', `${town.name}2020年卫生应急经费`, '纳入镇（街道）财政预算');
}

/** 湖塘镇's quarantine site keeps a month of protective supplies (RES-008); its checkpoint kit is complete (RES-012). */
async function siteAndKit(deps: Deps, context: RequestContext, town: Place) {
  const sites = await queryRows<{ name: string }>(
    deps.database.db,
    sql`select name from place where kind = 'quarantine_site' and jurisdiction_path like ${`${town.path}%`} order by code limit 1`,
  );
  const site = sites[0]?.name ?? `${town.name}集中隔离点`;
  const norm = readinessRules().reserves.find((n) => n.holderKind === 'quarantine_site');
  for (const item of norm?.items ?? []) {
    const dailyUse = Math.ceil((DAILY_USE[item] ?? 2) / 2);
    await createStockItem(deps, context, {
      jurisdictionId: town.id,
      holderKind: 'quarantine_site',
      holderName: site,
      item,
      unit: UNITS[item] ?? '件',
      quantity: dailyUse * 45,
      dailyUse,
    });
  }
  for (const item of ['thermometer_gun', 'medical_mask', 'disinfectant', 'sprayer'] as const) {
    await createStockItem(deps, context, {
      jurisdictionId: town.id,
      holderKind: 'checkpoint_kit',
      holderName: `${town.name}1号卡口`,
      item,
      unit: UNITS[item] ?? '个',
      quantity: item === 'medical_mask' ? 100 : 2,
    });
  }
}

/** The designated hospital's reserve at its full-workload daily use, 40 days of each item (RES-004). */
async function hospitalReserve(deps: Deps, context: RequestContext, county: Place) {
  const norm = readinessRules().reserves.find((n) => n.requirement === 'RES-004');
  for (const item of norm?.items ?? []) {
    const dailyUse = DAILY_USE[item] ?? 20;
    await createStockItem(deps, context, {
      jurisdictionId: county.id,
      holderKind: 'hospital',
      holderName: '武进人民医院',
      item,
      unit: UNITS[item] ?? '件',
      quantity: dailyUse * 40,
      dailyUse,
      expiresOn: addDays(shanghaiDate(deps.clock()), 365),
    });
  }
}

/** The county's facilities (RES-002, RES-007) and the ten items of PREP-001, all ready; its plan (PREP-004) and a drill (PREP-002). */
async function countyPreparedness(deps: Deps, context: RequestContext, county: Place) {
  const add = (
    kind: 'designated_hospital' | 'asymptomatic_observation_point' | 'quarantine_site' | 'nat_lab',
    name: string,
    capacity?: number,
  ) => createPreparation(deps, context, { jurisdictionId: county.id, kind, name, status: 'ready', ...(capacity ? { capacity } : {}) });
  await add('designated_hospital', '武进人民医院（定点医院）');
  await add('asymptomatic_observation_point', '武进区无症状感染者医学观察点');
  await add('quarantine_site', '武进区集中医学观察点', 260);
  await add('nat_lab', '武进区疾病预防控制中心实验室');
  await add('nat_lab', '武进人民医院核酸检测实验室');
  // RES-015 (MED-001): the wards and beds kept; readiness turns red if they are cut.
  await createPreparation(deps, context, {
    jurisdictionId: county.id,
    kind: 'isolation_ward',
    name: '武进人民医院感染科隔离病区',
    capacity: 40,
    status: 'ready',
  });
  await createPreparation(deps, context, {
    jurisdictionId: county.id,
    kind: 'observation_beds',
    name: '武进人民医院发热门诊留观床位',
    capacity: 12,
    status: 'ready',
  });
  await hospitalReserve(deps, context, county);
  for (const item of readinessRules().checklist) {
    await createPreparation(deps, context, {
      jurisdictionId: county.id,
      kind: 'checklist',
      name: item.zh,
      checklistNo: item.no,
      status: 'ready',
    });
  }
  const today = shanghaiDate(deps.clock());
  const plan = await createPlan(deps, context, {
    jurisdictionId: county.id,
    title: '武进区新型冠状病毒肺炎疫情应急预案',
    documentNumber: '武肺炎防控指〔2020〕54号',
    level: 'general',
    issuedBy: '武进区人民政府办公室',
    issuedOn: addDays(today, -30),
    reviewDueOn: addDays(today, 335),
  });
  await createExercise(deps, context, {
    jurisdictionId: county.id,
    kind: 'drill',
    title: '集中隔离点人员转运应急演练',
    heldOn: addDays(today, -7),
    planId: plan.id,
    expected: 30,
    attended: 28,
    findings: '转运车辆与隔离点交接衔接不畅；已明确120调度与隔离点对接人。',
    followUp: '一周内修订转运交接流程',
  });
}

/**
 * The demo's supplies and preparedness (issue 15 parts 4 and 6): every town of 武进区 with its service point
 * and a full reserve except 湖塘镇's disinfectant at 25 days (amber, with its stock_low alert), 湖塘镇's
 * quarantine site and checkpoint kit, a daily disinfection schedule in the demo community done today,
 * and the county's facilities, checklist, plan and drill. Written through the real services.
 */
export async function seedDemoSupplies(
  deps: Deps,
  context: RequestContext,
  area: { county: Place; town: Place; community: Place; towns: Place[] },
) {
  for (const town of area.towns) await townStock(deps, context, town, town.id === area.town.id);
  await siteAndKit(deps, context, area.town);
  await countyPreparedness(deps, context, area.county);
  const schedule = await createSchedule(deps, context, {
    jurisdictionId: area.community.id,
    placeKind: 'residential_community',
    placeName: `${area.community.name}小区`,
  });
  await recordDisinfection(deps, context, schedule.id, { note: '公共区域、电梯按钮、门把手' });
}
