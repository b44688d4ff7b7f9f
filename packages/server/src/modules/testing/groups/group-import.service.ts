import { forbidden, invalid, type MandatoryTestingGroup, pathInScope, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findOrRegisterPerson, rowJurisdiction } from '../../../imports/roster-person.ts';
import { type RowImport, rowImportProgress, startRowImport } from '../../../imports/row-import.ts';
import { readSheet, sheetTemplate } from '../../../imports/sheet.ts';
import { findJurisdictionById, type JurisdictionRow } from '../../jurisdictions/jurisdiction.repository.ts';
import { isUniqueViolation, scopeOf } from '../testing-access.ts';
import { activeMembership } from './group.repository.ts';
import { ACTIVE_MEMBER_INDEX, enrolMember } from './group.service.ts';
import { GROUP_LABELS, GROUP_ROSTER_COLUMNS } from './group-roster-columns.ts';
import { type GroupRosterEntry, groupRowError, parseGroupRow } from './group-roster-row.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;
const KIND = 'testing_group_roster';

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * One row: the registered person with this ID number (or, as the key-person roster does, a new
 * registration in the row's community or the upload's jurisdiction), then the roster entry unless
 * the person is already an active member of the group.
 */
async function importRow(tx: Db, deps: Deps, context: RequestContext, entry: GroupRosterEntry, fallback: JurisdictionRow) {
  const where = await rowJurisdiction(tx, context, 'testing.manage', entry.jurisdictionCode, fallback);
  const person = await findOrRegisterPerson(tx, deps, context, entry, where);
  if (!pathInScope(person.jurisdictionPath, scopeOf(context, 'testing.manage'))) throw invalid('idNumber', 'personOutsideScope');
  // An ID number typed wrong can name somebody else: the registry's name must match the list's.
  if (!sameName(person.name, entry.name)) throw invalid('name', 'nameMismatch');
  if (await activeMembership(tx, entry.group, person.id)) return 'existing';
  const enrolment = { group: entry.group, person, unitName: entry.unitName, joinedOn: entry.joinedOn };
  // Another import enrolling the same person at the same moment: the unique index decides, the loser finds it existing.
  return tx
    .transaction(async (savepoint) => {
      await enrolMember(savepoint, context, enrolment);
      return 'created' as const;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, ACTIVE_MEMBER_INDEX)) return 'existing' as const;
      throw error;
    });
}

function groupRoster(deps: Deps, context: RequestContext, fallback: JurisdictionRow, group?: MandatoryTestingGroup) {
  const spec: RowImport<GroupRosterEntry> = {
    kind: KIND,
    auditAction: 'testing.importGroupRoster',
    parse: async (buffer) => {
      const today = shanghaiDate(deps.clock());
      return (await readSheet(buffer, GROUP_ROSTER_COLUMNS)).map((raw) => parseGroupRow(raw, today, group));
    },
    apply: (tx, entry) => importRow(tx, deps, context, entry, fallback),
    errorOf: (entry, error) => groupRowError(entry.rowNumber, error.field ?? 'name', error.code, error.params),
  };
  return spec;
}

export interface GroupRosterUpload {
  buffer: Buffer;
  fileName?: string;
  /** Where people the registry does not hold yet are registered (unless a row names its community), and where the job is filed. */
  jurisdictionId: string;
  /** The group of every row whose `人群类别` is empty. */
  group?: MandatoryTestingGroup;
}

/** Imports a unit's list onto the mandatory-testing rosters (TEST-001): per-row errors, good rows applied, nothing twice. */
export async function importGroupRoster(deps: Deps, context: RequestContext, upload: GroupRosterUpload, wait: boolean) {
  const fallback = await findJurisdictionById(deps.database.db, upload.jurisdictionId);
  if (!fallback || !pathInScope(fallback.path, scopeOf(context, 'testing.manage'))) throw forbidden('jurisdictionId');
  const job = await startRowImport(
    deps,
    context,
    groupRoster(deps, context, fallback, upload.group),
    {
      buffer: upload.buffer,
      fileName: upload.fileName,
      jurisdictionPath: fallback.path,
      options: { jurisdictionId: fallback.id, group: upload.group ?? null },
    },
    wait,
  );
  return groupImportProgress(deps, context, job.id);
}

export const groupImportProgress = (deps: Deps, context: RequestContext, id: string) =>
  rowImportProgress(deps, context, KIND, 'testing.read', id);

/** The template: the columns with an example row, and the 12 groups with the names a list may use. */
export const groupRosterTemplate = (): Promise<Buffer> =>
  sheetTemplate('应检尽检人员名单', GROUP_ROSTER_COLUMNS, {
    name: '人群类别',
    headers: ['人群类别（填写任一名称）', '代码'],
    rows: Object.entries(GROUP_LABELS).map(([id, labels]) => [labels.join(' / '), id]),
  });
