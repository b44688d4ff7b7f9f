import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addHousehold, addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';
import { insertPlace } from '../places/place.repository.ts';

let clock = new Date('2020-02-10T09:00:00+08:00');
const setDay = (date: string, time = '09:00') => {
  clock = new Date(`${date}T${time}:00+08:00`);
};

type Json = Record<string, unknown>;

describe('closed management: checkpoints, devices, rosters, passes, place codes', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let gate: TestClient;
  let checkpointId: string;
  let householdId: string;
  let personId: string;
  let villageId: string;

  const ok = async (client: TestClient, method: string, url: string, body?: unknown, status = 200) => {
    const reply = await client.request(method, url, body);
    assert.equal(reply.statusCode, status, `${method} ${url}: ${reply.body}`);
    return reply.json() as Json;
  };
  const batch = (key: string | undefined, scans: unknown[]) =>
    runtime.app.inject({ method: 'POST', url: '/api/scans/batch', headers: key ? { 'x-device-key': key } : {}, payload: { scans } });

  /** Sessions idle out when the clock jumps days ahead: sign in again on each new day. */
  const newDay = async (date: string, time = '09:00') => {
    setDay(date, time);
    grid = await loginAs(runtime.app, 'grid-a');
    gate = await loginAs(runtime.app, 'gate-a');
  };

  before(async () => {
    runtime = await createTestRuntime();
    runtime.deps.clock = () => clock;
    const { villageA } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    householdId = (await addHousehold(runtime.deps, villageA, '320412100001-01-0101')).id;
    const checkpoint = await insertPlace(runtime.deps.database.db, {
      kind: 'checkpoint',
      name: '甲社区东门卡口',
      code: '320412100001-CP-1',
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
    });
    checkpointId = checkpoint.id;
    await addUser(runtime.deps, 'grid-a', 'grid_worker', villageA.id);
    await addUser(runtime.deps, 'gate-a', 'checkpoint_staff', villageA.id);
    grid = await loginAs(runtime.app, 'grid-a');
    gate = await loginAs(runtime.app, 'gate-a');
    const person = await ok(
      grid,
      'POST',
      '/api/persons',
      { idType: 'resident_id', idNumber: residentId('19880808', 611), name: '居民甲', jurisdictionId: villageA.id, householdId },
      201,
    );
    personId = String(person.id);
  });
  after(() => runtime.close());

  // COMM-013, CODE-006: the health code is checked at the community checkpoint
  it('checkpoint mode: a green code passes; a red one is refused with its clause; a forged one says so', async () => {
    const green = (await ok(grid, 'GET', `/api/persons/${personId}/code`)) as { token: string };
    // Issue 12 defect 8: the QR carries an opaque per-token reference, never the person's id
    const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string };
    const again = (await ok(grid, 'GET', `/api/persons/${personId}/code`)) as { token: string };
    assert.ok(!green.token.includes(personId) && !claims(green.token).sub.includes(personId));
    assert.notEqual(claims(green.token).sub, claims(again.token).sub, 'two codes of one person do not match');
    const allowed = await ok(gate, 'POST', `/api/checkpoints/${checkpointId}/scans`, { token: green.token });
    assert.deepEqual([allowed.decision, allowed.colour], ['allow', 'green']);
    await ok(grid, 'POST', '/api/key-persons/episodes', { personId, category: 'close_contact', startDate: '2020-02-10' }, 201);
    const red = (await ok(grid, 'GET', `/api/persons/${personId}/code`)) as { token: string };
    const denied = (await ok(gate, 'POST', `/api/checkpoints/${checkpointId}/scans`, { token: red.token })) as {
      decision: string;
      because: { rule: string; source: string }[];
    };
    assert.deepEqual([denied.decision, denied.because[0]?.rule, denied.because[0]?.source], ['deny', 'checkpoint.colour.red', 'seed 001']);
    const forged = (await ok(gate, 'POST', `/api/checkpoints/${checkpointId}/scans`, { token: `${red.token.slice(0, -4)}AAAA` })) as {
      decision: string;
      because: { rule: string }[];
    };
    assert.deepEqual([forged.decision, forged.because[0]?.rule], ['deny', 'checkpoint.invalid.badSignature']);
  });

  // Issue 12 defect 4; CODE-002, CODE-006, SC-67: a paper or screenshot code keeps the colour it was signed
  // with, so the online checkpoint asks the colour now and refuses a holder who has turned red since.
  it('a paper code printed green for a person now red is refused at the checkpoint, with why; /codes/verify shows both colours', async () => {
    const villager = await ok(
      grid,
      'POST',
      '/api/persons',
      { idType: 'resident_id', idNumber: residentId('19880808', 629), name: '居民纸码', jurisdictionId: villageId, householdId },
      201,
    );
    const paper = await runtime.app.inject({
      method: 'GET',
      url: `/api/persons/${villager.id}/paper-code.pdf?purpose=${encodeURIComponent('老人无智能手机')}`,
      headers: grid.headers,
    });
    assert.equal(paper.statusCode, 200, paper.body);
    const paperToken = String(paper.headers['x-code-token']);
    const live = (await ok(grid, 'GET', `/api/persons/${villager.id}/code`)) as { token: string; colour: string };
    assert.equal(live.colour, 'green');
    const before = await ok(gate, 'POST', `/api/checkpoints/${checkpointId}/scans`, { token: paperToken });
    assert.deepEqual([before.decision, before.colour], ['allow', 'green']);

    await ok(grid, 'POST', '/api/key-persons/episodes', { personId: villager.id, category: 'close_contact', startDate: '2020-02-10' }, 201);
    for (const token of [paperToken, live.token]) {
      const scanned = (await ok(gate, 'POST', `/api/checkpoints/${checkpointId}/scans`, { token })) as {
        decision: string;
        colour: string;
        because: { rule: string }[];
      };
      assert.deepEqual(
        [scanned.decision, scanned.colour, scanned.because.map((r) => r.rule)],
        ['deny', 'red', ['checkpoint.changedSince.green', 'checkpoint.colour.red']],
      );
    }
    const verify = async (token: string) =>
      (await runtime.app.inject({ method: 'POST', url: '/api/codes/verify', payload: { token } })).json() as Json;
    const paperSeen = await verify(paperToken);
    assert.deepEqual(
      [paperSeen.valid, paperSeen.colour, paperSeen.colourAtIssue, paperSeen.changedSinceIssue, typeof paperSeen.colourCheckedAt],
      [true, 'red', 'green', true, 'string'],
    );
    const liveSeen = await verify(live.token);
    assert.deepEqual(
      [liveSeen.colour, liveSeen.colourAtIssue, liveSeen.colourCheckedAt],
      ['green', 'green', undefined],
      'the live code (minutes) is answered from its token alone',
    );
    assert.equal('subject' in paperSeen, false, 'the verifier never learns who it is');
  });

  it('a paper code is valid for one day unless configured (the seeds are silent)', () => {
    assert.equal(runtime.deps.config.paperCodeDays, 1);
  });

  // COMM-011, KP-I01: an outsider registered at the gate is placed under home medical observation
  it('an outsider registered at the gate gets a home-observation follow-up for the community', async () => {
    const registered = await ok(
      gate,
      'POST',
      `/api/checkpoints/${checkpointId}/outsiders`,
      {
        name: '外来甲',
        idType: 'resident_id',
        idNumber: residentId('19900101', 771, '420106'),
        phone: '13912345678',
        fromPlace: '湖北省武汉市',
        reason: '探亲',
        destinationHouseholdId: householdId,
      },
      201,
    );
    const episode = await ok(grid, 'GET', `/api/key-persons/episodes/${registered.episodeId}`);
    assert.deepEqual([episode.category, episode.personId, episode.status], ['returning_outsider', registered.personId, 'active']);
  });

  it('under the 9th edition (2022) an outsider is followed up by 3 days of home health monitoring (configured)', async () => {
    await newDay('2022-07-10', '09:00');
    const registered = await ok(
      gate,
      'POST',
      `/api/checkpoints/${checkpointId}/outsiders`,
      {
        name: '外来乙',
        idType: 'resident_id',
        idNumber: residentId('19910101', 772, '420106'),
        fromPlace: '上海市',
        reason: '返乡',
        destinationHouseholdId: householdId,
      },
      201,
    );
    const episode = await ok(grid, 'GET', `/api/key-persons/episodes/${registered.episodeId}`);
    assert.deepEqual(
      [episode.category, episode.managementType, episode.editionId],
      ['returning_outsider', 'home_health_monitoring', 'cn-2022-9th'],
    );
    await newDay('2020-02-10', '09:00');
  });

  // COMM-010, SC-35: at least 4 on duty by day and 2 at night
  it('staffing: day 3 is short, day 4 fine, night 2 fine', async () => {
    const staff = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `值守${i + 1}` }));
    const day3 = (await ok(grid, 'PUT', `/api/checkpoints/${checkpointId}/shifts`, {
      shiftDate: '2020-02-10',
      shift: 'day',
      staff: staff(3),
    })) as { problems: { minimum: number }[] };
    assert.deepEqual(
      day3.problems.map((p) => p.minimum),
      [4],
    );
    const day4 = (await ok(grid, 'PUT', `/api/checkpoints/${checkpointId}/shifts`, {
      shiftDate: '2020-02-10',
      shift: 'day',
      staff: staff(4),
    })) as { problems: unknown[] };
    assert.deepEqual(day4.problems, []);
    const night2 = (await ok(grid, 'PUT', `/api/checkpoints/${checkpointId}/shifts`, {
      shiftDate: '2020-02-10',
      shift: 'night',
      staff: staff(2),
    })) as { problems: unknown[] };
    assert.deepEqual(night2.problems, []);
    const roster = (await ok(gate, 'GET', `/api/checkpoints/${checkpointId}/shifts?from=2020-02-10&days=2`)) as {
      shifts: { problems: unknown[] }[];
    };
    assert.deepEqual(
      roster.shifts.map((s) => s.problems.length),
      [0, 0, 1, 1],
      'the next day, not yet staffed, is short on both shifts',
    );
  });

  // COMM-020, SC-36: one pass per household, one outing per 2-day window
  it('passes: one per household; a second use within two days is refused with the next date; a revoked pass is refused', async () => {
    await newDay('2020-02-10', '08:00');
    const pass = await ok(grid, 'POST', '/api/passes', { householdId }, 201);
    const again = await grid.request('POST', '/api/passes', { householdId });
    assert.equal(again.statusCode, 409, again.body);
    const use = (direction = 'out') =>
      ok(gate, 'POST', `/api/checkpoints/${checkpointId}/pass-uses`, { passNumber: pass.passNumber, direction });
    assert.equal((await use()).allowed, true);
    assert.equal((await use('in')).allowed, true, 'coming back is always allowed');
    await newDay('2020-02-11', '10:00');
    const tooSoon = (await use()) as { allowed: boolean; nextAllowedDate: string; because: { rule: string; clause: string }[] };
    assert.deepEqual(
      [tooSoon.allowed, tooSoon.nextAllowedDate, tooSoon.because[0]?.rule, tooSoon.because[0]?.clause],
      [false, '2020-02-12', 'checkpoint.pass.tooSoon', '§三(五)'],
    );
    await newDay('2020-02-12', '08:00');
    assert.equal((await use()).allowed, true);
    await ok(grid, 'POST', `/api/passes/${pass.id}/revoke`, { reason: '户内有人转为密接' });
    await newDay('2020-02-15', '08:00');
    const revoked = (await use()) as { allowed: boolean; because: { rule: string }[] };
    assert.deepEqual([revoked.allowed, revoked.because[0]?.rule], [false, 'checkpoint.pass.revoked']);
  });

  it('device batches: unknown or revoked devices are refused; a re-sent batch applies nothing twice', async () => {
    await newDay('2020-02-10', '12:00');
    assert.equal((await batch(undefined, [{ sequence: 1, scannedAt: clock.toISOString(), decision: 'allow' }])).statusCode, 401);
    assert.equal((await batch('fkd_unknown', [{ sequence: 1, scannedAt: clock.toISOString(), decision: 'allow' }])).statusCode, 401);
    const device = await ok(grid, 'POST', `/api/checkpoints/${checkpointId}/devices`, { name: '东门平板1' }, 201);
    const key = String(device.key);
    const scans = [1, 2, 3].map((sequence) => ({
      sequence,
      scannedAt: new Date(clock.getTime() - sequence * 60_000).toISOString(),
      colourSeen: 'green',
      decision: 'allow',
    }));
    const bad = { sequence: 4, scannedAt: '2030-01-01T00:00:00Z', decision: 'allow' };
    const first = (await batch(key, [...scans, bad])).json() as Json;
    assert.deepEqual([first.accepted, first.duplicate, first.rejected], [3, 0, 1]);
    const resent = (await batch(key, [...scans, { ...bad, sequence: 5, scannedAt: clock.toISOString() }])).json() as Json;
    assert.deepEqual([resent.accepted, resent.duplicate, resent.rejected], [1, 3, 0]);
    const devices = (await ok(grid, 'GET', `/api/checkpoints/${checkpointId}/devices`)) as { items: { lastSequence: number }[] };
    assert.equal(devices.items[0]?.lastSequence, 5);
    const code = (await ok(grid, 'GET', `/api/persons/${personId}/code`)) as { token: string };
    const withToken = (
      await batch(key, [{ sequence: 6, scannedAt: clock.toISOString(), token: code.token, colourSeen: 'red', decision: 'deny' }])
    ).json() as Json;
    assert.equal(withToken.accepted, 1);
    const [stored] = await queryRows<{ person_id: string }>(
      runtime.deps.database.db,
      sql`select person_id from scan where device_sequence = 6`,
    );
    assert.equal(stored?.person_id, personId, 'the token names the person; the device never sends who it is');
    // Issue 12 defect 8: a bare person id without a signed code, or a scan older than the look-back window, is refused
    const refused = (
      await batch(key, [
        { sequence: 7, scannedAt: clock.toISOString(), personId, colourSeen: 'green', decision: 'allow' },
        { sequence: 8, scannedAt: new Date(clock.getTime() - 15 * 86_400_000).toISOString(), decision: 'allow' },
      ])
    ).json() as { rejected: number; items: { reason?: string }[] };
    assert.deepEqual(
      refused.items.map((i) => i.reason),
      ['personWithoutToken', 'staleScan'],
    );
    await ok(grid, 'POST', `/api/checkpoints/${checkpointId}/devices/${device.id}/revoke`);
    assert.equal((await batch(key, scans)).statusCode, 403);
  });

  it('place codes: made once per place, listed, and printed as a PDF poster', async () => {
    const code = await ok(grid, 'POST', `/api/places/${checkpointId}/code`);
    assert.deepEqual(await ok(grid, 'POST', `/api/places/${checkpointId}/code`), code);
    assert.equal(((await ok(grid, 'GET', '/api/place-codes')) as { items: unknown[] }).items.length, 1);
    const poster = await runtime.app.inject({ method: 'GET', url: `/api/place-codes/${code.id}/poster`, headers: grid.headers });
    assert.equal(poster.statusCode, 200);
    assert.equal(poster.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });
});
