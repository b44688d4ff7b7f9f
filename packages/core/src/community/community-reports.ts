import { type AppError, invalid } from '../errors/app-error.ts';
import { because, type Reason } from '../key-persons/reason.ts';
import { type CommunityRules, REFUSED_MEASURES, type RefusedMeasure } from '../protocols/community-seed-001.ts';

/**
 * What a community is told of (seed 001 §三(二)2–3): an unregistered outsider a resident or staff member reports
 * (SC-38, KP-I02), or a person refusing a measure, referred to the police (SC-39, KP-I03, COMM-034).
 */
export const COMMUNITY_REPORT_KINDS = ['unregistered_outsider', 'refused_measure'] as const;
export type CommunityReportKind = (typeof COMMUNITY_REPORT_KINDS)[number];

/**
 * `found`: the outsider was found and brought under management (a key-person episode); `not_found`: the town
 * closed the tracking without finding them; `referred`: the refusal went to the police.
 */
export const COMMUNITY_REPORT_STATES = ['open', 'found', 'not_found', 'referred'] as const;
export type CommunityReportState = (typeof COMMUNITY_REPORT_STATES)[number];

const NEXT_STATES: Record<CommunityReportKind, readonly CommunityReportState[]> = {
  unregistered_outsider: ['found', 'not_found'],
  refused_measure: ['referred'],
};

/** The states a report of this kind may end in, from open only (each report is closed once). */
export function communityReportTransitionAllowed(kind: CommunityReportKind, from: CommunityReportState, to: CommunityReportState) {
  return from === 'open' && NEXT_STATES[kind].includes(to);
}

export interface NewCommunityReport {
  kind: CommunityReportKind;
  description: string;
  /** Where the person was seen or lives (building, room): the trail for the town. */
  whereabouts: string;
  refusedMeasure?: RefusedMeasure;
  /** The refusing person is named (they were at the gate); an outsider's name is often unknown. */
  subjectName?: string;
}

/** Bad input of a report: what happened and where are always needed; a refusal names the measure and the person. */
export function communityReportProblem(report: NewCommunityReport): AppError | null {
  if (!report.description.trim()) return invalid('description', 'required');
  if (!report.whereabouts.trim()) return invalid('whereabouts', 'required');
  if (report.kind === 'refused_measure') {
    if (!report.refusedMeasure || !REFUSED_MEASURES.includes(report.refusedMeasure)) return invalid('refusedMeasure', 'required');
    if (!report.subjectName?.trim()) return invalid('subjectName', 'required');
  } else if (report.refusedMeasure) {
    return invalid('refusedMeasure', 'onlyForRefusal');
  }
  return null;
}

export interface CommunityReportHandling {
  /** SC-38: the town/street gets a task to track the person, due in this many hours; null for a refusal. */
  trackingHours: number | null;
  /** SC-39: a refusal is referred to the police. */
  referToPolice: boolean;
  because: Reason[];
}

/** What follows a report, with the clauses: tracking by the town for an outsider, the police for a refusal. */
export function communityReportHandling(rules: CommunityRules, kind: CommunityReportKind): CommunityReportHandling {
  const { outsider, refusal } = rules.reports;
  if (kind === 'unregistered_outsider') {
    return {
      trackingHours: outsider.trackingHours,
      referToPolice: false,
      because: [because('communityReport.outsider', outsider.basis), because('communityReport.tracking', outsider.trackingBasis)],
    };
  }
  return {
    trackingHours: null,
    referToPolice: true,
    because: [because('communityReport.refusal', refusal.basis), because('communityReport.enforcement', refusal.enforcementBasis)],
  };
}
