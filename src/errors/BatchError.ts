import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** One problem found while validating a batch's input (a file, its sidecar or its manifest entry). */
export interface BatchInputProblem {
  /** Index of the item in the batch (input order), or -1 for a problem of the input as a whole. */
  readonly item: number;
  /** The item's media file, relative to the folder or manifest (as given). */
  readonly file?: string;
  /**
   * A stable code: a `MetadataError` code (`MEDIA_UNSUPPORTED`, `MEDIA_MISLABELLED`, `MEDIA_TOO_LARGE`,
   * `MEDIA_EMPTY`, `MEDIA_POSTER_REQUIRED`, …), a metadata `ProblemCode` for metadata problems, or one
   * of `FILE_MISSING`, `FILE_UNREADABLE`, `FILE_OUTSIDE_FOLDER` (a manifest path out of its folder),
   * `SIDECAR_INVALID`, `ITEM_INVALID`.
   */
  readonly code: string;
  /** JSON path of the problem inside the item's metadata, when it is a metadata problem. */
  readonly path?: string;
  readonly message: string;
}

/**
 * Typed `details` for each batch error code. Browser-safe (types only); the batch engine itself is
 * Node-only (`src/batch`).
 */
export interface BatchErrorDetailsByCode {
  /** The folder or manifest does not exist or cannot be read. */
  BATCH_INPUT_NOT_FOUND: { readonly input: string };
  /** The folder holds no media file, or the manifest lists no item. */
  BATCH_INPUT_EMPTY: { readonly input: string };
  /** The manifest is not JSON or not `{ items: [...] }` / `[...]`. */
  BATCH_MANIFEST_INVALID: { readonly input: string; readonly reason: string };
  /** Some items are invalid; every problem of every item is listed. Nothing was uploaded or sent. */
  BATCH_INPUT_INVALID: { readonly input: string; readonly problems: readonly BatchInputProblem[] };
  /** A run resumes a journal, but the input files are not the ones planned. */
  BATCH_INPUT_CHANGED: {
    readonly journal: string;
    /** Items whose file is missing or whose content hash differs from the plan. */
    readonly changed: readonly { readonly item: number; readonly file: string; readonly reason: string }[];
    readonly plannedItems: number;
    readonly currentItems: number;
  };
  /** The journal cannot be read, a line other than the last is corrupt, or it has no plan. */
  BATCH_JOURNAL_INVALID: { readonly journal: string; readonly line?: number; readonly reason: string };
  /** Another live process is running this batch (its pid holds the journal's lock file). */
  BATCH_JOURNAL_LOCKED: { readonly journal: string; readonly lock: string; readonly pid: number };
  /**
   * Another live process is running a batch on the same collection of the same chain (its pid holds the
   * lock `<dataDir>/batches/<chainId>-<collection>.lock`), whatever its journal.
   */
  BATCH_COLLECTION_LOCKED: { readonly chainId: number; readonly collection: string; readonly lock: string; readonly pid: number };
  /**
   * The journal describes chain state that is not there: the collection has no code (dev chain restarted,
   * another chain), other code (redeployed), a journaled transaction is unknown to the chain, a journaled
   * token does not exist or has another owner, or the next id is behind the journal. Nothing was sent.
   */
  BATCH_JOURNAL_STALE: {
    readonly journal: string;
    readonly chainId: number;
    readonly collection: string;
    readonly check: "code" | "codeHash" | "transaction" | "owner" | "nextTokenId";
    readonly expected: string;
    readonly actual: string;
  };
  /** `--restart` was asked for a journal that still matches the chain: resuming it is the safe path. */
  BATCH_RESTART_REFUSED: { readonly journal: string };
  /** The journal belongs to another chain, collection or account than this run. */
  BATCH_JOURNAL_MISMATCH: {
    readonly journal: string;
    readonly field: "chainId" | "collection" | "account" | "to";
    readonly journalValue: string;
    readonly currentValue: string;
  };
  /**
   * A NEW batch would be planned while the account has transactions sent but not yet mined (its
   * `pending` nonce is ahead of its `latest` one): a killed run's chunk may still land and overlap the
   * new plan's ids. Nothing was uploaded, journaled or sent.
   */
  BATCH_PENDING_TRANSACTIONS: {
    readonly account: string;
    readonly latestNonce: number;
    readonly pendingNonce: number;
  };
  /** The collection already serves other metadata under its base URI. */
  BATCH_BASE_URI_CONFLICT: {
    readonly collection: string;
    readonly currentBaseUri: string;
    readonly batchBaseUri: string;
    readonly mintedTokens: string;
  };
  /** The collection's metadata is frozen, so its base URI cannot be set to this batch's directory. */
  BATCH_METADATA_FROZEN: { readonly collection: string; readonly currentBaseUri: string; readonly batchBaseUri: string };
  /** The base URI changed on chain since the batch was planned. */
  BATCH_BASE_URI_CHANGED: { readonly collection: string; readonly expected: string; readonly actual: string };
  /**
   * The collection's next token id is not the one the plan expects: someone minted in between. Nothing
   * was sent for the step.
   */
  BATCH_ID_DRIFT: {
    readonly collection: string;
    readonly step: string;
    readonly expectedNextTokenId: string;
    readonly actualNextTokenId: string;
  };
  /** A mined chunk minted other ids than planned (another mint landed between the check and the chunk). */
  BATCH_IDS_MISMATCH: {
    readonly step: string;
    readonly txHash: string;
    readonly plannedFirstId: string;
    readonly mintedIds: readonly string[];
  };
  /**
   * A signed transaction of the journal can never be mined (its nonce was used by another
   * transaction), and the chain shows that the step's effect happened anyway or cannot be decided.
   */
  BATCH_NONCE_CONSUMED: {
    readonly step: string;
    readonly txHash: string;
    readonly nonce: number;
    readonly accountNonce: number;
    readonly reason: string;
  };
  /** A batch transaction was mined but reverted. */
  BATCH_TX_REVERTED: { readonly step: string; readonly txHash: string; readonly blockNumber: string };
  /** A batch transaction was not mined in time; it stays in the journal and is re-broadcast on resume. */
  BATCH_TX_NOT_CONFIRMED: { readonly step: string; readonly txHash: string; readonly timeoutMs: number };
  /** Importing the batch into the store gave another directory CID than the journal's plan. */
  BATCH_DIRECTORY_MISMATCH: { readonly journal: string; readonly planned: string; readonly imported: string };
  /** A test-only fault injected in throw mode (src/batch/faults.ts, not in the public API). */
  BATCH_FAULT_INJECTED: { readonly point: string; readonly step: string };
}

export type BatchErrorCode = keyof BatchErrorDetailsByCode;

/** Errors of the resumable batch minter (`src/batch`, `mintkit batch`). */
export class BatchError<TCode extends BatchErrorCode = BatchErrorCode> extends MintkitError<
  TCode,
  BatchErrorDetailsByCode[TCode]
> {
  override name = "BatchError";
  /** Always present on batch errors (the constructor requires it). */
  declare readonly details: BatchErrorDetailsByCode[TCode];

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<BatchErrorDetailsByCode[TCode]> & {
      readonly details: BatchErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "src/batch/README.md", ...options });
  }
}

/** True when `err` is a `BatchError`, optionally with the given code. */
export function isBatchError<TCode extends BatchErrorCode>(err: unknown, code?: TCode): err is BatchError<TCode> {
  return err instanceof BatchError && (code === undefined || err.code === code);
}
