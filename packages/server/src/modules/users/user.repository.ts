import { and, asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/query-rows.ts';
import { appUser, jurisdiction, roleAssignment } from '../../db/schema/index.ts';

export type UserInsert = typeof appUser.$inferInsert;

export async function insertUser(db: Db, row: UserInsert) {
  const rows = await db.insert(appUser).values(row).returning({ id: appUser.id, username: appUser.username });
  return rows[0] as { id: string; username: string };
}

export async function updateUser(db: Db, id: string, changes: Partial<UserInsert>) {
  await db
    .update(appUser)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(appUser.id, id));
}

export async function insertRoleAssignment(db: Db, row: typeof roleAssignment.$inferInsert) {
  const rows = await db.insert(roleAssignment).values(row).returning({ id: roleAssignment.id });
  return rows[0] as { id: string };
}

export async function deleteRoleAssignment(db: Db, id: string) {
  await db.delete(roleAssignment).where(eq(roleAssignment.id, id));
}

export async function findRoleAssignment(db: Db, id: string) {
  const rows = await db
    .select({ assignment: roleAssignment, jurisdictionPath: jurisdiction.path })
    .from(roleAssignment)
    .innerJoin(jurisdiction, eq(jurisdiction.id, roleAssignment.jurisdictionId))
    .where(eq(roleAssignment.id, id))
    .limit(1);
  return rows[0];
}

/** Users holding at least one role inside the given subtrees (users with no role: `includeRoleless`). */
export async function listUsers(
  db: Db,
  scopePaths: string[],
  includeRoleless: boolean,
  text: string | undefined,
  limit: number,
  offset: number,
) {
  const inScope: SQL[] = scopePaths.map((path) => like(jurisdiction.path, `${path}%`));
  const scoped = db
    .select({ userId: roleAssignment.userId })
    .from(roleAssignment)
    .innerJoin(jurisdiction, eq(jurisdiction.id, roleAssignment.jurisdictionId))
    .where(inScope.length > 0 ? or(...inScope) : sql`false`);
  const roleless = sql`not exists (select 1 from role_assignment r where r.user_id = ${appUser.id})`;
  const where = and(
    includeRoleless ? or(inArray(appUser.id, scoped), roleless) : inArray(appUser.id, scoped),
    text ? or(like(appUser.username, `%${text}%`), like(appUser.displayName, `%${text}%`)) : undefined,
  );
  const [items, counted] = await Promise.all([
    db
      .select({
        id: appUser.id,
        username: appUser.username,
        displayName: appUser.displayName,
        personId: appUser.personId,
        disabled: appUser.disabled,
        lockedUntil: appUser.lockedUntil,
        lastLoginAt: appUser.lastLoginAt,
      })
      .from(appUser)
      .where(where)
      .orderBy(asc(appUser.username))
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(appUser).where(where),
  ]);
  return { items, total: counted[0]?.total ?? 0 };
}

export async function rolesOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: roleAssignment.id,
      userId: roleAssignment.userId,
      role: roleAssignment.role,
      jurisdictionId: roleAssignment.jurisdictionId,
      jurisdictionName: jurisdiction.name,
      jurisdictionPath: jurisdiction.path,
    })
    .from(roleAssignment)
    .innerJoin(jurisdiction, eq(jurisdiction.id, roleAssignment.jurisdictionId))
    .where(inArray(roleAssignment.userId, userIds));
}

/** Active users holding one of `roles` on a jurisdiction that covers `path` (investigators of a case there). */
export async function usersCovering(db: Db, path: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return queryRows<{ id: string; username: string; display_name: string; role: string }>(
    db,
    sql`select distinct u.id, u.username, u.display_name, ra.role
        from role_assignment ra join jurisdiction j on j.id = ra.jurisdiction_id join app_user u on u.id = ra.user_id
        where ${path} like j.path || '%' and not u.disabled and ra.role in (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )})
        order by ra.role, u.username`,
  );
}
