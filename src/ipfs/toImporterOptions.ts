import type { ImporterOptions } from "ipfs-unixfs-importer";
import { loadChunking } from "./loadImporter.js";
import type { ImportProfile } from "./profiles.js";

/**
 * Maps a mintkit profile to `ipfs-unixfs-importer` options with every CID-relevant parameter
 * explicit (chunker, layout, leaves, CID version, sharding) — the importer's own `profile`
 * option is deliberately not used, so a library default can never change a CID. Browser-safe. Async because
 * the importer is loaded on first use (`loadChunking`).
 * @internal
 */
export async function toImporterOptions(
  profile: ImportProfile,
  extra: Pick<ImporterOptions, "onProgress" | "wrapWithDirectory" | "fileImportConcurrency" | "blockWriteConcurrency"> = {},
): Promise<ImporterOptions> {
  const { fixedSize, balanced } = await loadChunking();
  return {
    cidVersion: profile.cidVersion,
    rawLeaves: profile.rawLeaves,
    leafType: profile.leafType,
    reduceSingleLeafToSelf: profile.reduceSingleLeafToSelf,
    chunker: fixedSize({ chunkSize: profile.chunkSize }),
    layout: balanced({ maxChildrenPerNode: profile.maxChildrenPerNode }),
    shardSplitThresholdBytes: profile.shardSplitThresholdBytes,
    shardSplitStrategy: profile.shardSplitStrategy,
    shardFanoutBits: profile.shardFanoutBits,
    fieldOrder: "links-first",
    wrapWithDirectory: extra.wrapWithDirectory ?? false,
    fileImportConcurrency: extra.fileImportConcurrency ?? 16,
    blockWriteConcurrency: extra.blockWriteConcurrency ?? 16,
    ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
  };
}
