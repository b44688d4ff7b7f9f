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

/** The entry regimes a community's compounds may run (§18: seed 000's normalized checks, seed 003's four musts). */
export const COMPOUND_ENTRY_REGIMES = ['seed-000/normalized-low-risk', 'seed-003/wuhan-four-musts'] as const;
export type CompoundEntryRegime = (typeof COMPOUND_ENTRY_REGIMES)[number];

const REGIME_RULES: Record<CompoundEntryRegime, CompoundEntryRules> = {
  'seed-000/normalized-low-risk': NORMALIZED_LOW_RISK_ENTRY,
  'seed-003/wuhan-four-musts': WUHAN_FOUR_MUSTS_ENTRY,
};

/** A local profile's choice of entry regime for the compounds of its subtree (SC-42 / SC-43), with its clause. */
export interface CompoundEntryChoice {
  regime: CompoundEntryRegime;
  basis: Clause;
}

/** The regime a compound runs and who chose it: the profile in force (its clause), or none (seed 000's checks). */
export interface CompoundEntryInForce {
  regime: CompoundEntryRegime;
  rules: CompoundEntryRules;
  chosenBy: Clause | null;
}

/**
 * The entry regime under a profile (COMM-013, RULES-001, §18): the one it chooses, else seed 000's normalized
 * checks — the editions set none, so a district that runs the four musts says so in its profile.
 */
export function compoundEntryInForce(profile?: { compoundEntry?: CompoundEntryChoice }): CompoundEntryInForce {
  const choice = profile?.compoundEntry;
  const regime = choice?.regime ?? 'seed-000/normalized-low-risk';
  return { regime, rules: REGIME_RULES[regime], chosenBy: choice?.basis ?? null };
}
