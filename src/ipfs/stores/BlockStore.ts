import type { CID } from "multiformats/cid";

/** Bytes of one block, whole or as a stream of pieces. */
export type BlockBytes = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/**
 * Where blocks live. One interface for every store (in-memory, embedded filesystem, and later
 * Kubo RPC / Pinning Service). Browser-safe (types only).
 *
 * Contract:
 * - blocks are addressed by CID and compared by multihash (a CIDv0 and a CIDv1 of the same
 *   dag-pb block are the same block);
 * - `put` stores the bytes (streamed or whole) and resolves to the CID;
 * - `get` streams the bytes and throws `IpfsError` `IPFS_BLOCK_NOT_FOUND` for a missing block;
 * - `has` never throws for a missing block.
 *
 * It is structurally compatible with the `put` side of `interface-blockstore`, so stores can be
 * handed to `ipfs-unixfs-importer` directly.
 */
export interface BlockStore {
  /** A short label for errors and reports, e.g. `memory` or `fs:/path/to/.mintkit/ipfs`. */
  readonly label: string;
  put(cid: CID, bytes: BlockBytes): Promise<CID>;
  get(cid: CID): AsyncIterable<Uint8Array>;
  has(cid: CID): Promise<boolean>;
  /**
   * True when `get` itself re-hashes every block against its CID (and fails with `IPFS_BLOCK_CORRUPT`),
   * as the embedded store does: walks then skip hashing the same bytes twice.
   */
  readonly verifiesReads?: boolean;
  /** Releases resources (file handles). Safe to call twice. */
  close?(): Promise<void>;
}
