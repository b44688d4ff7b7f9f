import { clause } from '../../protocols/clause.ts';
import type { ReportColumn, SubmittedTemplate } from '../report-types.ts';

/**
 * The 13:00 three tables of seed 004 Part B (济水街道, DAILY-003, Annex A A10–A12): every residents'
 * committee sends them to the street office before 13:00 each day, each signed by the branch secretary
 * and stamped with the unit's seal. The seed names the tables but gives no columns [gap]: the columns are
 * Annex A's implied fields.
 */
const S004B = 'seed 004';
const THREE_TABLES = clause(
  S004B,
  'Part B §二(一)4',
  'Residents’ committees report the outsider screening table, the returnee health-monitoring table and the release-from-isolation table to the street office before 13:00 every day',
);
const DEADLINE = {
  time: '13:00',
  remindMinutesBefore: 60,
  basis: clause(S004B, 'Part B §二(一)4', 'Before 13:00 each day (the one-hour reminder is configured)'),
};
const SIGNED_AND_STAMPED = {
  required: true,
  seal: true,
  basis: clause(
    S004B,
    'Part B §二(一)4',
    'The tables are signed by the branch secretary and stamped with the unit seal before they are sent',
  ),
};
const ZERO_WHEN_NONE = {
  allowed: true,
  basis: clause(
    S004B,
    'Part B §三(五)',
    'Communities screen outsiders and returnees every day and report; a zero report when there is none',
  ),
};
const COMMUNITIES = { kind: 'jurisdiction', level: 'village' } as const;
const head = { kind: 'submitted', version: 1, group: 'triple_1300', frequency: 'daily', reporter: COMMUNITIES, receiver: 'town' } as const;

const ORIGINS = [
  { value: 'wuhan', label: '武汉', labelEn: 'Wuhan' },
  { value: 'hubei', label: '湖北其他地区', labelEn: 'Elsewhere in Hubei' },
  { value: 'other', label: '其他地区', labelEn: 'Elsewhere' },
];

const name: ReportColumn = { key: 'name', label: '姓名', labelEn: 'Name', type: 'name', required: true };

export const RETURNEE_SCREENING: SubmittedTemplate = {
  ...head,
  code: 'returnee_screening',
  name: '外来返济人员排查表',
  nameEn: 'Screening table of arriving and returning outsiders',
  annex: 'A10',
  requirements: ['DAILY-003', 'DAILY-002'],
  basis: THREE_TABLES,
  deadline: DEADLINE,
  zeroReport: ZERO_WHEN_NONE,
  signature: SIGNED_AND_STAMPED,
  columns: [
    name,
    { key: 'idNumber', label: '身份证号', labelEn: 'ID number', type: 'idNumber', required: true },
    { key: 'phone', label: '联系电话', labelEn: 'Phone', type: 'phone', required: false },
    // Seed 004 Part B §二(一)4 screens arrivals from Wuhan, the rest of Hubei and other areas in separate windows.
    { key: 'origin', label: '来源地', labelEn: 'Came from', type: 'choice', required: true, choices: ORIGINS },
    { key: 'arrivalDate', label: '抵达日期', labelEn: 'Arrival date', type: 'date', required: true },
    { key: 'address', label: '现住址', labelEn: 'Address', type: 'address', required: true },
    { key: 'isolationStart', label: '居家隔离开始日期', labelEn: 'Home isolation from', type: 'date', required: false },
    { key: 'remarks', label: '备注', labelEn: 'Remarks', type: 'text', required: false },
  ],
  figures: [
    {
      key: 'screened',
      label: '排查人数',
      labelEn: 'Screened',
      from: { kind: 'rows' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'fromWuhan',
      label: '其中武汉来返',
      labelEn: 'of whom from Wuhan',
      from: { kind: 'rowsWhere', column: 'origin', equals: 'wuhan' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'fromHubei',
      label: '其中湖北其他地区来返',
      labelEn: 'of whom from elsewhere in Hubei',
      from: { kind: 'rowsWhere', column: 'origin', equals: 'hubei' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'homeIsolation',
      label: '其中居家隔离',
      labelEn: 'of whom in home isolation',
      from: { kind: 'rowsFilled', column: 'isolationStart' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
  ],
};

const SYMPTOMS = [
  { value: 'none', label: '无', labelEn: 'None' },
  { value: 'fever', label: '发热', labelEn: 'Fever' },
  { value: 'cough', label: '咳嗽', labelEn: 'Cough' },
  { value: 'other', label: '其他症状', labelEn: 'Other symptoms' },
];

export const RETURNEE_HEALTH_MONITORING: SubmittedTemplate = {
  ...head,
  code: 'returnee_health_monitoring',
  name: '返济人员健康监测表',
  nameEn: 'Health-monitoring table of returnees',
  annex: 'A11',
  requirements: ['DAILY-003', 'DAILY-005'],
  basis: THREE_TABLES,
  deadline: DEADLINE,
  zeroReport: ZERO_WHEN_NONE,
  signature: SIGNED_AND_STAMPED,
  columns: [
    name,
    { key: 'temperatureMorning', label: '上午体温(℃)', labelEn: 'Morning temperature (°C)', type: 'temperature', required: true },
    { key: 'temperatureAfternoon', label: '下午体温(℃)', labelEn: 'Afternoon temperature (°C)', type: 'temperature', required: false },
    { key: 'symptoms', label: '症状', labelEn: 'Symptoms', type: 'choice', required: true, choices: SYMPTOMS },
    { key: 'observer', label: '监测人', labelEn: 'Observer', type: 'text', required: true },
  ],
  figures: [
    {
      key: 'underManagement',
      label: '在管返乡及来返人员',
      labelEn: 'Returnees and arrivals under management',
      from: { kind: 'platform', platform: { of: 'keyPersons', categories: ['returning_outsider', 'risk_area_arrival'] } },
      aggregate: 'sum',
      onZeroReport: 'kept',
      required: false,
    },
    {
      key: 'monitored',
      label: '当日监测人数',
      labelEn: 'Monitored today',
      from: { kind: 'rows' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'feverish',
      label: '其中发热',
      labelEn: 'of whom with fever',
      from: { kind: 'rowsWhere', column: 'symptoms', equals: 'fever' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
  ],
};

/** 人员解除隔离表: the platform already holds the day's releases (KP-D04), so the table starts from them. */
export const RELEASE_FROM_ISOLATION: SubmittedTemplate = {
  ...head,
  code: 'release_from_isolation',
  name: '人员解除隔离表',
  nameEn: 'Release-from-isolation table',
  annex: 'A12',
  requirements: ['DAILY-003'],
  basis: THREE_TABLES,
  deadline: DEADLINE,
  zeroReport: ZERO_WHEN_NONE,
  signature: SIGNED_AND_STAMPED,
  platformExport: { path: '/api/key-persons/exports/release-table.xlsx', permission: 'keyPerson.read' },
  prefillRows: { of: 'releases' },
  columns: [
    name,
    { key: 'category', label: '人员类别', labelEn: 'Category', type: 'text', required: true },
    { key: 'isolationStart', label: '隔离开始日期', labelEn: 'Isolation from', type: 'date', required: true },
    { key: 'releaseDate', label: '解除日期', labelEn: 'Released on', type: 'date', required: true },
    { key: 'negativeTests', label: '阴性检测次数', labelEn: 'Negative tests', type: 'count', required: true },
    { key: 'signatories', label: '签字人', labelEn: 'Signed by', type: 'text', required: false },
  ],
  figures: [
    {
      key: 'released',
      label: '解除隔离人数',
      labelEn: 'Released',
      from: { kind: 'rows' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
  ],
};
