import type { JurisdictionLevel } from '../jurisdiction/levels.ts';
import type { ReportDeadlineRule } from '../reports/report-types.ts';
import type { Clause } from './protocol-types.ts';

/**
 * What goes out through the release authority (REQUIREMENTS §13): notices, the daily outbreak information, warnings,
 * and the leading group's work bulletin (工作动态, DAILY-008) its coordination group compiles.
 */
export const RELEASE_KINDS = ['notice', 'daily_outbreak', 'warning', 'work_bulletin'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** Who a release is for: everyone (the public page), the residents of the jurisdiction, or staff only. */
export const RELEASE_AUDIENCES = ['public', 'residents', 'internal'] as const;
export type ReleaseAudience = (typeof RELEASE_AUDIENCES)[number];

/** COMM-043, INFO-008: online and offline channels a release is also sent through. */
export const RELEASE_CHANNELS = ['platform', 'wechat_group', 'official_account', 'notice_board', 'loudspeaker', 'website'] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

/** Rumours (谣言), complaints and queries the public raises (INFO-004). */
export const OPINION_KINDS = ['rumour', 'complaint', 'query'] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

export const OPINION_SOURCES = ['online', 'hotline', 'wechat', 'media', 'grid', 'other'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

/** One step of an approval chain: an approver holding the authority at this level or above over the item. */
export interface ApprovalStep {
  level: JurisdictionLevel;
  basis: Clause;
}

export interface OpinionDeadlineRule {
  /** Hours from logging to the first response (辟谣 / 答复). */
  respondWithinHours: number;
  /** Hours from logging to closure with an outcome. */
  closeWithinHours: number;
  basis: Clause;
}

/** Information release and public opinion (REQUIREMENTS §13, DAILY-007, COMM-043). */
export interface InformationRules {
  /** Nothing is published before its chain is complete (INFO-001). */
  publication: Clause;
  /** The chain per kind, lowest level first (逐级上报); a step below the drafting jurisdiction's level is skipped. */
  chains: Record<ReleaseKind | 'interview', ApprovalStep[]>;
  /** The day's outbreak information is due by this time (Asia/Shanghai) once there is an outbreak (DAILY-007, INFO-006). */
  dailyOutbreak: ReportDeadlineRule;
  opinion: Record<OpinionKind, OpinionDeadlineRule>;
}
