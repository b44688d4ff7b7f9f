import { PLACE_KINDS, type PlaceKind } from '../jurisdiction/levels.ts';

/**
 * What an environment or goods sample is taken from (TEST-014, MKT-001/002/004): the surfaces and
 * key points the seeds name (counters, drains, bins, transport vehicles), cold-chain packaging and
 * the goods themselves, water and sewage, air. A goods specimen describes the goods it comes from.
 */
export const ENVIRONMENT_SPECIMEN_KINDS = [
  'environment_surface',
  'outer_packaging',
  'goods',
  'water_sewage',
  'air',
  'transport_vehicle',
] as const;
export type EnvironmentSpecimenKind = (typeof ENVIRONMENT_SPECIMEN_KINDS)[number];

export interface SpecimenKindInfo {
  /** Taken from goods (their packaging or the product): describes the goods, their origin and batch. */
  goods: boolean;
  label: { 'zh-CN': string; en: string };
}

export const ENVIRONMENT_SPECIMENS: Record<EnvironmentSpecimenKind, SpecimenKindInfo> = {
  environment_surface: { goods: false, label: { 'zh-CN': '环境物体表面', en: 'Environment surface' } },
  outer_packaging: { goods: true, label: { 'zh-CN': '冷链食品外包装', en: 'Cold-chain product outer packaging' } },
  goods: { goods: true, label: { 'zh-CN': '商品（食品本身）', en: 'Product itself' } },
  water_sewage: { goods: false, label: { 'zh-CN': '水样 / 污水', en: 'Water / sewage' } },
  air: { goods: false, label: { 'zh-CN': '空气', en: 'Air' } },
  transport_vehicle: { goods: false, label: { 'zh-CN': '运输工具', en: 'Transport vehicle' } },
};

export const isEnvironmentSpecimenKind = (value: string): value is EnvironmentSpecimenKind =>
  (ENVIRONMENT_SPECIMEN_KINDS as readonly string[]).includes(value);

/** Homes are not sampled as venues: markets, enterprises, medical institutions… are. */
const HOME_KINDS: readonly PlaceKind[] = ['building', 'unit', 'household'];
export const SAMPLED_PLACE_KINDS = PLACE_KINDS.filter((kind) => !HOME_KINDS.includes(kind));

export interface EnvironmentSampleDraft {
  placeKind: string;
  specimenKind: EnvironmentSpecimenKind;
  goodsDescription?: string | null;
  coldChain?: boolean;
  imported?: boolean;
  originCountry?: string | null;
  batchNumber?: string | null;
}

export interface SampleProblem {
  field: string;
  code: string;
}

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

/** Goods fields belong to goods specimens: a goods specimen says what the goods are, where from and (cold chain) which batch. */
function goodsProblems(draft: EnvironmentSampleDraft): SampleProblem[] {
  const problems: SampleProblem[] = [];
  if (!filled(draft.goodsDescription)) problems.push({ field: 'goodsDescription', code: 'required' });
  if (draft.imported && !filled(draft.originCountry)) problems.push({ field: 'originCountry', code: 'required' });
  if (!draft.imported && filled(draft.originCountry)) problems.push({ field: 'originCountry', code: 'originNotImported' });
  if (draft.coldChain && !filled(draft.batchNumber)) problems.push({ field: 'batchNumber', code: 'required' });
  return problems;
}

const GOODS_FIELDS = ['goodsDescription', 'originCountry', 'batchNumber'] as const;

/** Every problem with a sample before it is registered, each with the field at fault. */
export function environmentSampleProblems(draft: EnvironmentSampleDraft): SampleProblem[] {
  if (!(SAMPLED_PLACE_KINDS as readonly string[]).includes(draft.placeKind)) return [{ field: 'placeId', code: 'notSampledPlace' }];
  if (ENVIRONMENT_SPECIMENS[draft.specimenKind].goods) return goodsProblems(draft);
  const stray: string[] = GOODS_FIELDS.filter((field) => filled(draft[field]));
  if (draft.coldChain) stray.push('coldChain');
  if (draft.imported) stray.push('imported');
  return stray.map((field) => ({ field, code: 'goodsOnlyField' }));
}
