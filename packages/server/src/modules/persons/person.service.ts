import {
  AppError,
  conflict,
  forbidden,
  type IdType,
  identityProblem,
  invalid,
  normalizeIdNumber,
  notFound,
  pathInScope,
  phoneProblem,
  scopePaths,
  shanghaiDate,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { RateLimiter } from '../../codes/rate-limit.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { findPlaceById } from '../places/place.repository.ts';
import { fullViewAllowed } from './full-view.ts';
import {
  findPersonById,
  findPersonByIdHash,
  householdMembers,
  insertPerson,
  type PersonMatch,
  type PersonRow,
  searchPersons,
  updatePerson,
} from './person.repository.ts';
import { idLookupHash, type PersonFacts, phoneLookupHash, sealPerson, sealPersonChanges } from './person-record.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'clock'>;
type RegisterDeps = Deps & Pick<AppDeps, 'config'>;

const RESIDENT_ID_LIKE = /^\d{17}[\dXx]$/;
const PHONE_LIKE = /^1\d{10}$/;

/** An 18-character ID or an 11-digit phone is looked up by its keyed hash; anything else is a name prefix. */
function matchFor(deps: Deps, text: string | undefined): PersonMatch {
  const q = text?.trim();
  if (!q) return null;
  if (RESIDENT_ID_LIKE.test(q)) return { idHash: idLookupHash(deps.cipher, 'resident_id', q) };
  if (PHONE_LIKE.test(q)) return { phoneHash: phoneLookupHash(deps.cipher, q) };
  return { namePrefix: q };
}

async function narrowedScope(deps: Deps, context: RequestContext, permission: 'person.read' | 'person.write', jurisdictionId?: string) {
  const scope = scopePaths(context.actor.grants, permission);
  if (!jurisdictionId) return scope;
  const target = await findJurisdictionById(deps.database.db, jurisdictionId);
  if (!target || !pathInScope(target.path, scope)) throw forbidden('jurisdictionId');
  return [target.path];
}

export async function listPersons(
  deps: Deps,
  context: RequestContext,
  query: { q?: string; jurisdictionId?: string; limit: number; offset: number },
) {
  const paths = await narrowedScope(deps, context, 'person.read', query.jurisdictionId);
  return searchPersons(deps.database.db, { scopePaths: paths, match: matchFor(deps, query.q), limit: query.limit, offset: query.offset });
}

async function readablePerson(deps: Deps, context: RequestContext, id: string) {
  const found = await findPersonById(deps.database.db, id);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopePaths(context.actor.grants, 'person.read'))) throw notFound('id');
  return found;
}

/** The detail view shows full values to those allowed, and every view is audited with its purpose. */
export async function viewPerson(deps: Deps, context: RequestContext, id: string, purpose: string | undefined) {
  const { person, jurisdictionName, householdName } = await readablePerson(deps, context, id);
  const db = deps.database.db;
  const full = await fullViewAllowed(db, context, person);
  await recordAudit(db, context, {
    action: full ? 'person.viewFull' : 'person.view',
    entityType: 'person',
    entityId: person.id,
    jurisdictionPath: person.jurisdictionPath,
    reason: purpose ?? null,
  });
  const reveal = (sealed: string | null, masked: string | null) => (full && sealed ? deps.cipher.decrypt(sealed) : masked);
  return {
    id: person.id,
    name: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    idType: person.idType,
    idNumber: reveal(person.idCipher, person.idMasked) ?? '',
    phone: reveal(person.phoneCipher, person.phoneMasked),
    address: reveal(person.addressCipher, person.addressMasked),
    fullValues: full,
    jurisdictionId: person.jurisdictionId,
    jurisdictionName,
    householdId: person.householdId,
    householdName,
    householdRole: person.householdRole,
    householdMembers: person.householdId ? await householdMembers(db, person.householdId) : [],
  };
}

function validatePhone(phone: string | null | undefined) {
  const issue = phone ? phoneProblem(phone) : null;
  if (issue) throw invalid('phone', issue);
}

function validateFacts(facts: Pick<PersonFacts, 'idType' | 'idNumber' | 'phone'>, today: string) {
  const idIssue = identityProblem({ idType: facts.idType, idNumber: facts.idNumber }, today);
  if (idIssue) throw invalid(idIssue.field, idIssue.reason);
  validatePhone(facts.phone);
}

async function placeFor(db: Db, context: RequestContext, jurisdictionId: string, householdId: string | null | undefined) {
  const target = await findJurisdictionById(db, jurisdictionId);
  if (!target || !pathInScope(target.path, scopePaths(context.actor.grants, 'person.write'))) {
    throw new AppError('forbidden', 'unknownJurisdiction', 'jurisdictionId');
  }
  if (!householdId) return { jurisdictionId: target.id, jurisdictionPath: target.path };
  const household = await findPlaceById(db, householdId);
  if (household?.kind !== 'household' || !household.jurisdictionPath.startsWith(target.path)) {
    throw invalid('householdId', 'householdMismatch');
  }
  return { jurisdictionId: household.jurisdictionId, jurisdictionPath: household.jurisdictionPath };
}

