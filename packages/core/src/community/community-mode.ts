import { levelOfDivisionCode } from '../jurisdiction/levels.ts';
import { ancestorPaths } from '../jurisdiction/path-from-scope.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { CommunityModeRules } from '../protocols/community-seed-001.ts';
import type { CaseClassification } from '../protocols/protocol-types.ts';

export const COMMUNITY_MODES = ['keep_out', 'stop_spread'] as const;
export type CommunityMode = (typeof COMMUNITY_MODES)[number];

/** The community (village-level jurisdiction) a path lies in: `/…/320412100002/320412100002001/` → `/…/320412100002/`; null above one. */
export function communityPathOf(path: string): string | null {
  return (
    ancestorPaths(path).find((ancestor) => levelOfDivisionCode(ancestor.split('/').filter(Boolean).at(-1) ?? '') === 'village') ?? null
  );
}

/** Whether a case of this classification counts for the community's mode (suspected or confirmed; LVL-020). */
export const countsForMode = (rules: CommunityModeRules, classification: CaseClassification): boolean =>
  rules.classifications.includes(classification);

/** LVL-020, SC-26: the community's mode from its residents' open suspected or confirmed cases, with the clause. */
export function communityMode(rules: CommunityModeRules, openCases: number): { mode: CommunityMode; because: Reason[] } {
  if (openCases >= rules.stopSpreadAt) return { mode: 'stop_spread', because: [because('stopSpread', rules.stopSpread)] };
  return { mode: 'keep_out', because: [because('keepOut', rules.keepOut), because('backWhenClosed', rules.backWhenClosed)] };
}

/** SC-26: this case switches the community over — the open cases before it kept infection out, with it they stop spread. */
export function switchesToStopSpread(rules: CommunityModeRules, openCasesBefore: number): boolean {
  return communityMode(rules, openCasesBefore).mode === 'keep_out' && communityMode(rules, openCasesBefore + 1).mode === 'stop_spread';
}
