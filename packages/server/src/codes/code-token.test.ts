import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CodeKeyRing } from './code-keys.ts';
import { signCode, verifyCode } from './code-token.ts';

const NOW = new Date('2020-03-15T10:00:00+08:00');
const claims = { sub: '6f1c2a9e-8d7b-4e21-9a55-1b2c3d4e5f60', c: 'green' as const, v: 'seed-2020/codes-1' };

describe('signed health codes (Ed25519 JWS)', () => {
  let ring: CodeKeyRing;
  before(async () => {
    ring = await CodeKeyRing.open(mkdtempSync(path.join(tmpdir(), 'fk-keys-')), NOW);
  });

  it('verifies offline with the published public keys: colour, subject, rule version, expiry', async () => {
    const token = await signCode(claims, await ring.current(), NOW, 300);
    const result = await verifyCode(token, ring.publicKeys().keys, new Date(NOW.getTime() + 60_000));
    assert.deepEqual(result.valid && [result.colour, result.subject, result.ruleVersion, result.expiresAt], [
      'green',
      claims.sub,
      claims.v,
      '2020-03-15T02:05:00.000Z',
    ]);
  });

  it('an expired code is refused as expired', async () => {
    const token = await signCode(claims, await ring.current(), NOW, 300);
    const result = await verifyCode(token, ring.publicKeys().keys, new Date(NOW.getTime() + 400_000));
    assert.deepEqual([result.valid, !result.valid && result.reason], [false, 'expired']);
  });

  it('a tampered colour (red → green in the payload) breaks the signature', async () => {
    const token = await signCode({ ...claims, c: 'red' }, await ring.current(), NOW, 300);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()), c: 'green' })).toString(
      'base64url',
    );
    const result = await verifyCode(`${header}.${forged}.${signature}`, ring.publicKeys().keys, NOW);
    assert.deepEqual([result.valid, !result.valid && result.reason], [false, 'badSignature']);
  });

  it('a code signed by a key that is not published (forged) is refused', async () => {
    const other = await CodeKeyRing.open(mkdtempSync(path.join(tmpdir(), 'fk-keys-')), NOW);
    const token = await signCode(claims, await other.current(), NOW, 300);
    const result = await verifyCode(token, ring.publicKeys().keys, NOW);
    assert.deepEqual([result.valid, !result.valid && result.reason], [false, 'unknownKey']);
  });

  it('a forged signature under a published kid is refused', async () => {
    const forger = await CodeKeyRing.open(mkdtempSync(path.join(tmpdir(), 'fk-keys-')), NOW);
    const realKid = (await ring.current()).kid;
    const token = await signCode(claims, { ...(await forger.current()), kid: realKid }, NOW, 300);
    const result = await verifyCode(token, ring.publicKeys().keys, NOW);
    assert.deepEqual([result.valid, !result.valid && result.reason], [false, 'badSignature']);
  });

  it('after rotation, codes signed with the previous key still verify and new codes use the new key', async () => {
    const before = await ring.current();
    const old = await signCode(claims, before, NOW, 300);
    await ring.rotate(NOW);
    const now = await ring.current();
    assert.notEqual(now.kid, before.kid);
    assert.equal((await verifyCode(old, ring.publicKeys().keys, NOW)).valid, true);
    assert.equal((await verifyCode(await signCode(claims, now, NOW, 300), ring.publicKeys().keys, NOW)).valid, true);
  });

  it('garbage is malformed, not a crash', async () => {
    const result = await verifyCode('not.a.token', ring.publicKeys().keys, NOW);
    assert.equal(result.valid, false);
  });

  it('a code verified before is still checked on every verification: expiry and a withdrawn key refuse it', async () => {
    const token = await signCode(claims, await ring.current(), NOW, 300);
    assert.equal((await verifyCode(token, ring.publicKeys().keys, NOW)).valid, true);
    const later = await verifyCode(token, ring.publicKeys().keys, new Date(NOW.getTime() + 400_000));
    assert.deepEqual([later.valid, !later.valid && later.reason], [false, 'expired']);
    const withdrawn = await verifyCode(token, [], NOW);
    assert.deepEqual([withdrawn.valid, !withdrawn.valid && withdrawn.reason], [false, 'unknownKey']);
  });

  it('a code issued in the future (beyond the clock tolerance) is not yet valid', async () => {
    const token = await signCode(claims, await ring.current(), new Date(NOW.getTime() + 600_000), 300);
    const result = await verifyCode(token, ring.publicKeys().keys, NOW);
    assert.deepEqual([result.valid, !result.valid && result.reason], [false, 'notYetValid']);
  });

  it('a header naming another algorithm (alg none) or a critical extension is refused, whatever the signature', async () => {
    const token = await signCode(claims, await ring.current(), NOW, 300);
    const [header, payload, signature] = token.split('.');
    const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString());
    for (const changed of [
      { ...decoded, alg: 'none' },
      { ...decoded, crit: ['b64'], b64: false },
    ]) {
      const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${payload}.${signature}`;
      const result = await verifyCode(forged, ring.publicKeys().keys, NOW);
      assert.deepEqual([result.valid, !result.valid && result.reason], [false, 'malformed']);
    }
    assert.equal((await verifyCode(`${header}.${payload}.`, ring.publicKeys().keys, NOW)).valid, false);
  });
});
