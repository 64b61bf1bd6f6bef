import type { CID } from "multiformats/cid";
import { IpfsError } from "../errors/IpfsError.js";
import { MintkitError } from "../errors/MintkitError.js";
import { carStream } from "./carStream.js";
import type { BlockStore } from "./stores/BlockStore.js";
import { walkDag } from "./walkDag.js";

export interface ExportCarOptions {
  /** Called after each block is written: running totals. */
  readonly onProgress?: (event: { readonly blocks: number; readonly bytes: number }) => void;
}

/**
 * Streams a CARv1 of the DAG under `root`: header with `root` as the only root, then every block
 * once (depth first, links in order, as Kubo's `ipfs dag export`), each block re-hashed before it
 * is written. For services that take CAR uploads. Browser-safe (`@ipld/car` writer, no fs).
 *
 * @example
 * for await (const chunk of exportCar(root, store)) upload.write(chunk)
 *
 * @throws IpfsError `IPFS_CAR_EXPORT_FAILED` (cause: `IPFS_BLOCK_NOT_FOUND`, `IPFS_BLOCK_CORRUPT`, …).
 */
export async function* exportCar(
  root: CID,
  store: BlockStore,
  options: ExportCarOptions = {},
): AsyncGenerator<Uint8Array> {
  let blocks = 0;
  let bytes = 0;
  async function* walked(): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
    for await (const block of walkDag(root, store, { loadLeaves: true, verifyHashes: true })) {
      if (!block.bytes) continue;
      yield { cid: block.cid, bytes: block.bytes };
      // Resumed once the writer has taken the block.
      blocks++;
      bytes += block.bytes.byteLength;
      options.onProgress?.({ blocks, bytes });
    }
  }
  yield* carStream(root, walked(), (failure) =>
    new IpfsError("IPFS_CAR_EXPORT_FAILED", `Exporting ${root.toString()} as a CAR failed.`, {
      hint:
        failure instanceof MintkitError
          ? failure.hint
          : "Check that the store is readable, then export again; the partial CAR output is invalid and must be discarded.",
      details: { root: root.toString() },
      cause: failure,
    }),
  );
}
