/** Test-only store wrappers. */
import type { CID } from "multiformats/cid";
import { blockNotFound } from "../../../src/ipfs/stores/blockNotFound.js";
import type { BlockBytes, BlockStore } from "../../../src/ipfs/stores/BlockStore.js";

/** Counts calls to the inner store's `put` (how many blocks an import really wrote). */
export function countingStore(inner: BlockStore): BlockStore & { puts: number; putCids: string[] } {
  const counted = {
    label: `counting(${inner.label})`,
    puts: 0,
    putCids: [] as string[],
    async put(cid: CID, bytes: BlockBytes): Promise<CID> {
      counted.puts++;
      counted.putCids.push(cid.toString());
      return inner.put(cid, bytes);
    },
    get: (cid: CID) => inner.get(cid),
    has: (cid: CID) => inner.has(cid),
  };
  return counted;
}

/** A view of `inner` in which the given blocks are missing (as after an interrupted upload). */
export function storeWithout(inner: BlockStore, hidden: readonly CID[]): BlockStore {
  const gone = new Set(hidden.map((c) => c.multihash.bytes.join(",")));
  const isGone = (cid: CID) => gone.has(cid.multihash.bytes.join(","));
  return {
    label: `without(${inner.label})`,
    put: (cid, bytes) => inner.put(cid, bytes),
    async *get(cid) {
      if (isGone(cid)) throw blockNotFound(cid, "test");
      yield* inner.get(cid);
    },
    has: async (cid) => !isGone(cid) && (await inner.has(cid)),
  };
}

/** A view of `inner` in which one block's bytes are replaced. */
export function storeWithCorrupt(inner: BlockStore, target: CID, bytes: Uint8Array): BlockStore {
  const key = target.multihash.bytes.join(",");
  return {
    label: `corrupt(${inner.label})`,
    put: (cid, b) => inner.put(cid, b),
    async *get(cid) {
      if (cid.multihash.bytes.join(",") === key) yield bytes;
      else yield* inner.get(cid);
    },
    has: (cid) => inner.has(cid),
  };
}
