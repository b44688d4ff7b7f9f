import type { Role } from '../access/roles.ts';
import { pathInScope, type RoleGrant } from '../access/scope.ts';

/** A reporting unit as the reporter rule sees it: a community (a jurisdiction) or an institution (a place). */
export interface ReportedUnit {
  kind: 'jurisdiction' | 'place';
  /** The community's own path, or the path of the jurisdiction the institution stands in. */
  path: string;
}

/**
 * Who fills in whose reports (DAILY-001…004): the community's grid worker and secretary fill in the community's
 * tables; an institution's reporter fills in institutions' reports, never a community's; a town cadre may fill in
 * for either in the town. Holding `report.submit` over a town does not make an institution reporter a community's
 * reporter.
 */
const REPORTS_FOR: Partial<Record<Role, readonly ReportedUnit['kind'][]>> = {
  grid_worker: ['jurisdiction'],
  community_secretary: ['jurisdiction'],
  institution_reporter: ['place'],
  town_cadre: ['jurisdiction', 'place'],
  system_admin: ['jurisdiction', 'place'],
};

/** The roles that fill in reports at all (each holds `report.submit`). */
export const REPORTING_ROLES = Object.keys(REPORTS_FOR) as Role[];

/**
 * Whether an institution takes its reports from the caller (issue 16 part 1: the person responsible for reporting):
 * from its named reporter only; from anyone who may report for it when it names nobody; the system itself (demo
 * seed, CLI: no user) writes as the institution.
 */
export function institutionTakesReportsFrom(namedReporterId: string | null, callerId: string | null): boolean {
  return namedReporterId === null || callerId === null || namedReporterId === callerId;
}

/**
 * Whether the caller fills in reports for the unit: a grant over the unit whose role reports for units of its kind,
 * and for an institution, one that takes its reports from the caller (`institutionTakesReportsFrom`).
 */
export function mayReportFor(grants: readonly RoleGrant[], unit: ReportedUnit, institutionTakesCaller: boolean): boolean {
  if (unit.kind === 'place' && !institutionTakesCaller) return false;
  return grants.some((grant) => pathInScope(unit.path, [grant.jurisdictionPath]) && (REPORTS_FOR[grant.role] ?? []).includes(unit.kind));
}
