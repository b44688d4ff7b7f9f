import { createHash } from 'node:crypto';
import { AppError, notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import type { ImportRowError } from '../db/schema/index.ts';
import type { RequestContext } from '../http/context.ts';
import { findImportJob, findResumableJob, type ImportJobRow, insertImportJob, updateImportJob } from './import-job.repository.ts';

type Deps = Pick<AppDeps, 'database'>;
const BATCH_SIZE = 100;
/** Row errors kept on the job (the count of failed rows is always complete). */
const MAX_KEPT_ERRORS = 1000;

/** A row checked on its own: the entry to apply, or every problem it has. */
export type ParsedRow<E> = { entry: E } | { errors: ImportRowError[] };

/** What one kind of row-by-row import (a roster) supplies to the shared runner. */
export interface RowImport<E extends { rowNumber: number }> {
  /** `import_job.kind`, e.g. `key_person_roster`. */
  kind: string;
  /** The audit action of the finished job. */
  auditAction: string;
  /** Reads the file and checks each row on its own. */
  parse: (buffer: Buffer) => Promise<ParsedRow<E>[]>;
  /** Applies one good row (its own writes audited); `existing` when the row changes nothing. */
  apply: (tx: Db, entry: E) => Promise<'created' | 'existing'>;
  /** The row error of a refusal (an AppError) raised while applying. */
  errorOf: (entry: E, error: AppError) => ImportRowError;
}

export interface Upload {
  buffer: Buffer;
  fileName?: string;
  /** The job is filed (and later read) under this path. */
  jurisdictionPath: string;
  /** The choices the file was sent with; a job resumes only for the same choices. */
  options: Record<string, unknown>;
}

interface Tally {
  processed: number;
  created: number;
  existing: number;
  failed: number;
  errors: ImportRowError[];
}

/** One row in its own savepoint, so a refused row leaves the good ones of its batch in. */
async function applyRow<E extends { rowNumber: number }>(tx: Db, spec: RowImport<E>, parsed: ParsedRow<E>, tally: Tally) {
  let errors: ImportRowError[];
  if ('errors' in parsed) errors = parsed.errors;
  else {
    try {
      tally[await tx.transaction((savepoint) => spec.apply(savepoint, parsed.entry))] += 1;
      return;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors = [spec.errorOf(parsed.entry, error)];
    }
  }
  tally.failed += 1;
  tally.errors.push(...errors.slice(0, Math.max(0, MAX_KEPT_ERRORS - tally.errors.length)));
}

/** Batches of rows, each in one transaction with the job's progress; the job's audit event closes it. */
async function runJob<E extends { rowNumber: number }>(
  deps: Deps,
  context: RequestContext,
  spec: RowImport<E>,
  job: ImportJobRow,
  buffer: Buffer,
) {
  const db = deps.database.db;
  const parsed = await spec.parse(buffer);
  const tally: Tally = {
    processed: job.processed,
    created: job.created,
    existing: job.existing,
    failed: job.failed,
    errors: [...job.errors],
  };
  await updateImportJob(db, job.id, { total: parsed.length });
  for (let start = job.processed; start < parsed.length; start += BATCH_SIZE) {
    const attempt: Tally = { ...tally, errors: [...tally.errors] };
    await db.transaction(async (tx) => {
      for (const row of parsed.slice(start, start + BATCH_SIZE)) await applyRow(tx, spec, row, attempt);
      attempt.processed = Math.min(parsed.length, start + BATCH_SIZE);
      await updateImportJob(tx, job.id, attempt);
    });
    Object.assign(tally, attempt);
  }
  await db.transaction(async (tx) => {
    await updateImportJob(tx, job.id, { status: 'done' });
    const { created, existing, failed } = tally;
    await recordAudit(tx, context, {
      action: spec.auditAction,
      entityType: 'import_job',
      entityId: job.id,
      jurisdictionPath: job.jurisdictionPath,
      after: { total: parsed.length, created, existing, failed, ...job.options },
    });
  });
}

/** A running job of the same file, by the same user, sent with the same choices (a job that recorded none matches any). */
async function resumableJob(db: Db, kind: string, fileHash: string, context: RequestContext, options: Record<string, unknown>) {
  const job = await findResumableJob(db, kind, fileHash, context.actor.userId);
  return job && Object.entries(job.options).every(([key, value]) => options[key] === value) ? job : undefined;
}

/**
 * Starts an import, or resumes the unfinished one of the same file after its processed rows; `wait`
 * runs it to the end before answering. Re-sending a finished file runs it again, and every row is `existing`.
 */
export async function startRowImport<E extends { rowNumber: number }>(
  deps: Deps,
  context: RequestContext,
  spec: RowImport<E>,
  upload: Upload,
  wait: boolean,
): Promise<ImportJobRow> {
  const db = deps.database.db;
  const fileHash = createHash('sha256').update(upload.buffer).digest('hex');
  const job =
    (await resumableJob(db, spec.kind, fileHash, context, upload.options)) ??
    (await insertImportJob(db, {
      kind: spec.kind,
      fileHash,
      fileName: upload.fileName ?? null,
      createdBy: context.actor.userId,
      jurisdictionPath: upload.jurisdictionPath,
      options: upload.options,
    }));
  const run = runJob(deps, context, spec, job, upload.buffer).catch(async (error: unknown) => {
    await updateImportJob(db, job.id, { status: 'failed' });
    throw error;
  });
  if (wait) await run;
  else run.catch(() => undefined);
  return job;
}

/** A job's progress and row errors, for a reader whose scope (for `permission`) holds the job's jurisdiction. */
export async function rowImportProgress(deps: Deps, context: RequestContext, kind: string, permission: Permission, id: string) {
  const job = await findImportJob(deps.database.db, id);
  if (!job || job.kind !== kind || !pathInScope(job.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  const { status, total, processed, created, existing, failed, errors, fileName } = job;
  return { id: job.id, status, total, processed, created, existing, failed, errors, fileName };
}
