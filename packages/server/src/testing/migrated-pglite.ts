import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, MIGRATIONS_DIR, openPglite, pgliteDir } from '../db/client.ts';

/** The migrations as they are now: every SQL file and the journal, hashed. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  for (const name of files) hash.update(name).update(readFileSync(path.join(MIGRATIONS_DIR, name)));
  hash.update(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * An in-memory PGlite with every migration applied. Creating and migrating one takes seconds; each
 * test process loads a data directory dumped once for these migrations (kept in the temp directory,
 * written atomically, so parallel test files share it). The runtime's own migrate then finds nothing
 * to do, so what is tested is still the migrations as shipped.
 */
export async function openMigratedPglite(): Promise<Database> {
  const dumpFile = migratedDumpFile();
  if (existsSync(dumpFile)) return openPglite(undefined, new Blob([readFileSync(dumpFile)]));
  const database = await openPglite(undefined);
  await database.migrate();
  const pglite = database.pglite;
  if (pglite) {
    const dump = await pglite.dumpDataDir('none');
    const partial = `${dumpFile}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, dumpFile);
  }
  return database;
}

const migratedDumpFile = () => path.join(tmpdir(), `fangkong-pglite-migrated-${migrationsFingerprint()}.tar`);

/**
 * Puts a migrated PGlite database in `dataDir` (as `pgliteDir(dataDir)`), for tests that run the CLI or a
 * server process on a data dir: a fresh data dir costs an initdb and every migration (10 to 20 s on a
 * loaded machine), a copy of one made once for these migrations (kept in the temp directory, written
 * atomically) a fraction of a second. The CLI's own migrate then finds nothing to do, so what is tested is
 * still the migrations as shipped. Starting from an empty data dir stays tested: the CLI's demo seed in
 * cli.test.ts, the runtime in protocol-store.test.ts, a restore into an empty one in backup-roundtrip.test.ts.
 */
export async function copyMigratedPglite(dataDir: string): Promise<void> {
  const template = path.join(tmpdir(), `fangkong-pglite-migrated-${migrationsFingerprint()}.dir`);
  if (!existsSync(template)) {
    const partial = mkdtempSync(`${template}.${process.pid}.partial-`);
    const memory = await openMigratedPglite();
    const dump = (await memory.pglite?.dumpDataDir('none')) ?? new Blob([readFileSync(migratedDumpFile())]);
    await memory.close();
    const onDisk = await openPglite(pgliteDir(partial), dump);
    await onDisk.close();
    try {
      renameSync(partial, template);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another test process made it first
    }
  }
  cpSync(pgliteDir(template), pgliteDir(dataDir), { recursive: true });
}
