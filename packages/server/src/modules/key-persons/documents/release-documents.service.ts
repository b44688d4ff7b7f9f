import { AppError, findEdition, fullViewScope, maskIdNumber, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { episodeInScope } from '../episode-access.ts';
import { releaseNoticePdf } from './release-notice.pdf.ts';
import { type ReleaseRecordRow, releaseRecord, releasesOn, testsOfEpisode } from './release-record.repository.ts';
import { releaseTableXlsx } from './release-table.xlsx.ts';

type Deps = Pick<AppDeps, 'database' | 'cipher' | 'clock'>;

/** Full ID numbers print only for callers allowed to see them (site staff: of their sites' people); others get the masked form. */
function idNumberFor(deps: Deps, context: RequestContext, record: ReleaseRecordRow): string {
  const full = deps.cipher.decrypt(record.id_cipher);
  const scope = fullViewScope(context.actor.grants);
  const allowed =
    pathInScope(record.jurisdiction_path, scope.paths) || (record.site_path !== null && pathInScope(record.site_path, scope.sitePaths));
  return allowed ? full : maskIdNumber(full);
}

export async function releaseNotice(deps: Deps, context: RequestContext, episodeId: string, purpose: string) {
  const db = deps.database.db;
  await episodeInScope(db, context, episodeId, 'keyPerson.read');
  const record = await releaseRecord(db, episodeId);
  if (!record) throw new AppError('notFound', 'notReleased', 'id');
  const pdf = await releaseNoticePdf({
    record,
    idNumber: idNumberFor(deps, context, record),
    tests: await testsOfEpisode(db, episodeId),
    editionName: findEdition(record.edition_id)?.name ?? record.edition_id,
  });
  await recordAudit(db, context, {
    action: 'keyPerson.printReleaseNotice',
    entityType: 'key_person_episode',
    entityId: episodeId,
    jurisdictionPath: record.jurisdiction_path,
    reason: purpose,
  });
  return pdf;
}

/** The day's 人员解除隔离表 for the caller's scope; an export of personal data, so its purpose is recorded. */
export async function releaseTable(deps: Deps, context: RequestContext, day: string, purpose: string) {
  const db = deps.database.db;
  const records = await releasesOn(db, day, scopePaths(context.actor.grants, 'keyPerson.read'));
  const rows = await Promise.all(
    records.map(async (record) => ({
      record,
      idNumber: idNumberFor(deps, context, record),
      negativeTests: (await testsOfEpisode(db, record.episode_id)).filter((t) => t.result === 'negative').length,
    })),
  );
  await recordAudit(db, context, {
    action: 'keyPerson.exportReleaseTable',
    entityType: 'export',
    entityId: day,
    after: { rows: rows.length },
    reason: purpose,
  });
  return releaseTableXlsx(day, rows);
}
