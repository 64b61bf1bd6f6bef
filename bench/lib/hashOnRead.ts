/**
 * The cost of re-hashing every block the embedded store reads (issue 8: nothing corrupt leaves the store):
 * the local gateway's throughput and CAR export, each with the store hashing on read (`mintkit`) and
 * with the hash turned off (`no_hash`, what the store did before), in the same run on the same data.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { CID } from "multiformats/cid";
import { exportCar } from "../../src/ipfs/exportCar.js";
import { startGateway, type Gateway } from "../../src/ipfs/gateway/startGateway.js";
import { importFiles, type ImportEntry } from "../../src/ipfs/importFiles.js";
import { createFsStore, type FsStore } from "../../src/ipfs/stores/fsStore.js";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { compare, type TimedSubject } from "./shared/timing.js";

const METADATA_FILES = 1_000;
const MEDIA_FILES = 4;
const MEDIA_BYTES = 16 * 1024 * 1024;
const SUBJECTS = ["mintkit", "no_hash"] as const;

/** Deterministic pseudo-random bytes (xorshift32), so every run stores the same CIDs. */
function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed | 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
    out[i + 1] = (x >>> 8) & 0xff;
    out[i + 2] = (x >>> 16) & 0xff;
    out[i + 3] = (x >>> 24) & 0xff;
  }
  return out;
}

function collection(): { entries: ImportEntry[]; paths: string[]; totalBytes: number } {
  const entries: ImportEntry[] = [];
  let totalBytes = 0;
  for (let i = 1; i <= METADATA_FILES; i++) {
    const json = JSON.stringify({ name: `Bench #${i}`, description: "hash-on-read bench item", image: `ipfs://bafy/media/${i % MEDIA_FILES}.bin`, attributes: [{ trait_type: "n", value: i }] });
    const content = new TextEncoder().encode(json);
    totalBytes += content.byteLength;
    entries.push({ path: `${i}.json`, content });
  }
  for (let i = 0; i < MEDIA_FILES; i++) entries.push({ path: `media/${i}.bin`, content: bytes(MEDIA_BYTES, 1000 + i) });
  totalBytes += MEDIA_FILES * MEDIA_BYTES;
  return { entries, paths: entries.map((e) => e.path), totalBytes };
}

interface Fixture {
  root: CID;
  paths: string[];
  totalBytes: number;
  stores: Record<(typeof SUBJECTS)[number], FsStore>;
}

async function fixture(ctx: LibContext): Promise<Fixture> {
  const dir = path.join(ctx.workDir, "store");
  await mkdir(dir, { recursive: true });
  const { entries, paths, totalBytes } = collection();
  const writer = await createFsStore({ path: dir });
  const { root } = await importFiles(entries, { store: writer, profile: "unixfs-v1-2025" });
  await writer.close();
  // Each subject reads the same folder through its own store instance (opened after the import: nothing
  // is known verified, as in a `mintkit dev` started later).
  const stores = {
    mintkit: await createFsStore({ path: dir }),
    no_hash: await createFsStore({ path: dir, hashOnRead: false }),
  };
  return { root, paths, totalBytes, stores };
}

async function closeAll(f: Fixture): Promise<void> {
  await Promise.all(Object.values(f.stores).map((s) => s.close()));
}

