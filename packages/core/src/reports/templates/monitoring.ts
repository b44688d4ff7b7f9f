import { clause } from '../../protocols/clause.ts';
import type { ChoiceOption, SubmittedTemplate } from '../report-types.ts';

/** Daily monitoring tables of people at home: home isolation (DAILY-005) and sealed buildings (DAILY-006). */
const SYMPTOMS: ChoiceOption[] = [
  { value: 'none', label: '无', labelEn: 'None' },
  { value: 'fever', label: '发热', labelEn: 'Fever' },
  { value: 'cough', label: '咳嗽', labelEn: 'Cough' },
  { value: 'other', label: '其他症状', labelEn: 'Other symptoms' },
];
const COMMUNITIES = { kind: 'jurisdiction', level: 'village' } as const;
const NO_SIGNATURE = (source: string, where: string) => ({
  required: false,
  seal: false,
  basis: clause(source, where, 'The seed asks for no signature on this table'),
});

/** 居家隔离人员健康监测日报 (seed 004 Part B §二(一)4, §二(二)6; DAILY-005): temperature and symptoms of each person at home. */
export const HOME_ISOLATION_MONITORING: SubmittedTemplate = {
  kind: 'submitted',
  code: 'home_isolation_monitoring',
  version: 1,
  name: '居家隔离人员健康监测日报',
  nameEn: 'Home-isolation daily health monitoring',
  requirements: ['DAILY-005', 'KP-D03'],
  basis: clause(
    'seed 004',
    'Part B §二(一)4',
    'People in home isolation have their temperature taken and their information reported; health staff visit daily (§二(二)6)',
  ),
  frequency: 'daily',
  reporter: COMMUNITIES,
  receiver: 'town',
  deadline: {
    time: '17:00',
    remindMinutesBefore: 60,
    basis: clause('seed 004', 'Part B §二(一)4', 'Daily; the seed gives no hour, 17:00 is configured', true),
  },
  zeroReport: { allowed: true, basis: clause('seed 004', 'Part B §三(五)', 'A zero report when nobody is in home isolation') },
  signature: NO_SIGNATURE('seed 004', 'Part B §二(一)4'),
  columns: [
    { key: 'name', label: '姓名', labelEn: 'Name', type: 'name', required: true },
    { key: 'address', label: '隔离地址', labelEn: 'Address', type: 'address', required: true },
    { key: 'temperature', label: '体温(℃)', labelEn: 'Temperature (°C)', type: 'temperature', required: true },
    { key: 'symptoms', label: '症状', labelEn: 'Symptoms', type: 'choice', required: true, choices: SYMPTOMS },
    { key: 'visitedBy', label: '随访人', labelEn: 'Visited by', type: 'text', required: true },
  ],
  figures: [
    {
      key: 'underHomeQuarantine',
      label: '在管居家隔离人员',
      labelEn: 'Under home quarantine',
      from: { kind: 'platform', platform: { of: 'keyPersons', managementTypes: ['home_quarantine'] } },
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

/** 封闭楼栋居民体温日报 (seed 001 §三(三)3; DAILY-006, KP-M01): one temperature check per resident per day, per building. */
export const SEALED_BUILDING_TEMPERATURE: SubmittedTemplate = {
  kind: 'submitted',
  code: 'sealed_building_temperature',
  version: 1,
  name: '封闭楼栋居民体温日报',
  nameEn: 'Sealed-building daily temperature',
  requirements: ['DAILY-006', 'KP-M01'],
  basis: clause('seed 001', '§三(三)3', 'Residents of a sealed building or unit have their temperature taken once a day'),
  frequency: 'daily',
  reporter: COMMUNITIES,
  receiver: 'town',
  deadline: {
    time: '17:00',
    remindMinutesBefore: 60,
    basis: clause('seed 001', '§三(三)3', 'Once a day; the seed gives no hour, 17:00 is configured', true),
  },
  zeroReport: { allowed: true, basis: clause('seed 001', '§四(二)', 'A zero report when no building is sealed', true) },
  signature: NO_SIGNATURE('seed 001', '§三(三)3'),
  columns: [
    { key: 'building', label: '楼栋（单元）', labelEn: 'Building (unit)', type: 'text', required: true },
    { key: 'residents', label: '居民人数', labelEn: 'Residents', type: 'count', required: true },
    { key: 'checked', label: '已测体温', labelEn: 'Checked', type: 'count', required: true, atMost: 'residents' },
    { key: 'fever', label: '发热人数', labelEn: 'With fever', type: 'count', required: true, atMost: 'checked' },
    { key: 'remarks', label: '备注', labelEn: 'Remarks', type: 'text', required: false },
  ],
  figures: [
    {
      key: 'buildings',
      label: '封闭楼栋',
      labelEn: 'Sealed buildings',
      from: { kind: 'rows' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'residents',
      label: '居民人数',
      labelEn: 'Residents',
      from: { kind: 'columnSum', column: 'residents' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'checked',
      label: '已测体温',
      labelEn: 'Checked',
      from: { kind: 'columnSum', column: 'checked' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
    {
      key: 'fever',
      label: '发热人数',
      labelEn: 'With fever',
      from: { kind: 'columnSum', column: 'fever' },
      aggregate: 'sum',
      onZeroReport: 'zero',
      required: false,
    },
  ],
};
