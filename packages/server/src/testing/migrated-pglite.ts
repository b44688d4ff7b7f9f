import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Database, MIGRATIONS_DIR, openPglite } from '../db/client.ts';

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
  const dumpFile = path.join(tmpdir(), `fangkong-pglite-migrated-${migrationsFingerprint()}.tar`);
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
