import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { SigningKey } from './code-token.ts';

/**
 * The signing keys of health codes, newest first. Kept in `<dataDir>/code-keys.json` (mode 0600);
 * rotation adds a key and keeps the older ones published so codes already issued still verify.
 */
interface StoredKey {
  kid: string;
  createdAt: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const RETAINED_KEYS = 3;

export class CodeKeyRing {
  private constructor(
    private readonly file: string,
    private keys: StoredKey[],
  ) {}

  static async open(dataDir: string, now = new Date()): Promise<CodeKeyRing> {
    const file = path.join(dataDir, 'code-keys.json');
    const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredKey[]) : [];
    const ring = new CodeKeyRing(file, stored);
    if (stored.length === 0) await ring.rotate(now);
    return ring;
  }

  /** A new current key; the previous ones stay published for verification. */
  async rotate(now = new Date()): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const kid = `fk-${now.toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 8)}`;
    const entry = {
      kid,
      createdAt: now.toISOString(),
      privateJwk: { ...(await exportJWK(privateKey)), kid },
      publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
    };
    this.keys = [entry, ...this.keys].slice(0, RETAINED_KEYS);
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, `${JSON.stringify(this.keys, null, 2)}\n`, { mode: 0o600 });
    return kid;
  }

  private signing: { kid: string; key: Promise<SigningKey> } | null = null;

  /** The newest key, imported once per rotation. */
  current(): Promise<SigningKey> {
    const newest = this.keys[0];
    if (!newest) return Promise.reject(new Error('no signing key'));
    if (this.signing?.kid !== newest.kid) {
      const key = importJWK(newest.privateJwk, 'EdDSA').then((privateKey) => ({
        kid: newest.kid,
        privateKey: privateKey as SigningKey['privateKey'],
      }));
      this.signing = { kid: newest.kid, key };
    }
    return this.signing.key;
  }

  /** The JWK set checkpoint devices download: public keys only. */
  publicKeys(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }
}
