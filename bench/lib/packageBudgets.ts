/**
 * What mintkit costs a dapp: browser bundle sizes of single functions (esbuild, minified + gzip) and the
 * time `import "mintkit"` / `import "mintkit/node"` adds to a Node process that already imports viem.
 *
 * Bundles: a scratch project in ctx.workDir whose `node_modules/mintkit` links to this repository, so
 * esbuild resolves `mintkit` as an installed package (its `exports`, `"sideEffects": false`, the per-file
 * build under the `browser` platform), from dist/ as `npm run build` left it. "Beyond viem" bundles mark
 * `viem` and `viem/*` external: what mintkit adds to a dapp that already ships viem (viem is a peer).
 *
 * Import time: spawnSync of the machine's Node 20 (the first `node` on PATH outside node_modules/.bin, or
 * BENCH_NODE20) running `await import(x)` from the scratch project, in rounds that alternate the order of
 * the subjects; a round's "added" figure is (mintkit) − (viem) of that round, and the median of those is
 * compared with the budget. Bare Node and `import "viem"` are printed beside it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { median, stats } from "./shared/timing.js";

const IMPORT_RUNS = 21;
const IMPORT_WARMUP = 3;

/** A scratch project where `mintkit` and `viem` resolve as installed packages. */
function scratchProject(ctx: LibContext): string | undefined {
  if (!existsSync(path.join(ctx.root, "dist", "index.js")) || !existsSync(path.join(ctx.root, "dist", "bundle", "index.js"))) {
    return undefined;
  }
  const dir = path.join(ctx.workDir, "app");
  mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  symlinkSync(ctx.root, path.join(dir, "node_modules", "mintkit"), "dir");
  symlinkSync(path.join(ctx.root, "node_modules", "viem"), path.join(dir, "node_modules", "viem"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "scratch-app", private: true, type: "module" }));
  return dir;
}

const NOT_BUILT = "dist/ is not built (run `npm run build` first)";

interface BundleSize {
  minified: number;
  gzip: number;
  nodeBuiltins: string[];
}

async function bundleSize(
  dir: string,
  names: readonly string[],
  viemExternal: boolean,
  lazyExternal: readonly string[] = [],
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: `export { ${names.join(", ")} } from "mintkit";\n`, resolveDir: dir, loader: "js" },
    absWorkingDir: dir,
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    external: [...(viemExternal ? ["viem", "viem/*"] : []), ...lazyExternal],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    nodeBuiltins: Object.keys(result.metafile.inputs).filter((input) => input.startsWith("node:")),
  };
}

const kB = (bytes: number) => Math.round(bytes / 100) / 10;

/**
 * @param lazy Packages the functions reach only through a dynamic `import()` on a path most calls never take
 * (snarkjs for a presentation that carries ZK predicates): left out of the budget figure, as a code-splitting
 * bundler (Vite, Rollup, webpack) puts them in a chunk fetched only when that path runs; the bundle with them
 * inlined (what esbuild does without splitting) is reported beside.
 */
function bundleMeasurement(
  key: string,
  title: string,
  names: readonly string[],
  beyondViem: boolean,
  limit: number,
  lazy: readonly string[] = [],
): LibMeasurement {
  return {
    key,
    title,
    methodology:
      `esbuild (platform browser, ESM, bundle + minify) of \`export { ${names.join(", ")} } from "mintkit"\` in a scratch ` +
      `project where mintkit is installed as a package (dist/ per-file build, "sideEffects": false)` +
      (beyondViem ? ", with viem and viem/* external (what mintkit adds to a dapp that already ships viem)" : ", everything bundled") +
      (lazy.length > 0
        ? `; ${lazy.join(", ")} external: reached only by a dynamic import() when a presentation carries a ZK predicate, ` +
          `a separate chunk under a code-splitting bundler (the size with them inlined is the fact withLazyGzipKB)`
        : "") +
      `; gzip level 9 of the output; 1 kB = 1000 bytes. Deterministic: one sample.`,
    unit: "kB",
    subjects: ["mintkit"],
    target: { kind: "max", limit, text: `<= ${limit} kB min+gzip${beyondViem ? " beyond viem" : ""}` },
    async run(ctx): Promise<MeasurementResult> {
      const dir = scratchProject(ctx);
      if (!dir) return { subjects: {}, skipped: NOT_BUILT };
      const own = await bundleSize(dir, names, beyondViem, lazy);
      const whole = beyondViem ? await bundleSize(dir, names, false, lazy) : own;
      const withLazy = lazy.length > 0 ? await bundleSize(dir, names, beyondViem) : undefined;
      ctx.log(`${names.join(" + ")}: ${kB(own.gzip)} kB gzip (${kB(own.minified)} kB minified)` + (beyondViem ? `; with viem ${kB(whole.gzip)} kB gzip` : ""));
      return {
        subjects: { mintkit: stats([kB(own.gzip)]) },
        facts: {
          minifiedKB: kB(own.minified),
          gzipKB: kB(own.gzip),
          ...(beyondViem ? { withViemMinifiedKB: kB(whole.minified), withViemGzipKB: kB(whole.gzip) } : {}),
          ...(withLazy ? { withLazyMinifiedKB: kB(withLazy.minified), withLazyGzipKB: kB(withLazy.gzip) } : {}),
          nodeBuiltins: own.nodeBuiltins.length + (beyondViem ? whole.nodeBuiltins.length : 0) + (withLazy?.nodeBuiltins.length ?? 0),
        },
      };
    },
  };
}

