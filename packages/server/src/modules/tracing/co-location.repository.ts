import type { PlaceScan, TimeWindow, Visit } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { asDate, queryRows } from '../../db/query-rows.ts';

/**
 * Co-location (时空伴随) reads the scans of every jurisdiction: a case's contacts scan wherever they go.
 * It answers only scans at the case's own places inside the spans core computed, so nobody's trajectory
 * is revealed beyond the moments they shared with the case; the service passes on only the candidates.
 */

type ScanRow = { person_id: string; place_id: string; scanned_at: Date | string };

/** The case's own scans inside the window, each an instant visit (index scan_person_time_idx). */
export async function scanVisitsOf(db: Db, personId: string, window: TimeWindow): Promise<Visit[]> {
  const rows = await queryRows<ScanRow>(
    db,
    sql`select person_id, place_id, scanned_at from scan
        where person_id = ${personId} and scanned_at >= ${window.from.toISOString()} and scanned_at <= ${window.to.toISOString()}
        order by scanned_at`,
  );
  return rows.map((r) => {
    const at = asDate(r.scanned_at) as Date;
    return { placeId: r.place_id, from: at, to: at };
  });
}

/**
 * Others' scans at each span's place between its ends, both inclusive (index scan_place_time_idx):
 * one range scan per span through a lateral join, each scan once however many spans it falls in.
 */
export async function scansInSpans(
  db: Db,
  spans: readonly (TimeWindow & { placeId: string })[],
  excludePersonId: string,
): Promise<PlaceScan[]> {
  if (spans.length === 0) return [];
  const values = sql.join(
    spans.map((s) => sql`(${s.placeId}::uuid, ${s.from.toISOString()}::timestamptz, ${s.to.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await queryRows<ScanRow>(
    db,
    sql`select distinct s.id, s.person_id, s.place_id, s.scanned_at
        from (values ${values}) as v(place_id, span_from, span_to)
        cross join lateral (
          select id, person_id, place_id, scanned_at from scan
          where scan.place_id = v.place_id and scan.scanned_at >= v.span_from and scan.scanned_at <= v.span_to
        ) s
        where s.person_id is not null and s.person_id <> ${excludePersonId}::uuid`,
  );
  return rows.map((r) => ({ personId: r.person_id, placeId: r.place_id, at: asDate(r.scanned_at) as Date }));
}
