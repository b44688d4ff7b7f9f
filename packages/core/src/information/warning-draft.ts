import type { CalendarDate } from '../calendar/calendar-date.ts';

/** What a warning drafted from an early-warning signal states (INFO-007, CASE-007): the place, the series and the day. */
export interface WarningSource {
  placeName: string;
  /** The sentinel series' name in Chinese (发热门诊就诊, 流感样病例…). */
  seriesName: string;
  day: CalendarDate;
  count: number;
}

/**
 * The warning tip pre-filled from a signal (zh-CN, the language it is published in): the public is told what rose
 * and what to do; the drafter edits it before it goes up the release chain (INFO-007: 及时发布预警提示).
 */
export function warningDraftText(s: WarningSource): { title: string; body: string } {
  const [, month, date] = s.day.split('-').map(Number);
  return {
    title: `${s.placeName}健康风险提示（${month}月${date}日）`,
    body: [
      `${month}月${date}日，${s.placeName}${s.seriesName}监测数（${s.count}）明显高于近期水平，已达预警标准，疾控机构正在核实。`,
      '请广大群众坚持佩戴口罩、勤洗手、常通风、少聚集；出现发热、咳嗽等症状请及时到发热门诊就诊，就诊途中做好个人防护。',
    ].join('\n'),
  };
}
