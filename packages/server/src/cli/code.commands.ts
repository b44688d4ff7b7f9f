import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import { CodeKeyRing } from '../codes/code-keys.ts';
import { verifyCode } from '../codes/code-token.ts';
import { loadConfig } from '../config.ts';
import { type Command, requiredString, UsageError } from './command.ts';

function readPublicKeys(file: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--keys: cannot read a JSON key set from ${file} (${(error as Error).message})`);
  }
  const keys = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new UsageError('--keys: expected a JWK set {"keys": [...]} / 应为 JWK 公钥集');
  return keys as JWK[];
}

/** What a checkpoint device does: verify a code with the published public keys, no database, no network. */
const codeVerify: Command = {
  words: ['code', 'verify'],
  summary: '离线核验健康码 / verify a health code offline with the public keys',
  usage: 'fangkong code verify <token> --keys <public-keys.json> [--json]   (exit 0 valid, 1 invalid)',
  options: { keys: { type: 'string' } },
  positionals: ['token'],
  run: async (values, _io, [token = '']) => {
    const result = await verifyCode(token, readPublicKeys(requiredString(values, 'keys')), new Date());
    const text = result.valid
      ? [
          `有效 / valid: ${result.colour}  until ${result.expiresAt}  (rules ${result.ruleVersion}, key ${result.kid})`,
          `离线核验：颜色为签发时（${result.issuedAt}）的颜色，其后的变化需在线核验 / offline: the colour as of issue at ${result.issuedAt}; a later change shows only online`,
        ]
      : [`无效 / invalid: ${result.reason}${result.expiresAt ? `  (expiry ${result.expiresAt})` : ''}`];
    return { json: result, text, exitCode: result.valid ? 0 : 1 };
  },
};

/** The public key set to load into checkpoint devices (the same document as GET /api/codes/keys). */
const codeKeys: Command = {
  words: ['code', 'keys'],
  summary: '导出健康码验签公钥 / print the public keys checkpoint devices verify with',
  usage: 'fangkong code keys [--json]',
  options: {},
  run: async () => {
    const ring = await CodeKeyRing.open(loadConfig().dataDir);
    const jwks = ring.publicKeys();
    return { json: jwks, text: [JSON.stringify(jwks, null, 2)] };
  },
};

const codeRotate: Command = {
  words: ['code', 'rotate'],
  summary: '轮换健康码签名密钥 / rotate the code-signing key (older keys stay published)',
  usage: 'fangkong code rotate [--json]',
  options: {},
  run: async () => {
    const ring = await CodeKeyRing.open(loadConfig().dataDir);
    const kid = await ring.rotate();
    return { json: { kid, keys: ring.publicKeys().keys.map((k) => k.kid) }, text: [`new signing key / 新签名密钥: ${kid}`] };
  },
};

export const CODE_COMMANDS: readonly Command[] = [codeVerify, codeKeys, codeRotate];
