import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Address } from "viem";
import { BatchError } from "../errors/BatchError.js";
import { acquirePidLock } from "./pidLock.js";

/** A held lock; `release` is safe to call twice. */
export interface CollectionLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes the lock of (chain id, collection) in the data folder — `<dataDir>/batches/<chainId>-<collection>.lock`
 * holding the pid — so that two batch runs on one collection never overlap, whatever their journals (the
 * per-journal lock only guards one journal). A lock whose process is gone (killed) is taken over. NODE-ONLY.
 * Runs from two data folders or two machines are not covered by it: there, the contract's expected-first-id
 * check makes the second transaction revert.
 * @throws BatchError `BATCH_COLLECTION_LOCKED`.
 */
export function acquireCollectionLock(dataDir: string, chainId: number, collection: Address): CollectionLock {
  const dir = join(dataDir, "batches");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${chainId}-${collection.toLowerCase()}.lock`);
  const locked = (pid: number) =>
    new BatchError("BATCH_COLLECTION_LOCKED", `Another process (pid ${pid}) is running a batch on ${collection} (chain ${chainId}).`, {
      hint: `Wait for it to finish, then run the command again (a resume re-checks the chain). If no such process exists, delete ${path}.`,
      details: { chainId, collection, lock: path, pid },
    });
  const release = acquirePidLock(path, locked);
  return { path, release };
}
