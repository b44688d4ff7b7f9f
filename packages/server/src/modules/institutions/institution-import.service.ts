import { forbidden, invalid, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { rowJurisdiction } from '../../imports/roster-person.ts';
import { type RowImport, rowImportProgress, startRowImport } from '../../imports/row-import.ts';
import { readSheet, sheetTemplate } from '../../imports/sheet.ts';
import { findJurisdictionById, type JurisdictionRow } from '../jurisdictions/jurisdiction.repository.ts';
import { findInstitutionByCode } from './institution.repository.ts';
import { scopeOf } from './institution-access.ts';
import {
  INSTITUTION_COLUMNS,
  type InstitutionImportEntry,
  institutionRowError,
  KIND_LABELS,
  parseInstitutionRow,
} from './institution-import-columns.ts';
import { checkNewInstitution, insertCheckedInstitution } from './institution-registry.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;
const KIND = 'institution_registry';

/**
 * One row: the registration's own checks (profile rules: SCH-010's counts, more classes than students), then the
 * institution unless its code is held already (the same kind: `existing`, so a file sent twice changes nothing).
 */
async function importRow(tx: Db, deps: Deps, context: RequestContext, entry: InstitutionImportEntry, fallback: JurisdictionRow) {
  const at = await rowJurisdiction(tx, context, 'institution.manage', entry.jurisdictionCode, fallback);
  const input = { ...entry, jurisdictionId: at.id };
  checkNewInstitution(input);
  const held = await findInstitutionByCode(tx, entry.code.trim());
  if (held) {
    if (held.kind !== entry.kind) throw invalid('code', 'duplicateCode');
    return 'existing' as const;
  }
  await insertCheckedInstitution(tx, deps, context, input, at);
  return 'created' as const;
}

function registryImport(deps: Deps, context: RequestContext, fallback: JurisdictionRow): RowImport<InstitutionImportEntry> {
  return {
    kind: KIND,
    auditAction: 'institution.import',
    parse: async (buffer) => (await readSheet(buffer, INSTITUTION_COLUMNS)).map(parseInstitutionRow),
    apply: (tx, entry) => importRow(tx, deps, context, entry, fallback),
    errorOf: (entry, error) => institutionRowError(entry.rowNumber, error.field ?? 'name', error.code, error.params),
  };
}

export interface InstitutionUpload {
  buffer: Buffer;
  fileName?: string;
  /** Where rows without a community code are registered, and where the job is filed. */
  jurisdictionId: string;
}

/** Imports the institution registry from Excel (issue 16 part 1): per-row errors, good rows applied, idempotent by code. */
export async function importInstitutions(deps: Deps, context: RequestContext, upload: InstitutionUpload, wait: boolean) {
  const fallback = await findJurisdictionById(deps.database.db, upload.jurisdictionId);
  if (!fallback || !pathInScope(fallback.path, scopeOf(context, 'institution.manage'))) throw forbidden('jurisdictionId');
  const job = await startRowImport(
    deps,
    context,
    registryImport(deps, context, fallback),
    { buffer: upload.buffer, fileName: upload.fileName, jurisdictionPath: fallback.path, options: { jurisdictionId: fallback.id } },
    wait,
  );
  return institutionImportProgress(deps, context, job.id);
}

export const institutionImportProgress = (deps: Deps, context: RequestContext, id: string) =>
  rowImportProgress(deps, context, KIND, 'institution.read', id);

/** The template: the columns with an example row, and the kinds with the names a sheet may use. */
export const institutionTemplate = (): Promise<Buffer> =>
  sheetTemplate('机构名录', INSTITUTION_COLUMNS, {
    name: '机构类型',
    headers: ['机构类型（填写任一名称）', '代码'],
    rows: Object.entries(KIND_LABELS).map(([id, labels]) => [labels.join(' / '), id]),
  });
