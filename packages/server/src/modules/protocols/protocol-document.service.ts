import {
  AppError,
  conflict,
  diffDocuments,
  documentKey,
  editionInForce,
  findEdition,
  findProfile,
  invalid,
  notFound,
  type Permission,
  PROTOCOL_EDITIONS,
  type ProtocolDocument,
  pathInScope,
  profileRuleChanges,
  readProtocolDocument,
  scopePaths,
  shanghaiDate,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionByCode, findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { isUniqueViolation } from '../testing/testing-access.ts';
import {
  activeEditionsAt,
  activeProfileOf,
  findProtocolDocument,
  insertProtocolDocument,
  type ProtocolDocumentRow,
  protocolDocumentsUnder,
  updateProtocolDocument,
} from './protocol-document.repository.ts';
import { districtEditions, editionById } from './protocol-in-force.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const PROTOCOL_DOCUMENT_STATUSES = ['draft', 'approved', 'active', 'superseded'] as const;
export type ProtocolDocumentStatus = (typeof PROTOCOL_DOCUMENT_STATUSES)[number];

const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

export function protocolDocumentView(row: ProtocolDocumentRow, withDocument = false) {
  return {
    id: row.id,
    kind: row.document.kind,
    key: row.key,
    editionId: row.editionId,
    name: row.name,
    jurisdictionId: row.jurisdictionId,
    jurisdictionCode: row.document.kind === 'profile' ? row.document.profile.jurisdictionCode : null,
    status: row.status as ProtocolDocumentStatus,
    draftedBy: row.draftedBy,
    draftedAt: row.draftedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvalBasis: row.approvalBasis,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    effectiveFrom: row.effectiveFrom,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    ...(withDocument ? { document: row.document as unknown as Record<string, unknown> } : {}),
  };
}

/** The document, or 400 naming the first protocol path at fault (every issue in `details.issues`); nothing is written. */
async function readOrRefuse(db: Db, value: unknown): Promise<ProtocolDocument> {
  // A profile may build on a shipped edition or on one the district adopted.
  const reading = readProtocolDocument(value, [...PROTOCOL_EDITIONS, ...(await districtEditions(db))]);
  if (reading.ok) return reading.document;
  const first = reading.issues[0] ?? { path: '$', reason: 'invalid' };
  const field = first.path === '$' ? 'document' : `document.${first.path}`;
  throw withDetails(invalid(field, 'protocolDocumentInvalid', { path: first.path, reason: first.reason }), { issues: reading.issues });
}

const keyField = (document: ProtocolDocument) => `document.${document.kind}.id`;

/** A document never takes the id of a shipped edition or profile (episodes name them). */
function checkKeyFree(document: ProtocolDocument) {
  const key = documentKey(document);
  if (findEdition(key) || findProfile(key)) throw conflict(keyField(document), 'protocolIdTaken');
}

/** The jurisdiction the document is for, inside the caller's drafting scope (else 400 on the field that named it). */
async function ownerOf(db: Db, context: RequestContext, document: ProtocolDocument, jurisdictionId?: string): Promise<JurisdictionRow> {
  const scope = scopeOf(context, 'protocol.draft');
  if (document.kind === 'profile') {
    const found = await findJurisdictionByCode(db, document.profile.jurisdictionCode);
    if (!found || !pathInScope(found.path, scope)) throw invalid('document.profile.jurisdictionCode', 'outsideJurisdiction');
    return found;
  }
  if (!jurisdictionId) throw invalid('jurisdictionId', 'required');
  const found = await findJurisdictionById(db, jurisdictionId);
  if (!found || !pathInScope(found.path, scope)) throw invalid('jurisdictionId', 'outsideJurisdiction');
  return found;
}

async function documentInScope(db: Db, context: RequestContext, id: string, permission: Permission): Promise<ProtocolDocumentRow> {
  const row = await findProtocolDocument(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw notFound('id');
  return row;
}

const columnsOf = (document: ProtocolDocument, owner: JurisdictionRow) => ({
  kind: document.kind,
  key: documentKey(document),
  editionId: document.kind === 'profile' ? document.profile.editionId : document.edition.id,
  name: document.kind === 'profile' ? document.profile.name : document.edition.name,
  jurisdictionId: owner.id,
  jurisdictionPath: owner.path,
  document,
});

function keyTaken(document: ProtocolDocument) {
  return (error: unknown) => {
    throw isUniqueViolation(error, 'protocol_document_key_unique') ? conflict(keyField(document), 'protocolIdTaken') : error;
  };
}

export async function listProtocolDocuments(deps: Deps, context: RequestContext, status?: string) {
  const rows = await protocolDocumentsUnder(deps.database.db, scopeOf(context, 'protocol.read'), status ? [status] : undefined);
  return { items: rows.map((row) => protocolDocumentView(row)) };
}

/** One document with its content and what it changes against the shipped rules it builds on. */
export async function protocolDocumentDetail(deps: Deps, context: RequestContext, id: string) {
  const row = await documentInScope(deps.database.db, context, id, 'protocol.read');
  return { ...protocolDocumentView(row, true), changes: await changesOf(deps.database.db, row.document, shanghaiDate(deps.clock())) };
}

/**
 * A profile: what it changes in its edition (shipped or the district's own); an edition: what it changes against the
 * shipped edition in force.
 */
export async function changesOf(db: Db, document: ProtocolDocument, today: string) {
  if (document.kind === 'profile') {
    const edition = await editionById(db, document.profile.editionId);
    return edition ? profileRuleChanges(edition, document.profile) : [];
  }
  const base = editionInForce(today) ?? PROTOCOL_EDITIONS.at(-1);
  return [{ category: null, changes: diffDocuments(base, document.edition) }];
}

export async function createProtocolDraft(deps: Deps, context: RequestContext, input: { document: unknown; jurisdictionId?: string }) {
  const db = deps.database.db;
  const document = await readOrRefuse(db, input.document);
  checkKeyFree(document);
  const owner = await ownerOf(db, context, document, input.jurisdictionId);
  const now = deps.clock();
  return db
    .transaction(async (tx) => {
      const row = await insertProtocolDocument(tx, { ...columnsOf(document, owner), draftedBy: context.actor.userId, draftedAt: now });
      await recordAudit(tx, context, {
        action: 'protocol.draft',
        entityType: 'protocol_document',
        entityId: row.id,
        jurisdictionPath: owner.path,
        after: { kind: row.kind, key: row.key, editionId: row.editionId, jurisdiction: owner.code },
      });
      return protocolDocumentView(row, true);
    })
    .catch(keyTaken(document));
}

export async function updateProtocolDraft(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: { document: unknown; jurisdictionId?: string },
) {
  const db = deps.database.db;
  const row = await documentInScope(db, context, id, 'protocol.draft');
  if (row.status !== 'draft') throw conflict('id', 'protocolNotDraft');
  const document = await readOrRefuse(db, input.document);
  checkKeyFree(document);
  const owner = await ownerOf(db, context, document, input.jurisdictionId ?? row.jurisdictionId);
  return db
    .transaction(async (tx) => {
      const saved = await updateProtocolDocument(tx, id, { ...columnsOf(document, owner), draftedBy: context.actor.userId });
      await recordAudit(tx, context, {
        action: 'protocol.updateDraft',
        entityType: 'protocol_document',
        entityId: id,
        jurisdictionPath: owner.path,
        before: { key: row.key, jurisdictionPath: row.jurisdictionPath },
        after: { key: saved.key, jurisdictionPath: saved.jurisdictionPath, changed: diffDocuments(row.document, document).length },
      });
      return protocolDocumentView(saved, true);
    })
    .catch(keyTaken(document));
}

/** The commander (or the command office) adopts a draft with its legal basis; never the person who drafted it. */
export async function approveProtocolDocument(deps: Deps, context: RequestContext, id: string, input: { basis?: string }) {
  const db = deps.database.db;
  const row = await documentInScope(db, context, id, 'protocol.approve');
  if (row.status !== 'draft') throw conflict('id', 'protocolNotDraft');
  const basis = input.basis?.trim();
  if (!basis) throw invalid('basis', 'required');
  if (row.draftedBy && row.draftedBy === context.actor.userId) throw new AppError('forbidden', 'approverIsDrafter', 'id');
  return db.transaction(async (tx) => {
    const saved = await updateProtocolDocument(tx, id, {
      status: 'approved',
      approvedBy: context.actor.userId,
      approvedAt: deps.clock(),
      approvalBasis: basis,
    });
    await recordAudit(tx, context, {
      action: 'protocol.approve',
      entityType: 'protocol_document',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: 'approved', basis },
    });
    return protocolDocumentView(saved);
  });
}

/**
 * An approved profile or edition takes effect from a day (today unless later): episodes, campaigns and zones opened
 * from then in its subtree run under it; the document it replaces at the same jurisdiction (a profile of the same
 * edition; any edition) is superseded. Running episodes and campaigns keep theirs. Without approval: 409 on `id`.
 */
export async function activateProtocolDocument(deps: Deps, context: RequestContext, id: string, input: { effectiveFrom?: string }) {
  const db = deps.database.db;
  const row = await documentInScope(db, context, id, 'protocol.approve');
  if (row.status !== 'approved') throw conflict('id', 'protocolNotApproved');
  const now = deps.clock();
  const today = shanghaiDate(now);
  const effectiveFrom = input.effectiveFrom ?? today;
  if (effectiveFrom < today) throw invalid('effectiveFrom', 'pastDate');
  return db.transaction(async (tx) => {
    const replaced =
      row.kind === 'profile'
        ? [await activeProfileOf(tx, row.jurisdictionId, row.editionId)]
        : await activeEditionsAt(tx, row.jurisdictionId);
    for (const previous of replaced) {
      if (!previous) continue;
      await updateProtocolDocument(tx, previous.id, { status: 'superseded', supersededAt: now });
      await recordAudit(tx, context, {
        action: 'protocol.supersede',
        entityType: 'protocol_document',
        entityId: previous.id,
        jurisdictionPath: previous.jurisdictionPath,
        before: { status: 'active' },
        after: { status: 'superseded', by: row.key },
      });
    }
    const saved = await updateProtocolDocument(tx, id, {
      status: 'active',
      activatedBy: context.actor.userId,
      activatedAt: now,
      effectiveFrom,
    });
    await recordAudit(tx, context, {
      action: 'protocol.activate',
      entityType: 'protocol_document',
      entityId: id,
      jurisdictionPath: row.jurisdictionPath,
      before: { status: row.status },
      after: { status: 'active', kind: row.kind, effectiveFrom, supersedes: replaced.flatMap((p) => (p ? [p.key] : [])) },
    });
    return protocolDocumentView(saved);
  });
}

/** The document as a file (`fangkong.protocol/1`), to keep or to import elsewhere. */
export async function exportProtocolDocument(deps: Deps, context: RequestContext, id: string) {
  const row = await documentInScope(deps.database.db, context, id, 'protocol.read');
  return row.document;
}
