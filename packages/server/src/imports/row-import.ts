import { AppError, type Permission } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/client.ts';
import type { ImportRowError } from '../db/schema/index.ts';
import type { RequestContext } from '../http/context.ts';
import { type ImportJobRow, updateImportJob } from './import-job.repository.ts';
import {
  betweenBatches,
  type ImportTally,
  jobInScope,
  jobOfUpload,
  keepErrors,
  progressOf,
  runJob,
  tallyOf,
  type Upload,
} from './import-job.service.ts';

type Deps = Pick<AppDeps, 'database'>;
const BATCH_SIZE = 100;

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

export type { Upload } from './import-job.service.ts';

/** One row in its own savepoint, so a refused row leaves the good ones of its batch in. */
async function applyRow<E extends { rowNumber: number }>(tx: Db, spec: RowImport<E>, parsed: ParsedRow<E>, tally: ImportTally) {
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
  keepErrors(tally, errors);
}

/** Batches of rows, each in one transaction with the job's progress; the job's audit event closes it. */
async function runRows<E extends { rowNumber: number }>(
  deps: Deps,
  context: RequestContext,
  spec: RowImport<E>,
  job: ImportJobRow,
  buffer: Buffer,
) {
  const db = deps.database.db;
  const parsed = await spec.parse(buffer);
  const tally = tallyOf(job);
  await updateImportJob(db, job.id, { total: parsed.length });
  for (let start = job.processed; start < parsed.length; start += BATCH_SIZE) {
    await betweenBatches();
    const attempt: ImportTally = { ...tally, errors: [...tally.errors] };
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
  const job = await jobOfUpload(deps.database.db, spec.kind, context, upload);
  await runJob(deps.database.db, job, () => runRows(deps, context, spec, job, upload.buffer), wait);
  return job;
}

/** A job's progress and row errors, for a reader whose scope (for `permission`) holds the job's jurisdiction. */
export async function rowImportProgress(deps: Deps, context: RequestContext, kind: string, permission: Permission, id: string) {
  return progressOf(await jobInScope(deps.database.db, context, kind, permission, id));
}
