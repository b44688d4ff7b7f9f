import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keyPersonEpisode, protocolDocument, testCampaign } from '../../db/schema/index.ts';
import { underAnyPath } from '../../db/scope-sql.ts';

export type ProtocolDocumentRow = typeof protocolDocument.$inferSelect;
export type ProtocolDocumentInsert = typeof protocolDocument.$inferInsert;

export async function insertProtocolDocument(db: Db, row: ProtocolDocumentInsert): Promise<ProtocolDocumentRow> {
  const rows = await db.insert(protocolDocument).values(row).returning();
  return rows[0] as ProtocolDocumentRow;
}

export async function updateProtocolDocument(db: Db, id: string, changes: Partial<ProtocolDocumentInsert>): Promise<ProtocolDocumentRow> {
  const rows = await db
    .update(protocolDocument)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(protocolDocument.id, id))
    .returning();
  return rows[0] as ProtocolDocumentRow;
}

export async function findProtocolDocument(db: Db, id: string): Promise<ProtocolDocumentRow | undefined> {
  const rows = await db.select().from(protocolDocument).where(eq(protocolDocument.id, id)).limit(1);
  return rows[0];
}

export async function findProtocolDocumentByKey(db: Db, key: string): Promise<ProtocolDocumentRow | undefined> {
  const rows = await db.select().from(protocolDocument).where(eq(protocolDocument.key, key)).limit(1);
  return rows[0];
}

export async function protocolDocumentsUnder(db: Db, paths: readonly string[], statuses?: readonly string[]) {
  return db
    .select()
    .from(protocolDocument)
    .where(
      and(underAnyPath(protocolDocument.jurisdictionPath, paths), statuses ? inArray(protocolDocument.status, [...statuses]) : undefined),
    )
    .orderBy(desc(protocolDocument.draftedAt))
    .limit(500);
}

/** The district's active edition documents at a jurisdiction (activating another supersedes them). */
export async function activeEditionsAt(db: Db, jurisdictionId: string): Promise<ProtocolDocumentRow[]> {
  return db
    .select()
    .from(protocolDocument)
    .where(
      and(eq(protocolDocument.jurisdictionId, jurisdictionId), eq(protocolDocument.kind, 'edition'), eq(protocolDocument.status, 'active')),
    );
}

/** Active edition documents on the path from the root down to `path`, in effect (activated) on `day`. */
export async function activeEditionsOnPath(db: Db, path: string, day: string): Promise<ProtocolDocumentRow[]> {
  return db
    .select()
    .from(protocolDocument)
    .where(
      and(
        eq(protocolDocument.kind, 'edition'),
        eq(protocolDocument.status, 'active'),
        sql`${path} like ${protocolDocument.jurisdictionPath} || '%'`,
        sql`${protocolDocument.effectiveFrom} <= ${day}`,
      ),
    );
}

/** The district's editions that have been adopted (approved, active or superseded): episodes name them for good. */
export async function adoptedEditions(db: Db): Promise<ProtocolDocumentRow[]> {
  return db
    .select()
    .from(protocolDocument)
    .where(and(eq(protocolDocument.kind, 'edition'), inArray(protocolDocument.status, ['approved', 'active', 'superseded'])))
    .orderBy(desc(protocolDocument.draftedAt));
}

/** Open testing campaigns under a subtree: whom a change of pool sizes concerns. */
export async function openCampaignsUnder(db: Db, path: string, editionId: string) {
  return db
    .select({
      id: testCampaign.id,
      name: testCampaign.name,
      profileId: testCampaign.profileId,
      jurisdictionPath: testCampaign.jurisdictionPath,
    })
    .from(testCampaign)
    .where(
      and(eq(testCampaign.status, 'open'), eq(testCampaign.editionId, editionId), underAnyPath(testCampaign.jurisdictionPath, [path])),
    );
}

/** The active profile of a jurisdiction for an edition (one at a time, by the partial unique index). */
export async function activeProfileOf(db: Db, jurisdictionId: string, editionId: string): Promise<ProtocolDocumentRow | undefined> {
  const rows = await db
    .select()
    .from(protocolDocument)
    .where(
      and(
        eq(protocolDocument.jurisdictionId, jurisdictionId),
        eq(protocolDocument.editionId, editionId),
        eq(protocolDocument.kind, 'profile'),
        eq(protocolDocument.status, 'active'),
      ),
    )
    .limit(1);
  return rows[0];
}

/** A profile (of the edition, when one is named) that is active and in effect on `day`. */
const profileInEffect = (day: string, editionId?: string) =>
  and(
    eq(protocolDocument.kind, 'profile'),
    eq(protocolDocument.status, 'active'),
    editionId === undefined ? undefined : eq(protocolDocument.editionId, editionId),
    sql`${protocolDocument.effectiveFrom} <= ${day}`,
  );

/** Active profiles of an edition on the path from the root down to `path`, in effect on `day`. */
export async function activeProfilesOnPath(db: Db, path: string, editionId: string, day: string): Promise<ProtocolDocumentRow[]> {
  return db
    .select()
    .from(protocolDocument)
    .where(and(profileInEffect(day, editionId), sql`${path} like ${protocolDocument.jurisdictionPath} || '%'`));
}

/** The district's active profiles of every edition anywhere, in effect on `day`: the retention job's places. */
export async function activeProfilesOnDay(db: Db, day: string): Promise<ProtocolDocumentRow[]> {
  return db.select().from(protocolDocument).where(profileInEffect(day));
}

/** Where the district's active editions hold from `day` or earlier: the retention job's places. */
export async function activeEditionPathsOnDay(db: Db, day: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ path: protocolDocument.jurisdictionPath })
    .from(protocolDocument)
    .where(
      and(eq(protocolDocument.kind, 'edition'), eq(protocolDocument.status, 'active'), sql`${protocolDocument.effectiveFrom} <= ${day}`),
    );
  return rows.map((r) => r.path);
}

/** Open key-person episodes of an edition and categories under a subtree: whom a profile could change. */
export async function openEpisodesUnder(db: Db, path: string, editionId: string, categories: readonly string[]) {
  if (categories.length === 0) return [];
  return db
    .select({
      id: keyPersonEpisode.id,
      category: keyPersonEpisode.category,
      startDate: keyPersonEpisode.startDate,
      profileId: keyPersonEpisode.profileId,
      jurisdictionPath: keyPersonEpisode.jurisdictionPath,
      plan: keyPersonEpisode.plan,
    })
    .from(keyPersonEpisode)
    .where(
      and(
        eq(keyPersonEpisode.status, 'active'),
        eq(keyPersonEpisode.editionId, editionId),
        inArray(keyPersonEpisode.category, [...categories]),
        underAnyPath(keyPersonEpisode.jurisdictionPath, [path]),
      ),
    );
}

/** The district's profiles that have been adopted (approved, active or superseded): what the CLI's `--store` reads. */
export async function adoptedProfiles(db: Db): Promise<ProtocolDocumentRow[]> {
  return db
    .select()
    .from(protocolDocument)
    .where(and(eq(protocolDocument.kind, 'profile'), inArray(protocolDocument.status, ['approved', 'active', 'superseded'])))
    .orderBy(desc(protocolDocument.draftedAt));
}
