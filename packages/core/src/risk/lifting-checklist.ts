import { addDays, type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { LiftingRule } from '../protocols/zone-types.ts';

export const LIFTING_ITEMS = ['quietPeriod', 'contactsNegative', 'areaScreening'] as const;
export type LiftingItem = (typeof LIFTING_ITEMS)[number];

/** What the checklist is evaluated from: plain counts and dates the server gathers. */
export interface LiftingInputs {
  startDate: CalendarDate;
  /** The latest report date of a case among the zone's residents (or at its units), if any. */
  lastCaseDate: CalendarDate | null;
  /** The close contacts of the zone's cases, and how many of them have a negative last test. */
  contacts: { total: number; lastNegative: number };
  /** The zone's residents, and how many tested negative / positive on or after `screeningFrom` (see below). */
  screening: { residents: number; negative: number; positive: number };
}

export interface LiftingCheck {
  item: LiftingItem;
  holds: boolean;
  because: Reason[];
  facts: Record<string, number | string | null>;
}

export interface LiftingChecklist {
  holds: boolean;
  /** The day the quiet period counts from and the screening must be after: the later of the start and the last case. */
  screeningFrom: CalendarDate;
  /** The first day the quiet period holds. */
  quietUntil: CalendarDate;
  items: LiftingCheck[];
}

const later = (a: CalendarDate, b: CalendarDate | null) => (b && b > a ? b : a);

function quietCheck(rule: LiftingRule, from: CalendarDate, inputs: LiftingInputs, asOf: CalendarDate): LiftingCheck {
  const quietDays = daysBetween(from, asOf);
  return {
    item: 'quietPeriod',
    holds: quietDays >= rule.quietDays,
    because: [because('zone.lifting.quietPeriod', rule.quietBasis)],
    facts: { requiredDays: rule.quietDays, quietDays, since: from, lastCaseDate: inputs.lastCaseDate },
  };
}

/**
 * The lifting checklist of a zone (ZONE-017, issue 14): no new case for the period, every close contact's
 * last test negative, and an area-wide screening after the last case all negative — as the zone type's rule
 * asks. An item the rule does not ask for is left out. Lifting before it holds is an audited override.
 */
export function liftingChecklist(rule: LiftingRule, inputs: LiftingInputs, asOf: CalendarDate): LiftingChecklist {
  const from = later(inputs.startDate, inputs.lastCaseDate);
  const items = [quietCheck(rule, from, inputs, asOf)];
  if (rule.contactsNegative)
    items.push({
      item: 'contactsNegative',
      holds: inputs.contacts.lastNegative >= inputs.contacts.total,
      because: [because('zone.lifting.contactsNegative', rule.contactsNegative)],
      facts: { contacts: inputs.contacts.total, lastNegative: inputs.contacts.lastNegative },
    });
  if (rule.areaScreening)
    items.push({
      item: 'areaScreening',
      holds: inputs.screening.residents > 0 && inputs.screening.negative >= inputs.screening.residents && inputs.screening.positive === 0,
      because: [because('zone.lifting.areaScreening', rule.areaScreening)],
      facts: {
        residents: inputs.screening.residents,
        negative: inputs.screening.negative,
        positive: inputs.screening.positive,
        since: from,
      },
    });
  return { holds: items.every((i) => i.holds), screeningFrom: from, quietUntil: addDays(from, rule.quietDays), items };
}
