/** What a `bench/<name>.bench.ts` exports (as its default export); `bench/run.ts` runs it and records the figure. */
export interface Benchmark {
  name: string;
  /** What the figure counts, e.g. `× bare Fastify`. */
  unit: string;
  goal: number;
  better: 'higher' | 'lower';
  /** `pglite`: asked with --pglite, for benchmarks that otherwise make their own PostgreSQL databases. */
  run(options: { quick: boolean; pglite?: boolean }): Promise<BenchOutcome>;
}

export interface BenchOutcome {
  /** The single number the benchmark is judged by: a ratio to a baseline measured in the same run. */
  figure: number;
  /** The sizes it ran at (data, connections, seconds), so two results can be compared honestly. */
  sizes: Record<string, number | string>;
  /** Lines printed before the figure: the raw measurements behind it. */
  details: string[];
}
