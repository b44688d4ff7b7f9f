import path from 'node:path';
import { PROTOCOL_EDITIONS, type RetentionSettings, scanRetentionFloorDays } from '@fangkong/core';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './imports/upload-limits.ts';

export interface Config {
  port: number;
  host: string;
  /** Where people reach the server from outside (links printed in documents): never the request's Host header. */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  /** FANGKONG_DEMO=1 set explicitly: the demo may be served on a non-loopback HOST. */
  demoExplicit: boolean;
  demoResidents: number;
  /** Base64 32-byte key for personal-data encryption; generated into the data dir when unset. */
  dataKey: string | undefined;
  logLevel: string;
  sessionHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Login attempts per client address per minute, before any password is checked. */
  loginAttemptsPerMinute: number;
  /** Largest body of a JSON route (upload routes have `upload`). */
  bodyLimitBytes: number;
  upload: UploadLimits;
  /** Rows of a lab file applied per transaction; progress is saved with each (a crash loses at most one batch). */
  labImportBatchRows: number;
  webDistDir: string;
  /** Hops of trusted reverse proxies (0 = none): client address and https come from X-Forwarded-*. */
  trustProxyHops: number;
  /** How long a health code shown on a screen stays valid; short, so a photo of it is soon worthless. */
  codeTtlSeconds: number;
  /** How long a printed paper code stays valid. */
  paperCodeDays: number;
  /** Code verifications per client address (and per device id) per minute; more answer 429. */
  codeVerifyPerMinute: number;
  /** Codes shown or printed per account (and per client address) per minute; more answer 429. */
  codeIssuePerMinute: number;
  /** Hours a one-time password (reset, or generated for a new account) works before it must have been changed. */
  oneTimePasswordHours: number;
  /** Registrations refused per account per hour because the ID is held outside its scope; more answer 429 (anti-probing). */
  duplicateProbesPerHour: number;
  /** Overload guard: requests in flight at once before new ones answer 429 with Retry-After. */
  overloadMaxInFlight: number;
  /** Overload guard: event-loop delay (ms) above which new requests answer 429 with Retry-After. */
  overloadMaxDelayMs: number;
  /** Overload guard: event-loop utilisation (0–1) under traffic above which a share of new requests is shed; above 1 turns it off. */
  overloadMaxUtilization: number;
  /** FANGKONG_SMS_SENDER: who sends one-time codes to residents' phones (`log`: the demo's log sender). */
  smsSender: string;
  /** FANGKONG_RETENTION_*: the deployment's retention periods in days; unset, the protocol's (docs/operations.md). */
  retention: RetentionSettings;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function databaseUrl(env: Env): string | undefined {
  const url = env.DATABASE_URL;
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return url;
}

function dataKey(env: Env): string | undefined {
  const key = env.FANGKONG_DATA_KEY;
  if (!key) return undefined;
  if (Buffer.from(key, 'base64').length !== 32) {
    throw new ConfigError('FANGKONG_DATA_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  return key;
}

/** FANGKONG_PUBLIC_URL (http or https, no path), else this server's own address. */
function publicUrl(env: Env, host: string, port: number): string {
  const given = env.FANGKONG_PUBLIC_URL;
  if (!given) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let parsed: URL;
  try {
    parsed = new URL(given);
  } catch {
    throw new ConfigError('FANGKONG_PUBLIC_URL must be a URL such as https://fangkong.example.gov.cn');
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || parsed.pathname.length > 1 || parsed.search || parsed.hash)
    throw new ConfigError('FANGKONG_PUBLIC_URL must be http(s)://host[:port] without a path');
  return parsed.origin;
}

const GIB = 1024 * 1024 * 1024;

function uploadLimits(env: Env): UploadLimits {
  const d = DEFAULT_UPLOAD_LIMITS;
  return {
    csvBytes: integer(env, 'FANGKONG_UPLOAD_CSV_BYTES', d.csvBytes, 1024, 2 * GIB),
    xlsxBytes: integer(env, 'FANGKONG_UPLOAD_XLSX_BYTES', d.xlsxBytes, 1024, GIB),
    xlsxInflatedBytes: integer(env, 'FANGKONG_UPLOAD_XLSX_INFLATED_BYTES', d.xlsxInflatedBytes, 1024, 4 * GIB),
    maxRows: integer(env, 'FANGKONG_UPLOAD_MAX_ROWS', d.maxRows, 1, 50_000_000),
    maxColumns: integer(env, 'FANGKONG_UPLOAD_MAX_COLUMNS', d.maxColumns, 1, 16_384),
    evidenceBytes: integer(env, 'FANGKONG_UPLOAD_EVIDENCE_BYTES', d.evidenceBytes, 1024, 200 * 1024 * 1024),
  };
}

/** SMS senders this build knows (docs/operations.md: adding a provider). */
const SMS_SENDERS = ['log'];

function smsSender(env: Env): string {
  const kind = env.FANGKONG_SMS_SENDER || 'log';
  if (!SMS_SENDERS.includes(kind)) throw new ConfigError(`FANGKONG_SMS_SENDER must be one of ${SMS_SENDERS.join(', ')}`);
  return kind;
}

/** Unset keeps the protocol's period; a set one is a whole number of days within bounds. */
function optionalDays(env: Env, name: string, min: number): number | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : integer(env, name, 0, min, 36_500);
}

/** Scans are never purged before the investigation's look-back is over (core decides how long that is). */
function retentionSettings(env: Env): RetentionSettings {
  return {
    scanDays: optionalDays(env, 'FANGKONG_RETENTION_SCAN_DAYS', scanRetentionFloorDays(PROTOCOL_EDITIONS)),
    closedEpisodeDays: optionalDays(env, 'FANGKONG_RETENTION_CLOSED_DAYS', 1),
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment once at boot; a bad value stops start-up with a clear message. */
export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  if (env.FANGKONG_DEMO !== undefined && !['0', '1'].includes(env.FANGKONG_DEMO)) {
    throw new ConfigError('FANGKONG_DEMO must be 0 or 1');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    publicUrl: publicUrl(env, env.HOST || '127.0.0.1', integer(env, 'PORT', 3000, 0, 65535)),
    dataDir: path.resolve(env.FANGKONG_DATA_DIR || './data'),
    databaseUrl: databaseUrl(env),
    seedDemo: env.FANGKONG_DEMO !== '0',
    demoExplicit: env.FANGKONG_DEMO === '1',
    demoResidents: integer(env, 'FANGKONG_DEMO_RESIDENTS', 100_000, 0, 5_000_000),
    dataKey: dataKey(env),
    logLevel,
    sessionHours: integer(env, 'FANGKONG_SESSION_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: integer(env, 'FANGKONG_LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: integer(env, 'FANGKONG_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginAttemptsPerMinute: integer(env, 'FANGKONG_LOGIN_RATE', 20, 1, 100_000),
    bodyLimitBytes: integer(env, 'FANGKONG_BODY_LIMIT', 64 * 1024, 1024, 100 * 1024 * 1024),
    upload: uploadLimits(env),
    labImportBatchRows: integer(env, 'FANGKONG_LAB_IMPORT_BATCH_ROWS', 50_000, 100, 1_000_000),
    trustProxyHops: integer(env, 'FANGKONG_TRUST_PROXY', 0, 0, 10),
    codeTtlSeconds: integer(env, 'FANGKONG_CODE_TTL_SECONDS', 300, 30, 86_400),
    paperCodeDays: integer(env, 'FANGKONG_PAPER_CODE_DAYS', 1, 1, 90),
    codeVerifyPerMinute: integer(env, 'FANGKONG_CODE_VERIFY_RATE', 600, 1, 100_000_000),
    codeIssuePerMinute: integer(env, 'FANGKONG_CODE_ISSUE_RATE', 60, 1, 100_000_000),
    oneTimePasswordHours: integer(env, 'FANGKONG_ONE_TIME_PASSWORD_HOURS', 72, 1, 24 * 30),
    duplicateProbesPerHour: integer(env, 'FANGKONG_DUPLICATE_PROBE_RATE', 20, 1, 100_000),
    overloadMaxInFlight: integer(env, 'FANGKONG_OVERLOAD_MAX_IN_FLIGHT', 1000, 1, 1_000_000),
    overloadMaxDelayMs: integer(env, 'FANGKONG_OVERLOAD_MAX_DELAY_MS', 200, 10, 60_000),
    overloadMaxUtilization: integer(env, 'FANGKONG_OVERLOAD_MAX_UTILIZATION_PERCENT', 98, 50, 101) / 100,
    smsSender: smsSender(env),
    retention: retentionSettings(env),
    webDistDir: path.resolve(env.FANGKONG_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
  };
}
