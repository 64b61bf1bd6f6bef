/**
 * IPFS ingest: a folder → a UnixFS directory CID with every block on disk, mintkit's embedded path vs
 * ipfs-car (see ipfsIngest/subjects.ts for exactly what each side runs).
 */
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { CID } from "multiformats/cid";
import path from "node:path";
import { createFsStore } from "../../src/ipfs/stores/fsStore.js";
import { verifyRetrievable } from "../../src/ipfs/verifyRetrievable.js";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { compare } from "./shared/timing.js";
import { writeMediaFolder, writeMetadataFolder } from "./ipfsIngest/fixtures.js";
import { ipfsCarPack, loadCliIngest, mintkitIngest } from "./ipfsIngest/subjects.js";
import type { TimedSubject } from "./shared/timing.js";

/** The library path fed by the CLI's own folder reader, reported beside (not in the ratio). */
const CLI_READER = "mintkit (CLI reader)";
const METADATA_FILES = 10_000;
const MEDIA_FILES = 20;
const MEDIA_FILE_BYTES = 10 * 1024 * 1024;

const common =
  "Input files are written once (untimed) into the bench's temp folder on the project's disk, so both " +
  "sides read them from the page cache. mintkit reads the folder with bench/lib/ipfsIngest/folderEntries.ts " +
  "(a file of at most one chunk read whole with one synchronous read, a larger one streamed in 1 MiB pieces); " +
  "ipfs-car with files-from-path, its documented companion (a read stream per file). " +
  "Each run writes to a fresh output (previous one deleted, then " +
  "`sync`, both untimed). Timed: from the start of the job to the last block written (mintkit: store " +
  "closed; ipfs-car: CAR closed and its header root patched). Neither fsyncs. Runs alternate A B / B A; " +
  "medians of wall time (CPU time of the process reported beside). The root CIDs of both are compared, " +
  "and mintkit's directory is checked complete with verifyRetrievable (untimed).";

