import {
  type CalendarDate,
  COUNTRY_ROOT,
  generalisedBirthDate,
  personRetention,
  type RetentionRules,
  type RetentionScope,
  retentionCutoffs,
  retentionRulesAt,
  retentionScopes,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import { systemContext } from '../http/context.ts';
import { editionAt, editionPathsInEffect, profilesInEffect } from '../modules/protocols/protocol-in-force.ts';
import { type AnonymisedCounts, type AnonymisedPerson, anonymisePeople } from './retention-anonymise.repository.ts';
import { lockPersons, openRecordsOf, retentionCandidates, retentionDatesOf } from './retention-person.repository.ts';
import {
  anonymiseRegistrationBatch,
  countRegistrationsDue,
  REGISTRATION_TABLES,
  type RegistrationKind,
} from './retention-registrations.repository.ts';
import {
  countMovementDue,
  MOVEMENT_TABLES,
  type MovementTable,
  purgeMovementBatch,
  type ScopeCutoff,
} from './retention-scan.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher' | 'config'>;

export interface RetentionOptions {
  /** Count what is due and change nothing (no audit event either). */
  dryRun?: boolean;
  batchSize?: number;
  /** Who ran it, for the audit's request id: the scheduler or `cli`. */
  requestId?: string;
}

/** One scope's periods and cut-offs; the periods are null where the edition in force sets no retention (nothing is due). */
export interface RetentionScopeReport {
  jurisdictionCode: string | null;
  editionId: string | null;
  scanDays: number | null;
  closedEpisodeDays: number | null;
  configured: boolean;
  scansBefore: string | null;
  closedBefore: string | null;
}

export interface RetentionResult {
  dryRun: boolean;
  /** The edition in force at the root (each scope names its own). */
  editionId: string | null;
  today: CalendarDate;
  scopes: RetentionScopeReport[];
  /** Rows deleted (in a dry run: due). */
  scans: number;
  passUses: number;
  /** People anonymised (in a dry run: due), and how many were kept for each reason (one person may have several). */
  persons: { anonymised: number; kept: Record<string, number> };
  /** Rows of other tables cleared with the people (zero in a dry run). */
  related: Omit<AnonymisedCounts, 'persons'>;
  /** Hotel guests, entrance-ledger entries and pharmacy sales anonymised after the scan period (in a dry run: due). */
  registrations: Record<RegistrationKind, number>;
  batches: number;
}

interface Plan {
  now: Date;
  scopes: RetentionScope[];
  result: RetentionResult;
  options: Required<Pick<RetentionOptions, 'dryRun' | 'batchSize' | 'requestId'>>;
}

const NO_RELATED: Omit<AnonymisedCounts, 'persons'> = {
  episodes: 0,
  observations: 0,
  episodeEvents: 0,
  declarations: 0,
  exposures: 0,
  outsiderRegistrations: 0,
  assistRequests: 0,
  oneTimeCodes: 0,
};

function scopeReport(scope: RetentionScope, now: Date): RetentionScopeReport {
  const { jurisdictionCode, editionId, rules } = scope;
  if (!rules) {
    const none = { scanDays: null, closedEpisodeDays: null, scansBefore: null, closedBefore: null };
    return { jurisdictionCode, editionId, configured: false, ...none };
  }
  const cutoffs = retentionCutoffs(rules, now);
  return {
    jurisdictionCode,
    editionId,
    scanDays: rules.scans.days,
    closedEpisodeDays: rules.closedEpisodes.days,
    configured: Boolean(rules.scans.basis.configured || rules.closedEpisodes.basis.configured),
    scansBefore: cutoffs.scansBefore.toISOString(),
    closedBefore: cutoffs.closedBefore.toISOString(),
  };
}

/**
 * The retention rules in force everywhere (issue 14, RULES-001): asked at the root and at every place where the
 * district's own edition or a local profile holds — the edition in force there (`editionAt`, the district's own or
 * shipped) with the nearest profile that sets periods (the district's active ones before the shipped ones) and the
 * deployment's settings. A handful of places, each asked once: the rows are then matched to them in SQL.
 */
async function scopesInForce(deps: Deps, now: Date): Promise<RetentionScope[]> {
  const db = deps.database.db;
  const today = shanghaiDate(now);
  const profiles = await profilesInEffect(db, today);
  const profilePaths = profiles.flatMap(({ profile, path }) => (profile.retention && path ? [path] : []));
  const paths = new Set([COUNTRY_ROOT.path, ...(await editionPathsInEffect(db, today)), ...profilePaths]);
  const places = [];
  for (const path of paths) places.push({ path, edition: await editionAt(db, path, now) });
  return retentionScopes(
    places,
    profiles.map((p) => p.profile),
    deps.config.retention,
  );
}

async function planRun(deps: Deps, options: RetentionOptions): Promise<Plan> {
  const now = deps.clock();
  const today = shanghaiDate(now);
  const scopes = await scopesInForce(deps, now);
  const dryRun = options.dryRun ?? false;
  const result: RetentionResult = {
    dryRun,
    editionId: scopes.at(-1)?.editionId ?? null,
    today,
    scopes: scopes.map((s) => scopeReport(s, now)),
    scans: 0,
    passUses: 0,
    persons: { anonymised: 0, kept: {} },
    related: { ...NO_RELATED },
    registrations: { hotelGuests: 0, entryLedger: 0, pharmacySales: 0, communityReports: 0 },
    batches: 0,
  };
  return {
    now,
    scopes,
    result,
    options: { dryRun, batchSize: options.batchSize ?? 1000, requestId: options.requestId ?? `retention-${today}` },
  };
}

/** Each scope's scan cut-off, as the SQL matches rows to scopes (null: nothing there is due). */
const scanCutoffs = (plan: Plan): ScopeCutoff[] =>
  plan.scopes.map((s) => ({ pathPart: s.pathPart, before: s.rules ? retentionCutoffs(s.rules, plan.now).scansBefore : null }));

const auditContext = (plan: Plan) => systemContext('retention-job', plan.options.requestId);

/** Deletes a movement table's rows past their scope's period, one transaction (with its audit event) per batch. */
async function purgeMovement(deps: Deps, plan: Plan, kind: MovementTable): Promise<number> {
  const cutoffs = scanCutoffs(plan);
  if (plan.options.dryRun) return countMovementDue(deps.database.db, kind, cutoffs);
  let total = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await deps.database.db.transaction(async (tx) => {
      const done = await purgeMovementBatch(tx, kind, cutoffs, after, plan.options.batchSize);
      if (done.deleted > 0) await auditBatch(tx, plan, { table: MOVEMENT_TABLES[kind].table, deleted: done.deleted });
      return done;
    });
    total += batch.deleted;
    if (batch.deleted < plan.options.batchSize || batch.lastKey === null) return total;
    after = batch.lastKey;
  }
}

