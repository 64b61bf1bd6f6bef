/**
 * mintkit library benchmark (`npm run bench:lib`): off-chain speed against peers, measured in one run on
 * one machine, printed as ratios and written to bench/results/lib.json.
 *
 * CONVENTION FOR MEASUREMENT MODULES
 * - A module is a file `bench/lib/<name>.ts` that exports `measurements: LibMeasurement[]`
 *   (bench/lib/shared/measurement.ts). The runner imports every `bench/lib/*.ts` by itself: adding a
 *   module is adding the file (helpers go in `bench/lib/<name>/`; shared tools in `bench/lib/shared/`).
 * - A measurement has a `key` (its entry in lib.json), a `title`, a `methodology` (exactly what is timed,
 *   and what each peer does), a `unit` ("ms" per job, lower is better, or "ops/s", higher is better),
 *   its `subjects` (mintkit first, then the peers, as named in the results) and an optional `target`
 *   (`{ kind: "ratio", peer, min }` = mintkit at least `min` times better than the peer, or
 *   `{ kind: "max", limit }` in ms). `run(ctx)` returns per-subject stats (median, min, max, samples,
 *   CPU median), facts (e.g. whether both produced the same CID) and notes, or `skipped` with a reason.
 * - Peers run in the same process and the same rounds as mintkit: use `compare()` of
 *   bench/lib/shared/timing.ts (warm-up runs, then rounds alternating A B / B A, medians), and check
 *   that every subject produced the same answer (same CID, same verification result) before timing
 *   means anything. Inputs are deterministic. `ctx.workDir` is a fresh temp folder, removed afterwards.
 * - Modules: `cliStartup.ts` (`mintkit --help`), `ipfsIngest.ts` (vs ipfs-car), `vouchers.ts` (voucher
 *   verifications per second vs ethers), `presentations.ts` (credential presentations per second vs the
 *   EAS SDK; its CJS build loads with createRequire), `hashOnRead.ts` (the embedded store re-hashing every
 *   block it reads: gateway throughput and CAR export with and without, limit 15%).
 *
 * Env: BENCH_LIB_ONLY=<key or module name>[,…] runs a subset (other keys of lib.json are kept);
 * BENCH_LIB_RUNS (default 5) and BENCH_LIB_WARMUP (default 1) set the timed and warm-up runs.
 * The machine may be shared: the table shows min–max beside each median, and lib.json keeps every
 * sample and the load average at start and end. A missed target is reported, never an error.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { LibContext, LibMeasurement, MeasurementResult } from "./lib/shared/measurement.js";
import { printReport, writeResults } from "./lib/shared/report.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const RESULTS_FILE = path.join(here, "results", "lib.json");

function envInt(name: string, fallback: number): number {
  const value = Number.parseInt(process.env[name] ?? "", 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

async function loadModules(): Promise<{ module: string; measurements: LibMeasurement[] }[]> {
  const dir = path.join(here, "lib");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).sort();
  const out: { module: string; measurements: LibMeasurement[] }[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { measurements?: LibMeasurement[] };
    if (Array.isArray(mod.measurements)) out.push({ module: file.replace(/\.ts$/, ""), measurements: mod.measurements });
  }
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = (process.env["BENCH_LIB_ONLY"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const runs = Math.max(1, envInt("BENCH_LIB_RUNS", 5));
  const warmup = envInt("BENCH_LIB_WARMUP", 1);
  const loadavgStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  console.log(
    `mintkit library benchmark: ${os.cpus().length} CPUs, load ${loadavgStart.join(" ")}, Node ${process.version}, ` +
      `${runs} timed run(s) + ${warmup} warm-up per subject\n`,
  );

  const entries: { m: LibMeasurement; r: MeasurementResult }[] = [];
  for (const { module, measurements } of await loadModules()) {
    for (const m of measurements) {
      if (only.length && !only.includes(m.key) && !only.includes(module)) continue;
      console.log(`${m.key}: ${m.title}`);
      // In the OS temp folder (on the bench machine a disk file system, not a tmpfs: `df -T /tmp`).
      const workDir = await mkdtemp(path.join(os.tmpdir(), `mintkit-bench-${m.key}-`));
      const ctx: LibContext = { root, workDir, runs, warmup, log: (line) => console.log(`  ${line}`) };
      try {
        entries.push({ m, r: await m.run(ctx) });
      } catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0]! : String(error);
        console.log(`  failed: ${reason}`);
        entries.push({ m, r: { subjects: {}, skipped: `the measurement failed: ${reason}` } });
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    }
  }

  console.log("");
  printReport(entries);
  const loadavgEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
  await writeResults(
    RESULTS_FILE,
    { date: new Date().toISOString(), node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, loadavgStart, loadavgEnd, runs, warmup },
    entries,
  );
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)} (${((Date.now() - started) / 1000).toFixed(1)} s; load at end ${loadavgEnd.join(" ")})`);
}

await main();
