import { addDays, type PlatformSource, type ReportRow, type SubmittedTemplate, shanghaiDayStart } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { zhCategory } from '../key-persons/documents/labels.ts';
import { type ReleaseRecordRow, releasesOn, testsOfEpisode } from '../key-persons/documents/release-record.repository.ts';
import { searchEpisodes } from '../key-persons/episode.repository.ts';
import { samplesOfDay } from '../testing/overview/daily-report.repository.ts';
import type { ReportingUnit } from './report-unit.repository.ts';

/**
 * What the platform already holds for a unit and day (DAILY-003 pre-fill): people under management by
 * category or management type, the day's samples, the day's releases. Each figure is asked of the query
 * the platform's own lists use (episode search, release table, testing daily report), never a copy.
 */
export interface PlatformFacts {
  figures: Record<string, number>;
  /** The platform's draft of the table's rows (the day's releases), or null when the template takes none. */
  rows: ReportRow[] | null;
}

/** Active episodes under the unit, in any of the categories and management types (each pair asked once). */
async function keyPersonsCount(db: Db, source: Extract<PlatformSource, { of: 'keyPersons' }>, path: string): Promise<number> {
  const categories = source.categories ?? [undefined];
  const types = source.managementTypes ?? [undefined];
  let total = 0;
  for (const category of categories) {
    for (const managementType of types) {
      const page = await searchEpisodes(db, { scopePaths: [path], status: 'active', category, managementType, limit: 1, offset: 0 });
      total += page.total;
    }
  }
  return total;
}

async function samplesCount(db: Db, path: string, period: string): Promise<number> {
  const day = { date: period, from: shanghaiDayStart(period), to: shanghaiDayStart(addDays(period, 1)) };
  return (await samplesOfDay(db, day, [path])).reduce((sum, row) => sum + row.n, 0);
}

export async function platformCount(db: Db, source: PlatformSource, path: string, period: string): Promise<number> {
  if (source.of === 'keyPersons') return keyPersonsCount(db, source, path);
  if (source.of === 'samples') return samplesCount(db, path, period);
  return (await releasesOn(db, period, [path])).length;
}

/** A release of the day as a row of 人员解除隔离表, with the negative tests it rested on and who signed. */
async function releaseRow(db: Db, record: ReleaseRecordRow, period: string): Promise<ReportRow> {
  const negatives = (await testsOfEpisode(db, record.episode_id)).filter((t) => t.result === 'negative').length;
  const signatories = [record.cadre_name && `包保干部 ${record.cadre_name}`, record.medic_name && `包保医务人员 ${record.medic_name}`];
  return {
    name: record.person_name,
    category: zhCategory(record.category),
    isolationStart: record.start_date,
    releaseDate: period,
    negativeTests: negatives,
    signatories: signatories.filter(Boolean).join('、'),
  };
}

export async function platformFacts(db: Db, template: SubmittedTemplate, unit: ReportingUnit, period: string): Promise<PlatformFacts> {
  const figures: Record<string, number> = {};
  for (const figure of template.figures) {
    if (figure.from.kind === 'platform') figures[figure.key] = await platformCount(db, figure.from.platform, unit.path, period);
  }
  if (template.prefillRows?.of !== 'releases') return { figures, rows: null };
  const releases = await releasesOn(db, period, [unit.path]);
  const rows: ReportRow[] = [];
  for (const record of releases) rows.push(await releaseRow(db, record, period));
  return { figures, rows };
}
