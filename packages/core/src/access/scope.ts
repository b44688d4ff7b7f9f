import type { Permission } from './permissions.ts';
import { type Role, roleGrants } from './roles.ts';

export interface RoleGrant {
  role: Role;
  jurisdictionId: string;
  /** Materialized path of the granted jurisdiction, e.g. `/32/3204/320412/`. */
  jurisdictionPath: string;
}

/** The subtrees (paths) in which the caller holds a permission; nested grants collapse. */
export function scopePaths(grants: readonly RoleGrant[], permission: Permission): string[] {
  const paths = grants
    .filter((grant) => roleGrants(grant.role, permission))
    .map((grant) => grant.jurisdictionPath)
    .sort();
  return paths.filter((path, i) => !paths.slice(0, i).some((outer) => path.startsWith(outer)));
}

export function pathInScope(path: string, scope: readonly string[]): boolean {
  return scope.some((root) => path.startsWith(root));
}

export function hasPermissionAnywhere(grants: readonly RoleGrant[], permission: Permission): boolean {
  return grants.some((grant) => roleGrants(grant.role, permission));
}

/** Roles whose hold on personal data reaches only people placed at a quarantine site inside the grant (issue 12 defect 7). */
export const SITE_BOUND_ROLES: readonly Role[] = ['quarantine_site_staff'];

/**
 * Where the caller sees a person's full ID number, phone and address: anyone inside `paths`; inside
 * `sitePaths` only a person placed at a quarantine site there (site staff are granted on a district).
 */
export function fullViewScope(grants: readonly RoleGrant[]): { paths: string[]; sitePaths: string[] } {
  const siteBound = (grant: RoleGrant) => SITE_BOUND_ROLES.includes(grant.role);
  return {
    paths: scopePaths(
      grants.filter((g) => !siteBound(g)),
      'person.readFull',
    ),
    sitePaths: scopePaths(grants.filter(siteBound), 'person.readFull'),
  };
}
