import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../db/query-rows.ts';
import { checkpointDevice, scan } from '../../../db/schema/index.ts';

export type DeviceRow = typeof checkpointDevice.$inferSelect;
export type ScanInsert = typeof scan.$inferInsert;

export async function insertDevice(db: Db, row: typeof checkpointDevice.$inferInsert): Promise<DeviceRow> {
  return (await db.insert(checkpointDevice).values(row).returning())[0] as DeviceRow;
}

export async function findDeviceByKeyHash(db: Db, keyHash: string): Promise<DeviceRow | undefined> {
  return (await db.select().from(checkpointDevice).where(eq(checkpointDevice.keyHash, keyHash)))[0];
}

export function devicesOf(db: Db, placeId: string): Promise<DeviceRow[]> {
  return db.select().from(checkpointDevice).where(eq(checkpointDevice.placeId, placeId));
}

export async function revokeDevice(db: Db, id: string, placeId: string): Promise<DeviceRow | undefined> {
  const rows = await db
    .update(checkpointDevice)
    .set({ status: 'revoked', updatedAt: sql`now()` })
    .where(and(eq(checkpointDevice.id, id), eq(checkpointDevice.placeId, placeId)))
    .returning();
  return rows[0];
}

/**
 * The whole batch as one JSON parameter (json_populate_recordset), set-based; (device, sequence) is
 * unique, so a re-sent scan is skipped by the index. Answers the sequences written.
 */
export async function insertScans(db: Db, rows: readonly ScanInsert[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const payload = rows.map((r) => ({
    person_id: r.personId ?? null,
    place_id: r.placeId,
    device_id: r.deviceId ?? null,
    device_sequence: r.deviceSequence ?? null,
    scanned_at: r.scannedAt,
    colour_seen: r.colourSeen ?? null,
    decision: r.decision,
    reason: r.reason ?? null,
    jurisdiction_path: r.jurisdictionPath,
  }));
  const written = await queryRows<{ device_sequence: string | number | null }>(
    db,
    sql`insert into scan (person_id, place_id, device_id, device_sequence, scanned_at, colour_seen, decision, reason, jurisdiction_path)
      select person_id, place_id, device_id, device_sequence, scanned_at, colour_seen, decision, reason, jurisdiction_path
      from json_populate_recordset(null::scan, ${JSON.stringify(payload)}::json)
      on conflict (device_id, device_sequence) do nothing
      returning device_sequence`,
  );
  return written.map((r) => Number(r.device_sequence));
}

export async function raiseLastSequence(db: Db, deviceId: string, sequence: number): Promise<void> {
  await db
    .update(checkpointDevice)
    .set({ lastSequence: sql`greatest(${checkpointDevice.lastSequence}, ${sequence})`, updatedAt: sql`now()` })
    .where(eq(checkpointDevice.id, deviceId));
}

export async function insertScan(db: Db, row: ScanInsert): Promise<number> {
  const rows = await db.insert(scan).values(row).returning({ id: scan.id });
  return Number(rows[0]?.id);
}
