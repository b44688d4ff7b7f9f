import { randomInt, timingSafeEqual } from 'node:crypto';
import { AppError, invalid } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { type AuditEntry, recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { phoneLookupHash } from '../persons/person-record.ts';
import {
  codesSentTo,
  countWrongAttempt,
  insertOneTimeCode,
  newestOpenCode,
  type OneTimeCodePurpose,
  useOneTimeCode,
} from './one-time-code.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'sms' | 'clock'>;

/** Six digits, valid five minutes, five tries (issue 12 defect 5; the usual terms of Chinese SMS codes, configured). */
export const CODE_TTL_SECONDS = 300;
export const CODE_MAX_ATTEMPTS = 5;
const CODES_PER_PHONE_PER_HOUR = 5;
const RESEND_GAP_MS = 60_000;

export interface CodeSubject {
  purpose: OneTimeCodePurpose;
  personId: string;
  proxyLinkId: string | null;
}

const codeHash = (deps: Deps, subject: CodeSubject, code: string) =>
  deps.cipher.lookupHash('oneTimeCode', `${subject.purpose}:${subject.personId}:${subject.proxyLinkId ?? ''}:${code}`);

/** A phone gets a code at most once a minute and five times an hour, whoever asks (an attacker cannot flood it). */
async function refuseTooSoon(db: Db, phoneHash: string, now: Date) {
  const sent = await codesSentTo(db, phoneHash, new Date(now.getTime() - 3_600_000));
  const gapLeft = sent.newest ? RESEND_GAP_MS - (now.getTime() - sent.newest.getTime()) : 0;
  if (gapLeft > 0) throw new AppError('tooMany', 'tooManyRequests', 'phone', { retryAfter: Math.ceil(gapLeft / 1000) });
  if (sent.count >= CODES_PER_PHONE_PER_HOUR) throw new AppError('tooMany', 'tooManyRequests', 'phone', { retryAfter: 3600 });
}

/**
 * Makes a code for the subject, keeps only its keyed hash, audits the sending (same transaction), then sends the
 * text through the configured SMS sender. `text` words the message around the code.
 */
export async function sendOneTimeCode(
  deps: Deps,
  context: RequestContext,
  message: { subject: CodeSubject; phone: string; text: (code: string) => string; audit: AuditEntry },
): Promise<{ expiresInSeconds: number }> {
  const now = deps.clock();
  const phoneHash = phoneLookupHash(deps.cipher, message.phone);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.database.db.transaction(async (tx) => {
    await refuseTooSoon(tx, phoneHash, now);
    const id = await insertOneTimeCode(tx, {
      ...message.subject,
      phoneHash,
      codeHash: codeHash(deps, message.subject, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, { ...message.audit, after: { ...(message.audit.after ?? {}), oneTimeCodeId: id } });
  });
  await deps.sms.send(message.phone, message.text(code));
  return { expiresInSeconds: CODE_TTL_SECONDS };
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Checks a code the person typed. A wrong one uses up a try (committed and audited even though the request is
 * refused); an expired, used-up or missing one is refused alike. Returns the code's id for `spendOneTimeCode`.
 */
export async function checkOneTimeCode(deps: Deps, context: RequestContext, subject: CodeSubject, code: string): Promise<string> {
  const db = deps.database.db;
  const row = await newestOpenCode(db, subject.personId, subject.purpose, subject.proxyLinkId);
  if (!row || row.expiresAt <= deps.clock() || row.attempts >= CODE_MAX_ATTEMPTS) throw invalid('code', 'codeExpired');
  if (sameHash(row.codeHash, codeHash(deps, subject, code))) return row.id;
  await db.transaction(async (tx) => {
    await countWrongAttempt(tx, row.id);
    await recordAudit(tx, context, { action: 'oneTimeCode.wrong', entityType: 'one_time_code', entityId: row.id, reason: subject.purpose });
  });
  throw invalid('code', 'codeInvalid', { left: CODE_MAX_ATTEMPTS - row.attempts - 1 });
}

/** Uses the checked code inside the caller's transaction, so it works once even when two requests race. */
export async function spendOneTimeCode(tx: Db, id: string, now: Date) {
  if (!(await useOneTimeCode(tx, id, now, CODE_MAX_ATTEMPTS))) throw invalid('code', 'codeExpired');
}
