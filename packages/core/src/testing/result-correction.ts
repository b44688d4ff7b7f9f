import { because, type Reason } from '../key-persons/reason.ts';
import type { TestingRules } from '../protocols/protocol-types.ts';
import { type FollowUpAction, followUpOf, type LabResult } from './pool-follow-up.ts';

/**
 * What an approved correction of a tube's result sets off:
 * - `fanOut`: the new result's follow-up, run exactly as an imported result would run it;
 * - `closeTasks`: end the tube's own open control, retest and case-candidate tasks;
 * - `closeRetest`: end the member's pool tasks, as a negative single-tube retest does;
 * - `episodeAlert`: tell key-person staff that an episode opened from this tube lost its basis
 *   (a person decides whether it ends; nothing ends it here);
 * - `correctionAlert`: tell the community the result changed, when the new follow-up raises no alert of its own.
 */
export type CorrectionAction = 'fanOut' | 'closeTasks' | 'closeRetest' | 'episodeAlert' | 'correctionAlert';

export interface CorrectionDecision {
  decision: CorrectionAction[];
  because: Reason[];
}

export interface CorrectedTube {
  memberCount: number;
  isRetest: boolean;
  from: LabResult;
  to: LabResult;
}

/** Follow-up that only the new result calls for and the old one had not already set off. */
const STARTS: readonly FollowUpAction[] = ['control', 'caseCandidate', 'keyPerson'];

/**
 * A correction compares what the old and the new result call for (`followUpOf`). What only the new
 * one calls for starts, as on import. Measures are relaxed only when the new result is negative: a
 * correction to a worse or less certain result leaves the tasks already open as they are. A hand-over
 * the new result no longer calls for is reported to a person, never undone here.
 */
export function correctionFollowUpOf(rules: TestingRules, tube: CorrectedTube): CorrectionDecision {
  const shape = { memberCount: tube.memberCount, isRetest: tube.isRetest };
  const before = followUpOf(rules, { ...shape, result: tube.from });
  const after = followUpOf(rules, { ...shape, result: tube.to });
  const started = after.decision.filter((a) => !before.decision.includes(a));
  const decision: CorrectionAction[] = [];
  const reasons: Reason[] = [];
  if (started.some((a) => STARTS.includes(a))) {
    decision.push('fanOut');
    reasons.push(...after.because);
  }
  if (tube.to === 'negative' && tube.from !== 'negative') {
    decision.push('closeTasks', ...(after.decision.includes('closeRetest') ? (['closeRetest'] as const) : []));
    reasons.push(because('testing.correctedNegative', rules.followUp.retestNegative));
  }
  if (before.decision.includes('keyPerson') && !after.decision.includes('keyPerson')) {
    decision.push('episodeAlert');
    reasons.push(because('testing.correctionEpisodeBasis', rules.followUp.positiveSingle));
  }
  if (!(decision.includes('fanOut') && started.includes('communityAlert'))) {
    decision.push('correctionAlert');
    const alerted = tube.to === 'negative' ? before : after;
    reasons.push(...alerted.because.map((r) => ({ ...r, rule: 'testing.correctionAlert' })));
  }
  return { decision, because: reasons };
}
