/**
 * The two ways of turning a folder into a UnixFS directory on disk that the ingest measurements compare.
 * - mintkit: what `mintkit upload <dir>` does by default — importFiles (default profile unixfs-v1-2025)
 *   into the embedded store createFsStore() in a fresh data folder, store closed (every block written).
 * - ipfs-car: `ipfs-car pack <dir> --output out.car` done through its programmatic API exactly as its
 *   CLI does (ipfs-car 3.1 cmd/pack.js): files-from-path → createDirectoryEncoderStream →
 *   CAREncoderStream(placeholder root) → file, then CarWriter.updateRootsInFile with the real root.
 *   ipfs-car's defaults are CIDv1, raw leaves, 1 MiB chunks, 1024-wide balanced layout = the
 *   unixfs-v1-2025 file parameters; its directories shard above 1,000 entries.
 */
import { open, stat } from "node:fs/promises";
import { Writable } from "node:stream";
import { createWriteStream } from "node:fs";
import { CarWriter } from "@ipld/car/writer";
import { filesFromPaths } from "files-from-path";
import { CAREncoderStream, createDirectoryEncoderStream } from "ipfs-car";
import { CID } from "multiformats/cid";
import { importFiles, type ImportEntry, type ImportFilesResult } from "../../../src/ipfs/importFiles.js";
import { resolveProfile } from "../../../src/ipfs/profiles.js";
import { createFsStore } from "../../../src/ipfs/stores/fsStore.js";
import { folderEntries } from "./folderEntries.js";

export async function mintkitIngest(folder: string, dataFolder: string): Promise<ImportFilesResult> {
  const store = await createFsStore({ path: dataFolder });
  try {
    return await importFiles(folderEntries(folder, resolveProfile().chunkSize), { store });
  } finally {
    await store.close();
  }
}

/** ipfs-car's CLI writes this placeholder root into the header, then patches in the real one. */
const PLACEHOLDER = CID.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi");

export async function ipfsCarPack(folder: string, carFile: string): Promise<{ root: CID; bytes: number }> {
  const files = await filesFromPaths([folder]);
  const encoder = new CAREncoderStream([PLACEHOLDER]);
  await createDirectoryEncoderStream(files).pipeThrough(encoder).pipeTo(Writable.toWeb(createWriteStream(carFile)));
  const last = encoder.finalBlock?.cid;
  const root = last ? CID.asCID(last) : null;
  if (!root) throw new Error("ipfs-car produced no blocks");
  const fd = await open(carFile, "r+");
  try {
    await CarWriter.updateRootsInFile(fd as unknown as Parameters<typeof CarWriter.updateRootsInFile>[0], [root]);
  } finally {
    await fd.close();
  }
  return { root, bytes: (await stat(carFile)).size };
}

type CliSupport = {
  collectEntries(input: string): Promise<{ files: readonly unknown[]; emptyDirectories: readonly string[] }>;
  entriesFor(collected: { files: readonly unknown[]; emptyDirectories: readonly string[] }): AsyncIterable<ImportEntry>;
};

/**
 * The same ingest with the CLI's own folder reader (`src/cli/ipfsSupport.ts`: collectEntries, then
 * entriesFor, as `mintkit upload <dir>` runs them), if the CLI has them; undefined otherwise.
 */
export async function loadCliIngest(): Promise<((folder: string, dataFolder: string) => Promise<ImportFilesResult>) | undefined> {
  let cli: Partial<CliSupport>;
  try {
    cli = (await import("../../../src/cli/ipfsSupport.js" as string)) as Partial<CliSupport>;
  } catch {
    return undefined;
  }
  const { collectEntries, entriesFor } = cli;
  if (typeof collectEntries !== "function" || typeof entriesFor !== "function") return undefined;
  return async (folder, dataFolder) => {
    const store = await createFsStore({ path: dataFolder });
    try {
      return await importFiles(entriesFor(await collectEntries(folder)), { store });
    } finally {
      await store.close();
    }
  };
}
