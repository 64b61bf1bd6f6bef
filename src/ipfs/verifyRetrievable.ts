import type { CID } from "multiformats/cid";
import { IpfsError } from "../errors/IpfsError.js";
import type { BlockStore } from "./stores/BlockStore.js";
import { walkDag } from "./walkDag.js";

export interface VerifyRetrievableOptions {
  /**
   * Read and re-hash every block, raw leaves included. Default false: dag-pb nodes are read and re-hashed,
   * raw leaves are checked with `has` (the embedded store's `has` re-hashes a block the first time it is
   * asked; a remote store's does not). Use `true` against a remote store or a gateway
   * (`createGatewayStore`): "retrievable" then means someone else can get these exact bytes.
   */
  readonly rehash?: boolean;
  /** Throw `IPFS_DAG_INCOMPLETE` when blocks are missing (default true); false returns the report. */
  readonly throwIfIncomplete?: boolean;
}

export interface RetrievabilityReport {
  readonly root: CID;
  /** True when every block under the root is in the store. */
  readonly complete: boolean;
  /** Distinct blocks found. */
  readonly blocks: number;
  /** Bytes of the blocks read (raw leaves count only with `rehash`). */
  readonly bytesRead: number;
  /** Missing blocks. A missing dag-pb node hides its own children, which are not listed. */
  readonly missing: readonly CID[];
}

/**
 * Walks the DAG under `root` and confirms that every block is in the store — the check that
 * ends every upload. Browser-safe.
 * @throws IpfsError `IPFS_DAG_INCOMPLETE` (unless `throwIfIncomplete: false`), `IPFS_BLOCK_CORRUPT`,
 *   `IPFS_UNSUPPORTED_CODEC`, `IPFS_STORE_FAILED`.
 */
export async function verifyRetrievable(
  root: CID,
  store: BlockStore,
  options: VerifyRetrievableOptions = {},
): Promise<RetrievabilityReport> {
  const missing: CID[] = [];
  let blocks = 0;
  let bytesRead = 0;
  const walk = walkDag(root, store, {
    loadLeaves: options.rehash ?? false,
    verifyHashes: true,
    onMissing: (cid) => missing.push(cid),
  });
  for await (const block of walk) {
    blocks++;
    bytesRead += block.bytes?.byteLength ?? 0;
  }
  const report: RetrievabilityReport = { root, complete: missing.length === 0, blocks, bytesRead, missing };
  if (!report.complete && (options.throwIfIncomplete ?? true)) {
    throw new IpfsError(
      "IPFS_DAG_INCOMPLETE",
      `${missing.length} block(s) under ${root.toString()} are missing from the ${store.label} store.`,
      {
        hint: "Run the import again into this store: it writes only the missing blocks. Then verify again.",
        details: {
          root: root.toString(),
          missingCount: missing.length,
          missing: missing.slice(0, 20).map((c) => c.toString()),
        },
      },
    );
  }
  return report;
}
