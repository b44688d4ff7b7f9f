import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { exportProfile, type LocalProfile } from '@fangkong/core';
import {
  addHousehold,
  addTwoTowns,
  addUser,
  expectOk,
  loginAs,
  residentId,
  signInCommandStaff,
  type TestClient,
} from '../../../testing/factories.ts';
import { adoptProtocolDocument } from '../../../testing/protocol-documents.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { insertPlace } from '../../places/place.repository.ts';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const basis = { source: '湖塘镇防控指挥部', clause: '湖防指〔2026〕7号', says: '小区出入口执行“四必须”（seed 003 item 5）' };

/** 湖塘镇's profile choosing seed 003's four musts for its compounds (§18; RULES-001: a local rule as data). */
const fourMusts = (regime = 'seed-003/wuhan-four-musts') =>
  exportProfile({
    id: 'hutang-four-musts',
    name: '湖塘镇：小区出入“四必须”',
    jurisdictionCode: '320412100',
    editionId: 'cn-2022-9th',
    basis,
    overrides: {},
    compoundEntry: { regime, basis } as LocalProfile['compoundEntry'],
  });

interface EntryReply {
  allowed: boolean;
  missing: string[];
  colour: string | null;
  because: { rule: string; clause: string }[];
  regime: string;
  chosenBy: { source: string } | null;
}

/**
 * Which compound-entry regime a community runs is profile data (issue 14 part 3, RULES-001, COMM-013, §18): seed
 * 000's normalized checks (SC-42) unless the local profile in force chooses seed 003's four musts (SC-43); the gate's
 * entry decision asks `protocolInForce` where the checkpoint stands, through the HTTP API.
 */
describe('compound entry: the regime the profile in force chooses (SC-42, SC-43)', () => {
  let runtime: TestRuntime;
  let office: TestClient;
  let commander: TestClient;
  const gates = {} as Record<'hutang' | 'niutang', { client: TestClient; checkpointId: string; token: string }>;

  const entry = (at: 'hutang' | 'niutang', body: Record<string, unknown>) =>
    expectOk(gates[at].client, 'POST', `/api/checkpoints/${gates[at].checkpointId}/entry-checks`, body) as unknown as Promise<EntryReply>;
  /** An outsider with a green code and a normal temperature, registered at the gate, without a mask. */
  const unmasked = (at: 'hutang' | 'niutang') => ({ token: gates[at].token, temperatureCelsius: 36.5, registered: true });

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => NOW;
    const deps = runtime.deps;
    const towns = await addTwoTowns(deps);
    ({ office, commander } = await signInCommandStaff(deps, runtime.app, towns.county.id));
    let sequence = 640;
    for (const [key, village] of [
      ['hutang', towns.villageA],
      ['niutang', towns.villageB],
    ] as const) {
      const at = { jurisdictionId: village.id, jurisdictionPath: village.path };
      const checkpoint = await insertPlace(deps.database.db, {
        kind: 'checkpoint',
        name: `${key}小区东门`,
        code: `${village.code}-CP-9`,
        ...at,
      });
      const household = await addHousehold(deps, village, `${village.code}-09-1-0101`);
      const visitor = await expectOk(office, 'POST', '/api/persons', {
        idType: 'resident_id',
        idNumber: residentId('19900101', sequence++),
        name: '访客',
        jurisdictionId: village.id,
        householdId: household.id,
      });
      const { token } = (await expectOk(office, 'GET', `/api/persons/${String(visitor.id)}/code`)) as { token: string };
      await addUser(deps, `gate-${key}`, 'checkpoint_staff', village.id);
      gates[key] = { client: await loginAs(runtime.app, `gate-${key}`), checkpointId: checkpoint.id, token };
    }
  });
  after(() => runtime.close());

  it('SC-42 (COMM-013, seed 000 §三(二)7): with no profile choosing, a green code, normal temperature and registration let the outsider in', async () => {
    const regime = await expectOk(gates.niutang.client, 'GET', `/api/checkpoints/${gates.niutang.checkpointId}/entry-regime`);
    assert.deepEqual(
      [regime.regime, regime.required, regime.chosenBy],
      ['seed-000/normalized-low-risk', ['code_scanned', 'temperature_taken', 'registered'], null],
    );
    const allowed = await entry('niutang', unmasked('niutang'));
    assert.deepEqual([allowed.allowed, allowed.colour, allowed.because[0]?.clause], [true, 'green', '§三(二)7']);
    const unregistered = await entry('niutang', { ...unmasked('niutang'), registered: false });
    assert.deepEqual([unregistered.allowed, unregistered.missing], [false, ['registered']]);
  });

  it('RULES-001 issue 14 "Bad input": a profile naming an unknown regime is refused with its path, nothing written', async () => {
    const reply = await office.request('POST', '/api/protocols/documents', { document: fourMusts('seed-001/strict') });
    assert.equal(reply.statusCode, 400, reply.body);
    assert.equal((reply.json() as { field?: string }).field, 'document.profile.compoundEntry.regime');
  });

  it('SC-43 (seed 003 item 5): once 湖塘镇’s profile chooses the four musts, the same outsider without a mask is turned away; with all four they enter', async () => {
    await adoptProtocolDocument(office, commander, fourMusts());
    const regime = await expectOk(gates.hutang.client, 'GET', `/api/checkpoints/${gates.hutang.checkpointId}/entry-regime`);
    assert.deepEqual(
      [regime.regime, (regime.chosenBy as { clause: string } | null)?.clause],
      ['seed-003/wuhan-four-musts', '湖防指〔2026〕7号'],
    );
    const refused = await entry('hutang', unmasked('hutang'));
    assert.deepEqual(
      [refused.allowed, refused.missing, refused.because[0]?.rule, refused.because[0]?.clause],
      [false, ['masked'], 'entry.missingCheck', 'item 5'],
    );
    assert.equal((await entry('hutang', { ...unmasked('hutang'), masked: true })).allowed, true);
    // any one of the four missing denies entry: a code that does not verify was not scanned
    const forged = await entry('hutang', { ...unmasked('hutang'), masked: true, token: `${gates.hutang.token.slice(0, -4)}AAAA` });
    assert.deepEqual([forged.allowed, forged.missing], [false, ['code_scanned']]);
    const noTemperature = await entry('hutang', { token: gates.hutang.token, masked: true, registered: true });
    assert.deepEqual([noTemperature.allowed, noTemperature.missing], [false, ['temperature_taken']]);
    // 牛塘镇 keeps seed 000's checks: its regime is not the town's
    assert.equal((await entry('niutang', unmasked('niutang'))).allowed, true);
  });
});
