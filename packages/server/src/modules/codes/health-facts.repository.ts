import type { HealthFacts, KeyPersonCategory, ManagementType, TestKind } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { asDate, queryRows } from '../../db/query-rows.ts';

const RESULT_WINDOW_DAYS = 28;

/** The health facts the colour rules read: active episodes and recent test results. Nothing else. */
export async function healthFactsOf(db: Db, personId: string, now: Date): Promise<HealthFacts> {
  const since = new Date(now.getTime() - RESULT_WINDOW_DAYS * 86_400_000);
  const [episodes, tests] = await Promise.all([
    queryRows<{ category: string; management_type: string; released_at: string | Date | null }>(
      db,
      sql`select category, management_type, released_at from key_person_episode where person_id = ${personId} and status = 'active'`,
    ),
    queryRows<{ test_kind: string; result: string | null; sampled_at: string | Date }>(
      db,
      sql`select s.test_kind, s.result, s.sampled_at from schedule_item s join key_person_episode e on e.id = s.episode_id
          where e.person_id = ${personId} and s.sampled_at is not null and s.sampled_at >= ${since.toISOString()}`,
    ),
  ]);
  return {
    episodes: episodes.map((e) => ({
      category: e.category as KeyPersonCategory,
      managementType: e.management_type as ManagementType,
      released: e.released_at !== null,
    })),
    tests: tests.map((t) => ({
      kind: t.test_kind as TestKind,
      result: (t.result ?? 'pending') as HealthFacts['tests'][number]['result'],
      sampledAt: asDate(t.sampled_at) as Date,
    })),
    declarations: [],
    arrivals: [],
    mandatoryTestCycleHours: null,
  };
}
