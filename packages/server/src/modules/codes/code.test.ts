import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const D0 = '2020-03-01';

interface Code {
  colour: string;
  ruleVersion: string;
  because: { rule: string; source: string; clause: string }[];
  token: string;
}

describe('health codes through the API', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let otherTown: TestClient;
  let personId: string;

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => new Date(`${D0}T10:00:00+08:00`);
    const { villageA, townB } = await addTwoTowns(runtime.deps);
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'cadre-b', 'town_cadre', townB.id);
    grid = await loginAs(runtime.app, 'grid-a');
    otherTown = await loginAs(runtime.app, 'cadre-b');
    const person = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19880808', 601),
      name: '码一',
      jurisdictionId: villageA.id,
    });
    personId = (person.json() as { id: string }).id;
  });
  after(() => runtime.close());

  const codeOf = async () => (await grid.request('GET', `/api/persons/${personId}/code`)).json() as Code;
  const verify = async (token: string) =>
    (await runtime.app.inject({ method: 'POST', url: '/api/codes/verify', payload: { token } })).json() as Record<string, unknown>;

  // CODE-001: a registered person has a code, with its reason and rule version
  it('a person under no rule is green, with the reason and rule version', async () => {
    const code = await codeOf();
    assert.deepEqual(
      [code.colour, code.ruleVersion, code.because.map((r) => r.rule)],
      ['green', 'seed-2020/codes-1', ['code.noRule.green']],
    );
  });

  // CODE-008: a person under key-person management is under health-code management (red)
  it('a close contact in centralized quarantine turns red, and the signed token says so to any verifier', async () => {
    const episode = await grid.request('POST', '/api/key-persons/episodes', { personId, category: 'close_contact', startDate: D0 });
    assert.equal(episode.statusCode, 201, episode.body);
    const code = await codeOf();
    assert.equal(code.colour, 'red');
    assert.ok(code.because.some((r) => r.rule === 'code.underManagement.red' && r.source === 'seed 000'));
    const checked = await verify(code.token);
    assert.deepEqual(
      [checked.valid, checked.colour, checked.subject],
      [true, 'red', undefined],
      'the verifier learns the colour, not who it is',
    );
  });

  it('the public keys verify offline-style and a tampered token is refused', async () => {
    const keys = (await runtime.app.inject({ method: 'GET', url: '/api/codes/keys' })).json() as { keys: { kid: string; d?: string }[] };
    assert.ok(keys.keys.length >= 1 && keys.keys.every((k) => k.kid && k.d === undefined), 'public keys only');
    const code = await codeOf();
    const [header, payload, signature] = code.token.split('.');
    const green = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), c: 'green' })).toString(
      'base64url',
    );
    assert.deepEqual(await verify(`${header}.${green}.${signature}`), {
      valid: false,
      reason: 'badSignature',
      kid: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).kid,
      expiresAt: new Date(Date.parse(`${D0}T10:05:00+08:00`)).toISOString(),
    });
  });

  it('another town cannot see the code', async () => {
    assert.equal((await otherTown.request('GET', `/api/persons/${personId}/code`)).statusCode, 404);
  });
});
