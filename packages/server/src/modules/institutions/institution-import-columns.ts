import { INSTITUTION_KINDS, type InstitutionKind, type InstitutionProfile, PROFILE_COUNT_FIELDS } from '@fangkong/core';
import type { ImportRowError } from '../../db/schema/index.ts';
import type { ParsedRow } from '../../imports/row-import.ts';
import { missingCells, type RawSheetRow, type SheetColumn, sheetRowError } from '../../imports/sheet.ts';

/**
 * The institution registry template (issue 16 part 1): one row per institution, its kind by name, the
 * profile counts and flags of its kind (SCH-010, ENT-003/004, MED-007, INST-001, PHAR-003, MKT-005, PUB-, TRN-).
 */
export const INSTITUTION_COLUMNS = [
  { key: 'name', header: '机构名称', required: true, example: '湖塘实验小学' },
  { key: 'kind', header: '机构类型', required: true, example: '学校' },
  { key: 'code', header: '机构编码', required: true, example: '320412100-SCH-01' },
  { key: 'jurisdictionCode', header: '所属村社区或网格代码', required: false, example: '320412100001' },
  { key: 'students', header: '学生数', required: false, example: '1200' },
  { key: 'classes', header: '班级数', required: false, example: '30' },
  { key: 'staff', header: '教职工数', required: false, example: '90' },
  { key: 'healthWorkers', header: '专职卫生技术人员数', required: false, example: '2' },
  { key: 'employees', header: '员工数', required: false, example: '' },
  { key: 'resumptionPlan', header: '有复工方案', required: false, example: '' },
  { key: 'isolationArea', header: '有隔离观察区', required: false, example: '' },
  { key: 'feverClinic', header: '设发热门诊', required: false, example: '' },
  { key: 'sentinel', header: '哨点医院', required: false, example: '' },
  { key: 'residents', header: '收住人数', required: false, example: '' },
  { key: 'specialType', header: '特殊机构类型', required: false, example: '' },
  { key: 'nearCommunity', header: '临近社区', required: false, example: '' },
  { key: 'livePoultry', header: '经营活禽', required: false, example: '' },
  { key: 'coldChain', header: '冷链', required: false, example: '' },
  { key: 'venueType', header: '场所类型', required: false, example: '' },
  { key: 'transportType', header: '交通场站类型', required: false, example: '' },
  { key: 'preventionTeams', header: '防控工作队数', required: false, example: '1' },
  { key: 'preventionInstructors', header: '防控指导员数', required: false, example: '1' },
  { key: 'responsibleName', header: '报告负责人', required: false, example: '王老师' },
  { key: 'responsiblePhone', header: '负责人电话', required: false, example: '13900000001' },
] as const satisfies readonly SheetColumn[];

export type InstitutionColumnKey = (typeof INSTITUTION_COLUMNS)[number]['key'];

/** The names a sheet may use for each kind, the first shown in the template's help sheet. */
export const KIND_LABELS: Record<InstitutionKind, string[]> = {
  school: ['学校', '中小学', '中学', '小学'],
  kindergarten: ['幼儿园', '托幼机构'],
  enterprise: ['企业', '工厂'],
  medical_institution: ['医疗机构', '医院', '卫生院', '社区卫生服务中心'],
  special_institution: ['特殊机构', '养老机构', '福利院', '监所', '精神卫生机构'],
  pharmacy: ['药店', '零售药店'],
  market: ['市场', '农贸市场', '冷库', '物流'],
  public_place: ['公共场所', '宾馆', '酒店'],
  transport: ['交通场站', '车站', '港口', '道路卡口'],
};

const FLAG_KEYS = ['resumptionPlan', 'isolationArea', 'feverClinic', 'sentinel', 'nearCommunity', 'livePoultry', 'coldChain'] as const;
const TEXT_KEYS = ['specialType', 'venueType', 'transportType'] as const;
const YES = ['是', '有', 'Y', 'y', 'yes', 'true', '1'];
const NO = ['否', '无', 'N', 'n', 'no', 'false', '0'];

export function kindFromLabel(label: string): InstitutionKind | null {
  const text = label.trim();
  return INSTITUTION_KINDS.find((k) => k === text || KIND_LABELS[k].includes(text)) ?? null;
}

export interface InstitutionImportEntry {
  rowNumber: number;
  kind: InstitutionKind;
  name: string;
  code: string;
  jurisdictionCode?: string;
  profile: InstitutionProfile;
  responsibleName?: string;
  responsiblePhone?: string;
}

/** A row's problem at a field; `profile.students` and the like are shown at their own column. */
export const institutionRowError = (row: number, field: string, code: string, params: Record<string, string | number> = {}) =>
  sheetRowError(INSTITUTION_COLUMNS, row, field.replace(/^profile\./, '').replace(/^jurisdictionId$/, 'jurisdictionCode'), code, params);

function profileOf(raw: RawSheetRow<InstitutionColumnKey>, errors: ImportRowError[]): InstitutionProfile {
  const profile: Record<string, number | boolean | string> = {};
  for (const key of PROFILE_COUNT_FIELDS) {
    const text = raw[key];
    if (!text) continue;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) errors.push(institutionRowError(raw.rowNumber, key, 'notNonNegativeInteger'));
    else profile[key] = n;
  }
  for (const key of FLAG_KEYS) {
    const text = raw[key];
    if (!text) continue;
    if (YES.includes(text)) profile[key] = true;
    else if (NO.includes(text)) profile[key] = false;
    else errors.push(institutionRowError(raw.rowNumber, key, 'notYesNo'));
  }
  for (const key of TEXT_KEYS) if (raw[key]) profile[key] = raw[key];
  return profile as InstitutionProfile;
}

/** One row checked on its own (cells only; the profile's rules and the code's uniqueness are the registration's). */
export function parseInstitutionRow(raw: RawSheetRow<InstitutionColumnKey>): ParsedRow<InstitutionImportEntry> {
  const missing = missingCells(INSTITUTION_COLUMNS, raw);
  if (missing.length > 0) return { errors: missing };
  const errors: ImportRowError[] = [];
  const kind = kindFromLabel(raw.kind ?? '');
  if (!kind) errors.push(institutionRowError(raw.rowNumber, 'kind', 'unknownKind'));
  const profile = profileOf(raw, errors);
  if (errors.length > 0 || !kind) return { errors };
  return {
    entry: {
      rowNumber: raw.rowNumber,
      kind,
      name: raw.name ?? '',
      code: raw.code ?? '',
      jurisdictionCode: raw.jurisdictionCode || undefined,
      profile,
      responsibleName: raw.responsibleName || undefined,
      responsiblePhone: raw.responsiblePhone || undefined,
    },
  };
}