/**
 * Anonymises a registration table's rows past their scope's scan period (issue 16: PUB-007, COMM-012, PHAR-001),
 * one transaction with its audit event per batch.
 */
async function anonymiseRegistrations(deps: Deps, plan: Plan, kind: RegistrationKind): Promise<number> {
  const cutoffs = scanCutoffs(plan);
  if (plan.options.dryRun) return countRegistrationsDue(deps.database.db, kind, cutoffs);
  const emptyCipher = deps.cipher.encrypt('');
  let total = 0;
  for (;;) {
    const ids = await deps.database.db.transaction(async (tx) => {
      const done = await anonymiseRegistrationBatch(tx, kind, cutoffs, emptyCipher, plan.now, plan.options.batchSize);
      if (done.length > 0) await auditBatch(tx, plan, { table: REGISTRATION_TABLES[kind].table, anonymised: done.length, ids: done });
      return done;
    });
    total += ids.length;
    if (ids.length < plan.options.batchSize) return total;
  }
}

async function auditBatch(tx: Db, plan: Plan, after: Record<string, unknown>) {
  plan.result.batches += 1;
  await recordAudit(tx, auditContext(plan), {
    action: 'jobs.retention.batch',
    entityType: 'job',
    after: { today: plan.result.today, dryRun: false, ...after },
  });
}

const rulesOf = (plan: Plan): RetentionRules[] => plan.scopes.flatMap((s) => (s.rules ? [s.rules] : []));

