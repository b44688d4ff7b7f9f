import {
  fullViewScope,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  notFound,
  type Permission,
  pathInScope,
  type ReportColumn,
  type ReportColumnType,
  type ReportRow,
  scopePaths,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findSubmission, type SubmissionRow, unitIdOf } from './report-submission.repository.ts';
import { findUnit, type ReportingUnit } from './report-unit.repository.ts';

/** A unit inside the caller's scope for the permission, or 404 at the field (another jurisdiction never learns it exists). */
export async function unitInScope(db: Db, context: RequestContext, unitId: string, permission: Permission, field = 'unitId') {
  const unit = await findUnit(db, unitId);
  if (!unit || !pathInScope(unit.path, scopePaths(context.actor.grants, permission))) throw notFound(field);
  return unit;
}

/** A submission inside the caller's scope for the permission, with its unit; 404 otherwise. */
export async function submissionInScope(
  db: Db,
  context: RequestContext,
  id: string,
  permission: Permission,
): Promise<{ row: SubmissionRow; unit: ReportingUnit }> {
  const row = await findSubmission(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopePaths(context.actor.grants, permission))) throw notFound('id');
  const unit = await findUnit(db, unitIdOf(row));
  if (!unit) throw notFound('id');
  return { row, unit };
}

const MASKS: Partial<Record<ReportColumnType, (value: string) => string>> = {
  name: maskName,
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
};

/** Whether the caller sees the unit's rows in full (names, ID numbers, phones, addresses) or masked. */
export function seesFullRows(context: RequestContext, unitPath: string): boolean {
  return pathInScope(unitPath, fullViewScope(context.actor.grants).paths);
}

/** Personal columns masked for a reader without full view of the unit's people. */
export function maskRows(columns: readonly ReportColumn[], rows: readonly ReportRow[], full: boolean): ReportRow[] {
  if (full) return [...rows];
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => {
        const mask = MASKS[columns.find((c) => c.key === key)?.type ?? 'text'];
        return [key, mask && typeof value === 'string' ? mask(value) : value];
      }),
    ),
  );
}

/** The rows of a submission, decrypted (they are personal data at rest). */
export function rowsOf(deps: Pick<AppDeps, 'cipher'>, row: Pick<SubmissionRow, 'rowsCipher'>): ReportRow[] {
  return row.rowsCipher ? (JSON.parse(deps.cipher.decrypt(row.rowsCipher)) as ReportRow[]) : [];
}
