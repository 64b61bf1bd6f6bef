/**
 * bench:lib output: a table on stdout and bench/results/lib.json. A missed target is reported, never an
 * error: the bench is a measurement.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ratio, type LibMeasurement, type MeasurementResult } from "./measurement.js";

export interface Verdict {
  readonly key: string;
  readonly value?: number;
  readonly ratio?: number;
  readonly cpuRatio?: number;
  readonly pass?: boolean;
}

export function verdict(m: LibMeasurement, r: MeasurementResult): Verdict {
  const mine = r.subjects["mintkit"];
  if (!mine) return { key: m.key };
  if (m.target?.kind === "max") return { key: m.key, value: mine.median, pass: mine.median < m.target.limit };
  const peerName = m.target?.kind === "ratio" ? m.target.peer : m.subjects[1];
  const peer = peerName ? r.subjects[peerName] : undefined;
  if (!peer) return { key: m.key, value: mine.median };
  const x = ratio(m.unit, mine.median, peer.median);
  const cpu = mine.cpuMedian && peer.cpuMedian ? ratio(m.unit, mine.cpuMedian, peer.cpuMedian) : undefined;
  return {
    key: m.key,
    value: mine.median,
    ratio: round3(x),
    ...(cpu !== undefined ? { cpuRatio: round3(cpu) } : {}),
    ...(m.target?.kind === "ratio" ? { pass: x >= m.target.min } : {}),
  };
}

export function printReport(entries: readonly { m: LibMeasurement; r: MeasurementResult }[]): void {
  const header = ["measurement", "key", "mintkit", "peer", "ratio (wall)", "ratio (cpu)", "target", "status"];
  const rows = entries.map(({ m, r }) => {
    const v = verdict(m, r);
    const peerName = m.subjects[1];
    const peer = peerName ? r.subjects[peerName] : undefined;
    const mine = r.subjects["mintkit"];
    const fmt = (s: typeof mine) => (s ? `${s.median.toLocaleString("en-US")} ${m.unit} (${s.min}–${s.max})` : "—");
    return [
      m.title,
      m.key,
      r.skipped ? "skipped" : fmt(mine),
      peer && peerName ? `${peerName} ${fmt(peer)}` : "—",
      v.ratio !== undefined ? `${v.ratio.toFixed(2)}x` : "—",
      v.cpuRatio !== undefined ? `${v.cpuRatio.toFixed(2)}x` : "—",
      m.target?.text ?? "reported",
      r.skipped ? "skipped" : v.pass === undefined ? "" : v.pass ? "PASS" : "MISS",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  console.log(render(header));
  console.log(widths.map((w) => "-".repeat(w)).join("-|-"));
  for (const row of rows) console.log(render(row));
  console.log("ratio = how many times better than the peer: peer/mintkit for ms (time per job), mintkit/peer for ops/s; > 1 = mintkit better.");
  const notes = entries.flatMap(({ m, r }) => [
    ...(r.skipped ? [`${m.key}: skipped: ${r.skipped}`] : []),
    ...(r.notes ?? []).map((n) => `${m.key}: ${n}`),
    ...(r.facts ? [`${m.key}: ${Object.entries(r.facts).map(([k, v]) => `${k}=${v}`).join(", ")}`] : []),
  ]);
  if (notes.length) {
    console.log("\nFacts and notes:");
    for (const n of notes) console.log(`  - ${n}`);
  }
}

export interface RunInfo {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly loadavgStart: readonly number[];
  readonly loadavgEnd: readonly number[];
  readonly runs: number;
  readonly warmup: number;
}

/**
 * Writes `{ "_run": {...}, "<key>": { unit, target, pass, ratio, cpuRatio, subjects, facts, methodology } }`:
 * this run's measurements, then any other key already in the file (another module run alone) as it was.
 */
export async function writeResults(
  file: string,
  run: RunInfo,
  entries: readonly { m: LibMeasurement; r: MeasurementResult }[],
): Promise<void> {
  const out: Record<string, unknown> = { _run: run };
  for (const { m, r } of entries) {
    const v = verdict(m, r);
    out[m.key] = {
      title: m.title,
      unit: m.unit,
      target: m.target?.text ?? null,
      ...(r.skipped ? { skipped: r.skipped } : { pass: v.pass ?? null, ratio: v.ratio ?? null, cpuRatio: v.cpuRatio ?? null }),
      subjects: r.subjects,
      ...(r.facts ? { facts: r.facts } : {}),
      ...(r.notes ? { notes: r.notes } : {}),
      methodology: m.methodology,
    };
  }
  const previous = await readFile(file, "utf8").then((t) => JSON.parse(t) as Record<string, unknown>, () => ({}) as Record<string, unknown>);
  for (const [key, value] of Object.entries(previous)) if (!(key in out)) out[key] = value;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
