import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/**
 * Typed `details` for each IPFS error code. Browser-safe.
 * CIDs are given as strings so that details serialise cleanly (JSON, logs).
 */
export interface IpfsErrorDetailsByCode {
  /** The profile name is not one of the known profiles. */
  IPFS_UNKNOWN_PROFILE: { readonly profile: string; readonly known: readonly string[] };
  /** A custom profile object has a parameter out of range. */
  IPFS_INVALID_PROFILE: { readonly profile: string; readonly parameter: string; readonly value: string };
  /** An entry path is empty, absolute outside the import, or contains `.`/`..` segments. */
  IPFS_INVALID_PATH: { readonly path: string; readonly reason: string };
  /** An entry's content is not bytes (Uint8Array, or an iterable of Uint8Array). */
  IPFS_INVALID_CONTENT: { readonly path: string; readonly received: string };
  /** Two entries (or a file and a directory) claim the same path. */
  IPFS_DUPLICATE_PATH: { readonly path: string };
  /** The importer (chunking, DAG building) failed. */
  IPFS_IMPORT_FAILED: { readonly path?: string };
  /** A block is not in the store. */
  IPFS_BLOCK_NOT_FOUND: { readonly cid: string };
  /** The underlying store failed to read, write or open. */
  IPFS_STORE_FAILED: {
    readonly operation: "open" | "close" | "put" | "get" | "has";
    readonly cid?: string;
    readonly location?: string;
  };
  /** A stored block does not hash to its CID, or cannot be decoded. */
  IPFS_CORRUPT_BLOCK: { readonly cid: string; readonly reason: string };
  /** The DAG contains a codec or hash mintkit cannot walk. */
  IPFS_UNSUPPORTED_CODEC: { readonly cid: string; readonly codec: number; readonly hash: number };
  /** Some blocks under a root are missing from the store. */
  IPFS_DAG_INCOMPLETE: {
    readonly root: string;
    readonly missingCount: number;
    /** The first missing CIDs (at most 20). */
    readonly missing: readonly string[];
  };
  /** Writing a CAR failed (store error, missing block or output error). */
  IPFS_CAR_EXPORT_FAILED: { readonly root: string; readonly location?: string };
}

export type IpfsErrorCode = keyof IpfsErrorDetailsByCode;

/** Errors of the IPFS layer (`src/ipfs`): CIDs, stores, DAG walks, CAR export. */
export class IpfsError<TCode extends IpfsErrorCode = IpfsErrorCode> extends MintkitError<
  TCode,
  IpfsErrorDetailsByCode[TCode]
> {
  override name = "IpfsError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<IpfsErrorDetailsByCode[TCode]> & {
      readonly details: IpfsErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "/ipfs", ...options });
  }
}

/** True when `err` is an `IpfsError`, optionally with the given code. */
export function isIpfsError<TCode extends IpfsErrorCode>(
  err: unknown,
  code?: TCode,
): err is IpfsError<TCode> {
  return err instanceof IpfsError && (code === undefined || err.code === code);
}
