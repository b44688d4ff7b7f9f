import { addDays, type CalendarDate, shanghaiDate, shanghaiDayStart } from '../calendar/calendar-date.ts';
import type { SituationReportRules } from '../protocols/situation-report-seed.ts';

/** The instant a day's report is compiled: the compile time on the following day, Asia/Shanghai (DAILY-007). */
export function situationReportCompiledAt(forDate: CalendarDate, rules: SituationReportRules): Date {
  const [h, m] = rules.compileAt.split(':').map(Number);
  return new Date(shanghaiDayStart(addDays(forDate, 1)).getTime() + ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
}

/** The day whose report is due by `now`: yesterday once today's compile time has come, else the day before. */
export function situationReportDay(now: Date, rules: SituationReportRules): CalendarDate {
  const yesterday = addDays(shanghaiDate(now), -1);
  return now >= situationReportCompiledAt(yesterday, rules) ? yesterday : addDays(yesterday, -1);
}
