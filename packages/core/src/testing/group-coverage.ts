import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { TestingGroupRule } from '../protocols/protocol-types.ts';

export interface GroupMember {
  joinedOn: CalendarDate;
  /** Asia/Shanghai date of the member's latest sample, if any. */
  lastSampledOn: CalendarDate | null;
}

/** covered: tested inside the cycle; due: to be tested today; overdue: the due date has passed. */
export type MemberTestingState = 'covered' | 'due' | 'overdue';

export interface MemberTestingDecision {
  decision: MemberTestingState;
  /** The date the next test falls due (for a once-only group: the last day it may be taken). */
  dueDate: CalendarDate;
  because: Reason[];
}

function stateOn(today: CalendarDate, dueDate: CalendarDate): MemberTestingState {
  if (today < dueDate) return 'covered';
  return today === dueDate ? 'due' : 'overdue';
}

/**
 * A periodic group is due `everyDays` after the last sample (a new member on the day they join); a
 * once-only group must be tested by day n counting the joining day as day 1, and stays covered after.
 */
export function memberTestingState(rule: TestingGroupRule, member: GroupMember, today: CalendarDate): MemberTestingDecision {
  const reasons = [because(`testing.group.${rule.group}`, rule.basis)];
  const tested = member.lastSampledOn !== null && member.lastSampledOn >= member.joinedOn ? member.lastSampledOn : null;
  if ('onceWithinDays' in rule.cycle) {
    const dueDate = addDays(member.joinedOn, rule.cycle.onceWithinDays - 1);
    if (tested) return { decision: 'covered', dueDate, because: reasons };
    return { decision: today <= dueDate ? 'due' : 'overdue', dueDate, because: reasons };
  }
  const dueDate = tested ? addDays(tested, rule.cycle.everyDays) : member.joinedOn;
  return { decision: stateOn(today, dueDate), dueDate, because: reasons };
}
