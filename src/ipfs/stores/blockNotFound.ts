import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";

/**
 * The error every store throws for a missing block. Browser-safe.
 * @internal
 */
export function blockNotFound(cid: CID, label: string, cause?: unknown): IpfsError<"IPFS_BLOCK_NOT_FOUND"> {
  return new IpfsError("IPFS_BLOCK_NOT_FOUND", `Block ${cid.toString()} is not in the ${label} store.`, {
    hint: "Import the content again into this store (imports are idempotent: blocks already present are not rewritten), or fetch it from the store it was uploaded to.",
    details: { cid: cid.toString() },
    cause,
  });
}
