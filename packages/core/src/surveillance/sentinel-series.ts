/**
 * The daily series that early warning reads (CASE-007, CASE-008, MED-007, PHAR-001, SCH-005):
 * counts per jurisdiction and day, written by the module that keeps the records (fever clinics,
 * pharmacies, schools, labs) into `sentinel_daily_count`, and read by the dashboard's EARS signals.
 */
export const SENTINEL_SERIES = [
  /** Fever-clinic visits (MED-003, MED-007). */
  'fever_clinic_visit',
  /** Primary-care (基层医疗机构) visits for fever or respiratory symptoms (MED-007). */
  'primary_care_visit',
  /** Real-name purchases of fever, cough, antiviral or antibiotic drugs at pharmacies (PHAR-001). */
  'pharmacy_fever_drug_purchase',
  /** Pupils absent for illness at schools and kindergartens (SCH-005). */
  'school_illness_absence',
  /** Influenza-like illness counts from sentinel points (CASE-007). */
  'ili',
  /** Positive nucleic-acid results (CASE-008). */
  'positive_test',
] as const;

export type SentinelSeries = (typeof SENTINEL_SERIES)[number];

export function isSentinelSeries(value: string): value is SentinelSeries {
  return (SENTINEL_SERIES as readonly string[]).includes(value);
}
