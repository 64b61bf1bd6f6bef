import type { CID } from "multiformats/cid";
import { collectBytes } from "./blockBytes.js";
import { blockKey } from "./blockKey.js";
import type { BlockBytes, BlockStore } from "./stores/BlockStore.js";

export interface ImportSinkStats {
  /** Blocks written to the store by this import. */
  written: number;
  /** Blocks not written: already in the store, or produced twice by this import. */
  skipped: number;
  /** Bytes written to the store by this import. */
  bytesWritten: number;
}

export interface ImportSink {
  put(cid: CID, bytes: BlockBytes): Promise<CID>;
  readonly stats: Readonly<ImportSinkStats>;
}

/**
 * Wraps a store so that an import writes each block at most once: a block already in the store
 * (an earlier or interrupted upload) or already written by this import (two files sharing
 * content) is skipped. This is what makes imports idempotent and resumable. Browser-safe.
 * @internal
 */
export function createImportSink(store: BlockStore): ImportSink {
  const seen = new Map<string, Promise<void>>();
  const stats: ImportSinkStats = { written: 0, skipped: 0, bytesWritten: 0 };
  return {
    stats,
    async put(cid: CID, bytes: BlockBytes): Promise<CID> {
      const key = blockKey(cid);
      const pending = seen.get(key);
      if (pending) {
        await pending;
        stats.skipped++;
        return cid;
      }
      const write = (async () => {
        if (await store.has(cid)) {
          stats.skipped++;
          return;
        }
        const data = await collectBytes(bytes);
        await store.put(cid, data);
        stats.written++;
        stats.bytesWritten += data.byteLength;
      })();
      seen.set(key, write);
      await write;
      return cid;
    },
  };
}

/** A sink that stores nothing: for computing CIDs only. Browser-safe. @internal */
export const discardingSink: Pick<ImportSink, "put"> = {
  async put(cid: CID): Promise<CID> {
    return cid;
  },
};
