import { type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import type { SchoolReturnRules } from '../protocols/protocol-types.ts';

/** A school member before the return: key-area stays (theirs or a family member's) and their community's last outbreak. */
export interface SchoolMemberHistory {
  returnDate: CalendarDate;
  keyAreaStays: readonly { who: 'self' | 'family'; leftOn: CalendarDate }[];
  /** The day an outbreak was last found in the member's community (village), if ever. */
  communityOutbreakOn: CalendarDate | null;
}

const within = (date: CalendarDate, returnDate: CalendarDate, days: number) => date <= returnDate && daysBetween(date, returnDate) <= days;

/** TEST-001 (10) / SC-52: whether the member is on the mandatory-testing list before the return, and why. */
export function schoolReturnTestingListed(rules: SchoolReturnRules, member: SchoolMemberHistory): { listed: boolean; because: Reason[] } {
  const stay = member.keyAreaStays.find(
    (s) => (s.who === 'self' || rules.familyCounts) && within(s.leftOn, member.returnDate, rules.historyDays),
  );
  if (stay) return { listed: true, because: [because(`schoolReturn.keyArea.${stay.who}`, rules.basis)] };
  const outbreak = member.communityOutbreakOn !== null && within(member.communityOutbreakOn, member.returnDate, rules.outbreakDays);
  return { listed: outbreak, because: [because(outbreak ? 'schoolReturn.communityOutbreak' : 'schoolReturn.none', rules.basis)] };
}
