import { sql } from 'drizzle-orm';
import { buildApp } from '../../packages/server/src/app.ts';
import { grantsOfUser } from '../../packages/server/src/auth/auth.repository.ts';
import { queryRows } from '../../packages/server/src/db/query-rows.ts';
import { DEMO_PASSWORD } from '../../packages/server/src/demo/demo-accounts.ts';
import { seedDemo } from '../../packages/server/src/demo/demo-seed.ts';
import type { openRuntime } from '../../packages/server/src/runtime.ts';
import { listenOnLoopback, openBenchRuntime, stopWhenAsked } from './bench-server.ts';

export interface SamplingServerReady {
  type: 'ready';
  appUrl: string;
  token: string;
  pointId: string;
  personIds: string[];
  residents: number;
  seedSeconds: number;
  database: string;
}

type App = Awaited<ReturnType<typeof buildApp>>;

async function login(app: App, username: string): Promise<{ token: string; headers: Record<string, string> }> {
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (reply.statusCode !== 200) throw new Error(`demo login ${username}: ${reply.statusCode} ${reply.body}`);
  const token = reply.cookies.find((c) => c.name === 'fk_session')?.value ?? '';
  return { token, headers: { authorization: `Bearer ${token}` } };
}

async function post(app: App, headers: Record<string, string>, url: string, payload: object): Promise<{ id: string }> {
  const reply = await app.inject({ method: 'POST', url, headers, payload });
  if (reply.statusCode !== 201) throw new Error(`${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as { id: string };
}

/** A campaign over the whole district, opened an hour ago, with one collection point in the grid worker's community. */
async function openCampaign(app: App, deps: Awaited<ReturnType<typeof openRuntime>>) {
  const office = await login(app, 'office');
  const [officeUser, gridUser] = await Promise.all(
    ['office', 'grid'].map(
      async (name) =>
        (await queryRows<{ id: string }>(deps.database.db, sql`select id from app_user where username = ${name}`))[0]?.id ?? '',
    ),
  );
  const county = (await grantsOfUser(deps.database.db, officeUser ?? ''))[0];
  const community = (await grantsOfUser(deps.database.db, gridUser ?? ''))[0];
  if (!county || !community) throw new Error('demo accounts have no grants');
  const startsAt = new Date(Date.now() - 3_600_000).toISOString();
  const campaign = await post(app, office.headers, '/api/testing/campaigns', {
    name: '全区核酸检测（基准）',
    jurisdictionId: county.jurisdictionId,
    startsAt,
  });
  const point = await post(app, office.headers, `/api/testing/campaigns/${campaign.id}/collection-points`, {
    name: '社区广场采样点',
    jurisdictionId: community.jurisdictionId,
    opensAt: '00:00',
    closesAt: '23:59',
    staff: 10,
    expectedResidents: 5000,
  });
  return { pointId: point.id, countyPath: county.jurisdictionPath };
}

async function main() {
  const residents = Number(process.env.BENCH_RESIDENTS ?? '10000');
  const { deps, close } = await openBenchRuntime();
  const seeded = await seedDemo(deps, { residents, seed: 20200128 });
  const app = await buildApp(deps);
  const appUrl = await listenOnLoopback(app);
  const { pointId, countyPath } = await openCampaign(app, deps);
  const grid = await login(app, 'grid');
  const persons = await queryRows<{ id: string }>(
    deps.database.db,
    sql`select id from person where jurisdiction_path like ${`${countyPath}%`} order by id limit 200000`,
  );
  const ready: SamplingServerReady = {
    type: 'ready',
    appUrl,
    token: grid.token,
    pointId,
    personIds: persons.map((p) => p.id),
    residents: seeded.residents,
    seedSeconds: seeded.seconds,
    database: deps.database.kind,
  };
  process.send?.(ready);
  stopWhenAsked(async () => {
    await app.close();
    await close();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
