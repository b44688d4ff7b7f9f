/** The human case number (病例编号): county code, year, 4-digit sequence, e.g. `320412-2026-0001`. */
export function caseNumber(countyCode: string, year: number, sequence: number): string {
  return `${countyCode}-${year}-${String(sequence).padStart(4, '0')}`;
}
