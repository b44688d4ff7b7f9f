import assert from 'node:assert/strict';
import { childPath, findEdition, type Role, residentIdCheckCharacter, responseRules } from '@fangkong/core';
import { eq } from 'drizzle-orm';
import type { App } from '../app.ts';
import type { AppDeps } from '../app-deps.ts';
import { jurisdiction, place } from '../db/schema/index.ts';
import { systemContext } from '../http/context.ts';
import { createUser } from '../modules/users/user.service.ts';

/** Small factories for tests: a jurisdiction chain, households, users, people and a logged-in client. */

export async function addJurisdiction(deps: AppDeps, parentCode: string, code: string, name: string, level: string) {
  const db = deps.database.db;
  const parent = (await db.select().from(jurisdiction).where(eq(jurisdiction.code, parentCode)))[0];
  if (!parent) throw new Error(`no parent ${parentCode}`);
  const rows = await db
    .insert(jurisdiction)
    .values({ code, name, level, parentId: parent.id, path: childPath(parent.path, code) })
    .returning();
  return rows[0] as typeof jurisdiction.$inferSelect;
}

/** 江苏 → 常州 → 武进区 → two towns → one community each: enough to prove scoping. */
export async function addTwoTowns(deps: AppDeps) {
  await addJurisdiction(deps, 'CN', '32', '江苏省', 'province');
  await addJurisdiction(deps, '32', '3204', '常州市', 'city');
  const county = await addJurisdiction(deps, '3204', '320412', '武进区', 'county');
  const townA = await addJurisdiction(deps, '320412', '320412100', '湖塘镇', 'town');
  const townB = await addJurisdiction(deps, '320412', '320412102', '牛塘镇', 'town');
  const villageA = await addJurisdiction(deps, '320412100', '320412100001', '甲社区', 'village');
  const villageB = await addJurisdiction(deps, '320412102', '320412102001', '乙社区', 'village');
  return { county, townA, townB, villageA, villageB };
}

export async function addHousehold(deps: AppDeps, village: typeof jurisdiction.$inferSelect, code: string) {
  const rows = await deps.database.db
    .insert(place)
    .values({ kind: 'household', name: `${code}室`, code, jurisdictionId: village.id, jurisdictionPath: village.path })
    .returning();
  return rows[0] as typeof place.$inferSelect;
}

/** A valid resident ID (GB 11643 check digit) for the given birth date and sequence. */
export function residentId(birthDate = '19900101', sequence = 123, division = '320412'): string {
  const first17 = `${division}${birthDate}${String(sequence).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export const TEST_PASSWORD = 'test-password-2026';

export async function addUser(deps: AppDeps, username: string, role: Role, jurisdictionId: string) {
  return createUser(deps, systemContext('test'), { username, displayName: username, password: TEST_PASSWORD, role, jurisdictionId });
}

/** Sends a request that must succeed (any 2xx; the status and body in the failure) and answers its JSON. */
export async function expectOk(client: TestClient, method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
  const reply = await client.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as Record<string, unknown>;
}

/**
 * The county's command office and commander (ORG-), signed in: what response-level, protocol and command tests
 * start from. Usernames `office` and `commander`.
 */
export async function signInCommandStaff(
  deps: AppDeps,
  app: App,
  countyId: string,
): Promise<{ office: TestClient; commander: TestClient }> {
  await addUser(deps, 'office', 'command_office_staff', countyId);
  await addUser(deps, 'commander', 'district_commander', countyId);
  return { office: await loginAs(app, 'office'), commander: await loginAs(app, 'commander') };
}

export interface TestClient {
  csrfToken: string;
  headers: Record<string, string>;
  request(method: string, url: string, body?: unknown): Promise<{ statusCode: number; json: () => unknown; body: string }>;
}

/** Logs in through the real endpoint and returns a client that sends the cookie and CSRF token. */
export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<TestClient> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'fk_session');
  const { csrfToken } = response.json() as { csrfToken: string };
  const headers = { cookie: `fk_session=${cookie?.value}`, 'x-csrf-token': csrfToken };
  return {
    csrfToken,
    headers,
    request: async (method, url, body) => {
      const reply = await app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
      return { statusCode: reply.statusCode, json: () => reply.json(), body: reply.body };
    },
  };
}

/** A level assessment (LVL-003) with a finding on every factor item of the seed-2020 edition and the records named (tests only). */
export function completeAssessment(records: string[] = ['trendAnalysis']) {
  const edition = findEdition('seed-2020');
  if (!edition) throw new Error('seed-2020 is not shipped');
  const factors = Object.fromEntries(
    responseRules(edition).assessment.factors.flatMap((group) => group.items.map((item) => [item.key, `研判：${item.key}`])),
  );
  return { factors, records: Object.fromEntries(records.map((r) => [r, `${r} 已形成`])) };
}

/**
 * Starts a response at a level through the real procedure (LVL-010): the office proposes on the level's trigger with
 * a complete assessment, the district experts confirm, the commander approves. Answers the change's id.
 */
export async function approveLevel(office: TestClient, commander: TestClient, jurisdictionId: string, level = 'IV'): Promise<string> {
  const proposed = await expectOk(office, 'POST', `/api/response-levels/${jurisdictionId}/proposals`, {
    to: level,
    basis: 'trigger',
    reason: `启动${level}级响应`,
    assessment: completeAssessment(),
  });
  await expectOk(office, 'POST', `/api/response-level-changes/${proposed.id}/confirmations`, {
    body: 'district',
    decision: 'confirmed',
    note: '同意',
  });
  await expectOk(commander, 'POST', `/api/response-level-changes/${proposed.id}/approve`, {});
  return String(proposed.id);
}
