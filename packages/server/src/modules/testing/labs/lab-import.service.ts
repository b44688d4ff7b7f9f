import { forbidden, invalid } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { ImportRowError } from '../../../db/schema/index.ts';
import type { RequestContext } from '../../../http/context.ts';
import { type ImportJobRow, updateImportJob } from '../../../imports/import-job.repository.ts';
import {
  betweenBatches,
  type ImportTally,
  jobInScope,
  jobOfUpload,
  keepErrors,
  progressOf,
  runJob,
  tallyOf,
} from '../../../imports/import-job.service.ts';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../../../imports/upload-limits.ts';
import { isUniqueViolation, scopeOf } from '../testing-access.ts';
import { type FanOutCounts, fanOut } from './fan-out.service.ts';
import { type LabColumn, type LabSheet, type RawLabRow, readCsv, readXlsx } from './lab-file.ts';
import { analyzeAfterImport, applyLabBatch, type BatchMeta, withoutJit } from './lab-result.repository.ts';
import { dedupeByBarcode, type LabEntry, labRowError, parseLabRow, TimeParser } from './lab-row.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;
/** A file import also reads its batch size from the configuration. */
type ImportDeps = Deps & Pick<AppDeps, 'config'>;
const KIND = 'lab_result';
/** An import of at least this many rows refreshes the planner's statistics when it ends. */
const ANALYZE_AFTER_ROWS = 10_000;

export interface Tally extends ImportTally {
  followUp: FanOutCounts;
}

const emptyFollowUp = (): FanOutCounts => ({ controlTasks: 0, caseCandidates: 0, alerts: 0, closedTasks: 0, keyPersons: 0 });

/** The follow-up counted so far: saved with each batch, so a job resumed after a crash goes on counting from there. */
const followUpOf = (job: ImportJobRow): FanOutCounts => ({
  ...emptyFollowUp(),
  ...(job.options.followUp as Partial<FanOutCounts> | undefined),
});

/** The subtrees a caller may report results for; the job (or the answer) is filed under the first. */
function labScope(context: RequestContext): string[] {
  const scope = scopeOf(context, 'testing.labResult');
  if (scope.length === 0) throw forbidden();
  return scope;
}

const PROBLEM_FIELD: Record<string, LabColumn> = { resultConflict: 'result' };

interface BatchInput {
  rows: RawLabRow[];
  columns: LabSheet['columns'];
  lab?: string;
  times: TimeParser;
}

/** Each row checked on its own: the good ones as entries, the rest as errors. */
function parseRows(sheet: BatchInput, now: Date): { entries: LabEntry[]; errors: ImportRowError[] } {
  const entries: LabEntry[] = [];
  const errors: ImportRowError[] = [];
  const defaults = { lab: sheet.lab, now, times: sheet.times };
  for (const raw of sheet.rows) {
    const parsed = parseLabRow(raw, sheet.columns, defaults);
    if ('entry' in parsed) entries.push(parsed.entry);
    else errors.push(...parsed.errors);
  }
  return { entries, errors };
}

/**
 * Parses, de-duplicates and applies one batch of rows with its follow-up, all in one transaction.
 * A barcode named twice in the batch is caught here; named again in a later batch of the same file,
 * the database finds the result this import wrote (see applyLabBatch) — so no map of every barcode
 * of a million-row file is kept.
 */
export async function applyRows(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  sheet: BatchInput,
  meta: BatchMeta,
  tally: Tally,
): Promise<void> {
  const parsed = parseRows(sheet, meta.now);
  const unique = dedupeByBarcode(parsed.entries, sheet.columns.barcode ?? 'barcode');
  const outcome = await applyLabBatch(tx, unique.entries, meta);
  const problems = outcome.problems.filter((p) => p.code !== 'existing');
  const errors = [
    ...parsed.errors,
    ...unique.errors,
    ...problems.map((p) => {
      const field = PROBLEM_FIELD[p.code] ?? 'barcode';
      return labRowError(p.row, field, sheet.columns[field] ?? field, p.code);
    }),
  ].sort((a, b) => a.row - b.row);
  const { episodeIds: _, ...follow } = await fanOut(tx, deps, context, outcome.followUps, meta.scope[0] ?? null);
  tally.created += outcome.created;
  tally.existing += unique.repeated + (outcome.problems.length - problems.length);
  tally.failed += new Set(errors.map((e) => e.row)).size;
  keepErrors(tally, errors);
  for (const key of Object.keys(follow) as (keyof FanOutCounts)[]) tally.followUp[key] += follow[key];
}

const copyTally = (tally: Tally): Tally => ({ ...tally, errors: [...tally.errors], followUp: { ...tally.followUp } });

/**
 * Runs a batch against a copy of the tally and keeps it only when the batch commits. Two imports
 * naming the same tube at the same moment: the loser's batch fails on the result's primary key and
 * runs once more, now finding the winner's result (existing or conflict) — nothing applied twice.
 */
async function retryingRace(tally: Tally, batch: (attempt: Tally) => Promise<void>): Promise<void> {
  for (let tries = 1; ; tries++) {
    const attempt = copyTally(tally);
    try {
      await batch(attempt);
      Object.assign(tally, attempt);
      return;
    } catch (error) {
      if (tries >= 3 || !isUniqueViolation(error, 'lab_result_pkey')) throw error;
    }
  }
}

