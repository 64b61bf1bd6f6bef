/**
 * What a bench:lib measurement module provides, and what the runner gives it. See the convention at the
 * top of bench/lib.ts.
 */

/** `ms` per job or `kB` of output (lower is better), or operations per second (higher is better). */
export type Unit = "ms" | "kB" | "ops/s";

export interface LibContext {
  /** Repository root (absolute). */
  readonly root: string;
  /** A fresh empty folder for this measurement (on the project's disk), removed afterwards. */
  readonly workDir: string;
  /** Timed runs per subject (env BENCH_LIB_RUNS, default 5). */
  readonly runs: number;
  /** Untimed warm-up runs per subject before the timed ones (env BENCH_LIB_WARMUP, default 1). */
  readonly warmup: number;
  /** Progress lines (printed as they come, indented). */
  log(line: string): void;
}

/** Summary of one subject's timed runs. */
export interface SubjectStats {
  /** Median of the samples, in the measurement's unit. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
  /** Median CPU time of the process (user + system, all threads) per run, in ms, when measured in-process. */
  readonly cpuMedian?: number;
  /** CPU time of each run (same order as `samples`), when measured in-process. */
  readonly cpuSamples?: readonly number[];
}

export interface MeasurementResult {
  /** By subject: `mintkit` and the peers. */
  readonly subjects: Readonly<Record<string, SubjectStats>>;
  /** Facts worth keeping next to the numbers (root CIDs, sizes, whether outputs agree). */
  readonly facts?: Readonly<Record<string, string | number | boolean>>;
  readonly notes?: readonly string[];
  /** Set when the measurement could not run (the reason); `subjects` is then empty. */
  readonly skipped?: string;
}

export type Target =
  /** mintkit must be at least `min` times better than `peer` (faster, or more ops/s). */
  | { readonly kind: "ratio"; readonly peer: string; readonly min: number; readonly text: string }
  /** mintkit's median must be at most `limit` (unit `ms`). */
  | { readonly kind: "max"; readonly limit: number; readonly text: string };

export interface LibMeasurement {
  /** Key in bench/results/lib.json, snake_case, e.g. `ipfs_ingest_metadata_10k`. */
  readonly key: string;
  /** A few words for the table. */
  readonly title: string;
  /** Exactly what is timed and how, including what the peers do. */
  readonly methodology: string;
  readonly unit: Unit;
  /** The subjects, mintkit first (names as in results). */
  readonly subjects: readonly string[];
  readonly target?: Target;
  run(ctx: LibContext): Promise<MeasurementResult>;
}

/** How many times better mintkit is than `peer` (> 1 = better), from medians. */
export function ratio(unit: Unit, mintkit: number, peer: number): number {
  return unit === "ops/s" ? mintkit / peer : peer / mintkit;
}
