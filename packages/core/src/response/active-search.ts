import { type CalendarDate, daysBetween } from '../calendar/calendar-date.ts';
import type { ResponseRoutingRules, SearchedSymptom } from '../protocols/response-routing-seed-002.ts';

/**
 * The symptom class a recorded symptom word falls in (seed 002 §九(一)8: 发热、呼吸道症状或腹泻等消化道症状); null: none
 * searched. The words are configured: screening records symptoms as the grid worker writes them.
 */
const SYMPTOM_WORDS: Record<SearchedSymptom, readonly string[]> = {
  fever: ['发热', '发烧', 'fever'],
  respiratory: ['咳嗽', '咽痛', '气促', '呼吸困难', '流涕', 'cough'],
  gastrointestinal: ['腹泻', '呕吐', '恶心', 'diarrhoea', 'diarrhea'],
};

export function searchedSymptomsOf(words: readonly string[]): SearchedSymptom[] {
  const classes = Object.entries(SYMPTOM_WORDS) as [SearchedSymptom, readonly string[]][];
  return classes.filter(([, known]) => words.some((w) => known.some((k) => w.toLowerCase().includes(k)))).map(([c]) => c);
}

/** One symptom report of a resident of the control area (a health declaration, a screening finding, a clinic visit). */
export interface SymptomReport {
  personId: string;
  reportedOn: CalendarDate;
  symptoms: readonly SearchedSymptom[];
}

/**
 * LVL-IV-08 / SC-24: the residents an active-search task lists once a control area is delineated: everyone who
 * reported a searched symptom within the window before the delineation day, each once, with their latest such report.
 */
export function activeSearchList(rules: ResponseRoutingRules, reports: readonly SymptomReport[], delineatedOn: CalendarDate) {
  const { withinDays, symptoms } = rules.activeSearch;
  const latest = new Map<string, SymptomReport>();
  for (const report of reports) {
    const inWindow = report.reportedOn <= delineatedOn && daysBetween(report.reportedOn, delineatedOn) <= withinDays;
    if (!inWindow || !report.symptoms.some((s) => symptoms.includes(s))) continue;
    const seen = latest.get(report.personId);
    if (!seen || seen.reportedOn < report.reportedOn) latest.set(report.personId, report);
  }
  return [...latest.values()].sort((a, b) => a.personId.localeCompare(b.personId));
}
