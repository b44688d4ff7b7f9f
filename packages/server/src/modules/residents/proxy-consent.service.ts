import { AppError, maskName, normalizePhone, notFound } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import type { PersonRow } from '../persons/person.repository.ts';
import type { Relation } from './dependant.service.ts';
import { CODE_TTL_SECONDS, checkOneTimeCode, sendOneTimeCode, spendOneTimeCode } from './one-time-code.service.ts';
import { consentToProxyLink, type LinkSide, pendingLinkOf, proxiesOf, revokeProxyLink } from './proxy-link.repository.ts';
import { personRow } from './resident.repository.ts';
import { selfPersonId } from './resident-access.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'clock' | 'sms'>;

const consentText = (proxyName: string) => (code: string) =>
  `【防控平台】${proxyName} 申请代办您的健康码（可查看您的健康码和检测结果、代为申报）。同意请将验证码 ${code} 告知对方，${CODE_TTL_SECONDS / 60} 分钟内有效；不同意请忽略，也可登录本人账号处理。`;

/**
 * Sends the adult dependant a consent code at the phone the registry holds. False when the registry has no phone
 * or the phone has had too many codes: the adult can still consent from their own account.
 */
export async function sendConsentCode(deps: Deps, context: RequestContext, dependant: PersonRow, linkId: string, proxyName: string) {
  if (!dependant.phoneCipher) return false;
  try {
    await sendOneTimeCode(deps, context, {
      subject: { purpose: 'proxy_consent', personId: dependant.id, proxyLinkId: linkId },
      phone: normalizePhone(deps.cipher.decrypt(dependant.phoneCipher)),
      text: consentText(proxyName),
      audit: { action: 'proxy.consent.code', entityType: 'proxy_link', entityId: linkId, jurisdictionPath: dependant.jurisdictionPath },
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'tooMany') return false;
    throw error;
  }
}

/** The proxy's pending request and the person it names; anything else is 404. */
async function pendingRequest(deps: Deps, context: RequestContext, linkId: string) {
  const db = deps.database.db;
  const self = await personRow(db, await selfPersonId(db, context));
  const link = await pendingLinkOf(db, linkId, context.actor.userId ?? '');
  const dependant = link ? await personRow(db, link.dependantPersonId) : undefined;
  if (!link || !dependant) throw notFound('id');
  return { self, link, dependant };
}

/** The proxy asks for a new consent code (the first expired or was lost); rate-limited per phone. */
export async function resendConsentCode(deps: Deps, context: RequestContext, linkId: string) {
  const { self, dependant } = await pendingRequest(deps, context, linkId);
  if (!dependant.phoneCipher) throw new AppError('conflict', 'consentNeedsAccount', 'id');
  const sent = await sendConsentCode(deps, context, dependant, linkId, maskName(self?.name ?? ''));
  if (!sent) throw new AppError('tooMany', 'tooManyRequests', 'id', { retryAfter: 60 });
  return { expiresInSeconds: CODE_TTL_SECONDS };
}

async function consent(deps: Deps, context: RequestContext, linkId: string, side: LinkSide, by: 'account' | 'code', codeId?: string) {
  return deps.database.db.transaction(async (tx) => {
    if (codeId) await spendOneTimeCode(tx, codeId, deps.clock());
    const done = await consentToProxyLink(tx, linkId, side, by, deps.clock());
    if (!done) throw notFound('id');
    const dependant = await personRow(tx, done.dependantPersonId);
    await recordAudit(tx, context, {
      action: 'proxy.consent',
      entityType: 'proxy_link',
      entityId: linkId,
      jurisdictionPath: dependant?.jurisdictionPath ?? null,
      after: { dependantPersonId: done.dependantPersonId, status: 'active', consentBy: by },
    });
    return { linkId, status: 'active' as const };
  });
}

/** The proxy types the code the adult dependant received: the adult's consent, given by phone. */
export async function confirmDependantByCode(deps: Deps, context: RequestContext, linkId: string, code: string) {
  const { link } = await pendingRequest(deps, context, linkId);
  const subject = { purpose: 'proxy_consent' as const, personId: link.dependantPersonId, proxyLinkId: linkId };
  const codeId = await checkOneTimeCode(deps, context, subject, code);
  return consent(deps, context, linkId, { proxyUserId: link.proxyUserId }, 'code', codeId);
}

/** Who holds or asks to hold my code: the dependant's own view (their account). */
export async function listProxies(deps: Deps, context: RequestContext) {
  const own = await selfPersonId(deps.database.db, context);
  const rows = await proxiesOf(deps.database.db, own);
  return {
    items: rows.map((r) => ({
      ...r,
      proxyName: maskName(r.proxyName),
      relation: r.relation as Relation,
      status: r.status as 'pending' | 'active',
      since: r.since.toISOString(),
    })),
  };
}

/** The adult consents from their own account to a pending request. */
export async function consentToProxy(deps: Deps, context: RequestContext, linkId: string) {
  const own = await selfPersonId(deps.database.db, context);
  return consent(deps, context, linkId, { dependantPersonId: own }, 'account');
}

/** The dependant ends a proxy (or refuses a request): from then on the proxy sees nothing of them. */
export async function revokeProxy(deps: Deps, context: RequestContext, linkId: string) {
  const db = deps.database.db;
  const own = await selfPersonId(db, context);
  return db.transaction(async (tx) => {
    const revoked = await revokeProxyLink(tx, linkId, { dependantPersonId: own }, context.actor.userId ?? '', deps.clock());
    if (!revoked) throw notFound('id');
    await recordAudit(tx, context, {
      action: 'proxy.revoke',
      entityType: 'proxy_link',
      entityId: linkId,
      after: { dependantPersonId: own, by: 'dependant' },
    });
  });
}
