import { type AppError, forbidden, pathInScope, scopePaths, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findOrRegisterPerson, rowJurisdiction } from '../../../imports/roster-person.ts';
import { type RowImport, rowImportProgress, startRowImport } from '../../../imports/row-import.ts';
import { findJurisdictionById, type JurisdictionRow } from '../../jurisdictions/jurisdiction.repository.ts';
import { findActiveEpisode } from '../episode.repository.ts';
import { registerEpisode } from '../episode.service.ts';
import { parseRosterRow, type RosterEntry, rowError } from './roster-row.ts';
import { readRoster } from './roster-workbook.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;
const KIND = 'key_person_roster';

/** One row: find or register the person (dedup by ID number), then the episode unless one is already active. */
async function importRow(tx: Db, deps: Deps, context: RequestContext, entry: RosterEntry, fallback: JurisdictionRow) {
  const where = await rowJurisdiction(tx, context, 'keyPerson.write', entry.jurisdictionCode, fallback);
  const person = await findOrRegisterPerson(tx, deps, context, entry, where);
  if (await findActiveEpisode(tx, person.id, entry.category)) return 'existing';
  await registerEpisode(
    deps,
    context,
    { personId: person.id, category: entry.category, startDate: entry.startDate, source: 'import', reason: entry.note },
    tx,
  );
  return 'created';
}

function keyPersonRoster(deps: Deps, context: RequestContext, fallback: JurisdictionRow): RowImport<RosterEntry> {
  return {
    kind: KIND,
    auditAction: 'keyPerson.importRoster',
    parse: async (buffer) => {
      const today = shanghaiDate(deps.clock());
      return (await readRoster(buffer)).map((raw) => parseRosterRow(raw, today));
    },
    apply: (tx, entry) => importRow(tx, deps, context, entry, fallback),
    errorOf: (entry, error: AppError) => rowError(entry.rowNumber, error.field ?? 'name', error.code, error.params),
  };
}

export interface RosterUpload {
  buffer: Buffer;
  fileName?: string;
  jurisdictionId: string;
}

/** Starts (or resumes) an import and returns its job; `wait` runs it to the end before answering. */
export async function importRoster(deps: Deps, context: RequestContext, upload: RosterUpload, wait: boolean) {
  const fallback = await findJurisdictionById(deps.database.db, upload.jurisdictionId);
  if (!fallback || !pathInScope(fallback.path, scopePaths(context.actor.grants, 'keyPerson.write'))) throw forbidden('jurisdictionId');
  const job = await startRowImport(
    deps,
    context,
    keyPersonRoster(deps, context, fallback),
    { buffer: upload.buffer, fileName: upload.fileName, jurisdictionPath: fallback.path, options: { jurisdictionId: fallback.id } },
    wait,
  );
  return importProgress(deps, context, job.id);
}

export const importProgress = (deps: Deps, context: RequestContext, id: string) =>
  rowImportProgress(deps, context, KIND, 'keyPerson.read', id);
