import {
  AppError,
  type CalendarDate,
  forbidden,
  type IdType,
  identityProblem,
  invalid,
  isCalendarDate,
  type KeyPersonCategory,
  maskAddress,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  notFound,
  pathInScope,
  phoneProblem,
  routeByAddress,
  scopePaths,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById, findJurisdictionsByPaths } from '../jurisdictions/jurisdiction.repository.ts';
import { findActiveEpisode } from '../key-persons/episode.repository.ts';
import { registerEpisode } from '../key-persons/episode.service.ts';
import { findPersonByIdHash } from '../persons/person.repository.ts';
import { registerPersonIn } from '../persons/person.service.ts';
import { idLookupHash } from '../persons/person-record.ts';
import {
  type AssistRequestRow,
  findAssistRequest,
  insertAssistRequest,
  listAssistRequests,
  routingCandidates,
  updateAssistRequest,
} from './assist-request.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface IncomingAssistRequest {
  sourceOrg: string;
  documentNumber?: string;
  category: KeyPersonCategory;
  startDate: CalendarDate;
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  address: string;
}

function validate(input: IncomingAssistRequest, today: CalendarDate) {
  const idIssue = identityProblem(input, today);
  if (idIssue) throw invalid(idIssue.field, idIssue.reason);
  const phoneIssue = input.phone ? phoneProblem(input.phone) : null;
  if (phoneIssue) throw invalid('phone', phoneIssue);
  if (!isCalendarDate(input.startDate)) throw invalid('startDate', 'invalidDate');
  if (input.startDate > today) throw invalid('startDate', 'futureDate');
}

