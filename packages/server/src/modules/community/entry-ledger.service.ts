import {
  closureInForce,
  conflict,
  invalid,
  ledgerEntryFlagged,
  ledgerEntryProblem,
  maskName,
  notFound,
  pathInScope,
  RESPONSE_ROUTING_SEED_002,
  type Reason,
  type Role,
  roleGrants,
  shanghaiDate,
  type VehicleKind,
  vehicleEntryAllowed,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { levelInForce } from '../response/response.service.ts';
import { rolesOfUsers } from '../users/user.repository.ts';
import { communityInScope, filterPaths, scopeOf } from './community-access.ts';
import { closeLedgerEntry, findLedgerEntry, insertLedgerEntry, type LedgerRow, ledgerOf } from './entry-ledger.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface LedgerInput {
  jurisdictionId: string;
  subject: 'person' | 'vehicle';
  name?: string;
  plate?: string;
  purpose: string;
  masked: boolean;
  temperature: number;
  escortUserId?: string;
  /** SC-34: what an outside vehicle carries; required while the full closure holds. */
  vehicleKind?: VehicleKind;
}

/**
 * SC-34 (LVL-I-01, seed 002 §九(四)1): under the full closure of the response level in force over the community only
 * supply vehicles enter, as core `vehicleEntryAllowed` answers; a refusal names the field and carries the clause.
 */
async function closureCheck(db: Db, path: string, input: LedgerInput): Promise<Reason[]> {
  if (input.subject !== 'vehicle') return [];
  const level = (await levelInForce(db, path))?.level ?? null;
  if (!closureInForce(RESPONSE_ROUTING_SEED_002, level)) return [];
  if (!input.vehicleKind) throw invalid('vehicleKind', 'required');
  const verdict = vehicleEntryAllowed(RESPONSE_ROUTING_SEED_002, level, input.vehicleKind);
  if (!verdict.allowed) throw withDetails(invalid('vehicleKind', 'closureDenied'), { because: verdict.because });
  return verdict.because;
}

/** The escort is staff of the community: an account that may work in it (community.write covering it). */
async function checkEscort(db: Db, userId: string, path: string) {
  const roles = await rolesOfUsers(db, [userId]);
  if (!roles.some((r) => path.startsWith(r.jurisdictionPath) && roleGrants(r.role as Role, 'community.write'))) {
    throw invalid('escortUserId', 'notCommunityStaff');
  }
}

const shown = (r: LedgerRow, escortName: string, today: string) => ({
  id: r.id,
  subject: r.subject,
  name: r.nameMasked,
  plate: r.plate,
  purpose: r.purpose,
  masked: r.masked,
  temperature: r.temperatureTenths / 10,
  escortUserId: r.escortUserId,
  escortName,
  enteredAt: r.enteredAt.toISOString(),
  enteredOn: r.enteredOn,
  leftAt: r.leftAt?.toISOString() ?? null,
  flagged: ledgerEntryFlagged(r.enteredOn, r.leftAt, today),
});

/** An outsider or outside vehicle let in (COMM-012, SC-37): mask, temperature below fever and an escort, or a 400 naming the field. */
export async function recordEntry(deps: Deps, context: RequestContext, input: LedgerInput) {
  const db = deps.database.db;
  const community = await communityInScope(db, context, input.jurisdictionId, 'community.write');
  if (!input.purpose.trim()) throw invalid('purpose', 'required');
  const problem = ledgerEntryProblem(input);
  if (problem) throw invalid(problem.field, problem.reason);
  await checkEscort(db, input.escortUserId ?? '', community.path);
  const because = await closureCheck(db, community.path, input);
  const now = deps.clock();
  const name = input.subject === 'person' ? (input.name ?? '').trim() : null;
  return db.transaction(async (tx) => {
    const row = await insertLedgerEntry(tx, {
      subject: input.subject,
      nameMasked: name ? maskName(name) : null,
      nameCipher: name ? deps.cipher.encrypt(name) : null,
      plate: input.subject === 'vehicle' ? (input.plate ?? '').trim().toUpperCase() : null,
      purpose: input.purpose.trim(),
      masked: input.masked,
      temperatureTenths: Math.round(input.temperature * 10),
      escortUserId: input.escortUserId ?? '',
      enteredAt: now,
      enteredOn: shanghaiDate(now),
      recordedBy: context.actor.userId,
      jurisdictionId: community.id,
      jurisdictionPath: community.path,
    });
    await recordAudit(tx, context, {
      action: 'community.entry.record',
      entityType: 'entry_ledger',
      entityId: row.id,
      jurisdictionPath: community.path,
      after: {
        subject: row.subject,
        name: row.nameMasked,
        plate: row.plate,
        escortUserId: row.escortUserId,
        vehicleKind: input.vehicleKind,
      },
    });
    return { ...shown(row, '', shanghaiDate(now)), because };
  });
}

/** The close-out (销号) when they leave; twice is a conflict. */
export async function closeEntry(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const row = await findLedgerEntry(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, 'community.write'))) throw notFound('id');
  if (row.leftAt) throw conflict('id', 'alreadyClosed');
  const now = deps.clock();
  return db.transaction(async (tx) => {
    const closed = await closeLedgerEntry(tx, row.id, now, context.actor.userId);
    if (!closed) throw conflict('id', 'alreadyClosed');
    await recordAudit(tx, context, {
      action: 'community.entry.close',
      entityType: 'entry_ledger',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { leftAt: now.toISOString() },
    });
    return shown(closed, '', shanghaiDate(now));
  });
}

/** A day's ledger in scope (or one community's) with every entry still open; those open past their day are flagged (SC-37). */
export async function ledgerDay(deps: Deps, context: RequestContext, jurisdictionId: string | undefined, day: string | undefined) {
  const db = deps.database.db;
  const today = shanghaiDate(deps.clock());
  const paths = await filterPaths(db, context, 'community.read', jurisdictionId);
  const rows = await ledgerOf(db, paths, day ?? today);
  const items = rows.map((r) => shown(r.row, r.escortName, today));
  return { day: day ?? today, items, open: items.filter((i) => i.leftAt === null).length, flagged: items.filter((i) => i.flagged).length };
}
