import {
  arrivalCategoryFor,
  type CalendarDate,
  conflict,
  type DateWindowVerdict,
  dateWindowVerdict,
  householdStates,
  type IdType,
  invalid,
  isCalendarDate,
  type KeyPersonCategory,
  maskName,
  notFound,
  pathInScope,
  type Reason,
  RISK_LEVELS,
  type RiskLevel,
  screeningProgress,
  shanghaiDate,
  symptomaticTransportMode,
  symptomaticTransportProblem,
  type TransportMode,
  type TravelStop,
  type VisitOutcome,
  type VisitSummary,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { onBehalfOfCommunity } from '../closed-management/checkpoints/outsider.service.ts';
import { issueFollowUp } from '../institutions/institution-follow-up.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { findActiveEpisode } from '../key-persons/episode.repository.ts';
import { registerEpisode } from '../key-persons/episode.service.ts';
import { findPersonByIdHash, householdMembers } from '../persons/person.repository.ts';
import { registerPersonIn } from '../persons/person.service.ts';
import { idLookupHash } from '../persons/person-record.ts';
import {
  closeRoundRow,
  findRound,
  householdsOf,
  insertRound,
  insertVisit,
  membersOfHouseholds,
  publishedGradeOver,
  publishedRiskPlaces,
  type RoundRow,
  roundsUnder,
  setVisitFindings,
  type VisitRow,
  visitsOfRound,
} from './community.repository.ts';
import { communityInScope, communityRules, filterPaths, householdInScope, scopeOf } from './community-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface StopInput {
  place: string;
  jurisdictionId?: string;
  inbound: boolean;
  leftOn: CalendarDate;
}

export interface FindingInput {
  personId?: string;
  newPerson?: { name: string; idType: IdType; idNumber: string; phone?: string };
  present: boolean;
  symptoms: string[];
  travel: StopInput[];
  /** SC-54: how a symptomatic person is to reach care (the rules' own mode when not given). */
  transportMode?: TransportMode;
  /** SC-40 / KP-G04: where the returnee came from (most specific place first) and the day they arrived. */
  arrival?: { areas: string[]; arrivedOn: CalendarDate };
}

export interface VisitInput {
  householdId: string;
  outcome: VisitOutcome;
  note?: string;
  people: FindingInput[];
}

/** What a visit found about one person, as stored in `screening_visit.findings`. */
export interface Finding {
  personId: string;
  present: boolean;
  symptoms: string[];
  travel: TravelStop[];
  category: KeyPersonCategory | null;
  episodeId: string | null;
  /** The medical follow-up a symptomatic person starts (COMM-040, seed 001 §三(四)4). */
  taskId?: string | null;
  /** SC-54: the transport mode set on a symptomatic person's record, as core `symptomaticTransportMode` answers. */
  transport?: { mode: TransportMode; because: Reason[] } | null;
  /** SC-40 / KP-G04: the date-window verdict (core `dateWindowVerdict`) and, when listed, what the rules prescribe. */
  dateWindow?: (DateWindowVerdict & { management: string; goingOut: boolean }) | null;
  because: Reason[];
}

const asGrade = (value: string | null): RiskLevel | null =>
  (RISK_LEVELS as readonly string[]).includes(value ?? '') ? (value as RiskLevel) : null;
const findingsOf = (visit: VisitRow) => visit.findings as Finding[];

function summaryOf(visit: VisitRow): VisitSummary {
  const findings = findingsOf(visit);
  return {
    householdId: visit.householdId,
    outcome: visit.outcome as VisitOutcome,
    categories: findings.flatMap((f) => (f.category ? [f.category] : [])),
    symptomatic: findings.filter((f) => f.symptoms.length > 0).length,
  };
}

const shownRound = (round: RoundRow) => ({
  id: round.id,
  name: round.name,
  startedOn: round.startedOn,
  status: round.status,
  rulesVersion: round.rulesVersion,
  jurisdictionId: round.jurisdictionId,
  closedAt: round.closedAt?.toISOString() ?? null,
});

async function roundInScope(db: Db, context: RequestContext, id: string, permission: 'community.read' | 'community.write') {
  const round = await findRound(db, id);
  if (!round || !pathInScope(round.jurisdictionPath, scopeOf(context, permission))) throw notFound('id');
  return round;
}

