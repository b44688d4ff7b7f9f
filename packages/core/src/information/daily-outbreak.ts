import type { CalendarDate } from '../calendar/calendar-date.ts';
import type { InformationRules } from '../protocols/information-rule-types.ts';
import { reportDueAt, reportState } from '../reports/report-deadline.ts';

/** The platform's own figures for a day, as the daily outbreak information states them (DAILY-007). */
export interface DailyOutbreakFigures {
  newConfirmed: number;
  newAsymptomatic: number;
  newSuspected: number;
  cumulativeConfirmed: number;
  /** Key persons (close contacts, travellers…) under management at the end of the day. */
  underManagement: number;
  /** Released from management that day. */
  releasedToday: number;
  /** Specimens sampled that day. */
  sampledToday: number;
}

/** When the day's information is due (DAILY-007, configured hour in Asia/Shanghai), whatever the server's clock zone. */
export function dailyOutbreakDueAt(rules: InformationRules, day: CalendarDate): Date {
  return reportDueAt(rules.dailyOutbreak, day);
}

/** The day's information: published on time, late, or not yet (open, due soon, missing) — the report deadline's one answer. */
export function dailyOutbreakState(rules: InformationRules, day: CalendarDate, publishedAt: Date | null, now: Date) {
  return reportState(rules.dailyOutbreak, day, publishedAt, now);
}

/**
 * The draft's text pre-filled from the platform's figures (zh-CN, the language it is published in); the
 * drafter edits it and writes the interpretation (INFO-006).
 */
export function dailyOutbreakText(jurisdictionName: string, day: CalendarDate, f: DailyOutbreakFigures): { title: string; body: string } {
  const [, month, date] = day.split('-').map(Number);
  return {
    title: `${jurisdictionName}${month}月${date}日疫情防控信息`,
    body: [
      `${month}月${date}日0—24时，${jurisdictionName}新增确诊病例${f.newConfirmed}例，新增无症状感染者${f.newAsymptomatic}例，新增疑似病例${f.newSuspected}例；累计报告确诊病例${f.cumulativeConfirmed}例。`,
      `目前在管重点人员${f.underManagement}人，当日解除管理${f.releasedToday}人；当日采样${f.sampledToday}份。`,
    ].join('\n'),
  };
}
