import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { MIGRATIONS_DIR } from './client.ts';
import { queryRows } from './query-rows.ts';

const ROOT = path.resolve(MIGRATIONS_DIR, '../../..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const DRIZZLE_KIT = path.join(path.dirname(requireFromRoot.resolve('drizzle-kit')), 'bin.cjs');

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

const journal = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as Journal;
const sqlFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.sql'));
const snapshots = (dir: string) => readdirSync(path.join(dir, 'meta')).filter((name) => name.endsWith('_snapshot.json'));

/**
 * Runs `drizzle-kit generate` (pointed at a copy of the committed migrations). drizzle-kit prefixes `./`
 * to the out folder, so it is given relative to the repository root, where the config's paths start.
 */
function drizzleKitGenerate(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [DRIZZLE_KIT, 'generate', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  // drizzle-kit can print an error and still exit 0, so the output is checked too.
  assert.equal(result.status, 0, output);
  assert.doesNotMatch(result.stderr, /Error/, output);
  return output;
}

function copyOfMigrations() {
  const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-drift-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('schema and migrations agree', () => {
  const copies: string[] = [];
  const copy = () => {
    const dir = copyOfMigrations();
    copies.push(dir);
    return dir;
  };
  after(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  it('drizzle-kit generate finds nothing to add (run `npm run db:generate` after changing the schema)', () => {
    const dir = copy();
    const output = drizzleKitGenerate(['--config', 'packages/server/drizzle.config.ts'], {
      FANGKONG_MIGRATIONS_OUT: path.relative(ROOT, dir),
    });
    assert.deepEqual(sqlFiles(dir), sqlFiles(MIGRATIONS_DIR), `a new migration was generated:\n${output}`);
    assert.deepEqual(snapshots(dir), snapshots(MIGRATIONS_DIR));
    assert.deepEqual(journal(dir), journal(MIGRATIONS_DIR));
    assert.match(output, /No schema changes/);
  });

  it('the same check notices a table the migrations do not have', () => {
    const dir = copy();
    const schema = path.join(dir, 'probe-schema.ts');
    const pgCore = requireFromRoot.resolve('drizzle-orm/pg-core');
    writeFileSync(
      schema,
      [
        `export * from ${JSON.stringify(path.join(ROOT, 'packages/server/src/db/schema/index.ts'))};`,
        `import { pgTable, text } from ${JSON.stringify(pgCore)};`,
        `export const driftProbe = pgTable('drift_probe', { id: text('id').primaryKey() });`,
      ].join('\n'),
    );
    drizzleKitGenerate(['--dialect', 'postgresql', '--schema', path.relative(ROOT, schema), '--out', path.relative(ROOT, dir)]);
    const added = sqlFiles(dir).filter((name) => !sqlFiles(MIGRATIONS_DIR).includes(name));
    assert.equal(added.length, 1, `expected one new migration, got ${added.join(', ')}`);
    assert.match(readFileSync(path.join(dir, added[0] ?? ''), 'utf8'), /CREATE TABLE "drift_probe"/);
  });

  it('every migration file is in the journal, in order, with increasing timestamps', () => {
    // The migrator skips an entry whose `when` is not after the last applied one, silently.
    const entries = journal(MIGRATIONS_DIR).entries;
    assert.deepEqual(
      entries.map((entry) => `${entry.tag}.sql`),
      sqlFiles(MIGRATIONS_DIR).sort(),
    );
    entries.forEach((entry, i) => {
      assert.equal(entry.idx, i);
      if (i > 0) assert.ok(entry.when > (entries[i - 1]?.when ?? 0), `${entry.tag} is not newer than the migration before it`);
    });
  });
});

describe('migrations apply', () => {
  let runtime: TestRuntime;
  before(async () => {
    runtime = await createTestRuntime();
  });
  after(() => runtime.close());

  const applied = async () =>
    (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]?.n;
  const auditTriggers = async () =>
    (
      await queryRows<{ n: number }>(
        runtime.deps.database.db,
        sql`select count(*)::int as n from pg_trigger where tgrelid = 'audit_event'::regclass and not tgisinternal`,
      )
    )[0]?.n;

  it('all of them on a fresh database', async () => {
    assert.equal(await applied(), journal(MIGRATIONS_DIR).entries.length);
    assert.equal(await auditTriggers(), 2);
  });

  it('a second time as a no-op, keeping the data', async () => {
    await runtime.deps.database.db.execute(
      sql`insert into jurisdiction (code, name, level, path) values ('99', 'probe', 'province', '/99/')`,
    );
    await runtime.deps.database.migrate();
    await runtime.deps.database.migrate();
    assert.equal(await applied(), journal(MIGRATIONS_DIR).entries.length);
    assert.equal(await auditTriggers(), 2);
    const kept = await queryRows<{ n: number }>(
      runtime.deps.database.db,
      sql`select count(*)::int as n from jurisdiction where code = '99'`,
    );
    assert.equal(kept[0]?.n, 1);
  });
});
