import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

/** Asserts that loading `env` stops with a ConfigError whose message matches. */
function refuses(env: Record<string, string>, message: RegExp) {
  assert.throws(
    () => loadConfig(env),
    (error: unknown) => error instanceof ConfigError && message.test(error.message),
  );
}

describe('configuration from the environment', () => {
  it('defaults to port 3000 on 127.0.0.1 with ./data and PGlite', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataKey, undefined);
  });

  it('takes PORT, HOST, FANGKONG_DATA_DIR and DATABASE_URL when valid', () => {
    const key = randomBytes(32).toString('base64');
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      FANGKONG_DATA_DIR: '/srv/fangkong',
      DATABASE_URL: 'postgresql://fk@db:5432/fk',
      FANGKONG_DATA_KEY: key,
    });
    assert.deepEqual(
      [config.port, config.host, config.dataDir, config.databaseUrl, config.dataKey],
      [8080, '0.0.0.0', '/srv/fangkong', 'postgresql://fk@db:5432/fk', key],
    );
  });

  // Issue 12 defect 8: printed links come from FANGKONG_PUBLIC_URL (or the server's own address), never a Host header
  it('takes FANGKONG_PUBLIC_URL as an origin, defaults to the server address, refuses a path or another scheme', () => {
    assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://127.0.0.1:8080');
    assert.equal(loadConfig({ FANGKONG_PUBLIC_URL: 'https://fk.wujin.gov.cn/' }).publicUrl, 'https://fk.wujin.gov.cn');
    refuses({ FANGKONG_PUBLIC_URL: 'https://fk.wujin.gov.cn/app' }, /FANGKONG_PUBLIC_URL/);
    refuses({ FANGKONG_PUBLIC_URL: 'javascript:alert(1)' }, /FANGKONG_PUBLIC_URL/);
    refuses({ FANGKONG_PUBLIC_URL: 'not a url' }, /FANGKONG_PUBLIC_URL/);
  });

  it('refuses a PORT that is not a whole number in range, naming the variable and the value', () => {
    refuses({ PORT: 'http' }, /^PORT must be an integer between 0 and 65535 \(got "http"\)$/);
    refuses({ PORT: '70000' }, /PORT must be an integer between 0 and 65535 \(got "70000"\)/);
    refuses({ PORT: '80.5' }, /PORT must be an integer/);
    refuses({ PORT: '-1' }, /PORT must be an integer/);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    refuses({ DATABASE_URL: 'mysql://root@localhost/fk' }, /DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
    refuses({ DATABASE_URL: '127.0.0.1:5432' }, /DATABASE_URL must start with postgres:\/\//);
  });

  it('refuses a FANGKONG_DATA_KEY that is not 32 bytes of base64, and says how to make one', () => {
    refuses({ FANGKONG_DATA_KEY: 'secret' }, /FANGKONG_DATA_KEY must be 32 bytes, base64-encoded \(openssl rand -base64 32\)/);
    // A common slip: `openssl rand -hex 32` gives 64 hex characters, which decode to 48 bytes.
    refuses({ FANGKONG_DATA_KEY: randomBytes(32).toString('hex') }, /FANGKONG_DATA_KEY must be 32 bytes/);
    refuses({ FANGKONG_DATA_KEY: randomBytes(16).toString('base64') }, /FANGKONG_DATA_KEY must be 32 bytes/);
  });

  it('refuses an unknown LOG_LEVEL and a FANGKONG_DEMO other than 0 or 1', () => {
    refuses({ LOG_LEVEL: 'verbose' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
    refuses({ FANGKONG_DEMO: 'yes' }, /FANGKONG_DEMO must be 0 or 1/);
  });

  it('bounds the login lock-out and the body limit', () => {
    refuses({ FANGKONG_LOGIN_MAX_FAILURES: '0' }, /FANGKONG_LOGIN_MAX_FAILURES must be an integer between 1 and 100/);
    refuses({ FANGKONG_BODY_LIMIT: '10' }, /FANGKONG_BODY_LIMIT must be an integer between 1024 and/);
  });

  // Issue 12 "Hardening" (retention): unset keeps the protocol's periods; a scan period shorter than the
  // investigation's 14-day look-back (CASE-002) would lose what tracing reads, so it is refused.
  it('takes the retention periods from FANGKONG_RETENTION_*, unset meaning the protocol’s, and refuses scans under 14 days', () => {
    assert.deepEqual(loadConfig({}).retention, { scanDays: undefined, closedEpisodeDays: undefined });
    const config = loadConfig({ FANGKONG_RETENTION_SCAN_DAYS: '21', FANGKONG_RETENTION_CLOSED_DAYS: '365' });
    assert.deepEqual(config.retention, { scanDays: 21, closedEpisodeDays: 365 });
    refuses({ FANGKONG_RETENTION_SCAN_DAYS: '7' }, /FANGKONG_RETENTION_SCAN_DAYS must be an integer between 14 and 36500/);
    refuses({ FANGKONG_RETENTION_CLOSED_DAYS: '0' }, /FANGKONG_RETENTION_CLOSED_DAYS must be an integer between 1 and/);
  });
});
