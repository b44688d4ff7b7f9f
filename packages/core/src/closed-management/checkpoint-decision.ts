import { addDays, type CalendarDate, daysBetween, shanghaiDate } from '../calendar/calendar-date.ts';
import type { CodeColour } from '../codes/code-types.ts';
import type { Clause } from '../protocols/protocol-types.ts';
import type { ControlZoneType } from '../protocols/zone-types.ts';
import type { CheckpointDecision, CheckpointRules, Shift } from './checkpoint-rules.ts';

export interface CheckpointReason extends Clause {
  /** Message key, e.g. `checkpoint.colour.red`. */
  rule: string;
}

export interface CheckpointVerdict {
  decision: CheckpointDecision;
  colour: CodeColour | null;
  because: CheckpointReason[];
  ruleVersion: string;
}

/**
 * The code as the checkpoint saw it: the colour signed into the token, and — online — the person's
 * colour now (`colourNow`); or why the token did not verify.
 */
export type SeenCode = { valid: true; colour: CodeColour; colourNow?: CodeColour } | { valid: false; reason: string };

/**
 * Decision per colour; a forged or expired code is refused with why (seed 001 §三(二)1). Online,
 * the colour now decides: a paper or screenshot code printed green for a person who has since turned
 * yellow or red answers as the electronic code would (issue 12 defect 4; CODE-002, CODE-006, SC-67), and
 * the reasons say the colour changed since the code was issued.
 */
export function checkpointDecision(rules: CheckpointRules, code: SeenCode): CheckpointVerdict {
  if (!code.valid) {
    const { decision, basis } = rules.invalidCode;
    return { decision, colour: null, because: [{ rule: `checkpoint.invalid.${code.reason}`, ...basis }], ruleVersion: rules.version };
  }
  const colour = code.colourNow ?? code.colour;
  const { decision, basis } = rules.byColour[colour];
  const changed: CheckpointReason[] = colour === code.colour ? [] : [{ rule: `checkpoint.changedSince.${code.colour}`, ...basis }];
  return { decision, colour, because: [...changed, { rule: `checkpoint.colour.${colour}`, ...basis }], ruleVersion: rules.version };
}

export interface StaffingProblem extends Clause {
  rule: 'checkpoint.staffing.short';
  shift: Shift;
  minimum: number;
  onDuty: number;
}

/** An empty list when the shift is staffed; otherwise how many are missing and the clause. */
export function staffingProblems(rules: CheckpointRules, shift: Shift, staffCount: number): StaffingProblem[] {
  const { minimum, basis } = rules.staffing[shift];
  return staffCount >= minimum ? [] : [{ rule: 'checkpoint.staffing.short', shift, minimum, onDuty: staffCount, ...basis }];
}

export type PassVerdict =
  | { allowed: true; because: CheckpointReason[] }
  | { allowed: false; because: CheckpointReason[]; nextAllowedDate: CalendarDate | null };

/**
 * `persons` going out per `everyDays` days (Asia/Shanghai dates): a use on day D blocks until D + everyDays.
 * Only outward uses count; returning is always allowed. A household inside a sealed zone does not go out
 * at all while the zone stands (no next date: the zone's lifting decides, issue 14).
 */
export function passUseAllowed(
  rules: CheckpointRules,
  outUses: readonly Date[],
  now: Date,
  zoneTypes: readonly ControlZoneType[] = [],
): PassVerdict {
  if (zoneTypes.some((type) => rules.sealedZone.zoneTypes.includes(type)))
    return { allowed: false, because: [{ rule: 'checkpoint.pass.sealedZone', ...rules.sealedZone.basis }], nextAllowedDate: null };
  const { persons, everyDays, basis } = rules.pass;
  const today = shanghaiDate(now);
  const recent = outUses.map(shanghaiDate).filter((date) => date <= today && daysBetween(date, today) < everyDays);
  if (recent.length < persons) return { allowed: true, because: [{ rule: 'checkpoint.pass.allowed', ...basis }] };
  const earliest = recent.sort()[recent.length - persons] as CalendarDate;
  return { allowed: false, because: [{ rule: 'checkpoint.pass.tooSoon', ...basis }], nextAllowedDate: addDays(earliest, everyDays) };
}
