/**
 * Interleaved timing of several subjects doing the same job: warm-up runs first, then `runs` rounds in
 * which every subject runs once, the order alternating between rounds (A B, B A, …) so that a slow
 * patch on the shared machine hits every subject alike. Wall time (performance.now) and the process's
 * CPU time (process.cpuUsage: user + system of every thread, so libuv's file I/O threads count) are
 * recorded per run; `prepare` (untimed) runs before each run.
 */
import { execFileSync } from "node:child_process";
import type { SubjectStats } from "./measurement.js";

export interface TimedSubject<T> {
  readonly name: string;
  /** Untimed, before every run (warm-up and timed): e.g. delete the previous output. */
  prepare?(run: number): Promise<void>;
  /** The timed job. */
  run(run: number): Promise<T>;
  /** Untimed, after every run, with the job's result. */
  check?(result: T, run: number): Promise<void>;
}

export interface CompareOptions {
  readonly runs: number;
  readonly warmup: number;
  /** Flush dirty pages (`sync`) before each run, so one subject's writeback does not land in another's run. */
  readonly syncBeforeRun?: boolean;
  readonly log?: (line: string) => void;
}

export async function compare(subjects: readonly TimedSubject<unknown>[], options: CompareOptions): Promise<Record<string, SubjectStats>> {
  const wall = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const cpu = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  const total = options.warmup + options.runs;
  for (let round = 0; round < total; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    const timed = round >= options.warmup;
    const line: string[] = [];
    for (const subject of order) {
      await subject.prepare?.(round);
      if (options.syncBeforeRun) syncDisk();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await subject.run(round);
      const ms = performance.now() - t0;
      const used = process.cpuUsage(cpu0);
      await subject.check?.(result, round);
      if (timed) {
        wall.get(subject.name)!.push(ms);
        cpu.get(subject.name)!.push((used.user + used.system) / 1000);
      }
      line.push(`${subject.name} ${ms.toFixed(0)} ms`);
    }
    options.log?.(`${timed ? `run ${round - options.warmup + 1}/${options.runs}` : `warm-up ${round + 1}/${options.warmup}`}: ${line.join(", ")}`);
  }
  const out: Record<string, SubjectStats> = {};
  for (const s of subjects) {
    const used = cpu.get(s.name)!;
    out[s.name] = { ...stats(wall.get(s.name)!), cpuMedian: round1(median(used)), cpuSamples: used.map(round1) };
  }
  return out;
}

export function stats(samples: readonly number[]): SubjectStats {
  return {
    median: round1(median(samples)),
    min: round1(Math.min(...samples)),
    max: round1(Math.max(...samples)),
    samples: samples.map(round1),
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function syncDisk(): void {
  try {
    execFileSync("sync", { stdio: "ignore" });
  } catch {
    // not available (Windows): runs are simply not separated by a flush
  }
}