/** The machine's Node 20 (not the project's Node 22 that npm scripts put first on PATH). */
function findNode20(): string | undefined {
  const candidates = [
    process.env["BENCH_NODE20"],
    ...(process.env["PATH"] ?? "")
      .split(path.delimiter)
      .filter((dir) => dir && !dir.includes("node_modules"))
      .map((dir) => path.join(dir, "node")),
  ].filter((p): p is string => Boolean(p) && existsSync(p!));
  for (const node of candidates) {
    const r = spawnSync(node, ["-p", "process.versions.node"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim().startsWith("20.")) return node;
  }
  return undefined;
}

function importMeasurement(key: string, specifier: string, limit: number): LibMeasurement {
  // "mintkit" is the added time (the budgeted figure); the raw spawn times follow for scale.
  const subjects = ["mintkit", `import "${specifier}"`, 'import "viem"', "node (empty script)"];
  return {
    key,
    title: `import "${specifier}" added start-up (Node 20)`,
    methodology:
      `spawnSync(node20, ["--input-type=module", "-e", "await import(X)"]) from spawn to exit, in a scratch project where ` +
      `mintkit (dist/, exports condition "node") and viem resolve as installed packages; X = "${specifier}", "viem", and an ` +
      `empty script, ${IMPORT_WARMUP} warm-up + ${IMPORT_RUNS} rounds, the order of the three rotating each round. ` +
      `The first subject is, per round, time(import "${specifier}", which loads viem too) − time(import "viem"); its median is ` +
      `compared with the budget. Each child also prints its own CPU time (process.cpuUsage at exit); the same difference of CPU ` +
      `times is recorded beside (cpuMedian, addedCpuMs), since wall times on a shared machine move with the load.`,
    unit: "ms",
    subjects,
    target: { kind: "max", limit, text: `<= ${limit} ms beyond viem` },
    async run(ctx): Promise<MeasurementResult> {
      const dir = scratchProject(ctx);
      if (!dir) return { subjects: {}, skipped: NOT_BUILT };
      const node = findNode20();
      if (!node) return { subjects: {}, skipped: "no Node 20 on PATH (set BENCH_NODE20 to its path)" };
      const version = spawnSync(node, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim();
      // The child reports its own CPU time (user + system, whole process) at exit, beside the wall time.
      const report = "const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));";
      const codes = [`await import(${JSON.stringify(specifier)}); ${report}`, `await import("viem"); ${report}`, report];
      const time = (code: string) => {
        const t0 = performance.now();
        const r = spawnSync(node, ["--input-type=module", "-e", code], { cwd: dir, encoding: "utf8" });
        if (r.status !== 0) throw new Error(`node -e '${code}' failed: ${r.stderr.trim().split("\n").pop()}`);
        return { wall: performance.now() - t0, cpu: Number(r.stdout) };
      };
      const wall: number[][] = [[], [], []];
      const cpu: number[][] = [[], [], []];
      for (let round = 0; round < IMPORT_WARMUP + IMPORT_RUNS; round++) {
        const times: { wall: number; cpu: number }[] = [];
        for (let k = 0; k < 3; k++) {
          const i = (round + k) % 3;
          times[i] = time(codes[i]!);
        }
        if (round >= IMPORT_WARMUP) {
          times.forEach((t, i) => {
            wall[i]!.push(t.wall);
            cpu[i]!.push(t.cpu);
          });
        }
      }
      const diff = (series: number[][]) => series[0]!.map((t, i) => t - series[1]![i]!);
      const withCpu = (w: number[], c: number[]) => ({ ...stats(w), cpuMedian: Math.round(median(c) * 10) / 10, cpuSamples: c.map((x) => Math.round(x * 10) / 10) });
      ctx.log(
        `${version}: import "${specifier}" ${median(wall[0]!).toFixed(0)} ms, import "viem" ${median(wall[1]!).toFixed(0)} ms, ` +
          `bare ${median(wall[2]!).toFixed(0)} ms; added: wall ${median(diff(wall)).toFixed(0)} ms, CPU ${median(diff(cpu)).toFixed(0)} ms ` +
          `(medians of per-round differences)`,
      );
      return {
        subjects: {
          [subjects[0]!]: withCpu(diff(wall), diff(cpu)),
          [subjects[1]!]: withCpu(wall[0]!, cpu[0]!),
          [subjects[2]!]: withCpu(wall[1]!, cpu[1]!),
          [subjects[3]!]: withCpu(wall[2]!, cpu[2]!),
        },
        facts: {
          node: version,
          rounds: IMPORT_RUNS,
          addedWallMs: Math.round(median(diff(wall)) * 10) / 10,
          addedCpuMs: Math.round(median(diff(cpu)) * 10) / 10,
          cpuWithinBudget: median(diff(cpu)) <= limit,
        },
        notes: [
          `"mintkit" = per-round time(import "${specifier}") − time(import "viem"), median (wall; its cpuMedian is the same difference of the children's own CPU time, steadier under load); the other subjects are raw spawn-to-exit times.`,
          "Spawn-to-exit wall times: on a shared machine they move with the load (see the run's loadavg).",
        ],
      };
    },
  };
}

export const measurements: LibMeasurement[] = [
  bundleMeasurement("bundle_cid_for_bytes", "bundle: cidForBytes alone", ["cidForBytes"], false, 30),
  bundleMeasurement("bundle_vouchers_beyond_viem", "bundle: verifyVoucher + signVoucher beyond viem", ["verifyVoucher", "signVoucher"], true, 60),
  bundleMeasurement("bundle_verify_presentation_beyond_viem", "bundle: verifyPresentation beyond viem", ["verifyPresentation"], true, 60, [
    "snarkjs",
    "circom_runtime",
  ]),
  importMeasurement("import_mintkit_added", "mintkit", 60),
  importMeasurement("import_mintkit_node_added", "mintkit/node", 120),
];