/** Starts a round over every household of a community (COMM-040: door to door, nobody missed). */
export async function startRound(deps: Deps, context: RequestContext, input: { jurisdictionId: string; name: string }) {
  const db = deps.database.db;
  const community = await communityInScope(db, context, input.jurisdictionId, 'community.write');
  if (!input.name.trim()) throw invalid('name', 'required');
  return db.transaction(async (tx) => {
    const round = await insertRound(tx, {
      name: input.name.trim(),
      startedOn: shanghaiDate(deps.clock()),
      rulesVersion: communityRules().version,
      startedBy: context.actor.userId,
      jurisdictionId: community.id,
      jurisdictionPath: community.path,
    });
    await recordAudit(tx, context, {
      action: 'community.round.start',
      entityType: 'screening_round',
      entityId: round.id,
      jurisdictionPath: community.path,
      after: { name: round.name, communityId: community.id },
    });
    return shownRound(round);
  });
}

/** Rounds in scope (or one community's), each with its progress. */
export async function listRounds(deps: Deps, context: RequestContext, jurisdictionId?: string) {
  const db = deps.database.db;
  const rounds = await roundsUnder(db, await filterPaths(db, context, 'community.read', jurisdictionId));
  const items = [];
  for (const round of rounds) {
    const households = await householdsOf(db, round.jurisdictionPath);
    const visits = await visitsOfRound(db, round.id);
    items.push({
      ...shownRound(round),
      progress: screeningProgress(
        households.map((h) => h.id),
        visits.map(summaryOf),
      ),
    });
  }
  return { items };
}

/** A round: progress, and each household with its state, its members (names masked) and its last visit. */
export async function roundDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const round = await roundInScope(db, context, id, 'community.read');
  const households = await householdsOf(db, round.jurisdictionPath);
  const visits = await visitsOfRound(db, round.id);
  const ids = households.map((h) => h.id);
  const states = householdStates(ids, visits.map(summaryOf));
  const members = await membersOfHouseholds(db, ids);
  const found = visits.flatMap((v) =>
    findingsOf(v)
      .filter((f) => f.category !== null || f.taskId || f.dateWindow?.listed)
      .map((f) => ({ ...f, householdId: v.householdId })),
  );
  const names = new Map(members.map((m) => [m.id, maskName(m.name)]));
  return {
    ...shownRound(round),
    progress: screeningProgress(ids, visits.map(summaryOf)),
    households: households.map((h) => ({
      ...h,
      state: states.get(h.id) ?? 'to_visit',
      members: members
        .filter((m) => m.householdId === h.id)
        .map((m) => ({ id: m.id, name: maskName(m.name), householdRole: m.householdRole })),
      visits: visits.filter((v) => v.householdId === h.id).length,
    })),
    found: found.map((f) => ({
      personId: f.personId,
      name: names.get(f.personId) ?? '',
      householdId: f.householdId,
      category: f.category,
      episodeId: f.episodeId,
      taskId: f.taskId ?? null,
      transportMode: f.transport?.mode ?? null,
      dateWindow: f.dateWindow ?? null,
      because: f.because,
    })),
  };
}

export async function closeRound(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const round = await roundInScope(db, context, id, 'community.write');
  if (round.status !== 'open') throw conflict('id', 'roundClosed');
  return db.transaction(async (tx) => {
    const closed = await closeRoundRow(tx, round.id, deps.clock());
    await recordAudit(tx, context, {
      action: 'community.round.close',
      entityType: 'screening_round',
      entityId: round.id,
      jurisdictionPath: round.jurisdictionPath,
      after: { status: 'closed' },
    });
    return shownRound(closed);
  });
}

