import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { feverClinicOrder, feverClinicVisit } from '../../../db/schema/index.ts';
import { pathUnder } from '../testing-sql.ts';

export type VisitInsert = typeof feverClinicVisit.$inferInsert;
export type OrderInsert = typeof feverClinicOrder.$inferInsert;

export async function insertVisit(db: Db, row: VisitInsert): Promise<string> {
  const rows = await db.insert(feverClinicVisit).values(row).returning({ id: feverClinicVisit.id });
  return rows[0]?.id ?? '';
}

export async function insertOrders(db: Db, rows: OrderInsert[]): Promise<void> {
  await db.insert(feverClinicOrder).values(rows);
}

/** A visit with its patient, clinic and staff, as the list and the detail show it. */
export interface VisitRow {
  id: string;
  person_id: string;
  person_name: string;
  id_masked: string | null;
  place_id: string;
  place_name: string;
  jurisdiction_name: string;
  jurisdiction_path: string;
  person_jurisdiction_id: string;
  person_jurisdiction_path: string;
  arrived_at: Date | string;
  temperature_tenths: number | null;
  edition_id: string;
  disposition: string | null;
  episode_id: string | null;
  closed_at: Date | string | null;
  closed_by_name: string | null;
  registered_by_name: string | null;
  resulted: number;
  ordered: number;
  total: number;
}

export interface VisitFilter {
  paths: readonly string[];
  placeId?: string;
  status?: 'open' | 'closed';
  limit: number;
  offset: number;
}

/** An order's result is the lab's for a tube that has one, else what the clinic recorded. */
const resultOf = sql`coalesce(lr.result, o.result)`;

function visitSql(where: SQL, limit: number, offset: number): SQL {
  return sql`select v.id, v.person_id, p.name as person_name, p.id_masked, v.place_id, pl.name as place_name, j.name as jurisdiction_name,
      v.jurisdiction_path, p.jurisdiction_id as person_jurisdiction_id, p.jurisdiction_path as person_jurisdiction_path,
      v.arrived_at, v.temperature_tenths, v.edition_id, v.disposition, v.episode_id, v.closed_at,
      cu.display_name as closed_by_name, ru.display_name as registered_by_name,
      (select count(*)::int from fever_clinic_order o left join lab_result lr on lr.id = o.tube_id
        where o.visit_id = v.id and ${resultOf} is not null) as resulted,
      (select count(*)::int from fever_clinic_order o where o.visit_id = v.id) as ordered,
      count(*) over ()::int as total
    from fever_clinic_visit v
    join person p on p.id = v.person_id
    join place pl on pl.id = v.place_id
    join jurisdiction j on j.id = v.jurisdiction_id
    left join app_user cu on cu.id = v.closed_by
    left join app_user ru on ru.id = v.registered_by
    where ${where}
    order by v.arrived_at desc, v.id limit ${limit} offset ${offset}`;
}

export async function visitRows(db: Db, filter: VisitFilter): Promise<VisitRow[]> {
  const parts = [pathUnder(sql`v.jurisdiction_path`, filter.paths)];
  if (filter.placeId) parts.push(sql`v.place_id = ${filter.placeId}`);
  if (filter.status === 'open') parts.push(sql`v.closed_at is null`);
  if (filter.status === 'closed') parts.push(sql`v.closed_at is not null`);
  return queryRows<VisitRow>(db, visitSql(sql.join(parts, sql` and `), filter.limit, filter.offset));
}

export async function findVisitRow(db: Db, id: string): Promise<VisitRow | undefined> {
  const rows = await queryRows<VisitRow>(db, visitSql(sql`v.id = ${id}`, 1, 0));
  return rows[0];
}

/** An order with its tube and, for the nucleic acid order, the lab's result of the tube. */
export interface OrderRow {
  id: string;
  item: string;
  tube_id: string | null;
  barcode: string | null;
  recorded_result: string | null;
  lab_result: string | null;
  tested_at: Date | string | null;
  result: string | null;
  recorded_at: Date | string | null;
  recorded_by_name: string | null;
}

export async function ordersOf(db: Db, visitId: string): Promise<OrderRow[]> {
  return queryRows<OrderRow>(
    db,
    sql`select o.id, o.item, o.tube_id, t.barcode, o.result as recorded_result, lr.result as lab_result, lr.tested_at,
        ${resultOf} as result, o.recorded_at, u.display_name as recorded_by_name
      from fever_clinic_order o
      left join tube t on t.id = o.tube_id
      left join lab_result lr on lr.id = o.tube_id
      left join app_user u on u.id = o.recorded_by
      where o.visit_id = ${visitId}
      order by o.item`,
  );
}

export async function recordOrderResult(db: Db, orderId: string, result: string, at: Date, by: string | null): Promise<void> {
  await db.update(feverClinicOrder).set({ result, recordedAt: at, recordedBy: by, updatedAt: at }).where(eq(feverClinicOrder.id, orderId));
}

export interface VisitClosing {
  disposition: string;
  episodeId: string | null;
  closedAt: Date;
  closedBy: string | null;
}

/** Closes a visit still open; answers false when another request closed it first. */
export async function closeVisitRow(db: Db, id: string, closing: VisitClosing): Promise<boolean> {
  const rows = await db
    .update(feverClinicVisit)
    .set({ ...closing, updatedAt: closing.closedAt })
    .where(and(eq(feverClinicVisit.id, id), isNull(feverClinicVisit.closedAt)))
    .returning({ id: feverClinicVisit.id });
  return rows.length > 0;
}