export type NewPerson = PersonFacts & { idType: IdType; jurisdictionId: string; reason?: string };

/** Concurrent registrations of one person can all pass the lookup; the unique index decides, and the losers get 409 too. */
function isDuplicateIdHash(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'person_id_hash_unique') return true;
  }
  return false;
}

/** Validates, seals and writes a person with its audit event inside the caller's transaction. */
export async function registerPersonIn(tx: Db, deps: Deps, context: RequestContext, input: NewPerson) {
  validateFacts(input, shanghaiDate(deps.clock()));
  const where = await placeFor(tx, context, input.jurisdictionId, input.householdId);
  const row = sealPerson(deps.cipher, input, where);
  const held = await findPersonByIdHash(tx, row.idHash);
  if (held) throw duplicateOf(context, held);
  const created = await insertPerson(tx, row);
  await recordAudit(tx, context, {
    action: 'person.create',
    entityType: 'person',
    entityId: created.id,
    jurisdictionPath: created.jurisdictionPath,
    after: { name: created.name, idNumber: normalizeIdNumber(input), phone: input.phone, address: input.address },
    reason: input.reason ?? null,
  });
  return { id: created.id };
}

/**
 * The ID number is held by a record outside the caller's scope (issue 12 defect 8): the answer is the same
 * 409 as any duplicate, without the record's id, place or name, so an ID list cannot be mapped to districts.
 */
class HeldElsewhere extends AppError {
  constructor() {
    super('conflict', 'duplicatePerson', 'idNumber');
  }
}

/** Inside the caller's read scope the answer names the record to open instead; outside it names nothing. */
function duplicateOf(context: RequestContext, held: PersonRow): AppError {
  if (!pathInScope(held.jurisdictionPath, scopePaths(context.actor.grants, 'person.read'))) return new HeldElsewhere();
  return withDetails(conflict('idNumber', 'duplicatePerson'), { existingId: held.id });
}

/** Refused registrations of IDs held elsewhere, per account: one limiter per configuration (one per server). */
const elsewhereLimiters = new WeakMap<RegisterDeps['config'], RateLimiter>();

/**
 * Every refusal of an ID held elsewhere is audited (who tried which ID hash — never the number) in its own
 * transaction, as the registration rolled back; past the configured count per hour the account gets 429.
 */
async function refuseHeldElsewhere(deps: RegisterDeps, context: RequestContext, idHash: string): Promise<AppError> {
  let limiter = elsewhereLimiters.get(deps.config);
  if (!limiter) {
    limiter = new RateLimiter(deps.config.duplicateProbesPerHour, 3_600_000);
    elsewhereLimiters.set(deps.config, limiter);
  }
  const wait = limiter.take([context.actor.userId ?? `address:${context.clientIp}`], deps.clock().getTime());
  await deps.database.db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'person.registerRefused',
      entityType: 'person',
      after: { idHash, heldOutsideScope: true, throttled: wait > 0 },
      reason: 'ID number already registered outside the caller scope',
    }),
  );
  return wait > 0 ? new AppError('tooMany', 'tooManyRequests', 'idNumber', { retryAfter: wait }) : new HeldElsewhere();
}

export async function registerPerson(deps: RegisterDeps, context: RequestContext, input: NewPerson) {
  const written = deps.database.db.transaction((tx) => registerPersonIn(tx, deps, context, input));
  return written.catch(async (error: unknown) => {
    if (error instanceof HeldElsewhere)
      throw await refuseHeldElsewhere(deps, context, idLookupHash(deps.cipher, input.idType, input.idNumber));
    throw isDuplicateIdHash(error) ? conflict('idNumber', 'duplicatePerson') : error;
  });
}

export interface PersonChanges {
  name?: string;
  phone?: string | null;
  address?: string | null;
  reason: string;
}

export async function changePerson(deps: Deps, context: RequestContext, id: string, changes: PersonChanges) {
  const { person } = await readablePerson(deps, context, id);
  if (!pathInScope(person.jurisdictionPath, scopePaths(context.actor.grants, 'person.write'))) throw notFound('id');
  // Retention (issue 12): writing a name or phone back into an anonymised row would undo it.
  if (person.anonymisedAt) throw conflict('id', 'personAnonymised');
  validatePhone(changes.phone);
  const { reason, ...fields } = changes;
  return deps.database.db.transaction(async (tx) => {
    await updatePerson(tx, id, sealPersonChanges(deps.cipher, fields));
    await recordAudit(tx, context, {
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      jurisdictionPath: person.jurisdictionPath,
      before: { name: person.name, phone: person.phoneMasked, address: person.addressMasked },
      after: fields,
      reason,
    });
    return { id };
  });
}
