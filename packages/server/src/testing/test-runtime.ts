import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type App, buildApp } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { loadConfig } from '../config.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { openRuntime } from '../runtime.ts';

export interface TestRuntime {
  deps: AppDeps;
  app: App;
  close(): Promise<void>;
}

/** pool.end() resolves before the server has seen every disconnect; wait for them before dropping. */
async function waitForNoSessions(client: pg.Client, database: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const result = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
    if (result.rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh, empty database per test file: PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set. */
async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return { database: await openPglite(undefined), drop: async () => {} };
  const name = `fangkong_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), 5);
  return {
    database,
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await waitForNoSessions(cleanup, name);
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Migrated database, deps with a fixed data key and a temp data dir, and the built app (not listening). */
export async function createTestRuntime(env: Record<string, string> = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-test-'));
  const config = loadConfig({
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_DATA_KEY: randomBytes(32).toString('base64'),
    FANGKONG_WEB_DIST: path.join(dataDir, 'no-web'),
    ...env,
  });
  const { database, drop } = await freshDatabase();
  const deps = await openRuntime(config, database);
  const app = await buildApp(deps);
  await app.ready();
  return {
    deps,
    app,
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