/** Bad input refused before anything is written, naming the field. */
async function checkVisit(db: Db, input: VisitInput, memberIds: Set<string>, today: CalendarDate) {
  if (input.outcome === 'not_home' && input.people.length > 0) throw invalid('people', 'nobodyHome');
  if (input.outcome === 'screened' && input.people.length === 0) throw invalid('people', 'required');
  for (const [i, p] of input.people.entries()) {
    if (Boolean(p.personId) === Boolean(p.newPerson)) throw invalid(`people.${i}.personId`, 'personOrNewPerson');
    if (p.personId && !memberIds.has(p.personId)) throw invalid(`people.${i}.personId`, 'notInHousehold');
    const transport = p.transportMode ? symptomaticTransportProblem(communityRules().screening, p.transportMode) : null;
    if (transport && p.symptoms.length > 0) throw invalid(`people.${i}.${transport.field}`, transport.reason);
    if (p.arrival && !isCalendarDate(p.arrival.arrivedOn)) throw invalid(`people.${i}.arrival.arrivedOn`, 'invalidDate');
    if (p.arrival && p.arrival.arrivedOn > today) throw invalid(`people.${i}.arrival.arrivedOn`, 'futureDate');
    for (const [j, stop] of p.travel.entries()) {
      const field = `people.${i}.travel.${j}`;
      if (!isCalendarDate(stop.leftOn)) throw invalid(`${field}.leftOn`, 'invalidDate');
      if (stop.leftOn > today) throw invalid(`${field}.leftOn`, 'futureDate');
      if (!stop.place.trim()) throw invalid(`${field}.place`, 'required');
      if (stop.jurisdictionId && !(await findJurisdictionById(db, stop.jurisdictionId)))
        throw invalid(`${field}.jurisdictionId`, 'unknown');
    }
  }
}

/** The grade published over each stay when screened (a place or an ancestor graded). */
async function gradedStops(db: Db, travel: StopInput[]): Promise<TravelStop[]> {
  const stops: TravelStop[] = [];
  for (const stop of travel) {
    const where = stop.jurisdictionId ? await findJurisdictionById(db, stop.jurisdictionId) : undefined;
    const riskGrade = where ? asGrade(await publishedGradeOver(db, where.path)) : null;
    stops.push({ place: stop.place.trim(), riskGrade, inbound: stop.inbound, leftOn: stop.leftOn });
  }
  return stops;
}

type Household = Awaited<ReturnType<typeof householdInScope>>;

async function personOf(tx: Db, deps: Deps, community: RequestContext, p: FindingInput, household: Household): Promise<string> {
  if (p.personId) return p.personId;
  const fresh = p.newPerson as NonNullable<FindingInput['newPerson']>; // checkVisit: one of the two is set
  const held = await findPersonByIdHash(tx, idLookupHash(deps.cipher, fresh.idType, fresh.idNumber));
  if (held) return held.id;
  const facts = { idType: fresh.idType, idNumber: fresh.idNumber, name: fresh.name, phone: fresh.phone ?? null };
  return (await registerPersonIn(tx, deps, community, { ...facts, jurisdictionId: household.jurisdictionId, householdId: household.id }))
    .id;
}

/**
 * One person found at home: the arrival category the rules give (core `arrivalCategoryFor`), and the key-person
 * episode it opens through the key-person service, written for the community (seed 001 §三(四)2).
 */
async function screenPerson(tx: Db, deps: Deps, community: RequestContext, p: FindingInput, household: Household): Promise<Finding> {
  const today = shanghaiDate(deps.clock());
  const personId = await personOf(tx, deps, community, p, household);
  const travel = await gradedStops(tx, p.travel);
  const verdict = arrivalCategoryFor(communityRules().screening, travel, today);
  const because =
    p.symptoms.length > 0
      ? [...verdict.because, { rule: 'screening.symptomatic', ...communityRules().screening.symptomatic.basis }]
      : verdict.because;
  const asked = { transport: transportOf(p), dateWindow: dateWindowOf(p) };
  if (!verdict.category)
    return { personId, present: p.present, symptoms: p.symptoms, travel, category: null, episodeId: null, ...asked, because };
  const place = verdict.stop === null ? '' : (travel[verdict.stop]?.place ?? '');
  const episode =
    (await findActiveEpisode(tx, personId, verdict.category)) ??
    (await registerEpisode(
      deps,
      community,
      { personId, category: verdict.category, startDate: today, source: 'screening', reason: `入户排查：${place}` },
      tx,
    ));
  return {
    personId,
    present: p.present,
    symptoms: p.symptoms,
    travel,
    category: verdict.category,
    episodeId: episode.id,
    ...asked,
    because,
  };
}

/** SC-54: a symptomatic person's record gets the mode asked for (checked in `checkVisit`) or the rules' own. */
function transportOf(p: FindingInput): Finding['transport'] {
  if (p.symptoms.length === 0) return null;
  const ruled = symptomaticTransportMode(communityRules().screening);
  return p.transportMode ? { mode: p.transportMode, because: ruled.because } : ruled;
}

