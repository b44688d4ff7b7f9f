import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { signCode, verifyCode } from '../../codes/code-token.ts';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const NOW = new Date('2020-03-01T10:00:00+08:00');

interface Reason {
  rule: string;
  source: string;
  clause: string;
  says: string;
}
interface Code {
  colour: string;
  because: Reason[];
}
interface History {
  states: { colour: string; source: string; codeChangeId: string | null; because: Reason[] }[];
  changes: { id: string; status: string; basisRef: string; decisionReason: string | null }[];
  appeals: { id: string; status: string; decisionReason: string | null; overdue: boolean; codeChangeId: string | null }[];
}

describe('health codes, staff side: manual changes with a basis and a second approver, appeals, paper codes', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let cdc: TestClient;
  let admin: TestClient;
  let personId: string;
  let otherPersonId: string;
  let villagePath: string;

  const addPerson = async (name: string, sequence: number, villageId: string) => {
    const reply = await grid.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', sequence),
      name,
      jurisdictionId: villageId,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string }).id;
  };

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => NOW;
    const { townA, villageA } = await addTwoTowns(runtime.deps);
    villagePath = villageA.path;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'cdc-a', 'cdc_epidemiologist', townA.id);
    await addUser(runtime.deps, 'admin-a', 'system_admin', townA.id);
    grid = await loginAs(runtime.app, 'grid-a');
    cdc = await loginAs(runtime.app, 'cdc-a');
    admin = await loginAs(runtime.app, 'admin-a');
    personId = await addPerson('赋码甲', 701, villageA.id);
    otherPersonId = await addPerson('赋码乙', 703, villageA.id);
  });
  after(() => runtime.close());

  /** Moves the clock for one step; sessions past their hours are gone, so sign in again afterwards. */
  const at = async (time: Date, step: () => Promise<void>) => {
    runtime.deps.clock = () => time;
    try {
      await step();
    } finally {
      runtime.deps.clock = () => NOW;
      runtime.deps.sessions.clear();
      grid = await loginAs(runtime.app, 'grid-a');
      cdc = await loginAs(runtime.app, 'cdc-a');
      admin = await loginAs(runtime.app, 'admin-a');
    }
  };

  const codeOf = async (id = personId) => (await grid.request('GET', `/api/persons/${id}/code`)).json() as Code;
  const historyOf = async (id = personId) => (await cdc.request('GET', `/api/persons/${id}/code/history`)).json() as History;
  const changeCount = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from code_change`))[0]?.n;
  const request = (body: Record<string, unknown>, client = grid, id = personId) =>
    client.request('POST', `/api/persons/${id}/code-changes`, body);

  it('no colour change without a basis: missing, unknown, foreign or non-matching bases are refused and nothing is written', async () => {
    assert.equal((await codeOf()).colour, 'green');
    const episode = await grid.request('POST', '/api/key-persons/episodes', {
      personId: otherPersonId,
      category: 'close_contact',
      startDate: '2020-03-01',
    });
    assert.equal(episode.statusCode, 201, episode.body);
    const otherEpisodeId = (episode.json() as { id: string }).id;
    const refusals: [Record<string, unknown>, string][] = [
      [{ toColour: 'red', basisKind: 'record', basisNote: '无依据' }, 'required'],
      [{ toColour: 'red', basisKind: 'record', basisRef: 'x', basisNote: '格式不对' }, 'basisRefFormat'],
      [{ toColour: 'red', basisKind: 'record', basisRef: `episode:${crypto.randomUUID()}`, basisNote: '不存在的记录' }, 'basisNotFound'],
      [{ toColour: 'red', basisKind: 'record', basisRef: `episode:${otherEpisodeId}`, basisNote: '他人的记录' }, 'basisNotFound'],
      [{ toColour: 'red', basisKind: 'rule', basisRef: 'unpaidBill', basisNote: '非健康理由（河南 2022）' }, 'basisRuleUnknown'],
      [{ toColour: 'red', basisKind: 'rule', basisRef: 'declaredSymptoms', basisNote: '该规则只给黄码' }, 'basisRuleUnknown'],
      [
        { toColour: 'yellow', basisKind: 'rule', basisRef: 'declaredSymptoms', basisNote: '有效期过长', validHours: 10_000 },
        'validityTooLong',
      ],
    ];
    for (const [body, code] of refusals) {
      const reply = await request(body);
      assert.equal(reply.statusCode, 400, reply.body);
      assert.equal((reply.json() as { code: string }).code, code, JSON.stringify(body));
    }
    assert.equal(await changeCount(), 0);
    assert.equal((await codeOf()).colour, 'green');
  });

  it('only a second user holding code.approve may approve: not the requester, not a grid worker', async () => {
    const byAdmin = await request(
      { toColour: 'yellow', basisKind: 'rule', basisRef: 'declaredSymptoms', basisNote: '电话报告发热' },
      admin,
    );
    assert.equal(byAdmin.statusCode, 201, byAdmin.body);
    const id = (byAdmin.json() as { id: string }).id;
    const own = await admin.request('POST', `/api/code-changes/${id}/approve`, {});
    assert.deepEqual([own.statusCode, (own.json() as { code: string }).code], [403, 'ownCodeChange']);
    const byGrid = await grid.request('POST', `/api/code-changes/${id}/approve`, {});
    assert.equal(byGrid.statusCode, 403);
    assert.equal((await codeOf()).colour, 'green', 'pending changes do not apply');
    const rejected = await cdc.request('POST', `/api/code-changes/${id}/reject`, { reason: '未核实，需书面材料' });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const change = (await historyOf()).changes.find((c) => c.id === id);
    assert.deepEqual([change?.status, change?.decisionReason], ['rejected', '未核实，需书面材料']);
    assert.equal((await codeOf()).colour, 'green');
  });

  it('an approved change sets the colour, shows its basis first among the reasons, and enters the history', async () => {
    const asked = await request({
      toColour: 'yellow',
      basisKind: 'rule',
      basisRef: 'declaredSymptoms',
      basisNote: '社区电话随访：自述咳嗽',
      validHours: 48,
    });
    assert.equal(asked.statusCode, 201, asked.body);
    const id = (asked.json() as { id: string }).id;
    const queue = (await cdc.request('GET', '/api/code-changes')).json() as { items: { id: string }[] };
    assert.ok(
      queue.items.some((c) => c.id === id),
      'in the approval queue',
    );
    const approved = await cdc.request('POST', `/api/code-changes/${id}/approve`, { reason: '核实属实' });
    assert.equal(approved.statusCode, 200, approved.body);
    const again = await cdc.request('POST', `/api/code-changes/${id}/approve`, {});
    assert.equal(again.statusCode, 409);
    const code = await codeOf();
    assert.equal(code.colour, 'yellow');
    assert.deepEqual(
      [code.because[0]?.rule, code.because[0]?.clause, code.because[0]?.says],
      ['code.manual.yellow', 'declaredSymptoms', '社区电话随访：自述咳嗽'],
    );
    const history = await historyOf();
    assert.deepEqual(
      history.states.map((s) => [s.colour, s.source, s.codeChangeId]),
      [
        ['yellow', 'manual', id],
        ['green', 'rules', null],
      ],
    );
    await codeOf();
    assert.equal((await historyOf()).states.length, 2, 'an unchanged colour adds no row');
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${id} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['code.requestChange', 'code.approveChange'],
    );
  });

  it('the change lapses at its validity and the rules decide again', async () => {
    await at(new Date(NOW.getTime() + 49 * 3_600_000), async () => {
      grid = await loginAs(runtime.app, 'grid-a');
      cdc = await loginAs(runtime.app, 'cdc-a');
      assert.equal((await codeOf()).colour, 'green');
      assert.deepEqual((await historyOf()).states[0]?.source, 'rules');
    });
  });

  it('an appeal upheld changes the colour with the appeal as basis, and the decision is visible', async () => {
    assert.equal((await codeOf(otherPersonId)).colour, 'red');
    const [appeal] = await queryRows<{ id: string }>(
      runtime.deps.database.db,
      sql`insert into appeal (person_id, colour_appealed, reason, deadline_at, jurisdiction_path)
          values (${otherPersonId}, 'red', '已在外省完成隔离，有解除通知书', ${new Date(NOW.getTime() + 24 * 3_600_000).toISOString()}, ${villagePath})
          returning id`,
    );
    const appealId = appeal?.id ?? '';
    const queue = (await cdc.request('GET', '/api/appeals')).json() as { items: { id: string; overdue: boolean }[] };
    assert.deepEqual(queue.items.find((a) => a.id === appealId)?.overdue, false);
    await at(new Date(NOW.getTime() + 25 * 3_600_000), async () => {
      cdc = await loginAs(runtime.app, 'cdc-a');
      const late = (await cdc.request('GET', '/api/appeals')).json() as { items: { id: string; overdue: boolean }[] };
      assert.deepEqual(late.items.find((a) => a.id === appealId)?.overdue, true, 'past the deadline: overdue');
    });
    const byGrid = await grid.request('POST', `/api/appeals/${appealId}/decide`, { decision: 'upheld', reason: '核实', toColour: 'green' });
    assert.equal(byGrid.statusCode, 403, 'grid workers do not decide appeals');
    const noColour = await cdc.request('POST', `/api/appeals/${appealId}/decide`, { decision: 'upheld', reason: '核实' });
    assert.equal(noColour.statusCode, 400);
    const decided = await cdc.request('POST', `/api/appeals/${appealId}/decide`, {
      decision: 'upheld',
      reason: '外省解除隔离通知书核实无误',
      toColour: 'green',
      validHours: 24,
    });
    assert.equal(decided.statusCode, 200, decided.body);
    // Issue 12 defect 8, CODE-004: upholding requests the change; a second user approves it before it applies
    const changeId = (decided.json() as { codeChangeId: string }).codeChangeId;
    assert.equal((await codeOf(otherPersonId)).colour, 'red', 'one decider does not change a colour');
    const own = await cdc.request('POST', `/api/code-changes/${changeId}/approve`, {});
    assert.deepEqual([own.statusCode, (own.json() as { code: string }).code], [403, 'ownCodeChange']);
    const second = await admin.request('POST', `/api/code-changes/${changeId}/approve`, {});
    assert.equal(second.statusCode, 200, second.body);
    const code = await codeOf(otherPersonId);
    assert.equal(code.colour, 'green');
    assert.deepEqual([code.because[0]?.rule, code.because[0]?.clause], ['code.manual.green', `appeal:${appealId}`]);
    assert.ok(
      code.because.some((r) => r.rule === 'code.underManagement.red'),
      'the rule that gave red is still listed',
    );
    const history = await historyOf(otherPersonId);
    assert.deepEqual(
      [history.appeals[0]?.status, history.appeals[0]?.decisionReason, history.changes[0]?.basisRef],
      ['upheld', '外省解除隔离通知书核实无误', `appeal:${appealId}`],
    );
    assert.equal((await cdc.request('POST', `/api/appeals/${appealId}/decide`, { decision: 'rejected', reason: '再次' })).statusCode, 409);
  });

  // CODE-002: a printed paper health code is a valid, verifiable credential
  it('a paper code is a PDF whose token verifies with the public keys for the configured days, audited with its purpose', async () => {
    const reply = await runtime.app.inject({
      method: 'GET',
      url: `/api/persons/${personId}/paper-code.pdf?purpose=${encodeURIComponent('老人无智能手机')}`,
      headers: grid.headers,
    });
    assert.equal(reply.statusCode, 200, reply.body);
    assert.equal(reply.headers['content-type'], 'application/pdf');
    assert.equal(reply.rawPayload.subarray(0, 4).toString(), '%PDF');
    const token = String(reply.headers['x-code-token']);
    const keys = (await runtime.app.inject({ method: 'GET', url: '/api/codes/keys' })).json() as { keys: JWK[] };
    const validMs = runtime.deps.config.paperCodeDays * 86_400_000;
    const checked = await verifyCode(token, keys.keys, new Date(NOW.getTime() + validMs - 60_000));
    assert.equal(checked.valid, true);
    assert.equal(checked.valid && checked.expiresAt, new Date(NOW.getTime() + validMs).toISOString());
    assert.equal(reply.headers['x-valid-until'], new Date(NOW.getTime() + validMs).toISOString());
    const expired = await verifyCode(token, keys.keys, new Date(NOW.getTime() + validMs + 86_400_000));
    assert.deepEqual([expired.valid, !expired.valid && expired.reason], [false, 'expired']);
    const [audit] = await queryRows<{ reason: string }>(
      runtime.deps.database.db,
      sql`select reason from audit_event where action = 'code.issuePaper' and entity_id = ${personId}`,
    );
    assert.equal(audit?.reason, '老人无智能手机');
    const noPurpose = await grid.request('GET', `/api/persons/${personId}/paper-code.pdf`);
    assert.equal(noPurpose.statusCode, 400);
  });

  it('the verification endpoint refuses forged, expired and wrong-key tokens, each with its reason', async () => {
    const verify = async (token: string) =>
      (await runtime.app.inject({ method: 'POST', url: '/api/codes/verify', payload: { token, placeId: 'gate-1' } })).json() as {
        valid: boolean;
        reason?: string;
      };
    const code = (await grid.request('GET', `/api/persons/${personId}/code`)).json() as { token: string };
    const [header, payload, signature] = code.token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, c: 'green' })).toString('base64url')}.${signature}`;
    assert.equal((await verify(forged)).reason, 'badSignature');
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).kid as string;
    const sign = (keyId: string, at: Date, ttl: number) =>
      signCode({ sub: personId, c: 'green', v: 'seed-2020/codes-1' }, { kid: keyId, privateKey: stranger.privateKey }, at, ttl);
    assert.equal((await verify(await sign('fk-unknown', NOW, 300))).reason, 'unknownKey');
    assert.equal((await verify(await sign(kid, NOW, 300))).reason, 'badSignature', 'a known key id with another key');
    const genuine = (await runtime.app.inject({ method: 'GET', url: '/api/codes/keys' })).json() as { keys: JWK[] };
    assert.ok(!genuine.keys.some((k) => k.x === (exportJWK(stranger.publicKey) as unknown as JWK).x));
    await at(new Date(NOW.getTime() + 3_600_000), async () => {
      assert.equal((await verify(code.token)).reason, 'expired');
    });
  });
});

