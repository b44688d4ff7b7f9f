/**
 * How urgent an alert is, by its kind (CASE-007: warning levels; CASE-001: overdue alerts). One
 * answer for the server's ordering and filters and the web's tags: a positive result or pool puts
 * people at risk now, an overdue release test or missed check delays control, the rest informs.
 */
export const ALERT_KINDS = [
  'positive_pool',
  'positive_result',
  'environment_positive',
  'fever',
  'symptom',
  'indeterminate_pool',
  'indeterminate_result',
  'episode_basis_changed',
  'overdue_test',
  'overdue_check',
  'capacity',
  'result_corrected',
  /** Daily reports (DAILY-003): a unit's report is due within the reminder window, or missing after the deadline. */
  'report_due',
  'report_late',
  /** Supplies (RES-013): a holder's stock fell below its reserve norm, or nears (or passed) its expiry date. */
  'stock_low',
  'stock_expiry',
  /**
   * Information (DAILY-007, INFO-006, INFO-004): the day's outbreak information is due within the reminder window or
   * not published by its hour; a public-opinion item is past its response or closure deadline.
   */
  'info_daily_due',
  'info_daily_late',
  'opinion_overdue',
  /** ENV-003: a place's disinfection fell short of its frequency last period and is not yet met this one. */
  'disinfection_overdue',
  /** Cases (CASE-001, SC-14, SC-20): a case's report or investigation clock is near its deadline, or past it. */
  'case_due_soon',
  'case_late',
  /** Early warning (CASE-007, issue 17): a sentinel series crossed its threshold; the CDC verifies it. */
  'early_warning',
  /** LVL-011: the experts' re-assessment of the level in force is due soon, or overdue. */
  'response_reassess_due',
  'response_reassess_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const SEVERITY: Record<AlertKind, AlertSeverity> = {
  positive_pool: 'critical',
  positive_result: 'critical',
  environment_positive: 'critical',
  fever: 'high',
  symptom: 'high',
  indeterminate_pool: 'high',
  indeterminate_result: 'high',
  overdue_test: 'high',
  episode_basis_changed: 'medium',
  overdue_check: 'medium',
  capacity: 'medium',
  result_corrected: 'low',
  report_late: 'medium',
  report_due: 'low',
  stock_low: 'medium',
  stock_expiry: 'low',
  info_daily_late: 'medium',
  info_daily_due: 'low',
  opinion_overdue: 'medium',
  disinfection_overdue: 'medium',
  case_late: 'high',
  case_due_soon: 'medium',
  early_warning: 'high',
  response_reassess_overdue: 'medium',
  response_reassess_due: 'low',
};

export const isAlertKind = (kind: string): kind is AlertKind => Object.hasOwn(SEVERITY, kind);

/** An unknown kind (raised by code newer than this rule) is never hidden below the known ones: it is high. */
export function alertSeverity(kind: string): AlertSeverity {
  return isAlertKind(kind) ? SEVERITY[kind] : 'high';
}

/** 0 is the most urgent; the order the alert list sorts by after open-before-resolved. */
export const severityRank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);

/** The kinds of one severity, for filtering by severity in a query. */
export const kindsOfSeverity = (severity: AlertSeverity): AlertKind[] => ALERT_KINDS.filter((k) => SEVERITY[k] === severity);