async function runGateway(ctx: LibContext): Promise<MeasurementResult> {
  const f = await fixture(ctx);
  const gateways: Gateway[] = [];
  try {
    const subjects: TimedSubject<number>[] = [];
    for (const name of SUBJECTS) {
      const gateway = await startGateway({ store: f.stores[name] });
      gateways.push(gateway);
      subjects.push({
        name,
        async run() {
          let received = 0;
          // 8 requests in flight, as a browser or a marketplace indexer would.
          let next = 0;
          const worker = async () => {
            while (next < f.paths.length) {
              const p = f.paths[next++]!;
              const res = await fetch(`${gateway.url}/ipfs/${f.root}/${p}`);
              if (res.status !== 200) throw new Error(`${name}: ${p} answered ${res.status}`);
              const got = (await res.arrayBuffer()).byteLength;
              if (p.startsWith("media/") && got !== MEDIA_BYTES) throw new Error(`${name}: ${p} gave ${got} bytes`);
              received += got;
            }
          };
          await Promise.all(Array.from({ length: 8 }, worker));
          return received;
        },
        async check(received) {
          if (received !== f.totalBytes) throw new Error(`${name} received ${received} bytes, expected ${f.totalBytes}`);
        },
      });
    }
    const stats = await compare(subjects, { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log });
    const mb = f.totalBytes / 1e6;
    return {
      subjects: stats,
      facts: {
        root: f.root.toString(),
        files: f.paths.length,
        bytes: f.totalBytes,
        mintkit_mb_per_s: Math.round((mb / (stats["mintkit"]!.median / 1000)) * 10) / 10,
        no_hash_mb_per_s: Math.round((mb / (stats["no_hash"]!.median / 1000)) * 10) / 10,
        slowdown_pct: Math.round((stats["mintkit"]!.median / stats["no_hash"]!.median - 1) * 1000) / 10,
      },
    };
  } finally {
    await Promise.all(gateways.map((g) => g.close()));
    await closeAll(f);
  }
}

async function runCarExport(ctx: LibContext): Promise<MeasurementResult> {
  const f = await fixture(ctx);
  try {
    const sizes = new Set<number>();
    const subjects: TimedSubject<number>[] = SUBJECTS.map((name) => ({
      name,
      async run() {
        let size = 0;
        for await (const chunk of exportCar(f.root, f.stores[name])) size += chunk.byteLength;
        return size;
      },
      async check(size) {
        sizes.add(size);
      },
    }));
    const stats = await compare(subjects, { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log });
    const same = sizes.size === 1;
    return {
      subjects: stats,
      facts: {
        root: f.root.toString(),
        same_car_size: same,
        slowdown_pct: Math.round((stats["mintkit"]!.median / stats["no_hash"]!.median - 1) * 1000) / 10,
      },
    };
  } finally {
    await closeAll(f);
  }
}

const within15 = { kind: "ratio", peer: "no_hash", min: 1 / 1.15, text: "hashing on read costs at most 15% (mintkit >= 0.87x no_hash)" } as const;

export const measurements: LibMeasurement[] = [
  {
    key: "ipfs_gateway_hash_on_read",
    title: "gateway: every file of a collection, hash on read vs none",
    methodology:
      `A collection of ${METADATA_FILES} metadata JSON files and ${MEDIA_FILES} media files of ${MEDIA_BYTES / 1024 / 1024} MiB ` +
      "(unixfs-v1-2025 profile) is imported once into an embedded store (untimed). Two store instances are opened on " +
      "that folder after the import, one hashing every block it reads (mintkit today), one with `hashOnRead: false` " +
      "(the store before issue 8), each behind its own local gateway. Timed: fetching every file once over HTTP " +
      "(/ipfs/<root>/<path>, 8 requests in flight, bodies read whole). Same gateway code for both; runs alternate A B / B A.",
    unit: "ms",
    subjects: SUBJECTS,
    target: within15,
    run: runGateway,
  },
  {
    key: "ipfs_car_export_hash_on_read",
    title: "CAR export of a collection, hash on read vs none",
    methodology:
      "The same collection and two store instances as ipfs_gateway_hash_on_read. Timed: `exportCar(root, store)` " +
      "drained in memory. With hash on read the store hashes each block (node:crypto) and the walk skips its own " +
      "hash; without it the walk hashes each block (multiformats sha256), exactly as before issue 8.",
    unit: "ms",
    subjects: SUBJECTS,
    target: within15,
    run: runCarExport,
  },
];
