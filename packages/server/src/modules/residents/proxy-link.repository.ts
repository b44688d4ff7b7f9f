import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appUser, person, proxyLink } from '../../db/schema/index.ts';

export type ProxyStatus = 'pending' | 'active' | 'revoked';
const OPEN: ProxyStatus[] = ['active', 'pending'];

const activeLink = (proxyUserId: string) => and(eq(proxyLink.proxyUserId, proxyUserId), eq(proxyLink.status, 'active'));
const openLink = (proxyUserId: string) => and(eq(proxyLink.proxyUserId, proxyUserId), inArray(proxyLink.status, OPEN));

/** The link through which a proxy may act for a person: active only (a pending request grants nothing). */
export async function activeProxyLink(db: Db, proxyUserId: string, dependantPersonId: string) {
  const rows = await db
    .select()
    .from(proxyLink)
    .where(and(activeLink(proxyUserId), eq(proxyLink.dependantPersonId, dependantPersonId)))
    .limit(1);
  return rows[0];
}

/** An active or pending link of this proxy to this person. */
export async function openProxyLink(db: Db, proxyUserId: string, dependantPersonId: string) {
  const rows = await db
    .select({ id: proxyLink.id })
    .from(proxyLink)
    .where(and(openLink(proxyUserId), eq(proxyLink.dependantPersonId, dependantPersonId)))
    .limit(1);
  return rows[0];
}

/** Active and pending links count against the limit, so requests cannot be sprayed while waiting. */
export async function countOpenLinks(db: Db, proxyUserId: string): Promise<number> {
  const rows = await db.select({ n: count() }).from(proxyLink).where(openLink(proxyUserId));
  return Number(rows[0]?.n ?? 0);
}

/** Dependants held (or asked for) by a proxy, with what a proxy may see of them (name, masked ID). */
export async function dependantsOf(db: Db, proxyUserId: string) {
  return db
    .select({
      linkId: proxyLink.id,
      personId: person.id,
      name: person.name,
      idMasked: person.idMasked,
      relation: proxyLink.relation,
      verifiedBy: proxyLink.verifiedBy,
      status: proxyLink.status,
      since: proxyLink.createdAt,
    })
    .from(proxyLink)
    .innerJoin(person, eq(person.id, proxyLink.dependantPersonId))
    .where(openLink(proxyUserId))
    .orderBy(proxyLink.createdAt);
}

/** Who holds (or asks to hold) a person's code: the dependant's own view of their proxies. */
export async function proxiesOf(db: Db, dependantPersonId: string) {
  return db
    .select({
      linkId: proxyLink.id,
      proxyName: appUser.displayName,
      relation: proxyLink.relation,
      status: proxyLink.status,
      since: proxyLink.createdAt,
    })
    .from(proxyLink)
    .innerJoin(appUser, eq(appUser.id, proxyLink.proxyUserId))
    .where(and(eq(proxyLink.dependantPersonId, dependantPersonId), inArray(proxyLink.status, OPEN)))
    .orderBy(proxyLink.createdAt);
}

export async function insertProxyLink(db: Db, row: typeof proxyLink.$inferInsert) {
  const rows = await db.insert(proxyLink).values(row).returning({ id: proxyLink.id });
  return rows[0]?.id ?? '';
}

/** Which side a change comes from: the proxy's account, or the dependant's person. */
export type LinkSide = { proxyUserId: string } | { dependantPersonId: string };

const sideOf = (side: LinkSide) =>
  'proxyUserId' in side ? eq(proxyLink.proxyUserId, side.proxyUserId) : eq(proxyLink.dependantPersonId, side.dependantPersonId);

/** Ends an active or pending link, from either side; nothing when it is not theirs or already ended. */
export async function revokeProxyLink(db: Db, linkId: string, side: LinkSide, by: string, at: Date) {
  const rows = await db
    .update(proxyLink)
    .set({ status: 'revoked', revokedAt: at, revokedBy: by, updatedAt: at })
    .where(and(eq(proxyLink.id, linkId), sideOf(side), inArray(proxyLink.status, OPEN)))
    .returning({ dependantPersonId: proxyLink.dependantPersonId, proxyUserId: proxyLink.proxyUserId });
  return rows[0];
}

/** A pending link becomes active with the consent given; nothing when it is not pending on that side. */
export async function consentToProxyLink(db: Db, linkId: string, side: LinkSide, consentBy: 'account' | 'code', at: Date) {
  const rows = await db
    .update(proxyLink)
    .set({ status: 'active', consentBy, consentAt: at, updatedAt: at })
    .where(and(eq(proxyLink.id, linkId), sideOf(side), eq(proxyLink.status, 'pending')))
    .returning({ dependantPersonId: proxyLink.dependantPersonId, proxyUserId: proxyLink.proxyUserId });
  return rows[0];
}

/** A pending link of this proxy (the code step needs its person). */
export async function pendingLinkOf(db: Db, linkId: string, proxyUserId: string) {
  const rows = await db
    .select()
    .from(proxyLink)
    .where(and(eq(proxyLink.id, linkId), eq(proxyLink.proxyUserId, proxyUserId), eq(proxyLink.status, 'pending')))
    .limit(1);
  return rows[0];
}
