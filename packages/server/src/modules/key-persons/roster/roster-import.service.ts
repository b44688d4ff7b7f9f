import { createHash } from 'node:crypto';
import { AppError, forbidden, notFound, pathInScope, scopePaths, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { ImportRowError } from '../../../db/schema/index.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findJurisdictionByCode, findJurisdictionById, type JurisdictionRow } from '../../jurisdictions/jurisdiction.repository.ts';
import { findPersonByIdHash } from '../../persons/person.repository.ts';
import { registerPersonIn } from '../../persons/person.service.ts';
import { idLookupHash } from '../../persons/person-record.ts';
import { findActiveEpisode } from '../episode.repository.ts';
import { registerEpisode } from '../episode.service.ts';
import { findImportJob, findResumableJob, type ImportJobRow, insertImportJob, updateImportJob } from './import-job.repository.ts';
import { parseRosterRow, type RosterEntry, rowError } from './roster-row.ts';
import { readRoster } from './roster-workbook.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;
const KIND = 'key_person_roster';
const BATCH_SIZE = 100;

async function rowJurisdiction(db: Db, context: RequestContext, entry: RosterEntry, fallback: JurisdictionRow): Promise<JurisdictionRow> {
  const target = entry.jurisdictionCode ? await findJurisdictionByCode(db, entry.jurisdictionCode) : fallback;
  if (!target || !pathInScope(target.path, scopePaths(context.actor.grants, 'keyPerson.write'))) {
    throw new AppError('invalid', 'unknownJurisdiction', 'jurisdictionCode');
  }
  return target;
}

/** One row: find or register the person (dedup by ID number), then the episode unless one is already active. */
async function importRow(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  entry: RosterEntry,
  fallback: JurisdictionRow,
): Promise<'created' | 'existing'> {
  const where = await rowJurisdiction(tx, context, entry, fallback);
  const known = await findPersonByIdHash(tx, idLookupHash(deps.cipher, entry.idType, entry.idNumber));
  const personId =
    known?.id ?? (await registerPersonIn(tx, deps, context, { ...entry, jurisdictionId: where.id, reason: 'roster import' })).id;
  if (await findActiveEpisode(tx, personId, entry.category)) return 'existing';
  await registerEpisode(
    deps,
    context,
    { personId, category: entry.category, startDate: entry.startDate, source: 'import', reason: entry.note },
    tx,
  );
  return 'created';
}

function errorOf(entry: RosterEntry, error: unknown): ImportRowError {
  if (error instanceof AppError) return rowError(entry.rowNumber, error.field ?? 'name', error.code, error.params);
  throw error;
}

interface BatchOutcome {
  created: number;
  existing: number;
  errors: ImportRowError[];
}

/** A batch in one transaction; each row in its own savepoint so a bad row leaves the good ones in. */
async function importBatch(
  deps: Deps,
  context: RequestContext,
  rows: ReturnType<typeof parseRosterRow>[],
  fallback: JurisdictionRow,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, existing: 0, errors: [] };
  await deps.database.db.transaction(async (tx) => {
    for (const parsed of rows) {
      if ('errors' in parsed) {
        outcome.errors.push(...parsed.errors);
        continue;
      }
      try {
        outcome[await tx.transaction((savepoint) => importRow(savepoint, deps, context, parsed.entry, fallback))] += 1;
      } catch (error) {
        outcome.errors.push(errorOf(parsed.entry, error));
      }
    }
  });
  return outcome;
}

async function runJob(deps: Deps, context: RequestContext, job: ImportJobRow, buffer: Buffer, fallback: JurisdictionRow): Promise<void> {
  const today = shanghaiDate(deps.clock());
  const parsed = (await readRoster(buffer)).map((raw) => parseRosterRow(raw, today));
  const totals = { processed: job.processed, created: job.created, existing: job.existing, failed: job.failed, errors: [...job.errors] };
  await updateImportJob(deps.database.db, job.id, { total: parsed.length });
  for (let start = job.processed; start < parsed.length; start += BATCH_SIZE) {
    const batch = parsed.slice(start, start + BATCH_SIZE);
    const outcome = await importBatch(deps, context, batch, fallback);
    totals.processed += batch.length;
    totals.created += outcome.created;
    totals.existing += outcome.existing;
    totals.failed += new Set(outcome.errors.map((e) => e.row)).size;
    totals.errors.push(...outcome.errors);
    await updateImportJob(deps.database.db, job.id, totals);
  }
  await deps.database.db.transaction(async (tx) => {
    await updateImportJob(tx, job.id, { status: 'done' });
    await recordAudit(tx, context, {
      action: 'keyPerson.importRoster',
      entityType: 'import_job',
      entityId: job.id,
      jurisdictionPath: fallback.path,
      after: { total: parsed.length, created: totals.created, existing: totals.existing, failed: totals.failed },
    });
  });
}

export interface RosterUpload {
  buffer: Buffer;
  fileName?: string;
  jurisdictionId: string;
}

/** Starts (or resumes) an import and returns its job; `wait` runs it to the end before answering. */
export async function importRoster(deps: Deps, context: RequestContext, upload: RosterUpload, wait: boolean) {
  const db = deps.database.db;
  const fallback = await findJurisdictionById(db, upload.jurisdictionId);
  if (!fallback || !pathInScope(fallback.path, scopePaths(context.actor.grants, 'keyPerson.write'))) throw forbidden('jurisdictionId');
  const fileHash = createHash('sha256').update(upload.buffer).digest('hex');
  const job =
    (await findResumableJob(db, KIND, fileHash, context.actor.userId)) ??
    (await insertImportJob(db, {
      kind: KIND,
      fileHash,
      fileName: upload.fileName ?? null,
      createdBy: context.actor.userId,
      jurisdictionPath: fallback.path,
      options: { jurisdictionId: fallback.id },
    }));
  const run = runJob(deps, context, job, upload.buffer, fallback).catch(async (error: unknown) => {
    await updateImportJob(db, job.id, { status: 'failed' });
    throw error;
  });
  if (wait) await run;
  else run.catch(() => undefined);
  return importProgress(deps, context, job.id);
}

export async function importProgress(deps: Deps, context: RequestContext, id: string) {
  const job = await findImportJob(deps.database.db, id);
  if (!job || !pathInScope(job.jurisdictionPath, scopePaths(context.actor.grants, 'keyPerson.read'))) throw notFound('id');
  const { id: jobId, status, total, processed, created, existing, failed, errors, fileName } = job;
  return { id: jobId, status, total, processed, created, existing, failed, errors, fileName };
}
