import type { CodeColour } from '../codes/code-types.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { CompoundControl, CompoundEntryRules, EntryCheck } from './compound-entry-rules.ts';

/** What the gate recorded of one outsider: the checks done, the colour scanned and the temperature taken. */
export interface OutsiderAtGate {
  done: readonly EntryCheck[];
  colour: CodeColour | null;
  temperatureTenths: number | null;
}

export interface CompoundEntryVerdict {
  allowed: boolean;
  /** The required checks not done, in the rule's order. */
  missing: EntryCheck[];
  because: Reason[];
}

/** COMM-013 / SC-42 / SC-43: every required check done, a colour let in and no fever, else no entry (and why). */
export function compoundEntryVerdict(rules: CompoundEntryRules, outsider: OutsiderAtGate): CompoundEntryVerdict {
  const missing = rules.required.filter((check) => !outsider.done.includes(check));
  const colourRefused = outsider.colour !== null && !rules.colours.includes(outsider.colour);
  const fever = outsider.temperatureTenths !== null && outsider.temperatureTenths >= rules.feverTenths;
  const rule = missing.length > 0 ? 'entry.missingCheck' : colourRefused ? 'entry.colour' : fever ? 'entry.fever' : 'entry.allowed';
  return { allowed: rule === 'entry.allowed', missing, because: [because(rule, rules.basis)] };
}

/** ZONE-009 / SC-42: a control barred under the regime cannot be configured for the community (null: it may). */
export function compoundControlProblem(rules: CompoundEntryRules, control: CompoundControl): Reason | null {
  return rules.forbiddenControls.includes(control) ? because('entry.controlForbidden', rules.basis) : null;
}
