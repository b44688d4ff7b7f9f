import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** pool.end() resolves before the server has seen every disconnect; wait for them before dropping. */
async function waitForNoSessions(client: pg.Client, database: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const result = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
    if (result.rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Settings of a throw-away database, applied to every session opened on it (`alter database … set`). */
export type DatabaseSettings = Partial<Record<'synchronous_commit', 'on' | 'off'>>;

/**
 * A brand-new PostgreSQL database next to the one `baseUrl` (by default DATABASE_URL) names (tests
 * and benchmarks each get their own), or `url: undefined` when there is none (then PGlite is used);
 * copied from `template` when one is named, with `settings` for its sessions.
 */
export async function throwawayPostgres(
  prefix: string,
  baseUrl = process.env.DATABASE_URL,
  template?: string,
  settings: DatabaseSettings = {},
): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  if (!baseUrl) return { url: undefined, drop: async () => {} };
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  for (const [setting, value] of Object.entries(settings)) await admin.query(`alter database ${name} set ${setting} = ${value}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    await waitForNoSessions(cleanup, name);
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return { url: url.toString(), drop };
}
