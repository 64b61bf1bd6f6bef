import { resolve } from "node:path";
import { FsBlockstore } from "blockstore-fs";
import { IpfsError } from "../../errors/IpfsError.js";
import type { BlockStore } from "./BlockStore.js";
import { fromBlockstore } from "./fromBlockstore.js";

/** Default data folder of the embedded store, relative to the working directory. */
export const defaultFsStorePath = ".mintkit/ipfs";

export interface FsStoreOptions {
  /** Folder holding the blocks. Default `.mintkit/ipfs` under `process.cwd()`. */
  readonly path?: string;
}

export interface FsStore extends BlockStore {
  /** Absolute path of the data folder. */
  readonly path: string;
}

/**
 * The embedded IPFS store: blocks as files on disk (`blockstore-fs`, next-to-last sharding as in
 * Kubo's flatfs, atomic writes), nothing to install or run. NODE-ONLY (uses `node:fs`); import it
 * from the Node entry, never from browser code.
 * @throws IpfsError `IPFS_STORE_FAILED` when the folder cannot be created or written.
 */
export async function createFsStore(options: FsStoreOptions = {}): Promise<FsStore> {
  const path = resolve(options.path ?? defaultFsStorePath);
  const blockstore = new FsBlockstore(path, { createIfMissing: true });
  try {
    await blockstore.open();
  } catch (err) {
    throw new IpfsError("IPFS_STORE_FAILED", `Cannot open the IPFS block folder ${path}.`, {
      hint: "Check that the folder (or its parent) exists and is writable, or pass another `path` to createFsStore.",
      details: { operation: "open", location: path },
      cause: err,
    });
  }
  const store = fromBlockstore(blockstore, { label: `fs:${path}`, close: () => blockstore.close() });
  return Object.assign(store, { path });
}
