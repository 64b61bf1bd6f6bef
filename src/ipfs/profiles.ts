import { IpfsError } from "../errors/IpfsError.js";

/**
 * UnixFS import profiles: every parameter that changes a CID, named and explicit, so that
 * mintkit gives the CID Kubo's `ipfs add` gives for the same options. Browser-safe.
 *
 * Sources:
 * - IPIP-499 "UnixFS CID Profiles" (ipfs/specs src/ipips/ipip-0499.md): parameter tables of
 *   `unixfs-v0-2015` (Kubo's default) and `unixfs-v1-2025`.
 * - Kubo test/cli/cid_profiles_test.go and test/cli/add_test.go (`--cid-version 1` implies raw
 *   leaves and keeps Kubo's 256 KiB chunks and 174 links per node).
 */
export interface ImportProfile {
  /** Name used in errors and results. */
  readonly name: string;
  /** CID version of dag-pb nodes. Raw leaves are always CIDv1 (raw cannot be CIDv0). */
  readonly cidVersion: 0 | 1;
  /** Multihash of every block. Only sha2-256 is supported (Kubo's default). */
  readonly hash: "sha2-256";
  /** Chunker: fixed-size chunks of this many bytes. */
  readonly chunkSize: number;
  /** File DAG layout. Only Kubo's `balanced` layout (uniform leaf depth). */
  readonly layout: "balanced";
  /** Maximum links per file node in the balanced DAG (Kubo `Import.UnixFSFileMaxLinks`). */
  readonly maxChildrenPerNode: number;
  /** Leaves as `raw` blocks (true) or wrapped in dag-pb UnixFS nodes (false). */
  readonly rawLeaves: boolean;
  /** UnixFS type of wrapped leaves (ignored with raw leaves). Kubo's balanced layout uses `file`. */
  readonly leafType: "file" | "raw";
  /** A file that fits in one chunk is that single block (no parent node). Kubo: true. */
  readonly reduceSingleLeafToSelf: boolean;
  /**
   * A directory becomes a HAMT shard when its estimated size is strictly greater than this
   * (Kubo `Import.UnixFSHAMTDirectorySizeThreshold`, 256 KiB).
   */
  readonly shardSplitThresholdBytes: number;
  /**
   * How a directory's size is estimated against the threshold: `links-bytes` = sum of link
   * name and CID byte lengths (Kubo's legacy estimate), `block-bytes` = serialized dag-pb size.
   */
  readonly shardSplitStrategy: "links-bytes" | "block-bytes";
  /** log2 of the HAMT fanout: 8 bits = 256 buckets (Kubo `UnixFSHAMTDirectoryMaxFanout`). */
  readonly shardFanoutBits: number;
}

export type ProfileName = "kubo-v0" | "kubo-v1" | "unixfs-v1-2025";

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * The named profiles.
 * - `kubo-v0`: Kubo's default `ipfs add` (= IPIP-499 `unixfs-v0-2015`): CIDv0, 256 KiB chunks,
 *   174 links, dag-pb leaves, HAMT above 256 KiB estimated by link bytes.
 * - `kubo-v1`: `ipfs add --cid-version 1`: as `kubo-v0` but CIDv1 and raw leaves.
 * - `unixfs-v1-2025`: IPIP-499 profile: CIDv1, raw leaves, 1 MiB chunks, 1024 links,
 *   HAMT above 256 KiB of serialized block size.
 */
export const profiles: { readonly [K in ProfileName]: ImportProfile & { readonly name: K } } = {
  "kubo-v0": {
    name: "kubo-v0",
    cidVersion: 0,
    hash: "sha2-256",
    chunkSize: 256 * KIB,
    layout: "balanced",
    maxChildrenPerNode: 174,
    rawLeaves: false,
    leafType: "file",
    reduceSingleLeafToSelf: true,
    shardSplitThresholdBytes: 256 * KIB,
    shardSplitStrategy: "links-bytes",
    shardFanoutBits: 8,
  },
  "kubo-v1": {
    name: "kubo-v1",
    cidVersion: 1,
    hash: "sha2-256",
    chunkSize: 256 * KIB,
    layout: "balanced",
    maxChildrenPerNode: 174,
    rawLeaves: true,
    leafType: "file",
    reduceSingleLeafToSelf: true,
    shardSplitThresholdBytes: 256 * KIB,
    shardSplitStrategy: "links-bytes",
    shardFanoutBits: 8,
  },
  "unixfs-v1-2025": {
    name: "unixfs-v1-2025",
    cidVersion: 1,
    hash: "sha2-256",
    chunkSize: 1 * MIB,
    layout: "balanced",
    maxChildrenPerNode: 1024,
    rawLeaves: true,
    leafType: "file",
    reduceSingleLeafToSelf: true,
    shardSplitThresholdBytes: 256 * KIB,
    shardSplitStrategy: "block-bytes",
    shardFanoutBits: 8,
  },
};

