import type { CalendarDate } from '../calendar/calendar-date.ts';
import { countCell, isEmptyCell } from './report-cells.ts';
import { derivedValue, isDerived } from './report-figures.ts';
import { checkRow } from './report-rows.ts';
import type { FieldProblem, ReportFigure, ReportRow, SubmittedTemplate } from './report-types.ts';

/** What a reporter sends: the figures typed in (or changed from the platform's), the table's rows, or a zero report. */
export interface SubmissionInput {
  zero: boolean;
  figures?: Record<string, unknown>;
  rows?: readonly unknown[];
}

/** What the platform holds for the unit and day (pre-filled figures, the rows it offered) and the unit's last standing counts. */
export interface SubmissionFacts {
  platform: Record<string, number>;
  /** Rows the platform offered as the table's draft (the day's releases), or null when it offers none. */
  platformRows: number | null;
  /** The unit's last reported standing (`kept`) counts, carried onto a zero report that leaves them out. */
  previous: Record<string, number | null>;
}

export interface CheckedSubmission {
  /** Every figure of the template; null only for a standing count a zero report left out with nothing to carry. */
  figures: Record<string, number | null>;
  rows: ReportRow[];
  problems: FieldProblem[];
}

const figureField = (key: string) => `figures.${key}`;

type FigureResult = { value: number | null } | { problem: FieldProblem };

/** A figure typed in (or a platform figure changed by hand), or the default it falls back to. */
function typedFigure(figure: ReportFigure, given: unknown, fallback: number | null, required: boolean): FigureResult {
  if (isEmptyCell(given)) {
    return fallback === null && required ? { problem: { field: figureField(figure.key), code: 'required' } } : { value: fallback };
  }
  const read = countCell(given);
  return 'problem' in read
    ? { problem: { field: figureField(figure.key), code: read.problem, ...(read.params ? { params: read.params } : {}) } }
    : { value: read.value as number };
}

function figureValue(figure: ReportFigure, input: SubmissionInput, rows: readonly ReportRow[], facts: SubmissionFacts): FigureResult {
  const given = input.figures?.[figure.key];
  const field = figureField(figure.key);
  if (isDerived(figure.from)) {
    return isEmptyCell(given) ? { value: derivedValue(figure.from, rows) } : { problem: { field, code: 'derivedFigure' } };
  }
  const platform = figure.from.kind === 'platform' ? (facts.platform[figure.key] ?? 0) : null;
  if (input.zero && figure.onZeroReport === 'zero') {
    if (platform !== null && platform > 0) return { problem: { field, code: 'zeroContradictsPlatform', params: { value: platform } } };
    return isEmptyCell(given) || Number(given) === 0 ? { value: 0 } : { problem: { field, code: 'zeroHasFigures' } };
  }
  const fallback = platform ?? (input.zero ? (facts.previous[figure.key] ?? null) : null);
  return typedFigure(figure, given, fallback, figure.required && !input.zero);
}

/** A figure that exceeds the one it is bounded by (absent ill ≤ enrolled). */
function boundProblems(template: SubmittedTemplate, figures: Record<string, number | null>): FieldProblem[] {
  return template.figures.flatMap((figure) => {
    const bound = figure.atMost ? template.figures.find((f) => f.key === figure.atMost) : undefined;
    const value = figures[figure.key];
    const limit = bound ? figures[bound.key] : null;
    if (!bound || typeof value !== 'number' || typeof limit !== 'number' || value <= limit) return [];
    return [{ field: figureField(figure.key), code: 'exceeds', params: { other: bound.label } }];
  });
}

/** Rows of the table, each checked; a form without columns takes none, and a zero report has none (DAILY-001). */
function checkRows(template: SubmittedTemplate, input: SubmissionInput, period: CalendarDate, facts: SubmissionFacts) {
  const given = input.rows ?? [];
  if (input.zero && (facts.platformRows ?? 0) > 0) {
    return { rows: [], problems: [{ field: 'rows', code: 'zeroContradictsPlatform', params: { value: facts.platformRows ?? 0 } }] };
  }
  if (given.length > 0 && (input.zero || template.columns.length === 0)) {
    return { rows: [], problems: [{ field: 'rows', code: input.zero ? 'zeroHasRows' : 'noRowsInTemplate' }] };
  }
  const checked = given.map((raw, index) => checkRow(template.columns, raw, index, period));
  return { rows: checked.map((c) => c.row), problems: checked.flatMap((c) => c.problems) };
}

/**
 * Checks a submission against its template version (DAILY-001…006): a zero report only where allowed,
 * event counts nought on it and standing counts kept; every typed figure a whole, non-negative number;
 * derived figures counted from the rows, never typed; platform figures pre-filled unless changed; each
 * row's cells by type. Returns the figures and rows to store, or every problem with its field.
 */
export function checkSubmission(
  template: SubmittedTemplate,
  input: SubmissionInput,
  period: CalendarDate,
  facts: SubmissionFacts,
): CheckedSubmission {
  const problems: FieldProblem[] = [];
  if (input.zero && !template.zeroReport.allowed) problems.push({ field: 'zero', code: 'zeroNotAllowed' });
  for (const key of Object.keys(input.figures ?? {})) {
    if (!template.figures.some((f) => f.key === key)) problems.push({ field: figureField(key), code: 'unknownField' });
  }
  const { rows, problems: rowProblems } = checkRows(template, input, period, facts);
  problems.push(...rowProblems);
  const figures: Record<string, number | null> = {};
  for (const figure of template.figures) {
    const result = figureValue(figure, input, rows, facts);
    if ('problem' in result) problems.push(result.problem);
    else figures[figure.key] = result.value;
  }
  problems.push(...boundProblems(template, figures));
  return { figures, rows, problems };
}
