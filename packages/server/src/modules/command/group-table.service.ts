import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { headquartersInScope } from './command-access.ts';
import { groupTableXlsx } from './group-table.xlsx.ts';
import { detailOf } from './headquarters.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/**
 * The organization as the seeds' tables (A15 roster, A16 groups and duties, expert groups) in one workbook.
 * Rosters carry phones, so the export is audited with its purpose; phones print in full only for callers
 * inside the headquarters, masked for everyone else (the same rule as on screen).
 */
export async function exportGroupTable(deps: Deps, context: RequestContext, hqId: string, purpose: string) {
  const db = deps.database.db;
  const hq = await headquartersInScope(db, context, hqId, 'command.read');
  const detail = await detailOf(deps, context, hq);
  const file = await groupTableXlsx(detail);
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: 'command.exportGroups',
      entityType: 'headquarters',
      entityId: hq.id,
      jurisdictionPath: hq.jurisdictionPath,
      after: { groups: detail.groups.length, phonesInFull: detail.phonesVisible, version: hq.version },
      reason: purpose,
    }),
  );
  return { file, fileName: `${hq.name}工作组名单及职责.xlsx` };
}