/** SC-40 / KP-G04: whether the returnee is on the date-window list, and the management the listed get (home, alone, no going out). */
function dateWindowOf(p: FindingInput): Finding['dateWindow'] {
  if (!p.arrival) return null;
  const { management, goingOut } = communityRules().screening.dateWindows;
  return { ...dateWindowVerdict(communityRules().screening, p.arrival), management, goingOut };
}

/**
 * A symptomatic person found (fever, cough, diarrhoea): a task for the community's medic (else the grid worker,
 * else the town) to call a medical institution, due within the rules' hours (seed 001 §三(四)4).
 */
async function symptomaticFollowUp(tx: Db, deps: Deps, context: RequestContext, finding: Finding, household: Household, visitId: string) {
  const rule = communityRules().screening.symptomatic;
  const names = await householdMembers(tx, household.id);
  const name = maskName(names.find((m) => m.id === finding.personId)?.name ?? '');
  const task = await issueFollowUp(tx, context, {
    sourceKind: 'screening_symptomatic',
    sourceId: visitId,
    title: `入户排查发现症状：${name}（${finding.symptoms.join('、')}）`,
    description: `${household.name} 入户排查发现 ${finding.symptoms.join('、')}；请联系医疗机构接诊，不得自行乘坐公共交通（COMM-040，${rule.basis.source} ${rule.basis.clause}）`,
    dueAt: new Date(deps.clock().getTime() + rule.followUpHours * 3_600_000),
    place: { id: household.jurisdictionId, path: household.jurisdictionPath },
    roles: ['assigned_medic', 'grid_worker', 'town_cadre'],
  });
  return task.id;
}

/** Records a visit to a household of the round: who was home, their travel and symptoms, and the episodes it opened. */
export async function recordVisit(deps: Deps, context: RequestContext, roundId: string, input: VisitInput) {
  const db = deps.database.db;
  const round = await roundInScope(db, context, roundId, 'community.write');
  if (round.status !== 'open') throw conflict('id', 'roundClosed');
  const communityRow = await findJurisdictionById(db, round.jurisdictionId);
  const household = await householdInScope(db, context, input.householdId, 'community.write', communityRow);
  const members = await householdMembers(db, household.id);
  await checkVisit(db, input, new Set(members.map((m) => m.id)), shanghaiDate(deps.clock()));
  const community = onBehalfOfCommunity(context, household);
  return db.transaction(async (tx) => {
    const findings: Finding[] = [];
    for (const p of input.people) findings.push(await screenPerson(tx, deps, community, p, household));
    const visit = await insertVisit(tx, {
      roundId: round.id,
      householdId: household.id,
      outcome: input.outcome,
      visitedAt: deps.clock(),
      visitedBy: context.actor.userId,
      findings,
      note: input.note ?? null,
      jurisdictionPath: household.jurisdictionPath,
    });
    for (const finding of findings.filter((f) => f.symptoms.length > 0)) {
      finding.taskId = await symptomaticFollowUp(tx, deps, context, finding, household, visit.id);
    }
    if (findings.some((f) => f.taskId)) await setVisitFindings(tx, visit.id, findings);
    await recordAudit(tx, context, {
      action: 'community.visit.record',
      entityType: 'screening_visit',
      entityId: visit.id,
      jurisdictionPath: household.jurisdictionPath,
      after: {
        roundId: round.id,
        householdId: household.id,
        outcome: input.outcome,
        opened: findings.filter((f) => f.episodeId).map((f) => f.episodeId),
        followUps: findings.filter((f) => f.taskId).map((f) => f.taskId),
      },
    });
    return { id: visit.id, householdId: household.id, outcome: visit.outcome, visitedAt: visit.visitedAt.toISOString(), findings };
  });
}

/** The places published as risk areas at the grades the screening rules count (the form's travel-place choices). */
export async function riskPlaces(deps: Deps) {
  const rows = await publishedRiskPlaces(deps.database.db, communityRules().screening.riskGrades);
  return { items: rows.map((r) => ({ jurisdictionId: r.jurisdictionId, name: r.name, level: r.level })) };
}
