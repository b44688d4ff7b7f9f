import { createPublicKey, type KeyObject, verify as verifySignature } from 'node:crypto';
import type { CodeColour } from '@fangkong/core';
import { type CryptoKey, type JWK, SignJWT } from 'jose';

/** What a health-code QR carries: who (an opaque reference, never an ID number), which colour, under which rules. */
export interface CodeClaims {
  /** Opaque person reference (the person row id). */
  sub: string;
  /** Colour. */
  c: CodeColour;
  /** Rule version that decided the colour. */
  v: string;
}

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export async function signCode(claims: CodeClaims, key: SigningKey, issuedAt: Date, ttlSeconds: number): Promise<string> {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT({ c: claims.c, v: claims.v })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'fk-code+jwt' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key.privateKey);
}

export type VerifyFailure = 'malformed' | 'unknownKey' | 'badSignature' | 'expired' | 'notYetValid' | 'wrongType';

export type CodeVerification =
  | { valid: true; colour: CodeColour; subject: string; ruleVersion: string; kid: string; issuedAt: string; expiresAt: string }
  | { valid: false; reason: VerifyFailure; kid: string | null; expiresAt: string | null };

const COLOURS = new Set(['green', 'yellow', 'red']);
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Public keys as node KeyObjects, once per published JWK object (importing costs more than verifying). */
const keyObjects = new WeakMap<JWK, KeyObject | null>();
function keyObjectOf(jwk: JWK): KeyObject | null {
  if (!keyObjects.has(jwk)) {
    let key: KeyObject | null = null;
    try {
      if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string')
        key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
    } catch {
      key = null;
    }
    keyObjects.set(jwk, key);
  }
  return keyObjects.get(jwk) ?? null;
}

function jsonPart(part: string | undefined): Record<string, unknown> | null {
  if (!part || !BASE64URL.test(part)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isoOf = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null);
const refuse = (reason: VerifyFailure, kid: string | null, expiresAt: string | null = null): CodeVerification => ({
  valid: false,
  reason,
  kid,
  expiresAt,
});

function signatureHolds(parts: string[], key: KeyObject): boolean {
  const [header, payload, signature] = parts;
  if (!signature || !BASE64URL.test(signature)) return false;
  try {
    return verifySignature(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The claims after the signature held: times (with tolerance), colour and subject. */
function checkClaims(payload: Record<string, unknown>, kid: string, now: Date, tolerance: number): CodeVerification {
  const at = Math.floor(now.getTime() / 1000);
  const { exp, nbf, iat, c, sub, v } = payload;
  if (typeof exp !== 'number' || (iat !== undefined && typeof iat !== 'number')) return refuse('malformed', kid, isoOf(exp));
  if (exp <= at - tolerance) return refuse('expired', kid, isoOf(exp));
  if ((typeof nbf === 'number' && nbf > at + tolerance) || (typeof iat === 'number' && iat > at + tolerance))
    return refuse('notYetValid', kid, isoOf(exp));
  if (!COLOURS.has(String(c)) || typeof sub !== 'string') return refuse('malformed', kid, isoOf(exp));
  return {
    valid: true,
    colour: c as CodeColour,
    subject: sub,
    ruleVersion: String(v ?? ''),
    kid,
    issuedAt: isoOf(iat) ?? '',
    expiresAt: isoOf(exp) ?? '',
  };
}

/**
 * Tokens whose signature already held, with their claims: a code is shown at several gates within its
 * short life, and the same string always verifies the same way. Only the signature check is skipped:
 * the key must still be published and the times are checked again on every hit. Oldest out first.
 */
const VERIFIED_MAX = 10_000;
const verified = new Map<string, { jwk: JWK; payload: Record<string, unknown> }>();
function remember(token: string, jwk: JWK, payload: Record<string, unknown>) {
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(token, { jwk, payload });
}

/**
 * Verifies offline against published public keys (JWK with `kid`); a checkpoint device needs nothing else.
 * A compact JWS with an Ed25519 signature (RFC 8037), checked with node:crypto directly: no `crit`, no
 * unencoded payloads, only `alg: EdDSA` and our `typ`. Synchronous inside; async for callers' sake.
 */
export async function verifyCode(
  token: string,
  publicKeys: readonly JWK[],
  now: Date,
  clockToleranceSeconds = 30,
): Promise<CodeVerification> {
  const seen = verified.get(token);
  if (seen && typeof seen.jwk.kid === 'string' && publicKeys.includes(seen.jwk))
    return checkClaims(seen.payload, seen.jwk.kid, now, clockToleranceSeconds);
  const parts = token.split('.');
  const header = parts.length === 3 ? jsonPart(parts[0]) : null;
  if (!header) return refuse('malformed', null);
  const kid = typeof header.kid === 'string' ? header.kid : null;
  if (header.typ !== 'fk-code+jwt') return refuse('wrongType', kid);
  const jwk = publicKeys.find((k) => k.kid === kid);
  if (!jwk || kid === null) return refuse('unknownKey', kid);
  const key = keyObjectOf(jwk);
  if (header.alg !== 'EdDSA' || 'crit' in header || 'b64' in header || !key) return refuse('malformed', kid);
  const payload = jsonPart(parts[1]);
  // The expiry a refused token claims is for the message only: it is never trusted.
  if (!signatureHolds(parts, key)) return refuse('badSignature', kid, isoOf(payload?.exp));
  if (!payload) return refuse('malformed', kid);
  const result = checkClaims(payload, kid, now, clockToleranceSeconds);
  if (result.valid) remember(token, jwk, payload);
  return result;
}
