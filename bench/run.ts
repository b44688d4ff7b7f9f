// `npm run bench -- <name> [--quick] [--pglite]`: runs bench/<name>.bench.ts, prints its details, writes
// bench/results/<name>.json and ends with one line: `<name>: <figure> <unit> (goal >= <goal>)`.
// `--pglite` runs a benchmark that makes its own PostgreSQL databases (crash-import) on PGlite instead.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './bench-types.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

function available(): string[] {
  return readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => file.slice(0, -'.bench.ts'.length));
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run bench -- <name> [--quick] [--pglite]\nbenchmarks: ${available().join(', ') || '(none)'}`);
  process.exit(2);
}

function isBenchmark(value: unknown): value is Benchmark {
  const b = value as Partial<Benchmark> | undefined;
  return (
    typeof b?.name === 'string' &&
    typeof b.unit === 'string' &&
    typeof b.goal === 'number' &&
    (b.better === 'higher' || b.better === 'lower') &&
    typeof b.run === 'function'
  );
}

async function load(name: string): Promise<Benchmark> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) usage(`not a benchmark name: ${name}`);
  const file = path.join(benchDir, `${name}.bench.ts`);
  if (!existsSync(file)) usage(`no benchmark ${name} (bench/${name}.bench.ts)`);
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const bench = module.default ?? module;
  if (!isBenchmark(bench)) throw new Error(`bench/${name}.bench.ts must export { name, unit, goal, better, run } as its default export`);
  return bench;
}

const args = process.argv.slice(2);
const OPTIONS = ['--quick', '--pglite'];
const unknown = args.filter((arg) => arg.startsWith('-') && !OPTIONS.includes(arg));
if (unknown.length > 0) usage(`unknown option ${unknown.join(' ')}`);
const name = args.find((arg) => !arg.startsWith('-')) ?? usage('which benchmark?');
const quick = args.includes('--quick');
const pglite = args.includes('--pglite');

const bench = await load(name);
const outcome = await bench.run({ quick, pglite });
for (const line of outcome.details) console.log(line);
const resultsDir = path.join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const record = { name, figure: outcome.figure, unit: bench.unit, goal: bench.goal, better: bench.better, sizes: outcome.sizes };
writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
console.log(`${name}: ${outcome.figure} ${bench.unit} (goal ${bench.better === 'higher' ? '>=' : '<='} ${bench.goal})`);
