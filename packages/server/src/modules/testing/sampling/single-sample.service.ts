import {
  AppError,
  conflict,
  invalid,
  isMandatoryGroup,
  maskName,
  notFound,
  type Payer,
  pathInScope,
  payerFor,
  type SamplePurpose,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findPersonById } from '../../persons/person.repository.ts';
import { isUniqueViolation, rulesInForce, scopeOf } from '../testing-access.ts';
import { activeGroupsOf, openRetestPool } from './sampling.repository.ts';
import { checkBarcode } from './scan.service.ts';
import { findTubeByBarcode, insertPoolMember, insertSample, insertTube } from './tube.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface SingleSampleInput {
  personId: string;
  barcode: string;
  purpose: Exclude<SamplePurpose, 'campaign'>;
  payer?: Payer;
  /** A fever-clinic sample is held to the fever-clinic turnaround limit. */
  setting?: 'fever_clinic' | 'routine';
  labName?: string;
}

/** Who pays, from the person's groups and the purpose (TEST-002); refused with the field at fault. */
function decidePayer(rules: Parameters<typeof payerFor>[0], input: SingleSampleInput, groups: string[]) {
  const decision = payerFor(rules, { purpose: input.purpose, groups: groups.filter(isMandatoryGroup), requested: input.payer });
  if (decision.decision === null)
    throw invalid(decision.problem === 'payerNotAllowed' ? 'payer' : 'purpose', decision.problem ?? 'invalidValue');
  return decision.decision;
}

/**
 * One person, one tube, outside a campaign: mandatory-group tests, voluntary tests (certificate),
 * fever-clinic tests and the single-tube retest of a member of a positive pool.
 */
export async function takeSingleSample(deps: Deps, context: RequestContext, input: SingleSampleInput) {
  const db = deps.database.db;
  const found = await findPersonById(db, input.personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scopeOf(context, 'testing.sample'))) throw notFound('personId');
  const person = found.person;
  checkBarcode(input.barcode);
  if (await findTubeByBarcode(db, input.barcode)) throw conflict('barcode', 'tubeExists');
  const now = deps.clock();
  const { edition, rules } = await rulesInForce(db, now, person.jurisdictionPath);
  const groups = await activeGroupsOf(db, person.id);
  const payer = decidePayer(rules, input, groups);
  const retestOf = input.purpose === 'retest' ? await openRetestPool(db, person.id) : undefined;
  if (input.purpose === 'retest' && !retestOf) throw new AppError('invalid', 'noRetestDue', 'purpose');
  const written = db.transaction(async (tx) => {
    const { sampleId, tubeId } = await writeSingleSample(tx, context, {
      person,
      barcode: input.barcode,
      purpose: input.purpose,
      payer,
      groups,
      setting: input.setting ?? 'routine',
      labName: input.labName ?? null,
      retestOf: retestOf ?? null,
      editionId: edition.id,
      at: now,
    });
    return {
      sampleId,
      personId: person.id,
      personName: maskName(person.name),
      idMasked: person.idMasked,
      payer,
      barcode: input.barcode,
      tubeId,
      retestOfTubeId: retestOf ?? null,
    };
  });
  return written.catch((error: unknown) => {
    throw isUniqueViolation(error, 'tube_barcode_unique') ? conflict('barcode', 'tubeExists') : error;
  });
}

export interface SingleSampleWrite {
  person: { id: string; jurisdictionPath: string };
  barcode: string;
  purpose: Exclude<SamplePurpose, 'campaign'>;
  payer: Payer;
  groups: string[];
  setting: 'fever_clinic' | 'routine';
  labName: string | null;
  retestOf: string | null;
  editionId: string;
  at: Date;
}

/**
 * The rows of a single-tube sample (a closed tube of one, the sample, its pool member) and its audit,
 * inside the caller's transaction; the fever-clinic visit writes its nucleic acid order's tube through it.
 */
export async function writeSingleSample(tx: Db, context: RequestContext, write: SingleSampleWrite) {
  const { person, at } = write;
  const tube = await insertTube(tx, {
    barcode: write.barcode,
    poolSize: 1,
    zoneType: 'general',
    setting: write.setting,
    status: 'closed',
    memberCount: 1,
    openedAt: at,
    closedAt: at,
    labName: write.labName,
    retestOfTubeId: write.retestOf,
    editionId: write.editionId,
    jurisdictionPath: person.jurisdictionPath,
    createdBy: context.actor.userId,
  });
  const sampleId = await insertSample(tx, {
    personId: person.id,
    purpose: write.purpose,
    payer: write.payer,
    groups: write.groups,
    sampledAt: at,
    sampledBy: context.actor.userId,
    jurisdictionPath: person.jurisdictionPath,
  });
  await insertPoolMember(tx, { tubeId: tube.id, sampleId, personId: person.id, position: 1, jurisdictionPath: person.jurisdictionPath });
  await recordAudit(tx, context, {
    action: 'testing.sample',
    entityType: 'sample',
    entityId: sampleId,
    jurisdictionPath: person.jurisdictionPath,
    after: {
      personId: person.id,
      barcode: write.barcode,
      purpose: write.purpose,
      payer: write.payer,
      groups: write.groups,
      retestOf: write.retestOf,
    },
  });
  return { sampleId, tubeId: tube.id };
}
