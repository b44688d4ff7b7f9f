import {
  addDays,
  type CalendarDate,
  type DailyOutbreakFigures,
  dailyOutbreakDueAt,
  dailyOutbreakState,
  dailyOutbreakText,
  invalid,
  isCalendarDate,
  shanghaiDate,
  shanghaiDayStart,
} from '@fangkong/core';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionByCode } from '../jurisdictions/jurisdiction.repository.ts';
import { platformCount } from '../reports/report-platform.service.ts';
import { caseCountsOfDay, type PublishedRow, publishedOver, releasesUnder } from './information.repository.ts';
import { type Deps, informationNow, jurisdictionIn, scopeOf } from './information-access.ts';

/**
 * The platform's own figures for a place and day (DAILY-007 pre-fill): cases from the case register, people under
 * management, releases and samples from the queries the daily tables use (reports/report-platform.service.ts).
 */
async function figuresOf(deps: Deps, path: string, day: CalendarDate): Promise<DailyOutbreakFigures> {
  const db = deps.database.db;
  const cases = await caseCountsOfDay(db, path, shanghaiDayStart(day), shanghaiDayStart(addDays(day, 1)));
  return {
    newConfirmed: cases.confirmed,
    newAsymptomatic: cases.asymptomatic,
    newSuspected: cases.suspected,
    cumulativeConfirmed: cases.cumulative,
    underManagement: await platformCount(db, { of: 'keyPersons' }, path, day),
    releasedToday: await platformCount(db, { of: 'releases' }, path, day),
    sampledToday: await platformCount(db, { of: 'samples' }, path, day),
  };
}

/** The day's outbreak information pre-filled from the platform, its deadline, and whether it has gone out (DAILY-007, INFO-006). */
export async function dailyOutbreakDraft(deps: Deps, context: RequestContext, query: { jurisdictionId: string; date?: string }) {
  const place = await jurisdictionIn(deps.database.db, context, query.jurisdictionId, 'information.read');
  const now = deps.clock();
  const day = (query.date ?? shanghaiDate(now)) as CalendarDate;
  if (!isCalendarDate(day)) throw invalid('date', 'invalidValue', { detail: day });
  const { rules } = await informationNow(deps.database.db, place.path, now);
  const figures = await figuresOf(deps, place.path, day);
  const published = (await releasesUnder(deps.database.db, [place.path], 'published')).find(
    (r) => r.kind === 'daily_outbreak' && r.forDate === day && r.jurisdictionId === place.id,
  );
  return {
    jurisdictionId: place.id,
    date: day,
    ...dailyOutbreakText(place.name, day, figures),
    figures: { ...figures },
    dueAt: dailyOutbreakDueAt(rules, day).toISOString(),
    state: dailyOutbreakState(rules, day, published?.publishedAt ?? null, now),
    basis: rules.dailyOutbreak.basis,
  };
}

function noticeView(row: PublishedRow) {
  const at = row.published_at instanceof Date ? row.published_at : new Date(row.published_at);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    interpretation: row.interpretation,
    forDate: row.for_date,
    jurisdictionName: row.jurisdiction_name,
    publishedAt: at.toISOString(),
  };
}

/**
 * The public page (INFO-005, COMM-043): published items meant for the public, over one place (by division code)
 * or everywhere; the text, the issuing place and the time only.
 */
export async function publicNotices(deps: Deps, query: { code?: string }) {
  let paths: string[] | null = null;
  if (query.code) {
    const place = await findJurisdictionByCode(deps.database.db, query.code);
    paths = place ? [place.path] : [];
  }
  return { items: (await publishedOver(deps.database.db, paths, ['public'])).map(noticeView) };
}

/** A signed-in resident's notices: published for the public or for residents, over the place they live in (COMM-043). */
export async function myNotices(deps: Deps, context: RequestContext) {
  const homes = scopeOf(context, 'self.read');
  return { items: (await publishedOver(deps.database.db, homes, ['public', 'residents'])).map(noticeView) };
}
