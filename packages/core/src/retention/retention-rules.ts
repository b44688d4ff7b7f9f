import { COUNTRY_ROOT } from '../jurisdiction/levels.ts';
import { jurisdictionCodesOfPath } from '../jurisdiction/path-from-scope.ts';
import { clause } from '../protocols/clause.ts';
import { LOCAL_PROFILES } from '../protocols/local-profiles.ts';
import type { LocalProfile, ProtocolEdition, RetentionPeriod, RetentionRules } from '../protocols/protocol-types.ts';
import { profileFor } from '../protocols/registry.ts';

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

/** Where one set of retention rules holds: a subtree (a jurisdiction path starting with `pathPart`), or everywhere (`/`). */
export interface RetentionScope {
  jurisdictionCode: string | null;
  /** `/32/3204/320412/`: a jurisdiction path lies in the subtree when it starts with this; `/` for the general scope. */
  pathPart: string;
  /** The edition in force there; null when none is. */
  editionId: string | null;
  /** Undefined when the edition in force there sets no retention: nothing there is due. */
  rules: RetentionRules | undefined;
}

/** A place where the rules in force may change (the root, a district edition's or a profile's jurisdiction) and its edition. */
export interface RetentionPlace {
  path: string;
  edition: ProtocolEdition | undefined;
}

const depthOf = (path: string) => path.split('/').filter(Boolean).length;

/**
 * The profile whose periods hold at a path: the nearest on it for the edition that sets any (a profile without
 * periods does not hide its parent's); `profiles` lists the district's own before the shipped ones.
 */
export function retentionProfileAt(path: string, editionId: string, profiles: readonly LocalProfile[]): LocalProfile | undefined {
  return profileFor(
    jurisdictionCodesOfPath(path),
    editionId,
    profiles.filter((p) => p.retention),
  );
}

function scopeAt(place: RetentionPlace, profiles: readonly LocalProfile[], settings: RetentionSettings): RetentionScope {
  const { path, edition } = place;
  const profile = edition ? retentionProfileAt(path, edition.id, profiles) : undefined;
  return {
    jurisdictionCode: path === COUNTRY_ROOT.path ? null : (jurisdictionCodesOfPath(path).at(-1) ?? null),
    pathPart: path,
    editionId: edition?.id ?? null,
    rules: edition ? retentionRulesFor(edition, profile, settings) : undefined,
  };
}

const samePeriods = (a: RetentionScope, b: RetentionScope) => JSON.stringify(a.rules) === JSON.stringify(b.rules);

/**
 * Every set of retention rules in force (issue 14, RULES-001): at each place where the edition or a profile may
 * change, the edition in force there with the nearest profile that sets periods, and the deployment's settings.
 * The most specific first, the general one (`/`) last; a place whose rules are those of the scope around it adds none.
 * Every path lies in one scope, the deepest place above it, whose rules are the ones in force on that path.
 */
export function retentionScopes(
  places: readonly RetentionPlace[],
  profiles: readonly LocalProfile[] = LOCAL_PROFILES,
  settings: RetentionSettings = {},
): RetentionScope[] {
  const unique = [...new Map(places.map((p) => [p.path, p])).values()];
  const scopes = unique.map((place) => scopeAt(place, profiles, settings)).sort((a, b) => depthOf(b.pathPart) - depthOf(a.pathPart));
  return scopes.filter((scope, i) => {
    const around = scopes.slice(i + 1).find((other) => scope.pathPart.startsWith(other.pathPart));
    return !around || !samePeriods(scope, around);
  });
}

/** The rules of the most specific scope a jurisdiction path lies in (the SQL of the retention job asks the same). */
export function retentionRulesAt(scopes: readonly RetentionScope[], jurisdictionPath: string): RetentionRules | undefined {
  return scopes.find((scope) => jurisdictionPath.startsWith(scope.pathPart))?.rules;
}

/**
 * The shortest scan retention any edition allows: the investigation asks for the exposure history of this
 * many days, and co-location tracing reads it from the scans (CASE-002/003), so a shorter setting is refused.
 */
export function scanRetentionFloorDays(editions: readonly ProtocolEdition[]): number {
  return Math.max(1, ...editions.map((e) => e.cases?.exposureLookbackDays.days ?? 0));
}
