import { COUNTRY_ROOT } from '../jurisdiction/levels.ts';
import { clause } from '../protocols/clause.ts';
import { LOCAL_PROFILES } from '../protocols/local-profiles.ts';
import type { LocalProfile, ProtocolEdition, RetentionPeriod, RetentionRules } from '../protocols/protocol-types.ts';

/** Periods the operator sets for the whole deployment (environment `FANGKONG_RETENTION_*`), in days. */
export interface RetentionSettings {
  scanDays?: number;
  closedEpisodeDays?: number;
}

const operatorSetting = (variable: string, days: number, what: string): RetentionPeriod => ({
  days,
  basis: clause('operator setting', variable, `${what} ${days} days (set for this deployment)`, true),
});

/** The edition's rules with the deployment's settings over them, and a jurisdiction profile's own periods over both. */
export function retentionRulesFor(
  edition: ProtocolEdition,
  profile?: LocalProfile,
  settings: RetentionSettings = {},
): RetentionRules | undefined {
  const base = edition.retention;
  if (!base) return undefined;
  const own = profile?.editionId === edition.id ? profile.retention : undefined;
  const scans = settings.scanDays ? operatorSetting('FANGKONG_RETENTION_SCAN_DAYS', settings.scanDays, 'Scans kept') : base.scans;
  const closedEpisodes = settings.closedEpisodeDays
    ? operatorSetting('FANGKONG_RETENTION_CLOSED_DAYS', settings.closedEpisodeDays, 'Closed episodes kept')
    : base.closedEpisodes;
  return { ...base, scans: own?.scans ?? scans, closedEpisodes: own?.closedEpisodes ?? closedEpisodes };
}

/** Where one set of retention rules holds: a subtree (a jurisdiction path containing `pathPart`), or everywhere (`/`). */
export interface RetentionScope {
  jurisdictionCode: string | null;
  /** `/320412/`: a jurisdiction path lies in the subtree when it contains this; `/` for the general scope. */
  pathPart: string;
  rules: RetentionRules;
}

/** NBS codes grow longer down the tree (2, 4, 6, 9, 12 digits); the country root sits above them all. */
const depth = (code: string) => (code === COUNTRY_ROOT.code ? 0 : code.length);

/**
 * Every set of retention rules in force under an edition, the most specific first (a deeper NBS code is a
 * longer one), the general rules last; empty when the edition sets no retention.
 */
export function retentionScopes(
  edition: ProtocolEdition,
  settings: RetentionSettings = {},
  profiles: readonly LocalProfile[] = LOCAL_PROFILES,
): RetentionScope[] {
  const general = retentionRulesFor(edition, undefined, settings);
  if (!general) return [];
  const local = profiles
    .filter((p) => p.editionId === edition.id && p.retention)
    .sort((a, b) => depth(b.jurisdictionCode) - depth(a.jurisdictionCode))
    .map((p) => ({
      jurisdictionCode: p.jurisdictionCode,
      pathPart: p.jurisdictionCode === COUNTRY_ROOT.code ? COUNTRY_ROOT.path : `/${p.jurisdictionCode}/`,
      rules: retentionRulesFor(edition, p, settings) ?? general,
    }));
  return [...local, { jurisdictionCode: null, pathPart: '/', rules: general }];
}

/** The rules of the most specific scope a jurisdiction path lies in (the SQL of the retention job asks the same). */
export function retentionRulesAt(scopes: readonly RetentionScope[], jurisdictionPath: string): RetentionRules | undefined {
  return scopes.find((scope) => jurisdictionPath.includes(scope.pathPart))?.rules;
}

/**
 * The shortest scan retention any edition allows: the investigation asks for the exposure history of this
 * many days, and co-location tracing reads it from the scans (CASE-002/003), so a shorter setting is refused.
 */
export function scanRetentionFloorDays(editions: readonly ProtocolEdition[]): number {
  return Math.max(1, ...editions.map((e) => e.cases?.exposureLookbackDays.days ?? 0));
}
