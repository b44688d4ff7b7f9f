import { type LabResult, type NegativeWithinDecision, negativeWithin } from '@fangkong/core';
import type { Db } from '../../../db/client.ts';
import { findPersonById } from '../../persons/person.repository.ts';
import { rulesInForce } from '../testing-access.ts';
import { resultsOfPerson, type SampleResultRow } from './result.repository.ts';

const HOUR_MS = 3_600_000;

export const asPersonResults = (rows: readonly SampleResultRow[]) =>
  rows.map((r) => ({ sampledAt: r.sampledAt, result: (r.result as LabResult | null) ?? null }));

/**
 * "Negative within n hours" for other modules (health codes, checkpoints, venues): the core rule on
 * the person's samples, under the edition in force at `now`. No scope check: callers decide who asks.
 */
export async function hasNegativeWithin(db: Db, personId: string, hours: number, now: Date): Promise<NegativeWithinDecision> {
  const person = await findPersonById(db, personId);
  const { rules } = await rulesInForce(db, now, person?.person.jurisdictionPath ?? '/');
  const rows = await resultsOfPerson(db, personId, new Date(now.getTime() - hours * HOUR_MS), 50);
  return negativeWithin(rules, asPersonResults(rows), now, hours);
}
