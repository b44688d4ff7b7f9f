import { addDays, type DutyShiftKind, daysBetween, daysWithoutCover, invalid, isCalendarDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { headquartersInScope, phonesVisible } from './command-access.ts';
import { dutyBetween, replaceDuty } from './duty.repository.ts';
import { bumpHeadquarters, findRosterMember, type HeadquartersRow } from './organization.repository.ts';
import { rosterPhone } from './roster-view.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/** How many days one read of the schedule may span (a page of the calendar, not a rule). */
const MAX_SPAN_DAYS = 62;

function checkedSpan(from: string, to: string): string[] {
  if (!isCalendarDate(from)) throw invalid('from', 'invalidDate');
  if (!isCalendarDate(to)) throw invalid('to', 'invalidDate');
  const span = daysBetween(from, to);
  if (span < 0 || span >= MAX_SPAN_DAYS) throw invalid('to', 'invalidValue', { detail: `0–${MAX_SPAN_DAYS - 1} days after from` });
  return Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
}

/** The headquarters' duty schedule over a period, and the days without 24-hour cover (ORG-065). */
export async function dutyOf(deps: Deps, context: RequestContext, hqId: string, from: string, to: string) {
  const db = deps.database.db;
  const days = checkedSpan(from, to);
  const hq = await headquartersInScope(db, context, hqId, 'command.read');
  const visible = await phonesVisible(db, context, hq);
  const rows = await dutyBetween(db, hq.id, from, to);
  const items = rows.map(({ duty, member }) => ({
    id: duty.id,
    dutyDate: duty.dutyDate,
    shift: duty.shift,
    dutyRole: duty.dutyRole,
    rosterMemberId: member.id,
    name: member.name,
    title: member.title,
    phone: rosterPhone(deps.cipher, member, visible),
  }));
  return { items, uncovered: daysWithoutCover(days, items) };
}

export interface DutySlot {
  dutyDate: string;
  shift: DutyShiftKind;
  leaderRosterMemberId?: string;
  officerRosterMemberIds: string[];
}

async function onRosterOf(db: Db, hq: HeadquartersRow, id: string, field: string) {
  const member = await findRosterMember(db, id);
  if (member?.headquartersId !== hq.id) throw invalid(field, 'notInHeadquarters');
  return member.id;
}

/** Who is on duty for one day and shift: a leader (带班领导) and officers (值班员) from the headquarters' roster. */
export async function setDuty(deps: Deps, context: RequestContext, hqId: string, slot: DutySlot) {
  const db = deps.database.db;
  if (!isCalendarDate(slot.dutyDate)) throw invalid('dutyDate', 'invalidDate');
  const hq = await headquartersInScope(db, context, hqId, 'command.write');
  const leader = slot.leaderRosterMemberId ? await onRosterOf(db, hq, slot.leaderRosterMemberId, 'leaderRosterMemberId') : null;
  const officers: string[] = [];
  for (const id of new Set(slot.officerRosterMemberIds)) {
    if (id !== leader) officers.push(await onRosterOf(db, hq, id, 'officerRosterMemberIds'));
  }
  const people = [
    ...(leader ? [{ rosterMemberId: leader, dutyRole: 'leader' }] : []),
    ...officers.map((rosterMemberId) => ({ rosterMemberId, dutyRole: 'officer' })),
  ];
  await db.transaction(async (tx) => {
    await replaceDuty(
      tx,
      { headquartersId: hq.id, dutyDate: slot.dutyDate, shift: slot.shift, jurisdictionPath: hq.jurisdictionPath },
      people,
    );
    await bumpHeadquarters(tx, hq.id);
    await recordAudit(tx, context, {
      action: 'command.setDuty',
      entityType: 'headquarters',
      entityId: hq.id,
      jurisdictionPath: hq.jurisdictionPath,
      after: { dutyDate: slot.dutyDate, shift: slot.shift, leader, officers },
    });
  });
  return dutyOf(deps, context, hq.id, slot.dutyDate, slot.dutyDate);
}
