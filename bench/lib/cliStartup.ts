/**
 * `mintkit --help` start-up time, the way the README runs the CLI in a clone: `export PATH="$PWD/bin:$PATH"`,
 * then `mintkit` is the executable bin/mintkit, started by the `node` the reader's PATH finds (npm's
 * node_modules/.bin entries are dropped, as in a terminal; dist/ from `npm run build`). For scale, in the
 * same rounds: `npx mintkit --help` in the clone (what the README documented before: npm starts first) and
 * that node's own start-up (`node -e ""`). Heavy modules must load lazily for this to stay small.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { median, stats } from "./shared/timing.js";

const RUNS = 15;
const WARMUP = 3;

/** The PATH of a reader's terminal after the README's set-up: the clone's bin/ first, no node_modules/.bin. */
function readerPath(root: string): string {
  const rest = (process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir !== "" && !dir.split(path.sep).includes("node_modules"));
  return [path.join(root, "bin"), ...rest].join(path.delimiter);
}

function spawnMs(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function run(ctx: LibContext): Promise<MeasurementResult> {
  const bin = path.join(ctx.root, "bin", "mintkit");
  const dist = path.join(ctx.root, "dist", "cli");
  if (!existsSync(bin) || !existsSync(dist)) {
    const missing = [!existsSync(bin) && "bin/mintkit", !existsSync(dist) && "dist/cli/ (run `npm run build`)"].filter(Boolean);
    return { subjects: {}, skipped: `the CLI is not built yet: ${missing.join(" and ")} missing` };
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: readerPath(ctx.root), NO_COLOR: "1" };
  delete env.NODE_OPTIONS;
  const probe = spawnMs("mintkit", ["--help"], ctx.workDir, env);
  if (probe.status !== 0) {
    return { subjects: {}, skipped: `\`mintkit --help\` (bin/mintkit on PATH) exited with ${probe.status}: ${(probe.stderr || probe.stdout).trim().split("\n")[0] ?? ""}` };
  }
  const node = spawnSync("node", ["--version"], { env, encoding: "utf8" }).stdout.trim();
  const help: number[] = [];
  const npx: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const a = spawnMs("mintkit", ["--help"], ctx.workDir, env);
    const b = spawnMs("npx", ["mintkit", "--help"], ctx.root, env);
    const c = spawnMs("node", ["-e", ""], ctx.workDir, env);
    if (b.status !== 0) return { subjects: {}, skipped: `\`npx mintkit --help\` in the clone exited with ${b.status}: ${(b.stderr || b.stdout).trim().split("\n")[0] ?? ""}` };
    if (i >= WARMUP) {
      help.push(a.ms);
      npx.push(b.ms);
      bare.push(c.ms);
    }
  }
  ctx.log(`mintkit --help median ${median(help).toFixed(0)} ms; npx mintkit --help ${median(npx).toFixed(0)} ms; node -e "" ${median(bare).toFixed(0)} ms (${node})`);
  return {
    subjects: { mintkit: stats(help), "npx mintkit": stats(npx), "node (empty script)": stats(bare) },
    facts: { helpLines: probe.stdout.split("\n").length, runs: RUNS, node },
    notes: [
      '"npx mintkit" is the same command started through npm (what the README documented before bin/ on PATH); "node (empty script)" is Node\'s own start-up on this machine. Both for scale, not peers.',
    ],
  };
}

export const measurements: LibMeasurement[] = [
  {
    key: "cli_help_startup",
    title: "mintkit --help start-up (bin/ on PATH, as the README says)",
    methodology:
      `Wall time of spawnSync("mintkit", ["--help"]) from spawn to exit, with PATH = the clone's bin/ + the reader's PATH ` +
      `(node_modules/.bin entries dropped, so bin/mintkit's "#!/usr/bin/env node" finds the machine's node; dist/ as built by npm run build), ` +
      `median of ${RUNS} runs after ${WARMUP} warm-ups; \`npx mintkit --help\` in the clone and \`node -e ""\` timed in the same rounds for scale.`,
    unit: "ms",
    subjects: ["mintkit", "npx mintkit", "node (empty script)"],
    target: { kind: "max", limit: 300, text: "< 300 ms" },
    run,
  },
];