async function runBatches(deps: ImportDeps, context: RequestContext, job: ImportJobRow, sheet: LabSheet, lab: string | undefined) {
  const db = deps.database.db;
  const scope = labScope(context);
  const tally: Tally = { ...tallyOf(job), followUp: followUpOf(job) };
  const times = new TimeParser();
  const batchRows = deps.config.labImportBatchRows;
  await updateImportJob(db, job.id, { total: sheet.total });
  for (let start = job.processed; start < sheet.total; start += batchRows) {
    await betweenBatches();
    const rows = sheet.slice(start, start + batchRows);
    const source = job.options.source === 'xlsx' ? 'xlsx' : 'csv';
    const meta: BatchMeta = { scope, now: deps.clock(), source, jobId: job.id, userId: context.actor.userId };
    const batch = (attempt: Tally) =>
      db.transaction(async (tx) => {
        await withoutJit(tx);
        await applyRows(tx, deps, context, { rows, columns: sheet.columns, lab, times }, meta, attempt);
        attempt.processed = Math.min(sheet.total, start + batchRows);
        const { followUp, ...counts } = attempt;
        await updateImportJob(tx, job.id, { ...counts, options: { ...job.options, followUp } });
      });
    await retryingRace(tally, batch);
  }
  if (sheet.total - job.processed >= ANALYZE_AFTER_ROWS) await analyzeAfterImport(db);
  await db.transaction(async (tx) => {
    await updateImportJob(tx, job.id, { status: 'done', options: { ...job.options, followUp: tally.followUp } });
    await recordAudit(tx, context, {
      action: 'testing.importLabResults',
      entityType: 'import_job',
      entityId: job.id,
      jurisdictionPath: job.jurisdictionPath,
      after: { total: sheet.total, created: tally.created, existing: tally.existing, failed: tally.failed, ...tally.followUp },
    });
  });
}

export interface LabUpload {
  buffer: Buffer;
  kind: 'csv' | 'xlsx';
  /** Rows and columns the file may hold (issue 12 defect 3); the defaults when unset. */
  limits?: UploadLimits;
  fileName?: string;
  labName?: string;
}

/**
 * Imports a lab's result file (CSV in UTF-8 or GBK, or Excel): per-row errors, good rows applied,
 * nothing applied twice. The same file sent again resumes an unfinished job, or finds every row done.
 */
export async function importLabFile(deps: ImportDeps, context: RequestContext, upload: LabUpload, wait: boolean) {
  const db = deps.database.db;
  const scope = labScope(context);
  const limits = upload.limits ?? DEFAULT_UPLOAD_LIMITS;
  const sheet = upload.kind === 'xlsx' ? await readXlsx(upload.buffer, limits) : readCsv(upload.buffer, limits);
  for (const column of ['barcode', 'result'] as const) if (!sheet.columns[column]) throw invalid('body', 'missingColumn', { column });
  const options = { source: upload.kind, labName: upload.labName ?? null };
  const { limits: _limits, ...file } = upload;
  const job = await jobOfUpload(db, KIND, context, { ...file, jurisdictionPath: scope[0] ?? '/', options });
  await runJob(db, job, () => runBatches(deps, context, job, sheet, upload.labName), wait);
  return labImportProgress(deps, context, job.id);
}

export async function labImportProgress(deps: Deps, context: RequestContext, id: string) {
  const job = await jobInScope(deps.database.db, context, KIND, 'testing.labResult', id);
  return { ...progressOf(job), followUp: followUpOf(job) };
}

export interface LabSubmission {
  labName: string;
  results: { barcode: string; result: string; testedAt?: string }[];
}

const API_COLUMNS = { barcode: 'barcode', result: 'result', testedAt: 'testedAt', lab: 'labName' };

/** The JSON API for lab systems: the same checks and the same idempotent apply as a file, answered at once. */
export async function submitLabResults(deps: Deps, context: RequestContext, input: LabSubmission) {
  const scope = labScope(context);
  const rows = input.results.map((r, i) => ({ row: i + 1, barcode: r.barcode, result: r.result, testedAt: r.testedAt ?? '', lab: '' }));
  const tally: Tally = { processed: 0, created: 0, existing: 0, failed: 0, errors: [], followUp: emptyFollowUp() };
  const meta: BatchMeta = { scope, now: deps.clock(), source: 'api', jobId: null, userId: context.actor.userId };
  const batch = (attempt: Tally) =>
    deps.database.db.transaction(async (tx) => {
      const sheet = { rows, columns: API_COLUMNS, lab: input.labName, times: new TimeParser() };
      await applyRows(tx, deps, context, sheet, meta, attempt);
      await recordAudit(tx, context, {
        action: 'testing.submitLabResults',
        entityType: 'lab_result',
        jurisdictionPath: scope[0] ?? null,
        after: { labName: input.labName, total: rows.length, created: attempt.created, existing: attempt.existing, failed: attempt.failed },
      });
    });
  await retryingRace(tally, batch);
  const { processed: _, ...answer } = tally;
  return { total: rows.length, ...answer };
}
