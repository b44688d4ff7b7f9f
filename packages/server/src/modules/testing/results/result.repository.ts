import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { asDate, queryRows } from '../../../db/query-rows.ts';
import { appUser, testCertificate } from '../../../db/schema/index.ts';

export interface SampleResultRow {
  sampleId: string;
  personId: string;
  sampledAt: Date;
  purpose: string;
  payer: string;
  campaignName: string | null;
  barcode: string;
  tubeId: string;
  poolSize: number;
  memberCount: number;
  result: string | null;
  testedAt: Date | null;
  labName: string | null;
  jurisdictionPath: string;
}

interface Raw {
  sample_id: string;
  person_id: string;
  sampled_at: Date | string;
  purpose: string;
  payer: string;
  campaign_name: string | null;
  barcode: string;
  tube_id: string;
  pool_size: number;
  member_count: number;
  result: string | null;
  tested_at: Date | string | null;
  lab_name: string | null;
  jurisdiction_path: string;
}

const SELECT = sql`select s.id as sample_id, s.person_id, s.sampled_at, s.purpose, s.payer, c.name as campaign_name, t.barcode,
    t.id as tube_id, t.pool_size, t.member_count, lr.result, lr.tested_at, lr.lab_name, s.jurisdiction_path
  from sample s
  join pool_member pm on pm.sample_id = s.id
  join tube t on t.id = pm.tube_id
  left join lab_result lr on lr.id = t.id
  left join test_campaign c on c.id = s.campaign_id`;

function shape(row: Raw): SampleResultRow {
  return {
    sampleId: row.sample_id,
    personId: row.person_id,
    sampledAt: asDate(row.sampled_at) ?? new Date(0),
    purpose: row.purpose,
    payer: row.payer,
    campaignName: row.campaign_name,
    barcode: row.barcode,
    tubeId: row.tube_id,
    poolSize: row.pool_size,
    memberCount: row.member_count,
    result: row.result,
    testedAt: asDate(row.tested_at),
    labName: row.lab_name,
    jurisdictionPath: row.jurisdiction_path,
  };
}

/** A person's samples with their tubes' results, newest first. */
export async function resultsOfPerson(db: Db, personId: string, since: Date | null, limit: number): Promise<SampleResultRow[]> {
  const from = since ? sql` and s.sampled_at > ${since.toISOString()}::timestamptz` : sql``;
  const rows = await queryRows<Raw>(db, sql`${SELECT} where s.person_id = ${personId}${from} order by s.sampled_at desc limit ${limit}`);
  return rows.map(shape);
}

export async function findSampleResult(db: Db, sampleId: string): Promise<SampleResultRow | undefined> {
  const rows = await queryRows<Raw>(db, sql`${SELECT} where s.id = ${sampleId} limit 1`);
  return rows[0] ? shape(rows[0]) : undefined;
}

/** The person an account stands for (a resident seeing their own results), if any. */
export async function personOfUser(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const rows = await db.select({ personId: appUser.personId }).from(appUser).where(eq(appUser.id, userId)).limit(1);
  return rows[0]?.personId ?? null;
}

export async function insertCertificate(db: Db, row: typeof testCertificate.$inferInsert): Promise<string> {
  const rows = await db.insert(testCertificate).values(row).returning({ id: testCertificate.id });
  return rows[0]?.id ?? '';
}

export async function findCertificateByTokenHash(db: Db, tokenHash: string) {
  const rows = await db.select().from(testCertificate).where(eq(testCertificate.tokenHash, tokenHash)).limit(1);
  return rows[0];
}