describe('health codes under load: rate limits and the overload guard answer 429 with Retry-After', () => {
  it('verifications over the per-address limit get 429 with Retry-After', async () => {
    const runtime = await createTestRuntime({ FANGKONG_CODE_VERIFY_RATE: '3' });
    try {
      const replies = [];
      for (let i = 0; i < 5; i++)
        replies.push(await runtime.app.inject({ method: 'POST', url: '/api/codes/verify', payload: { token: 'not-a-token-at-all' } }));
      assert.deepEqual(
        replies.map((r) => r.statusCode),
        [200, 200, 200, 429, 429],
      );
      assert.ok(Number(replies[3]?.headers['retry-after']) > 0);
      assert.equal((replies[3]?.json() as { code?: string } | undefined)?.code, 'tooManyRequests');
    } finally {
      await runtime.close();
    }
  });

  it('with more requests in flight than the guard allows, the excess answers 429 with Retry-After at once', async () => {
    const runtime = await createTestRuntime({ FANGKONG_OVERLOAD_MAX_IN_FLIGHT: '2' });
    try {
      const replies = await Promise.all(
        Array.from({ length: 20 }, () =>
          runtime.app.inject({ method: 'POST', url: '/api/codes/verify', payload: { token: 'x.y.z-not-valid' } }),
        ),
      );
      const refused = replies.filter((r) => r.statusCode === 429);
      assert.ok(refused.length > 0, `some refused: ${replies.map((r) => r.statusCode).join(',')}`);
      assert.ok(replies.every((r) => r.statusCode === 200 || r.statusCode === 429));
      assert.ok(refused.every((r) => r.headers['retry-after'] === '1'));
      const later = await runtime.app.inject({ method: 'POST', url: '/api/codes/verify', payload: { token: 'x.y.z-not-valid' } });
      assert.equal(later.statusCode, 200, 'the counter comes back down');
    } finally {
      await runtime.close();
    }
  });
});
