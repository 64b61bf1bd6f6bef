import { createHash } from "node:crypto";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";

const IDENTITY = 0x00;
const SHA2_256 = 0x12;
const SHA2_512 = 0x13;

/**
 * Whether `bytes` hash to `cid`'s multihash (sha2-256, sha2-512 or identity), with Node's OpenSSL hash
 * (synchronous: the fastest path on Node). NODE-ONLY.
 * @internal
 * @throws IpfsError `IPFS_UNSUPPORTED_CODEC` for another hash function (the block cannot be checked).
 */
export function blockHashMatches(cid: CID, bytes: Uint8Array): boolean {
  const { code, digest: expected } = cid.multihash;
  let actual: Uint8Array;
  if (code === SHA2_256) actual = createHash("sha256").update(bytes).digest();
  else if (code === SHA2_512) actual = createHash("sha512").update(bytes).digest();
  else if (code === IDENTITY) actual = bytes;
  else {
    throw new IpfsError(
      "IPFS_UNSUPPORTED_CODEC",
      `Block ${cid.toString()} uses hash 0x${code.toString(16)}, which the embedded store cannot check.`,
      {
        hint: "The embedded store checks sha2-256, sha2-512 and identity hashes; import with the default profile (sha2-256).",
        details: { cid: cid.toString(), codec: cid.code, hash: code },
      },
    );
  }
  if (actual.byteLength !== expected.byteLength) return false;
  for (let i = 0; i < actual.byteLength; i++) if (actual[i] !== expected[i]) return false;
  return true;
}

/** The `IPFS_BLOCK_CORRUPT` error of a stored copy whose bytes do not hash to its CID. @internal */
export function blockCorrupt(cid: CID, location: string, storeLabel: string): IpfsError<"IPFS_BLOCK_CORRUPT"> {
  return new IpfsError("IPFS_BLOCK_CORRUPT", `Block ${cid.toString()} is corrupt in the ${storeLabel} store: its bytes do not hash to its CID.`, {
    hint:
      `The bad copy is in ${location}. Import the same content again (a good copy is appended and used from then on), ` +
      "or run `mintkit store repair` to drop every bad block so the next import rewrites it; check the disk if it happens again.",
    details: { cid: cid.toString(), reason: "its bytes do not hash to its CID", location },
  });
}
