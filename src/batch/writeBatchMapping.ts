import { writeFileAtomicSync } from "../fs/writeFileAtomic.js";
import type { BatchMapping, BatchStatus, MappingEntry } from "./types.js";

/**
 * The token ↔ file mapping of a batch, from its journal state: every planned token with its file,
 * content hash, name, token URI, metadata CID, media URI and, once minted, its transaction.
 */
export function batchMapping(status: BatchStatus): BatchMapping {
  const { plan } = status;
  const minted = new Map<string, `0x${string}`>();
  for (const s of status.steps) {
    if (s.state !== "confirmed" || !s.confirmed) continue;
    for (const id of s.confirmed.tokenIds ?? []) minted.set(id, s.confirmed.hash);
  }
  const tokens: MappingEntry[] = plan.items.map((item) => {
    const txHash = minted.get(item.tokenId);
    return {
      tokenId: item.tokenId,
      file: item.file,
      sha256: item.sha256,
      name: item.name,
      tokenURI: `${plan.baseUri}${item.metadataPath}`,
      metadataCid: item.metadataCid,
      media: `ipfs://${item.mediaCid}`,
      status: txHash ? "minted" : "planned",
      ...(txHash ? { txHash } : {}),
    };
  });
  return {
    version: 1,
    batchId: plan.batchId,
    chainId: plan.chainId,
    collection: plan.collection,
    to: plan.to,
    dirCid: plan.dirCid,
    baseUri: plan.baseUri,
    complete: status.complete,
    tokens,
  };
}

/**
 * Writes `mapping.json` atomically (a temporary file, fsynced, renamed over the old one), so a crash
 * leaves either the old or the new mapping, never half of one. NODE-ONLY.
 */
export function writeBatchMapping(path: string, mapping: BatchMapping): void {
  writeFileAtomicSync(path, `${JSON.stringify(mapping, null, 2)}\n`, { mkdir: true });
}
