import {
  AppError,
  fullViewScope,
  institutionTakesReportsFrom,
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  mayReportFor,
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
import { findUnit, institutionReportersAt, type ReportingUnit } from './report-unit.repository.ts';

/** A unit inside the caller's scope for the permission, or 404 at the field (another jurisdiction never learns it exists). */
export async function unitInScope(db: Db, context: RequestContext, unitId: string, permission: Permission, field = 'unitId') {
  const unit = await findUnit(db, unitId);
  if (!unit || !pathInScope(unit.path, scopePaths(context.actor.grants, permission))) throw notFound(field);
  return unit;
}

/**
 * Which of these units the caller fills in reports for (core `mayReportFor`): a community's tables come from its
 * grid worker or secretary, an institution's from the reporter it names (or anyone allowed when it names nobody).
 */
export async function reporterOfUnits(db: Db, context: RequestContext, units: readonly ReportingUnit[]) {
  const placeIds = units.filter((u) => u.kind === 'place').map((u) => u.id);
  const reporters = await institutionReportersAt(db, placeIds);
  const caller = context.actor.userId;
  return (unit: ReportingUnit) =>
    mayReportFor(
      context.actor.grants,
      unit,
      (reporters.get(unit.id) ?? []).every((named) => institutionTakesReportsFrom(named, caller)),
    );
}

/** A unit the caller reports for: another jurisdiction's is 404; one in scope that is not theirs to fill in is 403. */
export async function unitReportedBy(db: Db, context: RequestContext, unitId: string, field = 'unitId') {
  const unit = await unitInScope(db, context, unitId, 'report.submit', field);
  const reportsFor = await reporterOfUnits(db, context, [unit]);
  if (!reportsFor(unit)) throw new AppError('forbidden', 'notReporterOfUnit', field);
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
