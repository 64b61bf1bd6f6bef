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
  /**
   * A stored block does not hash to its CID, or cannot be decoded. `location` is the pack file (or
   * block file) of the embedded store that holds the bad copy, when the store knows it.
   */
  IPFS_BLOCK_CORRUPT: { readonly cid: string; readonly reason: string; readonly location?: string };
  /** `verify` of the embedded store found copies whose bytes do not hash to their CID. */
  IPFS_STORE_CORRUPT: {
    readonly location: string;
    readonly badCount: number;
    /** The first bad copies (at most 20). */
    readonly bad: readonly { readonly cid: string; readonly pack: string; readonly inUse: boolean }[];
    /** Pack files that cannot be read past `from` (garbage or a torn record that is not growing). */
    readonly damaged?: readonly { readonly pack: string; readonly from: number; readonly size: number }[];
  };
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
  // --- remote stores (Kubo RPC, Pinning Service API) and the local gateway ---
  /** The remote service refused the credentials (HTTP 401/403). Not retried. */
  IPFS_REMOTE_UNAUTHORIZED: { readonly service: RemoteService; readonly url: string; readonly status: number };
  /** The remote service is unreachable or kept failing (network error, 5xx) after the retries. */
  IPFS_REMOTE_UNAVAILABLE: {
    readonly service: RemoteService;
    readonly url: string;
    readonly attempts: number;
    readonly status?: number;
    readonly reason: string;
  };
  /** Each attempt took longer than the timeout. */
  IPFS_REMOTE_TIMEOUT: { readonly service: RemoteService; readonly url: string; readonly attempts: number; readonly timeoutMs: number };
  /** The service kept answering 429 Too Many Requests after the retries. */
  IPFS_REMOTE_RATE_LIMITED: {
    readonly service: RemoteService;
    readonly url: string;
    readonly attempts: number;
    readonly retryAfterMs?: number;
  };
  /** The service refused the request itself (4xx other than 401/403/429, or a Kubo command error). Not retried. */
  IPFS_REMOTE_REJECTED: { readonly service: RemoteService; readonly url: string; readonly status: number; readonly message: string };
  /** The service URL is not a valid http(s) URL. */
  IPFS_REMOTE_INVALID_URL: { readonly service: RemoteService; readonly url: string };
  /** The service answered something that contradicts the request (e.g. another CID for a block). */
  IPFS_REMOTE_INVALID_RESPONSE: { readonly service: RemoteService; readonly url: string; readonly reason: string };
  /**
   * A token URI would point at content that is not published (no provider configured) on a chain other
   * than the local dev chains (31337/1337).
   */
  IPFS_NOT_PUBLISHED: { readonly cid?: string; readonly chainId: number };
  /** The pinning service reports the pin as `failed`. */
  IPFS_PIN_FAILED: { readonly cid: string; readonly requestid: string; readonly info?: Readonly<Record<string, string>> };
  /** The pin was still `queued`/`pinning` when the wait timed out (it may still complete). */
  IPFS_PIN_TIMEOUT: { readonly cid: string; readonly requestid: string; readonly status: string; readonly waitedMs: number };
  /** The local gateway could not start (port in use, bad host). */
  IPFS_GATEWAY_FAILED: { readonly host: string; readonly port: number; readonly reason: string };
}

export type IpfsErrorCode = keyof IpfsErrorDetailsByCode;

/** Which remote IPFS service an error is about. */
export type RemoteService = "kubo" | "pinning-service" | "gateway";

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
    super(code, shortMessage, { docsPath: "docs/design.md (5. IPFS)", ...options });
  }
}

/** True when `err` is an `IpfsError`, optionally with the given code. */
export function isIpfsError<TCode extends IpfsErrorCode>(
  err: unknown,
  code?: TCode,
): err is IpfsError<TCode> {
  return err instanceof IpfsError && (code === undefined || err.code === code);
}
