import { createHash } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { notFound, type Permission, pathInScope, scopePaths } from '@fangkong/core';
import type { Db } from '../db/client.ts';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';
import type { ImportRowError } from '../db/schema/index.ts';
import type { RequestContext } from '../http/context.ts';
import { findImportJob, findResumableJob, type ImportJobRow, insertImportJob, updateImportJob } from './import-job.repository.ts';

/** Row errors kept on a job (the count of failed rows is always complete). */
const MAX_KEPT_ERRORS = 1000;

/** What a job has done so far; saved with each batch, so an interrupted job goes on from there. */
export interface ImportTally {
  processed: number;
  created: number;
  existing: number;
  failed: number;
  errors: ImportRowError[];
}

export const tallyOf = (job: ImportJobRow): ImportTally => ({
  processed: job.processed,
  created: job.created,
  existing: job.existing,
  failed: job.failed,
  errors: [...job.errors],
});

/** Adds a batch's row errors to the ones kept. */
export function keepErrors(tally: ImportTally, errors: readonly ImportRowError[]): void {
  tally.errors.push(...errors.slice(0, Math.max(0, MAX_KEPT_ERRORS - tally.errors.length)));
}

export interface Upload {
  buffer: Buffer;
  fileName?: string;
  /** The job is filed (and later read) under this path. */
  jurisdictionPath: string;
  /** The choices the file was sent with; a job resumes only for the same choices. */
  options: Record<string, unknown>;
}

/** What a job counts in its options as it runs (the lab import's follow-up), saved with each batch: not a choice. */
const RUNNING_COUNTS = new Set(['followUp']);

/** A running job of the same file, by the same user, sent with the same choices (a job that recorded none matches any). */
async function resumableJob(db: Db, kind: string, fileHash: string, context: RequestContext, options: Record<string, unknown>) {
  const job = await findResumableJob(db, kind, fileHash, context.actor.userId);
  const sameChoices = (entries: [string, unknown][]) => entries.every(([key, value]) => RUNNING_COUNTS.has(key) || options[key] === value);
  return job && sameChoices(Object.entries(job.options)) ? job : undefined;
}

/** The job of an upload: the unfinished one of the same file to resume after its processed rows, or a new one. */
export async function jobOfUpload(db: Db, kind: string, context: RequestContext, upload: Upload): Promise<ImportJobRow> {
  const fileHash = createHash('sha256').update(upload.buffer).digest('hex');
  return (
    (await resumableJob(db, kind, fileHash, context, upload.options)) ??
    (await insertImportJob(db, {
      kind,
      fileHash,
      fileName: upload.fileName ?? null,
      createdBy: context.actor.userId,
      jurisdictionPath: upload.jurisdictionPath,
      options: upload.options,
    }))
  );
}

/**
 * Lets the requests that arrived during a batch in before the next one. Embedded PGlite answers
 * without ever returning to the event loop, so without this a long import on PGlite left every other
 * request (its own progress polls included) unanswered until it ended.
 */
export const betweenBatches = (): Promise<void> => setImmediate();

/**
 * Runs a job's work, marking the job failed if it throws; `wait` runs it to the end before answering.
 * A job cut by the database going away stays running, as after a crash: the same file sent again
 * resumes it once the database is back.
 */
export async function runJob(db: Db, job: ImportJobRow, work: () => Promise<void>, wait: boolean): Promise<void> {
  const run = work().catch(async (error: unknown) => {
    if (!isDatabaseUnavailable(error)) await updateImportJob(db, job.id, { status: 'failed' });
    throw error;
  });
  if (wait) await run;
  else run.catch(() => undefined);
}

/** A job of `kind` filed in the reader's scope for `permission`; anything else is not found. */
export async function jobInScope(db: Db, context: RequestContext, kind: string, permission: Permission, id: string): Promise<ImportJobRow> {
  const job = await findImportJob(db, id);
  if (!job || job.kind !== kind || !pathInScope(job.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  return job;
}

/** The progress every import answers with. */
export function progressOf(job: ImportJobRow) {
  const { status, total, processed, created, existing, failed, errors, fileName } = job;
  return { id: job.id, status, total, processed, created, existing, failed, errors, fileName };
}
