import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { person, task, testingGroupMember } from '../../../db/schema/index.ts';

/** The mandatory groups a person is on today (TEST-001), for the payer (TEST-002). */
export async function activeGroupsOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .select({ group: testingGroupMember.group })
    .from(testingGroupMember)
    .where(and(eq(testingGroupMember.personId, personId), isNull(testingGroupMember.leftOn)));
  return rows.map((r) => r.group);
}

export async function householdSize(db: Db, householdId: string): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(person).where(eq(person.householdId, householdId));
  return rows[0]?.n ?? 0;
}

/** The positive pool an open single-tube retest task of the person answers for. */
export async function openRetestPool(db: Db, personId: string): Promise<string | undefined> {
  const rows = await queryRows<{ tube_id: string }>(
    db,
    sql`select ${task.details}->>'tubeId' as tube_id from ${task}
        where ${task.personId} = ${personId} and ${task.status} = 'open' and ${task.kind} = 'retest'
          and ${task.details}->>'source' = 'testing'
        order by ${task.createdAt} desc limit 1`,
  );
  return rows[0]?.tube_id;
}
