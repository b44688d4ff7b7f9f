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
