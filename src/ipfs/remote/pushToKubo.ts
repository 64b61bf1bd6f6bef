import type { CID } from "multiformats/cid";
import { getBlock } from "../blockBytes.js";
import { carStream } from "../carStream.js";
import type { BlockStore } from "../stores/BlockStore.js";
import { verifyRetrievable, type RetrievabilityReport } from "../verifyRetrievable.js";
import { walkDag } from "../walkDag.js";
import type { KuboStore } from "./createKuboStore.js";

export type PushProgressEvent =
  /** Blocks checked on the node so far (`missing` of them are not there). */
  | { readonly phase: "checking"; readonly checked: number; readonly total: number; readonly missing: number }
  /** Blocks streamed to `dag/import` so far. */
  | { readonly phase: "sending"; readonly sent: number; readonly total: number; readonly bytes: number }
  | { readonly phase: "pinning" }
  | { readonly phase: "verifying" };

export interface PushToKuboOptions {
  /** The local store holding the DAG (e.g. the embedded store the import wrote to). */
  readonly from: BlockStore;
  /** The Kubo store to push to (`createKuboStore(...)`). */
  readonly to: KuboStore;
  /** Pin the root recursively on the node (default true). */
  readonly pin?: boolean;
  /** Walk the DAG on the node at the end and confirm every block is there (default true). */
  readonly verify?: boolean;
  /** `block/stat` requests in flight while checking (default 16). */
  readonly concurrency?: number;
  readonly onProgress?: (event: PushProgressEvent) => void;
}

export interface PushToKuboResult {
  readonly root: CID;
  /** Distinct blocks under the root (0 when the root was already pinned and `verify` is false). */
  readonly blocks: number;
  /** Blocks sent in the CAR (0 when the node already had them all). */
  readonly blocksSent: number;
  /** Bytes of the blocks sent. */
  readonly bytesSent: number;
  /** The root was already pinned recursively, so nothing was checked or sent. */
  readonly alreadyPinned: boolean;
  readonly pinned: boolean;
  /** The check on the node (undefined with `verify: false`). */
  readonly verified: RetrievabilityReport | undefined;
}

/**
 * Pushes a DAG already imported into a local store to a Kubo node, sending only what the node
 * lacks: a root already pinned recursively sends nothing; otherwise every block is checked with
 * `block/stat` (in parallel) and the missing ones go in one CAR to `dag/import`, then the root is
 * pinned and the node is walked to confirm every block is retrievable. Re-pushing what is stored
 * sends zero blocks; an interrupted push resumes. Browser-safe.
 *
 * @example
 * const store = await createFsStore()
 * const { root } = await importFiles(entries, { store, profile: "kubo-v1" })
 * const kubo = createKuboStore({ url: "http://127.0.0.1:5001" })
 * const pushed = await pushToKubo(root, { from: store, to: kubo })
 * // pushed.blocksSent === 0 on a second run
 *
 * @throws IpfsError `IPFS_BLOCK_NOT_FOUND` (the local DAG is incomplete), the remote errors of
 *   `createKuboStore`, `IPFS_DAG_INCOMPLETE` (the node still lacks blocks after the push).
 */
export async function pushToKubo(root: CID, options: PushToKuboOptions): Promise<PushToKuboResult> {
  const { from, to, onProgress } = options;
  const pin = options.pin ?? true;
  const verify = options.verify ?? true;
  const concurrency = Math.max(1, options.concurrency ?? 16);

  let blocks = 0;
  let blocksSent = 0;
  let bytesSent = 0;
  const alreadyPinned = await to.isPinned(root);

  if (!alreadyPinned) {
    // Every block of the local DAG (dag-pb nodes are read and re-hashed; raw leaves only checked).
    const cids: CID[] = [];
    for await (const block of walkDag(root, from, { loadLeaves: false, verifyHashes: true })) cids.push(block.cid);
    blocks = cids.length;

    const missing: CID[] = [];
    let checked = 0;
    for (let i = 0; i < cids.length; i += concurrency) {
      const batch = cids.slice(i, i + concurrency);
      const present = await Promise.all(batch.map((cid) => to.has(cid)));
      batch.forEach((cid, j) => {
        if (!present[j]) missing.push(cid);
      });
      checked += batch.length;
      onProgress?.({ phase: "checking", checked, total: cids.length, missing: missing.length });
    }

    if (missing.length > 0) {
      let sent = 0;
      let bytes = 0;
      let localFailure: unknown;
      try {
        await to.importCar(() => {
          sent = 0;
          bytes = 0;
          return carOf(root, missing, from, (size) => {
            sent++;
            bytes += size;
            onProgress?.({ phase: "sending", sent, total: missing.length, bytes });
          }, (err) => (localFailure = err));
        });
      } catch (err) {
        // A local read failure surfaces in the client as an aborted upload: report the real cause.
        throw localFailure ?? err;
      }
      blocksSent = sent;
      bytesSent = bytes;
    }
  }

  if (pin && !alreadyPinned) {
    onProgress?.({ phase: "pinning" });
    await to.pin(root);
  }

  let verified: RetrievabilityReport | undefined;
  if (verify) {
    onProgress?.({ phase: "verifying" });
    verified = await verifyRetrievable(root, to);
    if (alreadyPinned) blocks = verified.blocks;
  }
  return { root, blocks, blocksSent, bytesSent, alreadyPinned, pinned: pin || alreadyPinned, verified };
}

/** A CARv1 with `root` in the header and the given blocks, read from `store`. */
function carOf(
  root: CID,
  cids: readonly CID[],
  store: BlockStore,
  onBlock: (size: number) => void,
  onError: (err: unknown) => void,
): AsyncGenerator<Uint8Array> {
  async function* read(): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
    for (const cid of cids) {
      const bytes = await getBlock(store, cid);
      yield { cid, bytes };
      onBlock(bytes.byteLength); // resumed once the writer has taken the block
    }
  }
  return carStream(root, read(), (failure) => {
    onError(failure);
    return failure;
  });
}
