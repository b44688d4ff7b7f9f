import type { Aggregation, FigureSource, ReportFigure, ReportRow } from './report-types.ts';

/** Figures counted from the table's rows, never typed in: the row count, rows with a value, a column's sum. */
export function isDerived(source: FigureSource): boolean {
  return source.kind !== 'entered' && source.kind !== 'platform';
}

/** The value of a derived figure from the (checked) rows. */
export function derivedValue(source: FigureSource, rows: readonly ReportRow[]): number {
  switch (source.kind) {
    case 'rows':
      return rows.length;
    case 'rowsWhere':
      return rows.filter((row) => row[source.column] === source.equals).length;
    case 'rowsFilled':
      return rows.filter((row) => row[source.column] !== null && row[source.column] !== undefined && row[source.column] !== '').length;
    case 'columnSum':
      return rows.reduce((sum, row) => sum + (typeof row[source.column] === 'number' ? (row[source.column] as number) : 0), 0);
    default:
      return 0;
  }
}

const combine: Record<Aggregation, (values: number[]) => number> = {
  sum: (values) => values.reduce((a, b) => a + b, 0),
  max: (values) => (values.length === 0 ? 0 : Math.max(...values)),
};

/**
 * Figures of several units added up for the level above (community → town → district): each figure by
 * its template's rule (a sum of counts, or the largest); a figure a unit left empty does not count.
 */
export function aggregateFigures(
  figures: readonly Pick<ReportFigure, 'key' | 'aggregate'>[],
  units: readonly Record<string, number | null | undefined>[],
): Record<string, number> {
  return Object.fromEntries(
    figures.map((figure) => {
      const values = units.map((u) => u[figure.key]).filter((v): v is number => typeof v === 'number');
      return [figure.key, combine[figure.aggregate](values)];
    }),
  );
}
