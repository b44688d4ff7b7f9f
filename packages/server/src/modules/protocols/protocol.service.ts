import {
  type CalendarDate,
  type CategoryRule,
  categoryRule,
  findEdition,
  findProfile,
  invalid,
  isCalendarDate,
  type KeyPersonCategory,
  LOCAL_PROFILES,
  type LocalProfile,
  PROTOCOL_EDITIONS,
  type ProtocolEdition,
  planEpisode,
} from '@fangkong/core';

/** Editions with their basis, dates and categories (the shipped ones, then the district's adopted ones): what `fangkong protocol list` prints too. */
export function protocolList(districtProfiles: readonly LocalProfile[] = [], districtEditions: readonly ProtocolEdition[] = []) {
  const profiles = [...LOCAL_PROFILES, ...districtProfiles];
  // `shipped`: compiled into the release (and exportable as such), else the district's own document.
  const isShipped = (item: LocalProfile | ProtocolEdition) =>
    !districtProfiles.includes(item as LocalProfile) && !districtEditions.includes(item as ProtocolEdition);
  return [...PROTOCOL_EDITIONS, ...districtEditions].map((edition) => ({
    id: edition.id,
    shipped: isShipped(edition),
    name: edition.name,
    effectiveFrom: edition.effectiveFrom,
    effectiveTo: edition.effectiveTo ?? null,
    legalBasis: edition.legalBasis,
    categories: Object.keys(edition.categories),
    profiles: profiles
      .filter((p) => p.editionId === edition.id)
      .map((p) => ({
        id: p.id,
        name: p.name,
        jurisdictionCode: p.jurisdictionCode,
        basis: p.basis,
        shipped: isShipped(p),
      })),
  }));
}

export interface PlanQuery {
  edition: string;
  category: string;
  start: string;
  profile?: string;
}

/** The contract shape of `fangkong protocol plan --json`. */
export function protocolPlan(
  query: PlanQuery,
  lookupProfile: (id: string) => LocalProfile | undefined = findProfile,
  lookupEdition: (id: string) => ProtocolEdition | undefined = findEdition,
) {
  const edition = lookupEdition(query.edition);
  if (!edition) throw invalid('edition', 'unknownEdition');
  if (!isCalendarDate(query.start)) throw invalid('start', 'invalidDate');
  const profile = query.profile ? lookupProfile(query.profile) : undefined;
  if (query.profile && !profile) throw invalid('profile', 'unknownProfile');
  const rule = categoryRule(edition, query.category as KeyPersonCategory, profile);
  if (!rule) throw invalid('category', 'categoryNotInEdition', { edition: edition.id });
  return planShape(edition, rule, query.start, profile);
}

/** A plan in the contract shape of `fangkong protocol plan --json` (the CLI, `/protocols/plan` and the plan in force). */
export function planShape(edition: ProtocolEdition, rule: CategoryRule, start: CalendarDate, profile: LocalProfile | undefined) {
  const plan = planEpisode(edition, rule, start, profile);
  return {
    edition: plan.edition,
    category: plan.category,
    profile: plan.profile,
    countsFrom: rule.countsFrom,
    phases: plan.phases.map(({ type, from, to }) => ({ type, from, to })),
    tests: plan.tests.map(({ date, kind }) => ({ date, kind })),
    monitoring: plan.monitoring,
    releaseDate: plan.releaseDate,
    managementEndDate: plan.managementEndDate,
    followUps: plan.followUps,
    because: plan.because,
  };
}
