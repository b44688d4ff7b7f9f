import pg from 'pg';
import { openPostgres } from '../db/client.ts';
import { migrationsFingerprint } from './migrated-pglite.ts';

/** Any constant key for the advisory lock that serialises building a template (the text of "fk-tmpl"). */
const TEMPLATE_LOCK = 0x666b746d706c;

/**
 * The name of a PostgreSQL database with every migration applied, next to `baseUrl`, to copy test
 * databases from (`create database … template …`): migrating a new database takes over a second,
 * copying a migrated one a tenth of that. Built once per set of migrations (the name carries their
 * fingerprint) under an advisory lock, migrated under a temporary name and renamed when done, so a
 * crashed build is never used. Nothing stays connected to it, as a template requires.
 */
export async function migratedPostgresTemplate(baseUrl: string): Promise<string> {
  const name = `fangkong_template_${migrationsFingerprint()}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await buildTemplate(admin, baseUrl, name);
    return name;
  } finally {
    await admin.end();
  }
}

async function buildTemplate(admin: pg.Client, baseUrl: string, name: string): Promise<void> {
  const building = `${name}_building`;
  await admin.query(`drop database if exists ${building} with (force)`);
  await admin.query(`create database ${building}`);
  const url = new URL(baseUrl);
  url.pathname = `/${building}`;
  const database = openPostgres(url.toString(), 1);
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  await admin.query(`alter database ${building} rename to ${name}`);
}
