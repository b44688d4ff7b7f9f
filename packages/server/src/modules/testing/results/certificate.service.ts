import { createHash, randomBytes } from 'node:crypto';
import { AppError, maskName, notFound } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findPersonById } from '../../persons/person.repository.ts';
import { certificatePdf } from './certificate.pdf.ts';
import { mayReadResultsOf } from './person-results.service.ts';
import { findCertificateByTokenHash, findSampleResult, insertCertificate } from './result.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** 24 random bytes: unguessable; only their hash is stored, so the table does not hand out valid links. */
const newToken = () => randomBytes(24).toString('base64url');
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues a certificate for a sample with a result: a PDF whose QR code leads to the public verification. */
export async function issueCertificate(deps: Deps, context: RequestContext, sampleId: string, verifyBase: string) {
  const db = deps.database.db;
  const sample = await findSampleResult(db, sampleId);
  const found = sample && (await findPersonById(db, sample.personId));
  if (!sample || !found || !(await mayReadResultsOf(db, context, sample.personId, sample.jurisdictionPath))) throw notFound('id');
  if (!sample.result) throw new AppError('conflict', 'resultPending', 'id');
  const token = newToken();
  const issuedAt = deps.clock();
  const certificateId = await db.transaction(async (tx) => {
    const id = await insertCertificate(tx, {
      sampleId,
      personId: sample.personId,
      tokenHash: tokenHash(token),
      issuedAt,
      issuedBy: context.actor.userId,
      jurisdictionPath: sample.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'testing.issueCertificate',
      entityType: 'test_certificate',
      entityId: id,
      jurisdictionPath: sample.jurisdictionPath,
      after: { sampleId, personId: sample.personId, result: sample.result },
    });
    return id;
  });
  const verifyUrl = `${verifyBase}/api/testing/certificates/${token}`;
  const { person } = found;
  const pdf = await certificatePdf({ certificateId, name: person.name, idMasked: person.idMasked, sample, issuedAt, verifyUrl });
  return { pdf, verifyUrl };
}

/** Public verification: only the masked name, the result and its times — never the ID or anything else. */
export async function verifyCertificate(deps: Deps, token: string) {
  const db = deps.database.db;
  const certificate = await findCertificateByTokenHash(db, tokenHash(token));
  const sample = certificate && (await findSampleResult(db, certificate.sampleId));
  const found = sample && (await findPersonById(db, sample.personId));
  if (!certificate || !sample?.result || !found) throw notFound('token');
  return {
    name: maskName(found.person.name),
    result: sample.result,
    pooled: sample.poolSize > 1 || sample.memberCount > 1,
    sampledAt: sample.sampledAt.toISOString(),
    resultAt: sample.testedAt?.toISOString() ?? null,
    issuedAt: certificate.issuedAt.toISOString(),
  };
}
