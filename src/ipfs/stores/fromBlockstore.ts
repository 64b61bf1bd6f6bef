import type { Blockstore } from "interface-blockstore";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";
import type { BlockBytes, BlockStore } from "./BlockStore.js";
import { blockNotFound } from "./blockNotFound.js";

/** The part of an `interface-blockstore` store that mintkit uses. */
export type BlockstoreLike = Pick<Blockstore, "put" | "get" | "has">;

/**
 * Adapts any `interface-blockstore` store (blockstore-fs, blockstore-idb, blockstore-level,
 * blockstore-s3 …) to mintkit's `BlockStore`, mapping its errors to `IpfsError`s.
 * Browser-safe (the adapter itself imports nothing Node-only).
 */
export function fromBlockstore(
  blockstore: BlockstoreLike,
  options: { readonly label: string; readonly close?: () => Promise<void> },
): BlockStore {
  const { label } = options;
  let closed = false;
  return {
    label,
    async put(cid: CID, bytes: BlockBytes): Promise<CID> {
      try {
        await blockstore.put(cid, bytes);
        return cid;
      } catch (err) {
        throw storeFailed("put", label, cid, err);
      }
    },
    async *get(cid: CID): AsyncGenerator<Uint8Array> {
      let started = false;
      try {
        for await (const piece of blockstore.get(cid)) {
          started = true;
          yield piece;
        }
      } catch (err) {
        if (!started && (err as { name?: unknown } | null)?.name === "NotFoundError") {
          throw blockNotFound(cid, label, err);
        }
        throw storeFailed("get", label, cid, err);
      }
    },
    async has(cid: CID): Promise<boolean> {
      try {
        return await blockstore.has(cid);
      } catch (err) {
        throw storeFailed("has", label, cid, err);
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await options.close?.();
    },
  };
}

function storeFailed(operation: "put" | "get" | "has", label: string, cid: CID, cause: unknown): IpfsError {
  if (cause instanceof IpfsError) return cause;
  return new IpfsError("IPFS_STORE_FAILED", `The ${label} store failed to ${operation} block ${cid.toString()}.`, {
    hint: "Check that the store is open and its location is writable and not full, then run the import again (it resumes: blocks already stored are skipped).",
    details: { operation, cid: cid.toString(), location: label },
    cause,
  });
}
