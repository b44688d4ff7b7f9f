import {
  type ContactCategory,
  type ContactReason,
  type ExposureKind,
  type InfectiousWindow,
  infectiousWindow,
  invalid,
  notFound,
  pathInScope,
  reasonText,
  scopePaths,
  shanghaiDate,
  type TracingRules,
  tracingRules,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { editionById } from '../protocols/protocol-in-force.ts';
import { coLocatedPeople } from './co-location.service.ts';
import {
  type CaseRow,
  eventsWithParticipant,
  findCase,
  householdMembers,
  householdOf,
  type PersonBrief,
  peopleByIds,
  placeNames,
  rosterColleagues,
} from './contact.repository.ts';

export interface Candidate {
  personId: string;
  name: string;
  idMasked: string;
  jurisdictionPath: string;
  kind: ExposureKind;
  reason: { zh: string; en: string };
  /** Every reason found for the person (the first is the strongest). */
  reasons: { kind: ExposureKind; zh: string; en: string }[];
  suggestedCategory: ContactCategory;
  placeId: string | null;
  exposedFrom: Date | null;
  exposedTo: Date;
  context: Record<string, unknown>;
}

interface Found {
  person: PersonBrief;
  reason: ContactReason;
  placeId: string | null;
  exposedFrom: Date | null;
  exposedTo: Date;
  context: Record<string, unknown>;
}

export interface TracedCase {
  row: CaseRow;
  rules: TracingRules;
  window: InfectiousWindow;
}

/** The case in the caller's scope with its edition's rules and infectious window; another jurisdiction gets 404. */
export async function tracedCase(db: Db, context: RequestContext, caseId: string, now: Date): Promise<TracedCase> {
  const row = await findCase(db, caseId);
  if (!row || !pathInScope(row.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.read'))) throw notFound('caseId');
  const edition = await editionById(db, row.editionId);
  if (!edition) throw invalid('editionId', 'unknownEdition');
  const rules = tracingRules(edition);
  const window = infectiousWindow({ onsetDate: row.onsetDate, sampledDate: shanghaiDate(row.discoveredAt) }, rules, now);
  return { row, rules, window };
}

async function householdFound(db: Db, c: TracedCase): Promise<Found[]> {
  const home = await householdOf(db, c.row.personId);
  if (!home?.householdId) return [];
  const members = await householdMembers(db, home.householdId, c.row.personId);
  const reason: ContactReason = { kind: 'household', householdName: home.householdName ?? '' };
  return members.map((person) => ({
    person,
    reason,
    placeId: home.householdId,
    exposedFrom: c.window.from,
    exposedTo: c.window.to,
    context: { householdId: home.householdId },
  }));
}

async function rosterFound(db: Db, c: TracedCase): Promise<Found[]> {
  const colleagues = await rosterColleagues(db, c.row.personId);
  return colleagues.map((person) => ({
    person,
    reason: { kind: 'workplace', placeName: person.unitName, unit: null },
    placeId: null,
    exposedFrom: c.window.from,
    exposedTo: c.window.to,
    context: { unitName: person.unitName },
  }));
}

async function eventFound(db: Db, c: TracedCase): Promise<Found[]> {
  const events = (await eventsWithParticipant(db, c.row.personId)).filter((e) => e.toAt >= c.window.from && e.fromAt <= c.window.to);
  const ids = [...new Set(events.flatMap((e) => e.participantIds))].filter((id) => id !== c.row.personId);
  const people = new Map((await peopleByIds(db, ids)).map((p) => [p.personId, p]));
  const places = new Map(
    (
      await placeNames(
        db,
        events.flatMap((e) => (e.placeId ? [e.placeId] : [])),
      )
    ).map((p) => [p.id, p.name]),
  );
  return events.flatMap((e) =>
    e.participantIds.flatMap((id) => {
      const person = people.get(id);
      if (!person) return [];
      const placeName = (e.placeId ? places.get(e.placeId) : null) ?? e.placeText ?? null;
      const reason: ContactReason = { kind: 'event', eventName: e.name, placeName, from: e.fromAt, to: e.toAt };
      return [{ person, reason, placeId: e.placeId, exposedFrom: e.fromAt, exposedTo: e.toAt, context: { eventId: e.id } }];
    }),
  );
}

async function coLocationFound(db: Db, c: TracedCase): Promise<Found[]> {
  const found = await coLocatedPeople(db, c.row.personId, c.window, [], c.rules);
  const people = new Map((await peopleByIds(db, [...new Set(found.map((f) => f.personId))])).map((p) => [p.personId, p]));
  const places = new Map((await placeNames(db, [...new Set(found.map((f) => f.placeId))])).map((p) => [p.id, p.name]));
  return found.flatMap((f) => {
    const person = people.get(f.personId);
    if (!person) return [];
    const placeName = places.get(f.placeId) ?? '';
    const reason: ContactReason = {
      kind: 'co_location',
      placeName,
      from: f.visit.from,
      to: f.visit.to,
      firstScanAt: f.firstScanAt,
      lastScanAt: f.lastScanAt,
    };
    return [{ person, reason, placeId: f.placeId, exposedFrom: f.firstScanAt, exposedTo: f.lastScanAt, context: { scans: f.scans } }];
  });
}

/**
 * Contact candidates of a case (REQUIREMENTS CASE-003, KP-D05): household, roster colleagues, events the
 * case took part in and co-location, one per person (strongest reason first, all reasons kept), each with
 * why and the category the edition suggests. People already decided (confirmed or rejected) are left out.
 */
export async function findCandidates(db: Db, c: TracedCase, decided: ReadonlySet<string>): Promise<Candidate[]> {
  const all = [
    ...(await householdFound(db, c)),
    ...(await rosterFound(db, c)),
    ...(await eventFound(db, c)),
    ...(await coLocationFound(db, c)),
  ];
  const byPerson = new Map<string, Candidate>();
  for (const f of all) {
    if (decided.has(f.person.personId) || f.person.personId === c.row.personId) continue;
    const text = reasonText(f.reason);
    const known = byPerson.get(f.person.personId);
    if (known) {
      known.reasons.push(text);
      continue;
    }
    byPerson.set(f.person.personId, {
      ...f.person,
      kind: text.kind,
      reason: { zh: text.zh, en: text.en },
      reasons: [text],
      suggestedCategory: c.rules.defaultCategory[text.kind],
      placeId: f.placeId,
      exposedFrom: f.exposedFrom,
      exposedTo: f.exposedTo,
      context: f.context,
    });
  }
  return [...byPerson.values()];
}
