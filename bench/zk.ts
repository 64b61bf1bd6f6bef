/**
 * mintkit zero-knowledge benchmark (`npm run bench:zk`): proving and verifying a range predicate
 * (circuits/range.circom, Groth16 over BN254) in Node, written to bench/results/zk.json.
 *
 * - prove, cold: a fresh Node process per sample (the built library in dist/): the time from calling
 *   `provePredicate` to its proof, so it includes loading snarkjs, reading the wasm and zkey, compiling the
 *   witness wasm and building the curve. Target <= 1,500 ms.
 * - prove, warm: the same call again in one process (artifacts and curve loaded). Target <= 400 ms.
 *   Peer, same process and rounds: snarkjs `groth16.fullProve` with the same files (how most dapps prove).
 * - verify, warm: `verifyPredicateProof` (snarkjs `groth16.verify` with the embedded key). Target <= 30 ms.
 * - prove in the browser (bench/zkBrowser.ts): `provePredicate` in headless Chromium, from a page bundled with
 *   esbuild (ESM, code splitting: snarkjs loads on the first proof) and the artifacts fetched by URL from
 *   127.0.0.1. Cold: a fresh browser per sample, from the call to the proof. Target <= 2,000 ms.
 *   Warm: further calls in the same page (reported). Every browser proof is verified in Node.
 * The machine may be shared: every sample and the load average at start and end are kept. A missed target is
 * reported, never an error. The on-chain gate's gas is in bench:gas (`credential_predicate_gate`).
 *
 * Env: BENCH_ZK_RUNS (default 10 warm rounds), BENCH_ZK_COLD (default 5 cold processes), BENCH_ZK_BROWSER_COLD
 * (default 5 fresh browsers; the browser's warm rounds are BENCH_ZK_RUNS).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createBlinding,
  poseidonCommitment,
  provePredicate,
  releasePredicateProver,
  verifyPredicateProof,
} from "../src/credentials/index.js";
import { benchBrowserProve } from "./zkBrowser.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const RESULTS_FILE = path.join(here, "results", "zk.json");
const artifact = (name: string) => path.join(root, "circuits", "artifacts", name);
const runs = Math.max(1, Number.parseInt(process.env["BENCH_ZK_RUNS"] ?? "10", 10) || 10);
const coldRuns = Math.max(1, Number.parseInt(process.env["BENCH_ZK_COLD"] ?? "5", 10) || 5);
const browserColdRuns = Math.max(1, Number.parseInt(process.env["BENCH_ZK_BROWSER_COLD"] ?? "5", 10) || 5);

const VALUE = 7_000n; // a birth date as days since 1970 (1989-03-03)
const LO = 0n;
const HI = 13_000n;
const BINDING = 0x1234_5678_9abc_def0n;

interface Stats {
  median: number;
  min: number;
  max: number;
  samples: number[];
}
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const r = (n: number) => Math.round(n * 10) / 10;
  return { median: r(median), min: r(sorted[0]!), max: r(sorted.at(-1)!), samples: samples.map(r) };
}

/** One cold proof in a fresh process: milliseconds from the call to the proof. */
function coldProve(): number {
  const script = `
    const t0 = performance.now();
    const { provePredicate, releasePredicateProver } = await import(${JSON.stringify(path.join(root, "dist", "credentials", "index.js"))});
    await provePredicate({ value: ${VALUE}n, blinding: ${JSON.stringify(createBlinding())}, lo: ${LO}n, hi: ${HI}n, binding: ${BINDING}n });
    const ms = performance.now() - t0;
    await releasePredicateProver();
    process.stdout.write(String(ms));`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }));
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadavgStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  const blinding = createBlinding();
  const commitment = poseidonCommitment(VALUE, blinding);
  const { groth16 } = await import("snarkjs");
  const input = { commitment, bounds: LO + (HI << 64n), binding: BINDING, value: VALUE, blinding: BigInt(blinding) };

  console.log("mintkit zk benchmark: range predicate (Groth16, BN254), Node", process.version, `${os.cpus().length} CPUs\n`);
  const cold = Array.from({ length: coldRuns }, coldProve);

  // Warm: one warm-up each, then alternate mintkit / snarkjs fullProve.
  const mintkitProve = async () => {
    const t = performance.now();
    const r = await provePredicate({ value: VALUE, blinding, lo: LO, hi: HI, binding: BINDING });
    return { ms: performance.now() - t, proof: r.proof };
  };
  const peerProve = async () => {
    const t = performance.now();
    await groth16.fullProve(input, artifact("range.wasm"), artifact("range.zkey"));
    return performance.now() - t;
  };
  const { proof } = await mintkitProve();
  await peerProve();
  const warm: number[] = [];
  const peer: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      warm.push((await mintkitProve()).ms);
      peer.push(await peerProve());
    } else {
      peer.push(await peerProve());
      warm.push((await mintkitProve()).ms);
    }
  }
  const verify: number[] = [];
  let allValid = true;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const ok = await verifyPredicateProof({ proof, commitment, lo: LO, hi: HI, binding: BINDING });
    if (i > 0) verify.push(performance.now() - t); // the first builds the curve
    allValid &&= ok;
  }
  const wrong = await verifyPredicateProof({ proof, commitment, lo: LO, hi: HI, binding: BINDING + 1n });
  // In Chromium last, so the Node figures are not taken beside a running browser.
  const browser = await benchBrowserProve({
    root, value: VALUE, blinding, commitment, lo: LO, hi: HI, binding: BINDING, coldRuns: browserColdRuns, warmRuns: runs,
  });
  await releasePredicateProver();
  if (!allValid || wrong) throw new Error("verification gave a wrong answer: the timings mean nothing");

  const manifest = JSON.parse(readFileSync(artifact("manifest.json"), "utf8")) as { constraints: number };
  const rows = {
    prove_cold: { ...stats(cold), target: "<= 1500 ms", pass: stats(cold).median <= 1500 },
    prove_warm: { ...stats(warm), target: "<= 400 ms", pass: stats(warm).median <= 400, peer: { subject: "snarkjs groth16.fullProve", ...stats(peer) } },
    verify_warm: { ...stats(verify), target: "<= 30 ms", pass: stats(verify).median <= 30 },
    prove_browser: {
      ...stats(browser.cold),
      target: "<= 2000 ms",
      pass: stats(browser.cold).median <= 2000,
      warm: stats(browser.warm),
      browser: `headless Chromium ${browser.chromium} (@sparticuz/chromium, playwright-core)`,
      bundle: { entryBytes: browser.entryBytes, totalBytes: browser.totalBytes, note: "esbuild, browser ESM with splitting, unminified" },
    },
  };
  const results = {
    _run: {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.cpus().length,
      loadavgStart,
      loadavgEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
      warmRuns: runs,
      coldRuns,
      browserColdRuns,
    },
    circuit: {
      constraints: manifest.constraints,
      publicInputs: 3,
      zkeyBytes: statSync(artifact("range.zkey")).size,
      wasmBytes: statSync(artifact("range.wasm")).size,
    },
    ...rows,
  };
  const ratio = Math.round((rows.prove_warm.peer.median / rows.prove_warm.median) * 100) / 100;
  for (const [key, row] of Object.entries(rows)) {
    console.log(`${key.padEnd(14)} median ${String(row.median).padStart(7)} ms  (min ${row.min}, max ${row.max})  target ${row.target}  ${row.pass ? "PASS" : "MISS"}`);
  }
  console.log(`prove_browser = cold page (fresh browser, snarkjs chunks and artifacts fetched); warm in the same page: median ${rows.prove_browser.warm.median} ms (min ${rows.prove_browser.warm.min}, max ${rows.prove_browser.warm.max}), ${rows.prove_browser.browser}`);
  console.log(`snarkjs fullProve (peer) median ${rows.prove_warm.peer.median} ms: mintkit warm is ${ratio}x faster`);
  console.log(`circuit: ${manifest.constraints} constraints, zkey ${results.circuit.zkeyBytes} bytes; load average ${loadavgStart.join(" ")} -> ${results._run.loadavgEnd.join(" ")}`);
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...results, prove_warm: { ...rows.prove_warm, peerRatio: ratio } }, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

await main();