/** Takes in a request from another jurisdiction and routes it to the community (or town) of the address. */
export async function receiveAssistRequest(deps: Deps, context: RequestContext, input: IncomingAssistRequest) {
  validate(input, shanghaiDate(deps.clock()));
  const db = deps.database.db;
  const scope = scopePaths(context.actor.grants, 'keyPerson.write');
  const route = routeByAddress(input.address, await routingCandidates(db, scope));
  const target = route.candidate ?? (await findJurisdictionsByPaths(db, scope))[0];
  if (!target) throw forbidden();
  const idNumber = normalizeIdNumber(input);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  return db.transaction(async (tx) => {
    const created = await insertAssistRequest(tx, {
      sourceOrg: input.sourceOrg,
      documentNumber: input.documentNumber ?? null,
      category: input.category,
      startDate: input.startDate,
      name: input.name,
      idType: input.idType,
      idHash: idLookupHash(deps.cipher, input.idType, idNumber),
      idCipher: deps.cipher.encrypt(idNumber),
      idMasked: maskIdNumber(idNumber),
      phoneCipher: phone ? deps.cipher.encrypt(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      addressCipher: deps.cipher.encrypt(input.address),
      addressMasked: maskAddress(input.address),
      routedBy: route.matched,
      jurisdictionId: target.id,
      jurisdictionPath: target.path,
      receivedBy: context.actor.userId,
    });
    await recordAudit(tx, context, {
      action: 'assistRequest.receive',
      entityType: 'assist_request',
      entityId: created.id,
      jurisdictionPath: target.path,
      after: { sourceOrg: input.sourceOrg, category: input.category, idNumber, routedBy: route.matched },
    });
    return { id: created.id, jurisdictionId: target.id, jurisdictionName: target.name, routedBy: route.matched };
  });
}

async function pendingInScope(deps: Deps, context: RequestContext, id: string): Promise<AssistRequestRow> {
  const found = await findAssistRequest(deps.database.db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.write'))) throw notFound('id');
  if (found.status !== 'pending') throw new AppError('conflict', 'assistRequestDecided', 'id');
  return found;
}

/** The community accepts: the person is registered (or found by ID) and put under management from the request's start date. */
export async function acceptAssistRequest(deps: Deps, context: RequestContext, id: string, jurisdictionId?: string) {
  const request = await pendingInScope(deps, context, id);
  const db = deps.database.db;
  const where = jurisdictionId ? await findJurisdictionById(db, jurisdictionId) : await findJurisdictionById(db, request.jurisdictionId);
  if (!where?.path.startsWith(request.jurisdictionPath)) throw invalid('jurisdictionId', 'unknownJurisdiction');
  const facts = {
    idType: request.idType as IdType,
    idNumber: deps.cipher.decrypt(request.idCipher),
    name: request.name,
    phone: request.phoneCipher ? deps.cipher.decrypt(request.phoneCipher) : undefined,
    address: deps.cipher.decrypt(request.addressCipher),
  };
  return db.transaction(async (tx) => {
    const known = await findPersonByIdHash(tx, request.idHash);
    const personId =
      known?.id ??
      (await registerPersonIn(tx, deps, context, { ...facts, jurisdictionId: where.id, reason: `协查 ${request.sourceOrg}` })).id;
    const active = await findActiveEpisode(tx, personId, request.category);
    const episode =
      active ??
      (await registerEpisode(
        deps,
        context,
        {
          personId,
          category: request.category as KeyPersonCategory,
          startDate: request.startDate,
          source: 'assist_request',
          reason: `协查 ${request.sourceOrg} ${request.documentNumber ?? ''}`.trim(),
        },
        tx,
      ));
    await updateAssistRequest(tx, id, {
      status: 'accepted',
      decidedBy: context.actor.userId,
      decidedAt: deps.clock(),
      personId,
      episodeId: episode.id,
    });
    await recordAudit(tx, context, {
      action: 'assistRequest.accept',
      entityType: 'assist_request',
      entityId: id,
      jurisdictionPath: request.jurisdictionPath,
      after: { personId, episodeId: episode.id },
    });
    return { id, status: 'accepted', personId, episodeId: episode.id };
  });
}

export async function returnAssistRequest(deps: Deps, context: RequestContext, id: string, reason: string) {
  const request = await pendingInScope(deps, context, id);
  await deps.database.db.transaction(async (tx) => {
    await updateAssistRequest(tx, id, {
      status: 'returned',
      decidedBy: context.actor.userId,
      decidedAt: deps.clock(),
      decisionReason: reason,
    });
    await recordAudit(tx, context, {
      action: 'assistRequest.return',
      entityType: 'assist_request',
      entityId: id,
      jurisdictionPath: request.jurisdictionPath,
      reason,
    });
  });
  return { id, status: 'returned', personId: null, episodeId: null };
}

export async function assistRequestList(deps: Deps, context: RequestContext, status: string | undefined, limit: number, offset: number) {
  const page = await listAssistRequests(deps.database.db, scopePaths(context.actor.grants, 'keyPerson.read'), status, limit, offset);
  return {
    total: page.total,
    items: page.items.map(({ request: r, jurisdictionName }) => ({
      id: r.id,
      sourceOrg: r.sourceOrg,
      documentNumber: r.documentNumber,
      category: r.category,
      startDate: r.startDate,
      name: r.name,
      idMasked: r.idMasked,
      phoneMasked: r.phoneMasked,
      addressMasked: r.addressMasked,
      routedBy: r.routedBy,
      jurisdictionId: r.jurisdictionId,
      jurisdictionName,
      status: r.status,
      decisionReason: r.decisionReason,
      episodeId: r.episodeId,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export interface OutgoingAssist {
  sourceOrg: string;
  category: KeyPersonCategory;
  startDate: CalendarDate;
  person: {
    id: string;
    name: string;
    idType: string;
    idHash: string;
    idCipher: string;
    idMasked: string;
    phoneCipher: string | null;
    phoneMasked: string | null;
    addressCipher: string | null;
    addressMasked: string | null;
    jurisdictionId: string;
    jurisdictionPath: string;
  };
}

/**
 * A known person living outside the caller's jurisdiction: the 协查 goes straight to their community
 * (KP-D06), carrying the sealed identity as it is (no decryption), audited in the caller's transaction.
 */
export async function sendAssistRequest(deps: Pick<AppDeps, 'cipher'>, tx: Db, context: RequestContext, input: OutgoingAssist) {
  const p = input.person;
  const created = await insertAssistRequest(tx, {
    sourceOrg: input.sourceOrg,
    category: input.category,
    startDate: input.startDate,
    name: p.name,
    idType: p.idType,
    idHash: p.idHash,
    idCipher: p.idCipher,
    idMasked: p.idMasked,
    phoneCipher: p.phoneCipher,
    phoneMasked: p.phoneMasked,
    addressCipher: p.addressCipher ?? deps.cipher.encrypt(''),
    addressMasked: p.addressMasked ?? '',
    routedBy: null,
    jurisdictionId: p.jurisdictionId,
    jurisdictionPath: p.jurisdictionPath,
    receivedBy: context.actor.userId,
    personId: p.id,
  });
  await recordAudit(tx, context, {
    action: 'assistRequest.send',
    entityType: 'assist_request',
    entityId: created.id,
    jurisdictionPath: p.jurisdictionPath,
    after: { sourceOrg: input.sourceOrg, category: input.category, personId: p.id, startDate: input.startDate },
  });
  return created;
}
