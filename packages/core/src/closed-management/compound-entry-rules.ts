import type { CodeColour } from '../codes/code-types.ts';
import { clause } from '../protocols/clause.ts';
import type { Clause } from '../protocols/protocol-types.ts';

/** What the gate of a compound records of an outsider (COMM-013): code, temperature, mask, their details. */
export const ENTRY_CHECKS = ['code_scanned', 'temperature_taken', 'masked', 'registered'] as const;
export type EntryCheck = (typeof ENTRY_CHECKS)[number];

/** Controls a community may configure on its compounds (ZONE-009: 硬隔离 / 物理隔离 / 封闭管理). */
export const COMPOUND_CONTROLS = ['closed_management', 'hard_isolation', 'physical_isolation'] as const;
export type CompoundControl = (typeof COMPOUND_CONTROLS)[number];

/** The entry rule of a compound under one regime: the checks, the colours let in, the fever line, the controls barred. */
export interface CompoundEntryRules {
  id: string;
  required: readonly EntryCheck[];
  colours: readonly CodeColour[];
  feverTenths: number;
  /** Controls that may not be configured under this regime (不得超范围). */
  forbiddenControls: readonly CompoundControl[];
  basis: Clause;
}

const FEVER_GAP = 'the fever threshold is not in the seeds: 37.3 °C configured';

/** seed 000 §三(二)7 (normalized regime, low-risk or no case): outsiders enter after registration, temperature and code. */
export const NORMALIZED_LOW_RISK_ENTRY: CompoundEntryRules = {
  id: 'seed-000/normalized-low-risk',
  required: ['code_scanned', 'temperature_taken', 'registered'],
  colours: ['green'],
  feverTenths: 373,
  forbiddenControls: ['closed_management', 'hard_isolation', 'physical_isolation'],
  basis: clause(
    'seed 000',
    '§三(二)7',
    `Low-risk communities lift closed management and use no hard or physical isolation; outsiders enter with registration, temperature and code checks (${FEVER_GAP})`,
  ),
};

/** seed 003 item 5 (Wuhan): the four musts for everyone entering: code scanned, temperature, mask, strangers recorded. */
export const WUHAN_FOUR_MUSTS_ENTRY: CompoundEntryRules = {
  id: 'seed-003/wuhan-four-musts',
  required: ['code_scanned', 'temperature_taken', 'masked', 'registered'],
  colours: ['green'],
  feverTenths: 373,
  forbiddenControls: [],
  basis: clause('seed 003', 'item 5', `健康码必扫、体温必查、口罩必戴、生人信息必录: any one missing, no entry (${FEVER_GAP})`),
};

/** seed 000 §三(二)3 (schools): everyone entering a campus has their temperature taken and shows a green code. */
export const CAMPUS_GATE_ENTRY: CompoundEntryRules = {
  id: 'seed-000/campus-gate',
  required: ['code_scanned', 'temperature_taken'],
  colours: ['green'],
  feverTenths: 373,
  forbiddenControls: [],
  basis: clause('seed 000', '§三(二)3', `Campus entry: temperature check and a green health code (${FEVER_GAP})`),
};
