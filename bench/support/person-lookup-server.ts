// Child process of person-lookup.bench.ts, so the servers get a core of their own and the load
// generator the other: seeds the demo district, starts the real app and a bare Fastify route on
// 127.0.0.1, signs in as the demo grid worker and reports over IPC. It cleans up on 'stop'.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../../packages/server/src/app.ts';
import { grantsOfUser } from '../../packages/server/src/auth/auth.repository.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { openDatabase } from '../../packages/server/src/db/client.ts';
import { queryRows } from '../../packages/server/src/db/query-rows.ts';
import { DEMO_PASSWORD } from '../../packages/server/src/demo/demo-accounts.ts';
import { seedDemo } from '../../packages/server/src/demo/demo-seed.ts';
import { openRuntime } from '../../packages/server/src/runtime.ts';

export interface LookupServerReady {
  type: 'ready';
  appUrl: string;
  bareUrl: string;
  cookie: string;
  /** Resident ID numbers inside the grid worker's community: the lookups to make. */
  idNumbers: string[];
  residents: number;
  seedSeconds: number;
  database: string;
}

const USERNAME = 'grid';
const LOOKUP_IDS = 1000;

/** PGlite on disk (what `npm start` uses), or a brand-new PostgreSQL database when DATABASE_URL is set. */
async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `fangkong_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const drop = async () => {
    const cleanup = new pg.Client({ connectionString: base });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  return { url: url.toString(), drop };
}

async function listen(app: { listen: (options: { port: number; host: string }) => Promise<string>; server: { address(): unknown } }) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function main() {
  const residents = Number(process.env.BENCH_RESIDENTS ?? '10000');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-bench-'));
  const { url, drop } = await freshDatabaseUrl();
  const config = loadConfig({
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_WEB_DIST: path.join(dataDir, 'no-web'),
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const database = await openDatabase(config);
  const deps = await openRuntime(config, database);
  const seeded = await seedDemo(deps, { residents, seed: 20200128 });

  const app = await buildApp(deps);
  const bare = Fastify();
  bare.get('/', async () => ({ hello: 'world' }));
  const [appUrl, bareUrl] = [await listen(app), await listen(bare)];

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERNAME, password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`demo login failed: ${login.statusCode} ${login.body}`);
  const token = login.cookies.find((c) => c.name === 'fk_session')?.value;
  const [user] = await queryRows<{ id: string }>(deps.database.db, sql`select id from app_user where username = ${USERNAME}`);
  const scope = (await grantsOfUser(deps.database.db, user?.id ?? ''))[0]?.jurisdictionPath ?? '/none/';
  const sealed = await queryRows<{ id_cipher: string }>(
    deps.database.db,
    sql`select id_cipher from person where id_type = 'resident_id' and jurisdiction_path like ${`${scope}%`} order by id limit ${LOOKUP_IDS}`,
  );

  const ready: LookupServerReady = {
    type: 'ready',
    appUrl,
    bareUrl,
    cookie: `fk_session=${token}`,
    idNumbers: sealed.map((row) => deps.cipher.decrypt(row.id_cipher)),
    residents: seeded.residents,
    seedSeconds: seeded.seconds,
    database: deps.database.kind,
  };
  process.send?.(ready);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([app.close(), bare.close()]);
    await deps.database.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
