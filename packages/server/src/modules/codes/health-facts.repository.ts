import type { HealthFacts, KeyPersonCategory, ManagementType, ManualChange, TestKind } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { asDate, queryRows } from '../../db/query-rows.ts';
import { resultsOfPerson } from '../testing/results/result.repository.ts';
import { residenceFactsOf } from '../zones/residence-facts.ts';

// How far back the colour rules look; each rule has its own window inside these.
const RESULT_WINDOW_DAYS = 28;
const DECLARATION_WINDOW_DAYS = 3;
const ARRIVAL_WINDOW_DAYS = 28;

type Row<T> = Promise<T[]>;

const episodesOf = (db: Db, personId: string): Row<{ category: string; management_type: string; released_at: string | Date | null }> =>
  queryRows(
    db,
    sql`select category, management_type, released_at from key_person_episode where person_id = ${personId} and status = 'active'`,
  );

const testsOf = (db: Db, personId: string, since: Date): Row<{ test_kind: string; result: string | null; sampled_at: string | Date }> =>
  queryRows(
    db,
    sql`select s.test_kind, s.result, s.sampled_at from schedule_item s join key_person_episode e on e.id = s.episode_id
        where e.person_id = ${personId} and s.sampled_at is not null and s.sampled_at >= ${since.toISOString()}`,
  );

const declarationsOf = (
  db: Db,
  personId: string,
  since: string,
): Row<{ declared_on: string; symptoms: string[]; temperature_tenths: number | null }> =>
  queryRows(
    db,
    sql`select declared_on::text as declared_on, symptoms, temperature_tenths from health_declaration where person_id = ${personId} and declared_on >= ${since}`,
  );

const arrivalsOf = (
  db: Db,
  personId: string,
  since: string,
): Row<{ arrived_on: string | null; expected_arrival: string; from_risk_level: string; at_destination: boolean }> =>
  queryRows(
    db,
    sql`select arrived_on::text as arrived_on, expected_arrival::text as expected_arrival, from_risk_level, at_destination
        from arrival_report where person_id = ${personId} and coalesce(arrived_on, expected_arrival) >= ${since}`,
  );

const manualChangeOf = (
  db: Db,
  personId: string,
  now: Date,
): Row<{ id: string; to_colour: string; basis_kind: string; basis_ref: string; basis_note: string; valid_until: string | Date | null }> =>
  queryRows(
    db,
    sql`select id, to_colour, basis_kind, basis_ref, basis_note, valid_until from code_change
        where person_id = ${personId} and status = 'approved' and (valid_until is null or valid_until > ${now.toISOString()})
        order by decided_at desc limit 1`,
  );

const dayBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

type TestFact = HealthFacts['tests'][number];

/** Samples from the testing module (campaigns, single tubes) with their tubes' lab results. */
async function labTestsOf(db: Db, personId: string, since: Date): Promise<TestFact[]> {
  const rows = await resultsOfPerson(db, personId, since, 100);
  return rows.map((r) => ({
    kind: 'nucleic_acid',
    result: (r.result ?? 'pending') as TestFact['result'],
    sampledAt: r.sampledAt,
    pooled: r.memberCount > 1,
  }));
}

/** The health facts the colour rules read (and nothing else about the person), and which manual change is in force. */
export async function healthFactsOf(db: Db, personId: string, now: Date): Promise<HealthFacts & { manualChangeId: string | null }> {
  const since = new Date(now.getTime() - RESULT_WINDOW_DAYS * 86_400_000);
  const [episodes, tests, labTests, declarations, arrivals, manual, residence] = await Promise.all([
    episodesOf(db, personId),
    testsOf(db, personId, since),
    labTestsOf(db, personId, since),
    declarationsOf(db, personId, dayBefore(now, DECLARATION_WINDOW_DAYS)),
    arrivalsOf(db, personId, dayBefore(now, ARRIVAL_WINDOW_DAYS)),
    manualChangeOf(db, personId, now),
    residenceFactsOf(db, personId),
  ]);
  const change = manual[0];
  const manualChange: ManualChange | null = change
    ? {
        colour: change.to_colour as ManualChange['colour'],
        basisKind: change.basis_kind as ManualChange['basisKind'],
        basisRef: change.basis_ref,
        basisNote: change.basis_note,
        validUntil: asDate(change.valid_until),
      }
    : null;
  return {
    episodes: episodes.map((e) => ({
      category: e.category as KeyPersonCategory,
      managementType: e.management_type as ManagementType,
      released: e.released_at !== null,
    })),
    tests: [
      ...tests.map((t) => ({
        kind: t.test_kind as TestKind,
        result: (t.result ?? 'pending') as TestFact['result'],
        sampledAt: asDate(t.sampled_at) as Date,
      })),
      ...labTests,
    ],
    declarations: declarations.map((d) => ({ date: d.declared_on, symptoms: d.symptoms, temperatureTenths: d.temperature_tenths })),
    arrivals: arrivals.map((a) => ({
      arrivedOn: a.arrived_on ?? a.expected_arrival,
      fromRiskLevel: a.from_risk_level as 'low' | 'medium' | 'high',
      atDestination: a.at_destination,
    })),
    mandatoryTestCycleHours: null,
    manualChange,
    manualChangeId: change?.id ?? null,
    residence,
  };
}