/** Profile used when none is given: the IPIP-499 standard profile (CIDv1, raw leaves). */
export const defaultProfileName: ProfileName = "unixfs-v1-2025";

/** A profile name, or a full profile object (e.g. `{ ...profiles["kubo-v1"], chunkSize: 1 << 20 }`). */
export type ProfileInput = ProfileName | ImportProfile;

/**
 * Returns the profile object for a name, or checks a custom profile object.
 * @throws IpfsError `IPFS_UNKNOWN_PROFILE` or `IPFS_INVALID_PROFILE`.
 */
export function resolveProfile(input: ProfileInput = defaultProfileName): ImportProfile {
  if (typeof input === "string") {
    const found = (profiles as Readonly<Record<string, ImportProfile>>)[input];
    if (!found) {
      const known = Object.keys(profiles);
      throw new IpfsError("IPFS_UNKNOWN_PROFILE", `Unknown IPFS import profile "${input}".`, {
        hint: `Use one of ${known.map((k) => `"${k}"`).join(", ")}, or pass a full profile object.`,
        details: { profile: input, known },
      });
    }
    return found;
  }
  checkProfile(input);
  return input;
}

function checkProfile(p: ImportProfile): void {
  const invalid = (parameter: string, value: unknown, rule: string): never => {
    throw new IpfsError("IPFS_INVALID_PROFILE", `Import profile "${p.name}" has an invalid ${parameter}: ${String(value)}.`, {
      hint: `Set ${parameter} to ${rule}, or start from a named profile: { ...profiles["kubo-v1"], ... }.`,
      details: { profile: p.name, parameter, value: String(value) },
    });
  };
  if (p.cidVersion !== 0 && p.cidVersion !== 1) invalid("cidVersion", p.cidVersion, "0 or 1");
  if (p.hash !== "sha2-256") invalid("hash", p.hash, '"sha2-256"');
  if (p.layout !== "balanced") invalid("layout", p.layout, '"balanced"');
  if (!isPositiveInt(p.chunkSize) || p.chunkSize > 2 * MIB) {
    invalid("chunkSize", p.chunkSize, "a whole number of bytes from 1 to 2 MiB (IPFS block size limit)");
  }
  if (!isPositiveInt(p.maxChildrenPerNode) || p.maxChildrenPerNode < 2) {
    invalid("maxChildrenPerNode", p.maxChildrenPerNode, "a whole number of at least 2");
  }
  if (p.leafType !== "file" && p.leafType !== "raw") invalid("leafType", p.leafType, '"file" or "raw"');
  if (!isPositiveInt(p.shardSplitThresholdBytes)) {
    invalid("shardSplitThresholdBytes", p.shardSplitThresholdBytes, "a whole number of bytes, at least 1");
  }
  if (p.shardSplitStrategy !== "links-bytes" && p.shardSplitStrategy !== "block-bytes") {
    invalid("shardSplitStrategy", p.shardSplitStrategy, '"links-bytes" or "block-bytes"');
  }
  if (!Number.isInteger(p.shardFanoutBits) || p.shardFanoutBits < 3 || p.shardFanoutBits > 10) {
    invalid("shardFanoutBits", p.shardFanoutBits, "a whole number from 3 to 10 (fanout 8 to 1024; Kubo uses 8 = 256)");
  }
  if (typeof p.rawLeaves !== "boolean") invalid("rawLeaves", p.rawLeaves, "true or false");
  if (typeof p.reduceSingleLeafToSelf !== "boolean") {
    invalid("reduceSingleLeafToSelf", p.reduceSingleLeafToSelf, "true or false");
  }
}

function isPositiveInt(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}
