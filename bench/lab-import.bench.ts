// A day's lab results for a district: 1 000 000 tube results (CSV) of which 10 000 positive pools
// are fanned out (control + retest task per member, one alert per community and tube), imported
// through the real import service. The baseline is a raw COPY of the same file into a bare table in
// the same run; the figure is import time ÷ COPY time.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../packages/server/src/db/client.ts';
import { importLabFile } from '../packages/server/src/modules/testing/labs/lab-import.service.ts';
import { addTwoTowns } from '../packages/server/src/testing/factories.ts';
import { LAB, labCsv, populateTubes } from '../packages/server/src/testing/lab-population.ts';
import { createTestRuntime } from '../packages/server/src/testing/test-runtime.ts';
import type { Benchmark } from './bench-types.ts';
import { countRows } from './support/managed-population.ts';

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** COPY into a bare table: PGlite reads the file as a blob; PostgreSQL (local) reads it from a temp file. */
async function rawCopy(database: Database, file: Buffer, table: string): Promise<void> {
  await database.db.execute(sql.raw(`create table if not exists ${table} (barcode text, result text, tested_at text, lab text)`));
  const copy = `copy ${table} from '%s' with (format csv, header true)`;
  if (database.pglite) {
    await database.pglite.query(copy.replace('%s', '/dev/blob'), [], { blob: new Blob([file]) });
    return;
  }
  const where = path.join(tmpdir(), `fangkong-bench-${process.pid}.csv`);
  writeFileSync(where, file);
  await database.db.execute(sql.raw(copy.replace('%s', where)));
}

const CHUNK = 100_000;

/** For the record only: the same rows COPYed in files of 100 000 (PGlite's blob COPY grows faster than linearly). */
async function chunkedCopy(database: Database, tubes: number): Promise<number> {
  let seconds = 0;
  for (let from = 1; from <= tubes; from += CHUNK) {
    const chunk = labCsv(Math.min(CHUNK, tubes - from + 1), from);
    seconds += (await timed(() => rawCopy(database, chunk, 'bench_bare_chunks'))).seconds;
  }
  return seconds;
}

const bench: Benchmark = {
  name: 'lab-import',
  unit: '× raw COPY',
  goal: 3,
  better: 'lower',
  async run({ quick }) {
    const tubes = quick ? 100_000 : 1_000_000;
    const runtime = await createTestRuntime();
    try {
      runtime.deps.clock = () => new Date('2022-07-10T20:00:00+08:00');
      const { county, villageA } = await addTwoTowns(runtime.deps);
      const db = runtime.deps.database.db;
      const setup = await timed(() => populateTubes(db, villageA.path, villageA.id, tubes));
      const file = labCsv(tubes);
      const copyBefore = await timed(() => rawCopy(runtime.deps.database, file, 'bench_bare_copy'));
      const chunked = await chunkedCopy(runtime.deps.database, tubes);
      const context = {
        actor: {
          userId: null,
          username: 'bench-lab',
          displayName: 'bench-lab',
          grants: [{ role: 'lab_staff' as const, jurisdictionId: county.id, jurisdictionPath: county.path }],
        },
        requestId: 'bench',
        clientIp: null,
      };
      const upload = { buffer: file, kind: 'csv' as const, fileName: 'results.csv', labName: LAB };
      const run = await timed(() => importLabFile(runtime.deps, context, upload, true));
      const job = run.value;
      // The baseline is measured before and after the import and averaged, so a machine busy with other
      // work during one of them skews the ratio less.
      await db.execute(sql`truncate bench_bare_copy`);
      const copyAfter = await timed(() => rawCopy(runtime.deps.database, file, 'bench_bare_copy'));
      const copy = { seconds: (copyBefore.seconds + copyAfter.seconds) / 2 };
      if (job.created !== tubes || job.failed !== 0) throw new Error(`import: ${job.created} created, ${job.failed} failed of ${tubes}`);
      const figure = Number((run.seconds / copy.seconds).toFixed(2));
      return {
        figure,
        sizes: {
          tubeResults: tubes,
          positivePools: setup.value / 10,
          fileMB: Number((file.length / 1e6).toFixed(1)),
          tasks: await countRows(db, 'task'),
          alerts: await countRows(db, 'alert'),
          database: runtime.deps.database.kind,
        },
        details: [
          `set-up: ${tubes} closed tubes, ${setup.value / 10} positive pools of 10 with their members (${runtime.deps.database.kind}), ${setup.seconds.toFixed(1)} s`,
          `file: ${(file.length / 1e6).toFixed(1)} MB CSV, ${tubes} rows`,
          `raw COPY of the file into a bare table: ${copyBefore.seconds.toFixed(2)} s before the import, ${copyAfter.seconds.toFixed(2)} s after (baseline: their mean, ${copy.seconds.toFixed(2)} s)`,
          `for the record, the same rows COPYed in files of ${CHUNK}: ${chunked.toFixed(2)} s (import ÷ that: ${(run.seconds / chunked).toFixed(2)})`,
          `import (parse, check, apply in batches of one text parameter each, fan out): ${run.seconds.toFixed(2)} s — ${job.created} results, ${job.followUp.controlTasks} control/retest tasks, ${job.followUp.alerts} alerts`,
        ],
      };
    } finally {
      await runtime.close();
    }
  },
};

export default bench;
