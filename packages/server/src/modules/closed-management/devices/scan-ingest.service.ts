import { CHECKPOINT_DECISIONS, type CheckpointDecision, CODE_COLOURS, type CodeColour, caseRules } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { personOfSubject } from '../../../codes/code-subject.ts';
import { verifyCode } from '../../../codes/code-token.ts';
import type { Db } from '../../../db/client.ts';
import { editionAt } from '../../protocols/protocol-in-force.ts';
import { type DeviceRow, insertScans, raiseLastSequence, type ScanInsert } from './device.repository.ts';

export interface DeviceScan {
  sequence: number;
  scannedAt: string;
  token?: string;
  personId?: string;
  colourSeen?: CodeColour;
  decision: CheckpointDecision;
  reason?: string;
}

export type ItemOutcome = { sequence: number; outcome: 'accepted' | 'duplicate' | 'rejected'; reason?: string };

/** How far ahead of the server clock a device clock may run. */
const CLOCK_SKEW_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How far back a device's scan may lie: the exposure look-back window of the edition in force where the device
 * stands (14 days in the seeds; the district's own edition when it activated one, issue 14, RULES-001), since
 * older scans cannot matter to tracing and a backdated one would only poison co-location.
 */
async function oldestAllowed(db: Db, device: DeviceRow, now: Date): Promise<number> {
  const edition = await editionAt(db, device.jurisdictionPath, now);
  const days = edition?.cases ? caseRules(edition).exposureLookbackDays.days : 14;
  return now.getTime() - days * 86_400_000;
}

function problemOf(item: DeviceScan, now: Date, oldest: number, seen: Set<number>): string | null {
  if (!Number.isSafeInteger(item.sequence) || item.sequence < 1) return 'invalidSequence';
  if (seen.has(item.sequence)) return 'repeatedInBatch';
  const at = Date.parse(item.scannedAt);
  if (Number.isNaN(at)) return 'invalidDateTime';
  if (at > now.getTime() + CLOCK_SKEW_MS) return 'futureScan';
  if (at < oldest) return 'staleScan';
  // A person is named only by a signed code: a bare id from a device proves nothing (issue 12 defect 8).
  if (item.personId && !item.token) return 'personWithoutToken';
  if (!CHECKPOINT_DECISIONS.includes(item.decision)) return 'invalidDecision';
  if (item.colourSeen && !CODE_COLOURS.includes(item.colourSeen)) return 'invalidColour';
  if (item.personId && !UUID.test(item.personId)) return 'invalidPerson';
  return null;
}

/** The person a token names, when it verifies; a scan of a forged code is still kept, without a person. */
async function personOf(deps: Pick<AppDeps, 'codeKeys' | 'cipher'>, item: DeviceScan): Promise<string | null> {
  if (!item.token) return null;
  // Verified as of the scan: an offline device may send it hours later.
  const verified = await verifyCode(item.token, deps.codeKeys.publicKeys().keys, new Date(item.scannedAt));
  return verified.valid ? personOfSubject(deps.cipher, verified.subject) : null;
}

/**
 * An offline device's batch, applied set-based and idempotent by (device, sequence): each item is
 * accepted, a duplicate of one already stored, or rejected with the reason.
 */
export async function ingestScans(
  deps: Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'cipher'>,
  device: DeviceRow,
  items: readonly DeviceScan[],
  db: Db = deps.database.db,
): Promise<{ accepted: number; duplicate: number; rejected: number; items: ItemOutcome[] }> {
  const now = deps.clock();
  const seen = new Set<number>();
  const outcomes: ItemOutcome[] = [];
  const rows: ScanInsert[] = [];
  const oldest = await oldestAllowed(db, device, now);
  for (const item of items) {
    const problem = problemOf(item, now, oldest, seen);
    seen.add(item.sequence);
    if (problem) {
      outcomes.push({ sequence: item.sequence, outcome: 'rejected', reason: problem });
      continue;
    }
    outcomes.push({ sequence: item.sequence, outcome: 'duplicate' });
    rows.push(scanRow(device, item, await personOf(deps, item)));
  }
  const written = new Set(
    await db.transaction(async (tx) => {
      const sequences = await insertScans(tx, rows);
      if (sequences.length > 0) await raiseLastSequence(tx, device.id, Math.max(...sequences));
      return sequences;
    }),
  );
  for (const o of outcomes) if (o.outcome === 'duplicate' && written.has(o.sequence)) o.outcome = 'accepted';
  const count = (kind: ItemOutcome['outcome']) => outcomes.filter((o) => o.outcome === kind).length;
  return { accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected'), items: outcomes };
}

function scanRow(device: DeviceRow, item: DeviceScan, personId: string | null): ScanInsert {
  return {
    personId,
    placeId: device.placeId,
    deviceId: device.id,
    deviceSequence: item.sequence,
    scannedAt: new Date(item.scannedAt),
    colourSeen: item.colourSeen ?? null,
    decision: item.decision,
    reason: item.reason ?? null,
    jurisdictionPath: device.jurisdictionPath,
  };
}
