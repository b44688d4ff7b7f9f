import { createHash } from 'node:crypto';
import { AppError, invalid, notFound } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit, recordRead } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { uploadRefused } from '../../imports/upload-limits.ts';
import { findEvidence, insertEvidence } from './task.repository.ts';
import { checkMayWork, taskInScope } from './task.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>;

/** What evidence may be: a photo (JPEG, PNG) or a PDF, recognized by its first bytes, not by the name it was sent with. */
export const EVIDENCE_TYPES = {
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;
export const EVIDENCE_MIMES = Object.keys(EVIDENCE_TYPES) as EvidenceType[];

const startsWith = (body: Buffer, magic: readonly number[]) => magic.every((byte, i) => body[i] === byte);

/** A file name without folders or control characters, never empty. */
function safeName(given: string | undefined, type: EvidenceType): string {
  const base = (given ?? '').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return clean || `evidence.${EVIDENCE_TYPES[type].extension}`;
}

export interface EvidenceUpload {
  body: unknown;
  contentType: string;
  fileName?: string;
}

/** The body as evidence of its declared type, or 400/413 naming the body (issue 13: files over the limit are refused, nothing written). */
function checkedBody(upload: EvidenceUpload, limit: number): { body: Buffer; type: EvidenceType } {
  const type = upload.contentType.split(';')[0]?.trim().toLowerCase() as EvidenceType;
  if (!EVIDENCE_TYPES[type] || !Buffer.isBuffer(upload.body)) {
    throw Object.assign(new AppError('invalid', 'unsupportedMediaType', 'content-type'), { status: 415 });
  }
  if (upload.body.length === 0) throw invalid('body', 'evidenceEmpty');
  if (upload.body.length > limit) throw uploadRefused('uploadTooLarge', limit);
  if (!startsWith(upload.body, EVIDENCE_TYPES[type].magic)) throw invalid('body', 'evidenceNotMatching');
  return { body: upload.body, type };
}

/** Attaches a photo or file to an open task the caller may work (ORG-060: evidence of work done). */
export async function addEvidence(deps: Deps, context: RequestContext, taskId: string, upload: EvidenceUpload) {
  const db = deps.database.db;
  const row = await taskInScope(db, context, taskId);
  await checkMayWork(db, context, row);
  const { body, type } = checkedBody(upload, deps.config.upload.evidenceBytes);
  const fileName = safeName(upload.fileName, type);
  const sha256 = createHash('sha256').update(body).digest('hex');
  return db.transaction(async (tx) => {
    const saved = await insertEvidence(tx, {
      taskId: row.id,
      fileName,
      contentType: type,
      sizeBytes: body.length,
      sha256,
      content: body,
      uploadedBy: context.actor.userId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'task.addEvidence',
      entityType: 'task',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { evidenceId: saved.id, fileName, contentType: type, sizeBytes: body.length, sha256 },
    });
    return {
      id: saved.id,
      fileName,
      contentType: type,
      sizeBytes: body.length,
      sha256,
      uploadedAt: saved.createdAt.toISOString(),
      uploadedByName: context.actor.displayName,
    };
  });
}

/** The bytes of one piece of evidence; a photo may show people, so each read is recorded. */
export async function evidenceFile(deps: Deps, context: RequestContext, taskId: string, evidenceId: string) {
  const db = deps.database.db;
  const row = await taskInScope(db, context, taskId);
  const evidence = await findEvidence(db, row.id, evidenceId);
  if (!evidence) throw notFound('evidenceId');
  await recordRead(db, context, {
    action: 'task.readEvidence',
    entityType: 'task',
    entityId: row.id,
    jurisdictionPath: row.jurisdictionPath,
  });
  return { fileName: evidence.fileName, contentType: evidence.contentType, content: Buffer.from(evidence.content) };
}
