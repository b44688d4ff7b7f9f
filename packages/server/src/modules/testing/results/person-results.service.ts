import { type LabResult, maskName, negativeWithin, notFound, pathInScope } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordRead } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findPersonById } from '../../persons/person.repository.ts';
import { rulesInForce, scopeOf } from '../testing-access.ts';
import { asPersonResults } from './negative-result.service.ts';
import { personOfUser, resultsOfPerson, type SampleResultRow } from './result.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The person themself (their own account), or a user who reads testing in the person's jurisdiction. */
export async function mayReadResultsOf(db: Db, context: RequestContext, personId: string, path: string): Promise<boolean> {
  if (pathInScope(path, scopeOf(context, 'testing.read'))) return true;
  return (await personOfUser(db, context.actor.userId)) === personId;
}

export function resultView(row: SampleResultRow) {
  return {
    sampleId: row.sampleId,
    sampledAt: row.sampledAt.toISOString(),
    purpose: row.purpose,
    payer: row.payer,
    campaignName: row.campaignName,
    barcode: row.barcode,
    pooled: row.poolSize > 1 || row.memberCount > 1,
    poolSize: row.poolSize,
    result: (row.result as LabResult | null) ?? null,
    resultAt: row.testedAt?.toISOString() ?? null,
    labName: row.labName,
  };
}

/** A person's results, and whether they hold a negative result within each of the protocol's windows. */
export async function personResults(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const found = await findPersonById(db, personId);
  if (!found || !(await mayReadResultsOf(db, context, personId, found.person.jurisdictionPath))) throw notFound('id');
  await recordRead(db, context, {
    action: 'testing.results.view',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: found.person.jurisdictionPath,
  });
  const now = deps.clock();
  const { rules } = await rulesInForce(db, now, found.person.jurisdictionPath);
  const rows = await resultsOfPerson(db, personId, null, 100);
  const facts = rules.negativeValidityHours.hours.map((hours) => {
    const decision = negativeWithin(rules, asPersonResults(rows), now, hours);
    return { hours, negative: decision.decision, because: decision.because };
  });
  return {
    personId,
    name: maskName(found.person.name),
    idMasked: found.person.idMasked,
    negativeWithin: facts,
    results: rows.map(resultView),
  };
}
