/**
 * mintkit gas benchmark (`npm run bench:gas`).
 *
 * Deploys mintkit's contracts and the peers (OpenZeppelin 5.7, ERC721A 4.3, solady 0.1.26, EAS 1.9;
 * sources in bench/contracts/) on Hardhat's in-process simulated chain, runs every measurement of
 * bench/gas/measurements.ts, prints a table (mintkit, best peer, ratio, target, PASS/MISS) and writes
 * bench/results/gas.json. Gas comes from transaction receipts on a chain with a pinned genesis date,
 * hardfork and block timestamps, so every run gives the same numbers. A missed target is reported, not
 * an error: the process fails only if the bench itself breaks.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BenchChain } from "./gas/chain.js";
import { MEASUREMENTS, type BenchContext } from "./gas/measurements.js";
import { CREDENTIAL_SUBJECTS } from "./gas/credentials.js";
import { mintkitSubjects } from "./gas/mintkit.js";
import { COLLECTION_PEERS, EDITIONS_PEERS, LAZY_PEERS } from "./gas/peers.js";
import { printReport, writeResults } from "./gas/report.js";
import { PREDICATE_GATE } from "./gas/predicateGate.js";
import { MARKET_FULFILL } from "./gas/market.js";

const RESULTS_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "results", "gas.json");

async function main(): Promise<void> {
  const started = Date.now();
  const chain = await BenchChain.create();
  const [owner, holder] = chain.wallets;
  if (!owner || !holder) throw new Error("the bench needs two funded accounts");

  const mintkit = await mintkitSubjects(chain, owner);
  const ctx: BenchContext = {
    chain,
    owner,
    holder,
    collections: [...mintkit.collections, ...COLLECTION_PEERS],
    collectionClones: mintkit.collectionClones,
    lazy: [...mintkit.collections, ...LAZY_PEERS],
    lazyClones: mintkit.collectionClones,
    editions: [...mintkit.editions, ...EDITIONS_PEERS],
    editionsClones: mintkit.editionsClones,
    credentialClones: mintkit.credentialClones,
    results: {},
    notes: [...mintkit.notes],
  };

  console.log("mintkit gas benchmark: Hardhat in-process chain (EDR), pinned clock, gas from receipts\n");
  console.log("Subjects:");
  const clone = (s: { subject: string }) => `${s.subject} (clone)`;
  const listed: [string, string][] = [
    ...ctx.collections.map((s): [string, string] => [s.subject, s.describe]),
    ...ctx.collectionClones.map((s): [string, string] => [clone(s), s.describe]),
    ...LAZY_PEERS.map((s): [string, string] => [s.subject, s.describe]),
    ...ctx.editions.map((s): [string, string] => [s.subject, s.describe]),
    ...ctx.editionsClones.map((s): [string, string] => [clone(s), s.describe]),
    ...CREDENTIAL_SUBJECTS.map((s): [string, string] => [`${s.subject} (credentials)`, s.describe]),
    ...ctx.credentialClones.map((s): [string, string] => [`${clone(s)} (credentials)`, s.describe]),
  ];
  for (const [subject, describe] of listed) console.log(`  ${subject.padEnd(28)} ${describe}`);
  console.log("");

  const measurements = [...MEASUREMENTS, PREDICATE_GATE, MARKET_FULFILL];
  for (const m of measurements) {
    ctx.results[m.key] = await m.run(ctx);
  }

  printReport(measurements, ctx.results, ctx.notes);
  await writeResults(RESULTS_FILE, measurements, ctx.results);
  console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log("Methodology per operation: bench/gas/measurements.ts (and bench/README.md).");
}

await main();
