import { type AccountabilityKind, invalid, isCalendarDate, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { inScope, scopeOf, unitInScope } from './command-access.ts';
import { unitView } from './org-unit.service.ts';
import { findFinding, findingsOfUnit, insertAccountabilityRecord, recordsOfUnit, unitLedger } from './supervision.repository.ts';
import { findingViews } from './supervision.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Units in the caller's scope with findings, overdue tasks or records (SUP-002…004): the accountability ledger. */
export async function accountabilityLedger(deps: Deps, context: RequestContext) {
  const rows = await unitLedger(deps.database.db, scopeOf(context, 'command.read'), deps.clock());
  return {
    items: rows.map((r) => ({
      unit: { ...unitView(r.unit), jurisdictionName: r.jurisdictionName },
      findings: r.findings,
      openFindings: r.openFindings,
      overdueTasks: r.overdueTasks,
      records: r.records ?? {},
    })),
  };
}

/** One unit's record: its commendations and accountability, and every finding it was to rectify with where it stands. */
export async function unitAccountability(deps: Deps, context: RequestContext, unitId: string) {
  const db = deps.database.db;
  const unit = await unitInScope(db, context, unitId, 'command.read');
  const [records, findings] = await Promise.all([recordsOfUnit(db, unit.id), findingsOfUnit(db, unit.id)]);
  return {
    unit: unitView(unit),
    records: records.map(({ record, createdByName }) => ({
      id: record.id,
      kind: record.kind,
      basis: record.basis,
      findingId: record.findingId,
      decidedBy: record.decidedBy,
      decidedOn: record.decidedOn,
      createdByName,
      createdAt: record.createdAt.toISOString(),
    })),
    findings: await findingViews(db, findings, deps.clock()),
  };
}

export interface NewAccountabilityRecord {
  orgUnitId: string;
  kind: AccountabilityKind;
  basis: string;
  findingId?: string;
  decidedBy: string;
  decidedOn: string;
}

/** Records a commendation or a step of accountability for a unit, with its basis and who decided it (SUP-002, SUP-003, SUP-004). */
export async function addAccountabilityRecord(deps: Deps, context: RequestContext, input: NewAccountabilityRecord) {
  const db = deps.database.db;
  const unit = await unitInScope(db, context, input.orgUnitId, 'supervision.write', 'orgUnitId').catch(() => {
    throw invalid('orgUnitId', 'unknownUnit');
  });
  if (input.findingId) {
    const finding = await findFinding(db, input.findingId);
    const ok = finding && finding.responsibleUnitId === unit.id;
    if (!ok) throw invalid('findingId', 'notOfUnit');
    inScope(finding, context, 'supervision.write', 'findingId');
  }
  if (!isCalendarDate(input.decidedOn)) throw invalid('decidedOn', 'invalidDate');
  if (input.decidedOn > shanghaiDate(deps.clock())) throw invalid('decidedOn', 'futureDate');
  if (!input.basis.trim()) throw invalid('basis', 'required');
  const record = await db.transaction(async (tx) => {
    const row = await insertAccountabilityRecord(tx, {
      orgUnitId: unit.id,
      kind: input.kind,
      basis: input.basis.trim(),
      findingId: input.findingId ?? null,
      decidedBy: input.decidedBy.trim(),
      decidedOn: input.decidedOn,
      createdBy: context.actor.userId,
      jurisdictionId: unit.jurisdictionId,
      jurisdictionPath: unit.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'supervision.accountability',
      entityType: 'org_unit',
      entityId: unit.id,
      jurisdictionPath: unit.jurisdictionPath,
      after: { recordId: row.id, kind: row.kind, basis: row.basis, findingId: row.findingId, decidedBy: row.decidedBy },
    });
    return row;
  });
  return {
    id: record.id,
    kind: record.kind,
    basis: record.basis,
    findingId: record.findingId,
    decidedBy: record.decidedBy,
    decidedOn: record.decidedOn,
    createdByName: context.actor.displayName,
    createdAt: record.createdAt.toISOString(),
  };
}
