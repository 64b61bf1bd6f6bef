import type { CID } from "multiformats/cid";
import { collectBytes } from "../blockBytes.js";
import { blockKey } from "../blockKey.js";
import { blockNotFound } from "./blockNotFound.js";
import type { BlockBytes, BlockStore } from "./BlockStore.js";

export interface MemoryStore extends BlockStore {
  /** Number of distinct blocks held. */
  readonly size: number;
  /** Total bytes held. */
  readonly byteLength: number;
}

/**
 * A block store in memory: for browsers, tests, and computing what an upload would contain.
 * Browser-safe. Blocks are kept by multihash; putting a block twice keeps one copy.
 */
export function createMemoryStore(): MemoryStore {
  const blocks = new Map<string, Uint8Array>();
  let byteLength = 0;
  return {
    label: "memory",
    get size() {
      return blocks.size;
    },
    get byteLength() {
      return byteLength;
    },
    async put(cid: CID, bytes: BlockBytes): Promise<CID> {
      const key = blockKey(cid);
      const data = await collectBytes(bytes);
      if (!blocks.has(key)) {
        blocks.set(key, data);
        byteLength += data.byteLength;
      }
      return cid;
    },
    async *get(cid: CID): AsyncGenerator<Uint8Array> {
      const data = blocks.get(blockKey(cid));
      if (!data) throw blockNotFound(cid, "memory");
      yield data;
    },
    async has(cid: CID): Promise<boolean> {
      return blocks.has(blockKey(cid));
    },
    async close(): Promise<void> {},
  };
}
