import * as dagPb from "@ipld/dag-pb";
import type { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { IpfsError, isIpfsError } from "../errors/IpfsError.js";
import { getBlock } from "./blockBytes.js";
import { blockKey } from "./blockKey.js";
import type { BlockStore } from "./stores/BlockStore.js";
import { blockNotFound } from "./stores/blockNotFound.js";

const DAG_PB = 0x70;
const RAW = 0x55;
const SHA2_256 = 0x12;

export interface WalkDagOptions {
  /** Read raw leaves' bytes (true), or only check they are present with `has` (false). */
  readonly loadLeaves: boolean;
  /**
   * Re-hash every block read and fail with `IPFS_BLOCK_CORRUPT` on a mismatch (done by the store itself
   * when it `verifiesReads`).
   */
  readonly verifyHashes: boolean;
  /** Called for each missing block instead of throwing `IPFS_BLOCK_NOT_FOUND`. */
  readonly onMissing?: (cid: CID) => void;
}

export interface WalkedBlock {
  readonly cid: CID;
  /** The block's bytes; undefined for raw leaves when `loadLeaves` is false. */
  readonly bytes: Uint8Array | undefined;
}

/** How many raw leaves are checked with `has` at once. */
const HAS_CONCURRENCY = 32;
/** How many blocks are read ahead of the walk (bounded memory: at most this many blocks). */
const READ_AHEAD = 16;

/**
 * Walks a UnixFS DAG (dag-pb nodes and raw leaves, sha2-256) from `root`, depth first, links in
 * order — the order of Kubo's `ipfs dag export` — yielding each distinct block once (blocks are
 * compared by multihash, so content shared by two files appears once). Browser-safe.
 * @internal
 * @throws IpfsError `IPFS_BLOCK_NOT_FOUND` (unless `onMissing`), `IPFS_UNSUPPORTED_CODEC`,
 *   `IPFS_BLOCK_CORRUPT`, `IPFS_STORE_FAILED`.
 */
export async function* walkDag(
  root: CID,
  store: BlockStore,
  options: WalkDagOptions,
): AsyncGenerator<WalkedBlock> {
  const seen = new Set<string>();
  const stack: CID[] = [root];
  // Blocks requested ahead of the walk, by key (reads are the slow part on disk stores).
  const ahead = new Map<string, Promise<Uint8Array>>();
  const readAhead = (cids: readonly CID[]) => {
    for (const c of cids) {
      if (ahead.size >= READ_AHEAD) return;
      const k = blockKey(c);
      if (seen.has(k) || ahead.has(k)) continue;
      if (c.code === RAW && !options.loadLeaves) continue;
      const pending = getBlock(store, c);
      pending.catch(() => {}); // handled when the walk reaches the block
      ahead.set(k, pending);
    }
  };

  while (stack.length > 0) {
    const cid = stack.pop() as CID;
    const key = blockKey(cid);
    if (seen.has(key)) continue;
    seen.add(key);
    checkSupported(cid);

    if (cid.code === RAW && !options.loadLeaves) {
      if (await store.has(cid)) yield { cid, bytes: undefined };
      else await missing(cid, store, options);
      continue;
    }

    const pending = ahead.get(key);
    ahead.delete(key);
    const bytes = await readBlock(cid, pending ?? getBlock(store, cid), options);
    if (!bytes) continue;
    if (options.verifyHashes && store.verifiesReads !== true) await verifyHash(cid, bytes);
    yield { cid, bytes };

    if (cid.code !== DAG_PB) continue;
    const children = decodeLinks(cid, bytes);

    if (!options.loadLeaves) {
      // Raw leaves have no links: check them in parallel batches instead of one by one.
      const leaves = children.filter((c) => c.code === RAW && !seen.has(blockKey(c)));
      for (let i = 0; i < leaves.length; i += HAS_CONCURRENCY) {
        const batch = leaves.slice(i, i + HAS_CONCURRENCY).filter((c) => {
          const k = blockKey(c);
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
        const present = await Promise.all(batch.map((c) => store.has(c)));
        for (let j = 0; j < batch.length; j++) {
          const leaf = batch[j] as CID;
          if (present[j]) yield { cid: leaf, bytes: undefined };
          else await missing(leaf, store, options);
        }
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as CID;
      if (!seen.has(blockKey(child))) stack.push(child);
    }
    // The next blocks of the walk are at the top of the stack.
    readAhead(stack.slice(-READ_AHEAD).reverse());
  }
}

async function readBlock(
  cid: CID,
  pending: Promise<Uint8Array>,
  options: WalkDagOptions,
): Promise<Uint8Array | undefined> {
  try {
    return await pending;
  } catch (err) {
    if (isIpfsError(err, "IPFS_BLOCK_NOT_FOUND") && options.onMissing) {
      options.onMissing(cid);
      return undefined;
    }
    throw err;
  }
}

async function missing(cid: CID, store: BlockStore, options: WalkDagOptions): Promise<void> {
  if (options.onMissing) {
    options.onMissing(cid);
    return;
  }
  // `has` is false for a block the store holds corrupt: reading it gives the precise error.
  await getBlock(store, cid);
  throw blockNotFound(cid, store.label);
}

function checkSupported(cid: CID): void {
  if ((cid.code === DAG_PB || cid.code === RAW) && cid.multihash.code === SHA2_256) return;
  throw new IpfsError(
    "IPFS_UNSUPPORTED_CODEC",
    `Block ${cid.toString()} uses codec 0x${cid.code.toString(16)} / hash 0x${cid.multihash.code.toString(16)}, which mintkit does not walk.`,
    {
      hint: "mintkit walks UnixFS DAGs (dag-pb and raw blocks, sha2-256) as produced by importFiles; export other DAGs with Kubo (`ipfs dag export`).",
      details: { cid: cid.toString(), codec: cid.code, hash: cid.multihash.code },
    },
  );
}

async function verifyHash(cid: CID, bytes: Uint8Array): Promise<void> {
  const digest = await sha256.digest(bytes);
  const expected = cid.multihash.digest;
  const actual = digest.digest;
  let same = expected.byteLength === actual.byteLength;
  for (let i = 0; same && i < expected.byteLength; i++) same = expected[i] === actual[i];
  if (!same) throw corrupt(cid, "its bytes do not hash to its CID");
}

function decodeLinks(cid: CID, bytes: Uint8Array): CID[] {
  try {
    return dagPb.decode(bytes).Links.map((link) => link.Hash);
  } catch (err) {
    throw corrupt(cid, "it is not a valid dag-pb node", err);
  }
}

function corrupt(cid: CID, reason: string, cause?: unknown): IpfsError<"IPFS_BLOCK_CORRUPT"> {
  return new IpfsError("IPFS_BLOCK_CORRUPT", `Block ${cid.toString()} is corrupt: ${reason}.`, {
    hint: "Delete the block from the store and import the content again; if the store is on disk, check the disk.",
    details: { cid: cid.toString(), reason },
    cause,
  });
}
