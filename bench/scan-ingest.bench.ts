// Offline checkpoint devices catching up: 1 000 000 scans (quick: 100 000) sent in batches of 1 000 as a
// device would, through the real ingest service (validation, one JSON parameter per batch, idempotency
// by device sequence, the device's last sequence raised). The baseline is a raw COPY of the same rows into
// the same `scan` table (same indexes) in the same run; the figure is ingest rows/s ÷ COPY rows/s.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { sealSubject } from '../packages/server/src/codes/code-subject.ts';
import { signCode } from '../packages/server/src/codes/code-token.ts';
import type { Database } from '../packages/server/src/db/client.ts';
import { queryRows } from '../packages/server/src/db/query-rows.ts';
import { insertDevice } from '../packages/server/src/modules/closed-management/devices/device.repository.ts';
import { type DeviceScan, ingestScans } from '../packages/server/src/modules/closed-management/devices/scan-ingest.service.ts';
import { insertPlace } from '../packages/server/src/modules/places/place.repository.ts';
import { addTwoTowns } from '../packages/server/src/testing/factories.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';
import type { Benchmark } from './bench-types.ts';

const BATCH = 1_000;
const START = Date.parse('2022-04-01T06:00:00+08:00');
const COLOURS = ['green', 'green', 'green', 'green', 'yellow', 'red'] as const;

/** The scans one device recorded while offline: a person's signed code, a time, a colour and the decision. */
function deviceScans(count: number, persons: { id: string; token: string }[]): DeviceScan[] {
  return Array.from({ length: count }, (_, i) => {
    const colour = COLOURS[i % COLOURS.length] ?? 'green';
    const person = persons[i % persons.length] as { id: string; token: string };
    return {
      sequence: i + 1,
      scannedAt: new Date(START + i * 1_000).toISOString(),
      personId: person.id,
      token: person.token,
      colourSeen: colour,
      decision: colour === 'green' ? 'allow' : colour === 'yellow' ? 'register' : 'deny',
      reason: `checkpoint.colour.${colour}`,
    };
  });
}

/** The same rows as CSV for COPY (another device id, so both land in the same table side by side). */
function copyCsv(scans: DeviceScan[], placeId: string, deviceId: string, jurisdictionPath: string): Buffer {
  const lines = scans.map(
    (s) =>
      `${s.personId},${placeId},${deviceId},${s.sequence},${s.scannedAt},${s.colourSeen},${s.decision},${s.reason},${jurisdictionPath}`,
  );
  return Buffer.from(`${lines.join('\n')}\n`);
}

async function rawCopy(database: Database, file: Buffer): Promise<void> {
  const copy = `copy scan (person_id, place_id, device_id, device_sequence, scanned_at, colour_seen, decision, reason, jurisdiction_path) from '%s' with (format csv)`;
  if (database.pglite) {
    await database.pglite.query(copy.replace('%s', '/dev/blob'), [], { blob: new Blob([file]) });
    return;
  }
  // Local PostgreSQL reads a server-side file (pg-copy-streams is not installed).
  const where = path.join(tmpdir(), `fangkong-scan-bench-${process.pid}.csv`);
  writeFileSync(where, file);
  await database.db.execute(sql.raw(copy.replace('%s', where)));
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

const bench: Benchmark = {
  name: 'scan-ingest',
  unit: '× raw COPY rows/s',
  goal: 0.4,
  better: 'higher',
  async run({ quick }) {
    const count = quick ? 100_000 : 1_000_000;
    const runtime = await createTestRuntime();
    try {
      runtime.deps.clock = () => new Date(START + (count + 60) * 1_000);
      const { villageA } = await addTwoTowns(runtime.deps);
      const db = runtime.deps.database.db;
      const checkpoint = await insertPlace(db, {
        kind: 'checkpoint',
        name: '甲社区东门卡口',
        code: 'CP-BENCH',
        jurisdictionId: villageA.id,
        jurisdictionPath: villageA.path,
      });
      const device = (name: string) =>
        insertDevice(db, { placeId: checkpoint.id, name, keyHash: randomUUID(), jurisdictionPath: villageA.path });
      const [tablet, copyDevice] = [await device('平板1'), await device('COPY')];
      // A person is named only by a signed code (issue 12 defect 8): each person shows one long-lived code.
      const key = await runtime.deps.codeKeys.current();
      const persons = await Promise.all(
        Array.from({ length: 5_000 }, async () => {
          const id = randomUUID();
          return {
            id,
            token: await signCode(
              { sub: sealSubject(runtime.deps.cipher, id), c: 'green', v: 'bench' },
              key,
              new Date(START - 60_000),
              count + 86_400,
            ),
          };
        }),
      );
      const scans = deviceScans(count, persons);
      const copy = await timed(() => rawCopy(runtime.deps.database, copyCsv(scans, checkpoint.id, copyDevice.id, villageA.path)));
      const ingest = await timed(async () => {
        let accepted = 0;
        for (let i = 0; i < scans.length; i += BATCH)
          accepted += (await ingestScans(runtime.deps, tablet, scans.slice(i, i + BATCH))).accepted;
        return accepted;
      });
      const resent = await ingestScans(runtime.deps, tablet, scans.slice(0, BATCH));
      const [stored] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from scan`);
      if (ingest.value !== count || resent.duplicate !== BATCH)
        throw new Error(`ingest accepted ${ingest.value} of ${count}; re-sent duplicates ${resent.duplicate}`);
      const copyRate = count / copy.seconds;
      const ingestRate = count / ingest.seconds;
      return {
        figure: Math.round((ingestRate / copyRate) * 1000) / 1000,
        sizes: { scans: count, batch: BATCH, persons: 5_000, database: runtime.deps.database.pglite ? 'PGlite' : 'PostgreSQL' },
        details: [
          `raw COPY: ${count} rows in ${copy.seconds.toFixed(2)} s (${Math.round(copyRate)} rows/s)`,
          `ingest:   ${count} rows in ${ingest.seconds.toFixed(2)} s (${Math.round(ingestRate)} rows/s), ${count / BATCH} batches`,
          `re-sent batch: ${resent.duplicate} duplicates, nothing applied twice; rows in scan: ${stored?.n}`,
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
