import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { queryRows } from '../db/query-rows.ts';
import { systemContext } from '../http/context.ts';
import { createUser } from '../modules/users/user.service.ts';
import { ensureCountryRoot } from './root-jurisdiction.ts';

/** With no account at all, creates `admin` (system admin on the whole country) and returns its one-time password. */
export async function ensureFirstAdmin(deps: Pick<AppDeps, 'database' | 'sessions' | 'config' | 'clock'>): Promise<string | null> {
  const db = deps.database.db;
  const counted = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from app_user`);
  if ((counted[0]?.n ?? 0) > 0) return null;
  const rootId = await ensureCountryRoot(db);
  const created = await createUser(deps, systemContext('bootstrap'), {
    username: 'admin',
    displayName: '系统管理员',
    role: 'system_admin',
    jurisdictionId: rootId,
  });
  return created.oneTimePassword;
}
