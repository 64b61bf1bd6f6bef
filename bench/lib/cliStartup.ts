/**
 * `mintkit --help` start-up time: spawn the built CLI (`node bin/mintkit.js --help`, dist/ from
 * `npm run build`) and wait for it to exit. Heavy modules must load lazily for this to stay small.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { median, stats } from "./shared/timing.js";

const RUNS = 15;
const WARMUP = 3;

function spawnMs(args: string[], cwd: string): { ms: number; status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { ms: performance.now() - t0, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function run(ctx: LibContext): Promise<MeasurementResult> {
  const bin = path.join(ctx.root, "bin", "mintkit.js");
  const dist = path.join(ctx.root, "dist", "cli");
  if (!existsSync(bin) || !existsSync(dist)) {
    const missing = [!existsSync(bin) && "bin/mintkit.js", !existsSync(dist) && "dist/cli/ (run `npm run build`)"].filter(Boolean);
    return { subjects: {}, skipped: `the CLI is not built yet: ${missing.join(" and ")} missing` };
  }
  const probe = spawnMs([bin, "--help"], ctx.root);
  if (probe.status !== 0) {
    return { subjects: {}, skipped: `\`node bin/mintkit.js --help\` exited with ${probe.status}: ${(probe.stderr || probe.stdout).trim().split("\n")[0] ?? ""}` };
  }
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const a = spawnMs([bin, "--help"], ctx.root);
    const b = spawnMs(["-e", ""], ctx.root);
    if (i >= WARMUP) {
      help.push(a.ms);
      bare.push(b.ms);
    }
  }
  ctx.log(`mintkit --help median ${median(help).toFixed(0)} ms; node -e "" median ${median(bare).toFixed(0)} ms`);
  return {
    subjects: { mintkit: stats(help), "node (empty script)": stats(bare) },
    facts: { helpLines: probe.stdout.split("\n").length, runs: RUNS, node: process.version },
    notes: ['"node (empty script)" is Node\'s own start-up on this machine, for scale (not a peer).'],
  };
}

export const measurements: LibMeasurement[] = [
  {
    key: "cli_help_startup",
    title: "mintkit --help start-up",
    methodology:
      `Wall time of spawnSync(node, ["bin/mintkit.js", "--help"]) from spawn to exit (dist/ as built by npm run build), ` +
      `median of ${RUNS} runs after ${WARMUP} warm-ups; \`node -e ""\` timed in the same rounds for scale.`,
    unit: "ms",
    subjects: ["mintkit", "node (empty script)"],
    target: { kind: "max", limit: 300, text: "< 300 ms" },
    run,
  },
];