async function ingest(ctx: LibContext, kind: "metadata" | "media"): Promise<MeasurementResult> {
  const input = path.join(ctx.workDir, "input");
  let inputBytes: number;
  if (kind === "metadata") {
    inputBytes = await writeMetadataFolder(input, METADATA_FILES);
  } else {
    await writeMediaFolder(input, MEDIA_FILES, MEDIA_FILE_BYTES);
    inputBytes = MEDIA_FILES * MEDIA_FILE_BYTES;
  }
  const dataFolder = path.join(ctx.workDir, "mintkit", ".mintkit", "ipfs");
  const carFile = path.join(ctx.workDir, "ipfs-car", "out.car");
  const roots: Record<string, string> = {};
  const sizes: Record<string, number> = {};
  let blocksWritten = 0;

  const cliIngest = await loadCliIngest();
  const cliDataFolder = path.join(ctx.workDir, "mintkit-cli", ".mintkit", "ipfs");
  const extra: TimedSubject<unknown>[] = cliIngest
    ? [
        {
          name: CLI_READER,
          prepare: async () => rm(path.dirname(path.dirname(cliDataFolder)), { recursive: true, force: true }),
          run: () => cliIngest(input, cliDataFolder),
          check: async (result) => {
            roots[CLI_READER] = (result as Awaited<ReturnType<typeof mintkitIngest>>).root.toString();
          },
        },
      ]
    : [];
  const subjects = await compare(
    [
      {
        name: "mintkit",
        prepare: async () => rm(path.dirname(path.dirname(dataFolder)), { recursive: true, force: true }),
        run: () => mintkitIngest(input, dataFolder),
        check: async (result) => {
          const r = result as Awaited<ReturnType<typeof mintkitIngest>>;
          roots["mintkit"] = r.root.toString();
          blocksWritten = r.blocks.written;
          sizes["mintkit"] = await folderBytes(dataFolder);
        },
      },
      {
        name: "ipfs-car",
        prepare: async () => {
          await rm(path.dirname(carFile), { recursive: true, force: true });
          await mkdir(path.dirname(carFile), { recursive: true });
        },
        run: () => ipfsCarPack(input, carFile),
        check: async (result) => {
          const r = result as Awaited<ReturnType<typeof ipfsCarPack>>;
          roots["ipfs-car"] = r.root.toString();
          sizes["ipfs-car"] = r.bytes;
        },
      },
      ...extra,
    ],
    { runs: ctx.runs, warmup: ctx.warmup, syncBeforeRun: true, log: ctx.log },
  );

  // The last mintkit output is still there: check it is complete, untimed.
  const store = await createFsStore({ path: dataFolder });
  const t0 = performance.now();
  const report = await verifyRetrievable(CID.parse(roots["mintkit"]!), store);
  const verifyMs = Math.round(performance.now() - t0);
  await store.close();

  const notes: string[] = [];
  const cli = subjects[CLI_READER];
  const car = subjects["ipfs-car"];
  if (cli && car) {
    notes.push(
      `"${CLI_READER}": the same import and store fed by the CLI's current folder reader (src/cli/ipfsSupport.ts ` +
        `collectEntries + entriesFor: synchronous stat + access, small files read whole, large ones streamed): median ${cli.median} ms = ` +
        `${(car.median / cli.median).toFixed(2)}x ipfs-car; same root: ${roots[CLI_READER] === roots["ipfs-car"]}.`,
    );
  } else {
    notes.push(`"${CLI_READER}" not measured: src/cli/ipfsSupport.ts has no collectEntries/entriesFor yet.`);
  }
  return {
    subjects,
    notes,
    facts: {
      files: kind === "metadata" ? METADATA_FILES : MEDIA_FILES,
      inputBytes,
      rootMintkit: roots["mintkit"] ?? "",
      rootIpfsCar: roots["ipfs-car"] ?? "",
      rootCidsMatch: roots["mintkit"] === roots["ipfs-car"],
      mintkitBlocksWritten: blocksWritten,
      mintkitVerified: report.complete,
      mintkitVerifyMs: verifyMs,
      mintkitDataFolderBytes: sizes["mintkit"] ?? 0,
      ipfsCarCarBytes: sizes["ipfs-car"] ?? 0,
    },
  };
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}

export const measurements: LibMeasurement[] = [
  {
    key: "ipfs_ingest_metadata_10k",
    title: `IPFS ingest: ${METADATA_FILES.toLocaleString("en-US")} metadata JSON files`,
    methodology:
      `A folder of ${METADATA_FILES.toLocaleString("en-US")} ERC-721 metadata files (1.json … ${METADATA_FILES}.json, ~0.9 KB each) ` +
      `into one directory CID. ${common}`,
    unit: "ms",
    subjects: ["mintkit", "ipfs-car"],
    target: { kind: "ratio", peer: "ipfs-car", min: 1.5, text: ">= 1.5x ipfs-car" },
    run: (ctx) => ingest(ctx, "metadata"),
  },
  {
    key: "ipfs_ingest_media_200mib",
    title: `IPFS ingest: ${MEDIA_FILES} x ${MEDIA_FILE_BYTES >> 20} MiB media`,
    methodology:
      `A folder of ${MEDIA_FILES} pseudo-random files of ${MEDIA_FILE_BYTES >> 20} MiB (${(MEDIA_FILES * MEDIA_FILE_BYTES) >> 20} MiB, ` +
      `ChaCha20 keystream: incompressible, every 1 MiB chunk distinct) into one directory CID. ${common}`,
    unit: "ms",
    subjects: ["mintkit", "ipfs-car"],
    target: { kind: "ratio", peer: "ipfs-car", min: 1.0, text: ">= 1.0x ipfs-car" },
    run: (ctx) => ingest(ctx, "media"),
  },
];
