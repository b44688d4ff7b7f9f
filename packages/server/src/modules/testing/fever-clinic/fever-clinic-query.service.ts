import {
  FEVER_CLINIC_ITEMS,
  type FeverClinicResults,
  feverClinicOutcomes,
  feverClinicRulesOf,
  isFeverClinicItem,
  isFeverClinicResult,
  maskName,
  notFound,
  type Permission,
  pathInScope,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { iso, readPaths } from '../environment/environment-access.ts';
import { rulesOfStoredEdition, scopeOf } from '../testing-access.ts';
import { findVisitRow, type OrderRow, ordersOf, type VisitRow, visitRows } from './fever-clinic.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** The visit if its clinic lies in the caller's scope for the permission; another jurisdiction's visit is not found. */
export async function visitInScope(db: Db, context: RequestContext, id: string, permission: Permission): Promise<VisitRow> {
  const visit = await findVisitRow(db, id);
  if (!visit || !pathInScope(visit.jurisdiction_path, scopeOf(context, permission))) throw notFound('id');
  return visit;
}

/** Orders show in the edition's item order (nucleic acid, antibody, CT, blood count). */
const itemRank = (item: string) => (FEVER_CLINIC_ITEMS as readonly string[]).indexOf(item);

/** The items' results as core reads them (an order without a result is left out). */
export function resultsOf(orders: readonly OrderRow[]): FeverClinicResults {
  const results: FeverClinicResults = {};
  for (const order of orders) {
    if (isFeverClinicItem(order.item) && order.result && isFeverClinicResult(order.item, order.result)) results[order.item] = order.result;
  }
  return results;
}

function visitItem(row: VisitRow) {
  return {
    id: row.id,
    personId: row.person_id,
    personName: maskName(row.person_name),
    idMasked: row.id_masked,
    placeId: row.place_id,
    placeName: row.place_name,
    jurisdictionName: row.jurisdiction_name,
    arrivedAt: iso(row.arrived_at) ?? '',
    temperatureCelsius: row.temperature_tenths === null ? null : row.temperature_tenths / 10,
    editionId: row.edition_id,
    status: row.closed_at === null ? ('open' as const) : ('closed' as const),
    disposition: row.disposition,
    episodeId: row.episode_id,
    closedAt: iso(row.closed_at),
    closedByName: row.closed_by_name,
    registeredByName: row.registered_by_name,
    resulted: row.resulted,
    ordered: row.ordered,
  };
}

function orderItem(row: OrderRow) {
  return {
    id: row.id,
    item: row.item,
    barcode: row.barcode,
    result: row.result,
    /** lab: the tube's lab result (import or JSON API); clinic: recorded by hand at the clinic. */
    resultSource: row.lab_result ? ('lab' as const) : row.recorded_result ? ('clinic' as const) : null,
    recordedAt: row.lab_result ? iso(row.tested_at) : iso(row.recorded_at),
    recordedByName: row.lab_result ? null : row.recorded_by_name,
  };
}

export interface VisitQuery {
  jurisdictionId?: string;
  placeId?: string;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
}

/** Visits at the fever clinics of the caller's scope, newest first, names masked. */
export async function listVisits(deps: Deps, context: RequestContext, query: VisitQuery) {
  const paths = await readPaths(deps.database.db, context, query.jurisdictionId);
  const rows = await visitRows(deps.database.db, { ...query, paths });
  return { items: rows.map(visitItem), total: rows[0]?.total ?? 0 };
}

/** One visit with its four orders and the outcomes its results allow (with the clauses), under the visit's edition. */
export async function visitDetail(deps: Deps, context: RequestContext, id: string) {
  const db = deps.database.db;
  const visit = await visitInScope(db, context, id, 'testing.read');
  const orders = (await ordersOf(db, visit.id)).sort((a, b) => itemRank(a.item) - itemRank(b.item));
  const outcomes = feverClinicOutcomes(feverClinicRulesOf(await rulesOfStoredEdition(db, visit.edition_id)), resultsOf(orders));
  return { ...visitItem(visit), orders: orders.map(orderItem), outcomes };
}
