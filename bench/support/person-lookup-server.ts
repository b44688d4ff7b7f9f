// Child process of person-lookup.bench.ts, so the servers get a core of their own and the load
// generator the other: seeds the demo district, starts the real app and a bare Fastify route on
// 127.0.0.1, signs in as the demo grid worker and reports over IPC. It cleans up on 'stop'.
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../../packages/server/src/app.ts';
import { grantsOfUser } from '../../packages/server/src/auth/auth.repository.ts';
import { queryRows } from '../../packages/server/src/db/query-rows.ts';
import { DEMO_PASSWORD } from '../../packages/server/src/demo/demo-accounts.ts';
import { seedDemo } from '../../packages/server/src/demo/demo-seed.ts';
import { listenOnLoopback, openBenchRuntime, stopWhenAsked } from './bench-server.ts';

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

async function main() {
  const residents = Number(process.env.BENCH_RESIDENTS ?? '10000');
  const { deps, close } = await openBenchRuntime();
  const seeded = await seedDemo(deps, { residents, seed: 20200128 });

  const app = await buildApp(deps);
  const bare = Fastify();
  bare.get('/', async () => ({ hello: 'world' }));
  const [appUrl, bareUrl] = [await listenOnLoopback(app), await listenOnLoopback(bare)];

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

  stopWhenAsked(async () => {
    await Promise.all([app.close(), bare.close()]);
    await close();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