/** Reads the facts of a batch of candidates (after locking them) and decides each with core. */
async function decideBatch(tx: Db, plan: Plan, after: string | null) {
  const latestCutoff = Math.max(...rulesOf(plan).map((rules) => retentionCutoffs(rules, plan.now).closedBefore.getTime()));
  const candidates = await retentionCandidates(tx, new Date(latestCutoff), after, plan.options.batchSize);
  const ids = candidates.map((c) => c.id);
  if (!plan.options.dryRun) await lockPersons(tx, ids);
  const [open, dates] = [await openRecordsOf(tx, ids), await retentionDatesOf(tx, ids)];
  const due: AnonymisedPerson[] = [];
  for (const candidate of candidates) {
    const rules = retentionRulesAt(plan.scopes, candidate.jurisdictionPath);
    const facts = dates.get(candidate.id);
    if (!rules || !facts) continue;
    const verdict = personRetention({ ...facts, openRecords: open.get(candidate.id) ?? [] }, rules, plan.now);
    if (verdict.decision === 'anonymise') due.push({ id: candidate.id, birthDate: generalisedBirthDate(candidate.birthDate) });
    else for (const reason of verdict.because) plan.result.persons.kept[reason.rule] = (plan.result.persons.kept[reason.rule] ?? 0) + 1;
  }
  return { due, size: candidates.length, lastId: ids.at(-1) ?? null };
}

/** One batch of people in one transaction: lock, decide, anonymise, audit. */
async function anonymiseBatch(deps: Deps, plan: Plan, after: string | null) {
  return deps.database.db.transaction(async (tx) => {
    const batch = await decideBatch(tx, plan, after);
    if (plan.options.dryRun || batch.due.length === 0) return { ...batch, anonymised: batch.due.length };
    const counts = await anonymisePeople(tx, batch.due, deps.cipher.encrypt(''), plan.now);
    const { persons, ...related } = counts;
    for (const [key, n] of Object.entries(related)) plan.result.related[key as keyof typeof related] += n;
    await auditBatch(tx, plan, { anonymised: counts, personIds: batch.due.map((p) => p.id) });
    return { ...batch, anonymised: persons };
  });
}

async function anonymiseAll(deps: Deps, plan: Plan): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const batch = await anonymiseBatch(deps, plan, after);
    plan.result.persons.anonymised += batch.anonymised;
    if (batch.size < plan.options.batchSize) return;
    after = batch.lastId;
  }
}

/**
 * The retention job (issue 12 "Hardening"): scans past their period are deleted, people whose episodes and
 * cases closed longer ago than theirs are anonymised, and so are hotel guests, entrance-ledger entries and shared
 * pharmacy sales past the scan period (issue 16), in batches, each batch in one transaction with its audit
 * event; one summary event per run says it happened, with the counts and cut-offs. Safe to run any number of times.
 */
export async function runRetention(deps: Deps, options: RetentionOptions = {}): Promise<RetentionResult> {
  const plan = await planRun(deps, options);
  if (rulesOf(plan).length > 0) {
    plan.result.scans = await purgeMovement(deps, plan, 'scans');
    plan.result.passUses = await purgeMovement(deps, plan, 'passUses');
    await anonymiseAll(deps, plan);
    for (const kind of Object.keys(REGISTRATION_TABLES) as RegistrationKind[]) {
      plan.result.registrations[kind] = await anonymiseRegistrations(deps, plan, kind);
    }
  }
  if (!plan.options.dryRun) {
    await deps.database.db.transaction((tx) =>
      recordAudit(tx, auditContext(plan), { action: 'jobs.retention', entityType: 'job', after: { ...plan.result } }),
    );
  }
  return plan.result;
}

/** Runs the job now and then once a day; the timer does not keep the process alive. */
export function scheduleRetention(deps: Deps, log: (message: string) => void, intervalMs = 86_400_000): () => void {
  const run = () =>
    runRetention(deps)
      .then((r) =>
        log(`retention ${r.today}: ${r.scans} scans and ${r.passUses} pass uses deleted, ${r.persons.anonymised} people anonymised`),
      )
      .catch((error: unknown) => log(`retention failed: ${String(error)}`));
  void run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
