import { encodeAbiParameters, hexToBigInt, keccak256, type Address, type Hex } from "viem";
import { getStorageAt } from "viem/actions";
import type { GasClient } from "./simulateGas.js";

/**
 * The storage slot of `ERC721Batch._rangeHeads` (the batch-head bitmap, one bit per range start, 256 ids a
 * word). ERC721Batch is the first contract with state in MintkitCollection's inheritance, and `_rangeHeads`
 * its second variable (after `_ownership`); test/gas/headroom.test.ts checks it against a batch mint.
 */
export const RANGE_HEADS_SLOT = 1n;

/** One range record a batch writes: its first id and the bitmap word (256 ids) its head bit goes in. */
export interface RangeHead {
  readonly head: bigint;
  readonly bucket: bigint;
  /** The bitmap word now: 0 means this batch opens it (17,100 gas more than a word already used). */
  readonly word: bigint;
}

/**
 * Internal: the range records `mintBatch(to, quantity, first)` writes on a MintkitCollection (as
 * `ERC721Batch._writeRanges` splits it: a range never passes the end of the word after its head's), with
 * each head's bitmap word as it is now. A single token writes no range (its own slot only).
 */
export async function readRangeHeads(client: GasClient, collection: Address, first: bigint, quantity: bigint): Promise<RangeHead[]> {
  if (quantity < 2n) return [];
  const heads: { head: bigint; bucket: bigint }[] = [];
  for (let id = first, left = quantity; left > 0n; ) {
    const limit = ((id >> 8n) + 2n) << 8n;
    const length = limit - id < left ? limit - id : left;
    heads.push({ head: id, bucket: id >> 8n });
    id += length;
    left -= length;
  }
  return Promise.all(
    heads.map(async (h) => {
      const value = await getStorageAt(client, { address: collection, slot: rangeHeadSlot(h.bucket) });
      return { ...h, word: value === undefined || value === "0x" ? 0n : hexToBigInt(value) };
    }),
  );
}

/** The most range records a batch of `quantity` can need wherever it starts: a record covers at least 257 ids. */
export function maxRangeRecords(quantity: bigint): bigint {
  return quantity < 2n ? 0n : (quantity + 256n) / 257n;
}

function rangeHeadSlot(bucket: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "uint256" }], [bucket, RANGE_HEADS_SLOT]));
}
