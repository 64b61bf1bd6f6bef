/**
 * The bench's output: a table on stdout (mintkit, the best peer, the ratio, the target and whether it is
 * met) and bench/results/gas.json as `{ "<operation>": { "mintkit": n, "<peer>": n, ... } }`.
 * A missed target is reported, never an error: the bench is a measurement.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Measurement, Results, Row } from "./measurements.js";

const fmt = (value: number | undefined) => (value === undefined ? "—" : value.toLocaleString("en-US"));

/** The lowest peer value of a row (every subject but mintkit). */
export function bestPeer(row: Row): { subject: string; gas: number } | undefined {
  let best: { subject: string; gas: number } | undefined;
  for (const [subject, gas] of Object.entries(row)) {
    if (subject === "mintkit") continue;
    if (!best || gas < best.gas) best = { subject, gas };
  }
  return best;
}

export interface Verdict {
  key: string;
  mintkit?: number;
  target?: string;
  pass?: boolean;
}

/** Prints the table; returns the per-target verdicts. */
export function printReport(measurements: Measurement[], results: Results, notes: string[]): Verdict[] {
  const header = ["operation", "key", "mintkit", "best peer", "mintkit/best", "target", "status"];
  const lines: string[][] = [];
  const verdicts: Verdict[] = [];
  for (const m of measurements) {
    const row = results[m.key] ?? {};
    const mintkit = row["mintkit"];
    const best = bestPeer(row);
    const target = m.target?.(results);
    let status = "";
    if (target) status = mintkit === undefined ? "skipped" : mintkit <= target.limit ? "PASS" : "MISS";
    if (m.cloneOf && mintkit !== undefined) {
      const direct = results[m.cloneOf]?.["mintkit"];
      if (direct !== undefined) status = `clone +${fmt(mintkit - direct)}`;
    }
    verdicts.push({ key: m.key, mintkit, target: target?.text, pass: target && mintkit !== undefined ? mintkit <= target.limit : undefined });
    lines.push([
      m.title,
      m.key,
      mintkit === undefined ? "skipped" : fmt(mintkit),
      best ? `${best.subject} ${fmt(best.gas)}` : "—",
      best && mintkit !== undefined ? `${(mintkit / best.gas).toFixed(3)}x` : "—",
      target?.text ?? (m.cloneOf ? "" : "reported"),
      status,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ");
  console.log(render(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const l of lines) console.log(render(l));

  console.log("\nAll subjects:");
  for (const m of measurements) {
    const row = results[m.key] ?? {};
    const cells = Object.entries(row).map(([s, g]) => `${s} ${fmt(g)}`);
    console.log(`  ${m.key}: ${cells.length ? cells.join(" · ") : "(none)"}`);
  }
  if (notes.length) {
    console.log("\nNotes:");
    for (const note of notes) console.log(`  - ${note}`);
  }
  const scored = verdicts.filter((v) => v.pass !== undefined);
  console.log(
    `\nTargets: ${scored.filter((v) => v.pass).length} met, ${scored.filter((v) => !v.pass).length} missed, ` +
      `${verdicts.filter((v) => v.target && v.pass === undefined).length} skipped (mintkit contract missing).`,
  );
  return verdicts;
}

/**
 * Writes `{ "<operation>": { "<subject>": gas } }`: this run's operations in measurement order, then any
 * other operation already in the file (written by another bench sharing it), left as it was.
 */
export async function writeResults(file: string, measurements: Measurement[], results: Results): Promise<void> {
  const ordered: Results = {};
  for (const m of measurements) ordered[m.key] = results[m.key] ?? {};
  const previous = await readFile(file, "utf8").then((text) => JSON.parse(text) as Results, () => ({}) as Results);
  for (const [key, row] of Object.entries(previous)) if (!(key in ordered)) ordered[key] = row;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(ordered, null, 2)}\n`);
}
