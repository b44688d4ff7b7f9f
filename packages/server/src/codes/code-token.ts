import type { CodeColour } from '@fangkong/core';
import { type CryptoKey, decodeJwt, decodeProtectedHeader, errors, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';

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

/** Imported keys per published JWK object: importing costs more than verifying, so do it once per key. */
const imported = new WeakMap<JWK, Promise<CryptoKey | Uint8Array>>();
function verificationKey(jwk: JWK) {
  let key = imported.get(jwk);
  if (!key) {
    key = importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA');
    imported.set(jwk, key);
  }
  return key;
}

/** The expiry a token claims, for the message only: it is never trusted. */
function unverifiedExpiry(token: string): string | null {
  try {
    return isoOf(decodeJwt(token).exp);
  } catch {
    return null;
  }
}
const isoOf = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null);

function failure(error: unknown): VerifyFailure {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'nbf' || error.claim === 'iat' ? 'notYetValid' : 'malformed';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'badSignature';
  return 'malformed';
}

/** Verifies offline against published public keys (JWK with `kid`); a checkpoint device needs nothing else. */
export async function verifyCode(
  token: string,
  publicKeys: readonly JWK[],
  now: Date,
  clockToleranceSeconds = 30,
): Promise<CodeVerification> {
  let kid: string | null = null;
  try {
    const header = decodeProtectedHeader(token);
    kid = typeof header.kid === 'string' ? header.kid : null;
    if (header.typ !== 'fk-code+jwt') return { valid: false, reason: 'wrongType', kid, expiresAt: null };
  } catch {
    return { valid: false, reason: 'malformed', kid: null, expiresAt: null };
  }
  const jwk = publicKeys.find((k) => k.kid === kid);
  if (!jwk) return { valid: false, reason: 'unknownKey', kid, expiresAt: null };
  try {
    const key = await verificationKey(jwk);
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['EdDSA'],
      currentDate: now,
      clockTolerance: clockToleranceSeconds,
      typ: 'fk-code+jwt',
    });
    if (!COLOURS.has(String(payload.c)) || typeof payload.sub !== 'string')
      return { valid: false, reason: 'malformed', kid, expiresAt: isoOf(payload.exp) };
    return {
      valid: true,
      colour: payload.c as CodeColour,
      subject: payload.sub,
      ruleVersion: String(payload.v ?? ''),
      kid: kid ?? '',
      issuedAt: isoOf(payload.iat) ?? '',
      expiresAt: isoOf(payload.exp) ?? '',
    };
  } catch (error) {
    return { valid: false, reason: failure(error), kid, expiresAt: unverifiedExpiry(token) };
  }
}
