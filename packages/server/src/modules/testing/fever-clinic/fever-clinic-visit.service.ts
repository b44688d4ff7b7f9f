import type { TestingRules } from '@fangkong/core';
import {
  conflict,
  feverClinicRulesOf,
  forbidden,
  invalid,
  isMandatoryGroup,
  notFound,
  type Payer,
  pathInScope,
  payerFor,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { findPersonById } from '../../persons/person.repository.ts';
import { findPlaceById } from '../../places/place.repository.ts';
import { activeGroupsOf } from '../sampling/sampling.repository.ts';
import { checkBarcode } from '../sampling/scan.service.ts';
import { writeSingleSample } from '../sampling/single-sample.service.ts';
import { findTubeByBarcode } from '../sampling/tube.repository.ts';
import { isUniqueViolation, rulesInForce, scopeOf } from '../testing-access.ts';
import { insertOrders, insertVisit } from './fever-clinic.repository.ts';
import { visitDetail } from './fever-clinic-query.service.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface VisitInput {
  personId: string;
  placeId: string;
  /** The barcode of the nucleic acid order's single tube. */
  barcode: string;
  temperatureCelsius?: number;
  /** When the patient arrived; now when left out. */
  arrivedAt?: string;
  labName?: string;
}

/** The clinic and the patient, both inside the caller's sampling scope (anything else is not found). */
async function checkedParties(deps: Deps, context: RequestContext, input: VisitInput) {
  const db = deps.database.db;
  const scope = scopeOf(context, 'testing.sample');
  if (scope.length === 0) throw forbidden();
  const clinic = await findPlaceById(db, input.placeId);
  if (!clinic || !pathInScope(clinic.jurisdictionPath, scope)) throw notFound('placeId');
  if (clinic.kind !== 'fever_clinic') throw invalid('placeId', 'notFeverClinic');
  const found = await findPersonById(db, input.personId);
  if (!found || !pathInScope(found.person.jurisdictionPath, scope)) throw notFound('personId');
  return { clinic, person: found.person };
}

function arrivedAtOf(input: VisitInput, now: Date): Date {
  const at = input.arrivedAt ? new Date(input.arrivedAt) : now;
  if (at.getTime() > now.getTime()) throw invalid('arrivedAt', 'futureDate');
  return at;
}

/** Seed 000 §三(三)5: a fever-clinic patient is in a mandatory group, so the government pays whatever roster they are on. */
async function groupsAndPayer(deps: Deps, personId: string, rules: TestingRules) {
  const onRoster = await activeGroupsOf(deps.database.db, personId);
  const groups = [...new Set([...onRoster, 'fever_clinic_patient'])];
  const payer = payerFor(rules, { purpose: 'mandatory', groups: groups.filter(isMandatoryGroup) }).decision;
  return { groups, payer: payer ?? rules.payer.mandatory };
}

interface VisitWrite {
  clinic: { id: string; jurisdictionId: string; jurisdictionPath: string };
  person: { id: string; jurisdictionPath: string };
  input: VisitInput;
  arrivedAt: Date;
  now: Date;
  editionId: string;
  items: readonly string[];
  payer: Payer;
  groups: string[];
}

/** The tube and sample of the nucleic acid order, the visit, its orders and the audit, inside one transaction. */
async function writeVisit(tx: Db, context: RequestContext, write: VisitWrite): Promise<string> {
  const { clinic, person, input } = write;
  const sample = await writeSingleSample(tx, context, {
    person,
    barcode: input.barcode,
    purpose: 'mandatory',
    payer: write.payer,
    groups: write.groups,
    setting: 'fever_clinic',
    labName: input.labName?.trim() || null,
    retestOf: null,
    editionId: write.editionId,
    at: write.now,
  });
  const visitId = await insertVisit(tx, {
    personId: person.id,
    placeId: clinic.id,
    arrivedAt: write.arrivedAt,
    temperatureTenths: input.temperatureCelsius === undefined ? null : Math.round(input.temperatureCelsius * 10),
    editionId: write.editionId,
    registeredBy: context.actor.userId,
    jurisdictionId: clinic.jurisdictionId,
    jurisdictionPath: clinic.jurisdictionPath,
  });
  const tubeOf = (item: string) => (item === 'nucleic_acid' ? sample.tubeId : null);
  await insertOrders(
    tx,
    write.items.map((item) => ({ visitId, item, tubeId: tubeOf(item), jurisdictionPath: clinic.jurisdictionPath })),
  );
  await recordAudit(tx, context, {
    action: 'testing.feverClinicVisit',
    entityType: 'fever_clinic_visit',
    entityId: visitId,
    jurisdictionPath: clinic.jurisdictionPath,
    after: {
      personId: person.id,
      placeId: clinic.id,
      arrivedAt: write.arrivedAt.toISOString(),
      items: write.items,
      barcode: input.barcode,
    },
  });
  return visitId;
}

/**
 * Reception at a fever clinic (TEST-009, SC-53): the visit, the edition's four items ordered at once,
 * and the nucleic acid order's single tube (setting fever_clinic: the fever-clinic turnaround), so the
 * lab import results it by barcode like any tube. One transaction, audited.
 */
export async function registerVisit(deps: Deps, context: RequestContext, input: VisitInput) {
  const db = deps.database.db;
  const { clinic, person } = await checkedParties(deps, context, input);
  checkBarcode(input.barcode);
  if (await findTubeByBarcode(db, input.barcode)) throw conflict('barcode', 'tubeExists');
  const now = deps.clock();
  const arrivedAt = arrivedAtOf(input, now);
  const { edition, rules } = await rulesInForce(db, now, clinic.jurisdictionPath);
  const items = feverClinicRulesOf(rules).items.map((i) => i.item);
  const { groups, payer } = await groupsAndPayer(deps, person.id, rules);
  const write = { clinic, person, input, arrivedAt, now, editionId: edition.id, items, payer, groups };
  const visitId = await db
    .transaction((tx) => writeVisit(tx, context, write))
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'tube_barcode_unique')) throw conflict('barcode', 'tubeExists');
      if (isUniqueViolation(error, 'fever_clinic_visit_open_person_unique')) throw conflict('personId', 'openVisitExists');
      throw error;
    });
  return visitDetail(deps, context, visitId);
}
