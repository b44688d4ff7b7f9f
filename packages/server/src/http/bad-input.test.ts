import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { queryRows } from '../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  requestId: string;
}

interface BadInput {
  name: string;
  request: () => InjectOptions;
  status: number;
  code: string;
  field?: string;
}

const DUPLICATE_ID = residentId('19800101', 111);

describe('bad input is refused with a code, the field at fault and a message, and writes nothing', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let villageId: string;

  /** A valid registration, changed by each case. */
  const person = (changes: Record<string, unknown> = {}) => ({
    idType: 'resident_id',
    idNumber: residentId('19900101', 246),
    name: '吴十',
    jurisdictionId: villageId,
    ...changes,
  });
  /** A raw string is sent as it is, labelled JSON: that is how malformed and oversize bodies are made. */
  const post = (payload: unknown, headers: Record<string, string> = {}): InjectOptions => {
    const raw = typeof payload === 'string';
    return {
      method: 'POST',
      url: '/api/persons',
      headers: { ...grid.headers, ...(raw ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: raw ? payload : (payload as object),
    };
  };
  const get = (url: string): InjectOptions => ({ method: 'GET', url, headers: grid.headers });

  const cases: BadInput[] = [
    {
      name: 'a resident ID with a wrong check digit',
      request: () => post(person({ idNumber: `${DUPLICATE_ID.slice(0, 17)}${DUPLICATE_ID.endsWith('0') ? '1' : '0'}` })),
      status: 400,
      code: 'residentId.checkDigit',
      field: 'idNumber',
    },
    {
      name: 'a resident ID born in the future',
      request: () => post(person({ idNumber: residentId('20991231', 111) })),
      status: 400,
      code: 'residentId.birthDate',
      field: 'idNumber',
    },
    {
      name: 'a resident ID of 17 characters',
      request: () => post(person({ idNumber: DUPLICATE_ID.slice(0, 17) })),
      status: 400,
      code: 'residentId.length',
      field: 'idNumber',
    },
    {
      name: 'a phone number that cannot be dialled',
      request: () => post(person({ phone: '12345' })),
      status: 400,
      code: 'phone.format',
      field: 'phone',
    },
    {
      name: 'an unknown jurisdiction id',
      request: () => post(person({ jurisdictionId: randomUUID() })),
      status: 403,
      code: 'unknownJurisdiction',
      field: 'jurisdictionId',
    },
    {
      name: 'a jurisdiction id that is not a UUID',
      request: () => post(person({ jurisdictionId: '320412100001' })),
      status: 400,
      code: 'invalidValue',
      field: 'jurisdictionId',
    },
    {
      name: 'an unknown document type',
      request: () => post(person({ idType: 'driving_licence' })),
      status: 400,
      code: 'invalidValue',
      field: 'idType',
    },
    {
      name: 'a person already registered with that ID number',
      request: () => post(person({ idNumber: DUPLICATE_ID, name: '重复' })),
      status: 409,
      code: 'duplicatePerson',
      field: 'idNumber',
    },
    {
      name: 'malformed JSON',
      request: () => post('{"idType": "resident_id", "idNumber": '),
      status: 400,
      code: 'malformedJson',
      field: 'body',
    },
    {
      name: 'a body over the 1 MiB limit',
      request: () => post(JSON.stringify(person({ address: 'x'.repeat(1024 * 1024 + 1) }))),
      status: 413,
      code: 'bodyTooLarge',
      field: 'body',
    },
    {
      name: 'a field the API does not know',
      request: () => post(person({ favouriteColour: 'red' })),
      status: 400,
      code: 'unknownField',
      field: 'favouriteColour',
    },
    {
      name: 'a missing required field',
      request: () => {
        const { name: _, ...withoutName } = person();
        return post(withoutName);
      },
      status: 400,
      code: 'required',
      field: 'name',
    },
    {
      name: 'a body in a format the API does not read',
      request: () => ({ ...post({}), payload: '<person/>', headers: { ...grid.headers, 'content-type': 'application/xml' } }),
      status: 415,
      code: 'unsupportedMediaType',
      field: 'content-type',
    },
    {
      name: 'a path id that is not a UUID',
      request: () => get('/api/persons/123'),
      status: 400,
      code: 'invalidValue',
      field: 'id',
    },
    {
      name: 'a page size over the maximum',
      request: () => get('/api/persons?pageSize=100000'),
      status: 400,
      code: 'invalidValue',
      field: 'pageSize',
    },
    {
      name: 'a search narrowed to an unknown jurisdiction',
      request: () => get(`/api/persons?jurisdictionId=${randomUUID()}`),
      status: 403,
      code: 'forbidden',
      field: 'jurisdictionId',
    },
    {
      name: 'an unknown query parameter',
      request: () => get('/api/persons?name=吴'),
      status: 400,
      code: 'unknownField',
      field: 'name',
    },
  ];

  const counts = async () =>
    (
      await queryRows<{ people: number; events: number; users: number }>(
        runtime.deps.database.db,
        sql`select (select count(*)::int from person) as people, (select count(*)::int from audit_event) as events,
                   (select count(*)::int from app_user) as users`,
      )
    )[0];

  before(async () => {
    runtime = await createTestRuntime();
    const { villageA } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    grid = await loginAs(runtime.app, 'grid-a');
    const first = await grid.request('POST', '/api/persons', person({ idNumber: DUPLICATE_ID, name: '原有' }));
    assert.equal(first.statusCode, 201, first.body);
  });
  after(() => runtime.close());

  for (const bad of cases) {
    it(`${bad.name} → ${bad.status} ${bad.code}${bad.field ? ` (${bad.field})` : ''}`, async () => {
      const before = await counts();
      const reply = await runtime.app.inject(bad.request());
      assert.equal(reply.statusCode, bad.status, reply.body);
      const body = reply.json() as ErrorBody;
      assert.deepEqual(
        { code: body.code, field: body.field, requestId: body.requestId },
        { code: bad.code, field: bad.field, requestId: reply.headers['x-request-id'] },
      );
      assert.ok(body.message.length > 0 && body.message !== bad.code, `a human message, not the code: ${body.message}`);
      assert.deepEqual(await counts(), before, 'nothing written');
    });
  }

  it('answers in zh-CN by default and in English with Accept-Language: en', async () => {
    const wrong = `${DUPLICATE_ID.slice(0, 17)}${DUPLICATE_ID.endsWith('0') ? '1' : '0'}`;
    const message = async (headers: Record<string, string>) =>
      ((await runtime.app.inject(post(person({ idNumber: wrong }), headers))).json() as ErrorBody).message;
    assert.equal(await message({}), '身份证号校验位错误');
    assert.equal(await message({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }), '身份证号校验位错误');
    assert.equal(await message({ 'accept-language': 'en' }), 'The ID number check digit is wrong (GB 11643)');
    assert.equal(await message({ 'accept-language': 'en-US,en;q=0.9' }), 'The ID number check digit is wrong (GB 11643)');
    const required = await runtime.app.inject(
      post({ idType: 'resident_id', idNumber: wrong, jurisdictionId: villageId }, { 'accept-language': 'en' }),
    );
    assert.deepEqual([(required.json() as ErrorBody).field, (required.json() as ErrorBody).message], ['name', 'is required']);
  });

  it('answers an unknown API route with 404 in the same error shape', async () => {
    const reply = await runtime.app.inject({ method: 'GET', url: '/api/no-such-route', headers: grid.headers });
    assert.equal(reply.statusCode, 404);
    const body = reply.json() as ErrorBody;
    assert.deepEqual([body.code, body.field, body.requestId], ['notFound', 'url', reply.headers['x-request-id']]);
  });
});
