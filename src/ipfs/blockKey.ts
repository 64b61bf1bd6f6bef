import { base32 } from "multiformats/bases/base32";
import type { CID } from "multiformats/cid";

/**
 * The identity of a block: its multihash, base32 (so CIDv0 and CIDv1 of one block agree, as in
 * Kubo's blockstore). Browser-safe.
 * @internal
 */
export function blockKey(cid: CID): string {
  return base32.baseEncode(cid.multihash.bytes);
}
