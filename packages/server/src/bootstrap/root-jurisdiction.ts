import { COUNTRY_ROOT } from '@fangkong/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jurisdiction } from '../db/schema/index.ts';

/** The national root exists in every database, so the first admin has somewhere to stand. */
export async function ensureCountryRoot(db: Db): Promise<string> {
  await db
    .insert(jurisdiction)
    .values({ ...COUNTRY_ROOT, parentId: null })
    .onConflictDoNothing({ target: jurisdiction.code });
  const rows = await db.select({ id: jurisdiction.id }).from(jurisdiction).where(eq(jurisdiction.code, COUNTRY_ROOT.code));
  return (rows[0] as { id: string }).id;
}
