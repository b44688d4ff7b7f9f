import { PLACE_KINDS, type PlaceKind } from '../jurisdiction/levels.ts';
import { type DemoArea, streetAddress, townShortName } from './addresses.ts';
import type { Random } from './random.ts';

const HOME_KINDS = ['building', 'unit', 'household'] as const;
export type DemoVenueKind = Exclude<PlaceKind, (typeof HOME_KINDS)[number]>;

/** Every place kind that is not part of a home: what the demo builds per town. */
export const DEMO_VENUE_KINDS = PLACE_KINDS.filter((kind): kind is DemoVenueKind => !(HOME_KINDS as readonly PlaceKind[]).includes(kind));

export interface DemoVenue {
  kind: DemoVenueKind;
  /** Stable natural key: `<town code>-<kind>-<nn>`, children append their kind. */
  code: string;
  name: string;
  /** The village (or, for a town without villages, the town) the venue stands in. */
  jurisdictionCode: string;
  address: string;
  attributes: Record<string, string | number | boolean>;
  children: DemoVenue[];
}

export interface DemoTown {
  code: string;
  name: string;
  area: Omit<DemoArea, 'town' | 'village'>;
  villages: readonly { code: string; name: string }[];
}

type VenueDraft = Pick<DemoVenue, 'kind' | 'name' | 'attributes'> & { children?: VenueDraft[] };

const ROADS = '人民路 长安路 花园路 兴业路 建设路 光明路 永安路 学府路 滨湖路 新华路 和平路 青年路 振兴路 延政路 常武路'.split(' ');
const BRANDS = '恒达 华信 金源 宏泰 新科 瑞丰 东升 天成 永盛 鑫海 万通 中联 亚泰 丰禾 远航 聚力'.split(' ');
const INDUSTRIES = '精密机械 电子科技 纺织 新材料 汽车零部件 光伏科技 食品 建材 环保设备 医疗器械 模具 电机'.split(' ');
const PHARMACY_BRANDS = '康宁 仁心 安泰 百草堂 惠民 福寿康 济世 同心'.split(' ');
const ENTRANCES = '东入口 西入口 南入口 北入口'.split(' ');
const HOTELS = '宾馆 商务酒店 假日酒店 培训中心 度假村'.split(' ');

function schools(short: string, random: Random): VenueDraft[] {
  const students = (min: number, max: number) => ({ students: random.int(min, max), staff: random.int(20, 90) });
  const drafts: VenueDraft[] = [
    { kind: 'school', name: `${short}中心幼儿园`, attributes: { stage: 'kindergarten', ...students(150, 450) } },
    { kind: 'school', name: `${short}中心小学`, attributes: { stage: 'primary', ...students(600, 2200) } },
    { kind: 'school', name: `${short}初级中学`, attributes: { stage: 'junior', ...students(500, 1800) } },
  ];
  if (random.chance(0.5))
    drafts.push({ kind: 'school', name: `${short}实验小学`, attributes: { stage: 'primary', ...students(600, 2000) } });
  return drafts;
}

function enterprises(random: Random): VenueDraft[] {
  return Array.from({ length: random.int(3, 6) }, () => ({
    kind: 'enterprise' as const,
    name: `常州${random.pick(BRANDS)}${random.pick(INDUSTRIES)}有限公司`,
    attributes: { employees: random.int(30, 1200) },
  }));
}

function markets(short: string, random: Random): VenueDraft[] {
  const drafts: VenueDraft[] = [{ kind: 'market', name: `${short}农贸市场`, attributes: { stalls: random.int(60, 220) } }];
  if (random.chance(0.5)) drafts.push({ kind: 'market', name: `${short}生鲜菜市场`, attributes: { stalls: random.int(30, 90) } });
  return drafts;
}

function pharmacies(short: string, random: Random): VenueDraft[] {
  return Array.from({ length: random.int(2, 4) }, (_, i) => ({
    kind: 'pharmacy' as const,
    name: `${random.pick(PHARMACY_BRANDS)}大药房（${short}${i + 1}店）`,
    attributes: { purchaseRegistration: true },
  }));
}

/** A town health centre (街道: community health service centre) with its fever clinic. */
function medical(town: DemoTown, random: Random): VenueDraft[] {
  const isStreet = town.name.endsWith('街道');
  const name = isStreet ? `${town.name}社区卫生服务中心` : `${town.name}卫生院`;
  const clinic: VenueDraft = {
    kind: 'fever_clinic',
    name: `${name}发热门诊`,
    attributes: { sentinel: !isStreet, rooms: random.int(2, 6) },
  };
  return [{ kind: 'medical_institution', name, attributes: { level: 'primary', beds: random.int(20, 120) }, children: [clinic] }];
}

/** One quarantine site per town (seed 000 §三(二)10: a centralized service point per town or street). */
function quarantineSites(short: string, random: Random): VenueDraft[] {
  const rooms = random.int(40, 160);
  const beds = rooms + random.int(0, Math.floor(rooms / 5));
  return [{ kind: 'quarantine_site', name: `${short}${random.pick(HOTELS)}集中隔离点`, attributes: { rooms, beds } }];
}

function checkpoints(short: string, random: Random): VenueDraft[] {
  const drafts: VenueDraft[] = [
    { kind: 'checkpoint', name: `${short}${random.pick(ENTRANCES)}卡口`, attributes: { lanes: random.int(2, 4) } },
  ];
  if (random.chance(0.4)) drafts.push({ kind: 'checkpoint', name: `${short}高速出口卡口`, attributes: { lanes: random.int(4, 8) } });
  return drafts;
}

interface Site {
  jurisdictionCode: string;
  address: string;
}

function siteIn(town: DemoTown, random: Random): Site {
  const village = town.villages.length > 0 ? random.pick(town.villages) : { code: town.code, name: '' };
  const area = { ...town.area, town: town.name, village: village.name };
  return { jurisdictionCode: village.code, address: streetAddress(area, random.pick(ROADS), random.int(1, 399)) };
}

/** Children (a health centre's fever clinic) stand at their parent's site. */
function venueAt(site: Site, draft: VenueDraft, code: string): DemoVenue {
  const children = (draft.children ?? []).map((child) => venueAt(site, child, `${code}-${child.kind}`));
  return { kind: draft.kind, code, name: draft.name, ...site, attributes: draft.attributes, children };
}

/** The venues of one town: schools, enterprises, markets, pharmacies, a health centre, a quarantine site, checkpoints. */
export function demoVenues(random: Random, town: DemoTown): DemoVenue[] {
  const short = townShortName(town.name);
  const drafts = [
    ...schools(short, random),
    ...enterprises(random),
    ...markets(short, random),
    ...pharmacies(short, random),
    ...medical(town, random),
    ...quarantineSites(short, random),
    ...checkpoints(short, random),
  ];
  const numbered = new Map<string, number>();
  return drafts.map((draft) => {
    const n = (numbered.get(draft.kind) ?? 0) + 1;
    numbered.set(draft.kind, n);
    return venueAt(siteIn(town, random), draft, `${town.code}-${draft.kind}-${String(n).padStart(2, '0')}`);
  });
}
