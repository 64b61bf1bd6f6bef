import type { Address, Hex } from "viem";
import type { MediaFormat, MediaKind } from "../metadata/types.js";

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** A file of the input: as given (relative to the folder or manifest) and resolved. */
export interface BatchFileRef {
  /** As given: the name in the folder, or the manifest's `file` / `poster` value. */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
}

/** One item of the input, as read from the folder or manifest, not yet validated. */
export interface BatchItemSource extends BatchFileRef {
  /** Position in the batch (0-based): the i-th item gets the i-th planned token id. */
  readonly index: number;
  /** Poster image for video, audio or 3D media (`poster` in a manifest item or sidecar). */
  readonly poster?: BatchFileRef;
  /** Metadata fields from the manifest item or the sidecar (`name`, `description`, `attributes`, …). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The sidecar JSON the fields came from (folder input), as given. */
  readonly sidecar?: string;
}

/** The batch's input, read from a folder or a manifest. */
export interface BatchSource {
  readonly kind: "folder" | "manifest";
  /** Absolute path of the folder or manifest. */
  readonly input: string;
  readonly items: readonly BatchItemSource[];
}

/** A media file that passed validation. */
export interface ValidatedMedia extends BatchFileRef {
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly size: number;
  readonly format: MediaFormat;
  readonly kind: MediaKind;
  /** The extension the format is stored under (`png`, `jpg`, `mp4`, …). */
  readonly extension: string;
}

/** An item that passed validation: its media (and poster) and the metadata fields to build. */
export interface ValidatedItem {
  readonly index: number;
  readonly media: ValidatedMedia;
  readonly poster?: ValidatedMedia;
  /** camelCase `buildTokenMetadata` input without `image` / `animationUrl` (set from the uploaded media). */
  readonly metadata: Readonly<Record<string, unknown>> & { readonly name: string };
}

// ---------------------------------------------------------------------------------------------
// Plan and journal
// ---------------------------------------------------------------------------------------------

/** One planned token: which file it is, where its metadata and media are. */
export interface PlannedItem {
  readonly index: number;
  /** Decimal token id. */
  readonly tokenId: string;
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: MediaFormat;
  readonly name: string;
  /** Path of the media in the batch directory, e.g. `12.png`. */
  readonly mediaPath: string;
  readonly mediaCid: string;
  readonly poster?: { readonly file: string; readonly sha256: string; readonly mediaPath: string; readonly cid: string };
  /** Path of the metadata in the batch directory: `<tokenId>.json`. */
  readonly metadataPath: string;
  readonly metadataCid: string;
}

/** A transaction of the batch: set the base URI, or mint one chunk. */
export type BatchStep =
  | { readonly key: "base-uri"; readonly kind: "setBaseURI"; readonly uri: string }
  | {
      /** `chunk-<n>`, n from 1. */
      readonly key: string;
      readonly kind: "mint";
      readonly chunk: number;
      /** Decimal first token id. */
      readonly firstId: string;
      readonly count: number;
      /** Gas the planner expects (decimal), when known. */
      readonly plannedGas?: string;
    };

/** The first record of a journal: everything needed to finish the batch. */
export interface PlanRecord {
  readonly type: "plan";
  readonly version: 1;
  readonly batchId: string;
  readonly createdAt: string;
  readonly chainId: number;
  readonly collection: Address;
  readonly account: Address;
  readonly to: Address;
  readonly input: { readonly kind: "folder" | "manifest"; readonly path: string };
  readonly profile: string;
  readonly dirCid: string;
  /** `ipfs://<dirCid>/`. */
  readonly baseUri: string;
  /** Decimal: the first planned token id; item i gets `firstId + i`. */
  readonly firstId: string;
  readonly items: readonly PlannedItem[];
  readonly steps: readonly BatchStep[];
  /** Where the mapping is written. */
  readonly mapping: string;
  /**
   * keccak256 of the collection's runtime code when the batch was planned (absent in older journals):
   * a resume on other code (a redeployed contract) is refused as stale.
   */
  readonly codeHash?: Hex;
}

/** Written (and fsynced) BEFORE a transaction is broadcast: the signed bytes, so resume re-sends the same. */
export interface SignedRecord {
  readonly type: "signed";
  readonly step: string;
  readonly nonce: number;
  readonly hash: Hex;
  readonly raw: Hex;
  readonly at: string;
}

/** A step's transaction was mined successfully. */
export interface ConfirmedRecord {
  readonly type: "confirmed";
  readonly step: string;
  readonly hash: Hex;
  readonly blockNumber: string;
  readonly gasUsed: string;
  readonly effectiveGasPrice: string;
  /** Mint steps: the ids of the receipt's Transfer logs (decimal). */
  readonly firstTokenId?: string;
  readonly tokenIds?: readonly string[];
  readonly at: string;
}

/** A step's transaction was mined and reverted: the step will be signed again (after a fresh check). */
export interface RevertedRecord {
  readonly type: "reverted";
  readonly step: string;
  readonly hash: Hex;
  readonly blockNumber: string;
  readonly at: string;
}

/** A step needed no transaction of its own (e.g. the base URI was already set). */
export interface SettledRecord {
  readonly type: "settled";
  readonly step: string;
  readonly reason: string;
  readonly at: string;
}

/** Every step is confirmed; the mapping is final. */
export interface CompleteRecord {
  readonly type: "complete";
  readonly at: string;
}

export type JournalRecord = PlanRecord | SignedRecord | ConfirmedRecord | RevertedRecord | SettledRecord | CompleteRecord;

// ---------------------------------------------------------------------------------------------
// Progress, status and results
// ---------------------------------------------------------------------------------------------

/** Progress of a batch run, for a progress bar or log lines. Listeners must not throw. */
export type BatchEvent =
  | { readonly type: "validated"; readonly items: number }
  | { readonly type: "import"; readonly pass: "media" | "directory"; readonly filesDone: number; readonly filesTotal: number }
  | { readonly type: "imported"; readonly dirCid: string }
  | {
      readonly type: "planned";
      readonly resumed: boolean;
      readonly journal: string;
      readonly steps: number;
      readonly tokens: number;
      readonly tokensConfirmed: number;
    }
  | {
      readonly type: "step";
      readonly step: string;
      readonly status: "signed" | "broadcast" | "rebroadcast" | "confirmed" | "settled";
      readonly hash?: Hex;
      readonly tokensConfirmed: number;
      readonly tokensTotal: number;
    }
  | { readonly type: "complete"; readonly alreadyComplete: boolean };

/** The state of one step in a journal. */
export interface StepStatus {
  readonly step: BatchStep;
  /** `planned`: nothing signed; `pending`: signed (maybe broadcast), not confirmed; `reverted`: will be re-signed. */
  readonly state: "planned" | "pending" | "confirmed" | "settled" | "reverted";
  /** Latest signed transaction of the step. */
  readonly signed?: SignedRecord;
  readonly confirmed?: ConfirmedRecord;
  /** How many transactions were signed for this step (more than one only after a revert or a lost nonce). */
  readonly attempts: number;
}

/** What a journal says about its batch. */
export interface BatchStatus {
  readonly journal: string;
  readonly plan: PlanRecord;
  readonly steps: readonly StepStatus[];
  readonly tokens: { readonly planned: number; readonly confirmed: number; readonly pending: number };
  readonly complete: boolean;
  /** True when the journal ends in a torn (half-written) line, which is ignored. */
  readonly tornTail: boolean;
}

/** One transaction sent by the batch, from the journal. */
export interface BatchTransaction {
  readonly step: string;
  readonly hash: Hex;
  readonly blockNumber: string;
  readonly gasUsed: string;
  readonly effectiveGasPrice: string;
  readonly tokenIds?: readonly string[];
}

/** The result of `runBatch`. Decimal strings for big numbers (JSON-friendly). */
export interface BatchSummary {
  readonly batchId: string;
  readonly journal: string;
  readonly mapping: string;
  readonly chainId: number;
  readonly collection: Address;
  readonly to: Address;
  readonly dirCid: string;
  readonly baseUri: string;
  /** True when the journal was already complete: nothing was done. */
  readonly alreadyComplete: boolean;
  /** True when this run continued an existing journal. */
  readonly resumed: boolean;
  readonly tokenIds: readonly string[];
  readonly transactions: readonly BatchTransaction[];
  /** Sum of gasUsed over the batch's transactions. */
  readonly gasUsed: string;
  /** Sum of gasUsed × effectiveGasPrice, in wei. */
  readonly costWei: string;
}

/** One token of `mapping.json`. */
export interface MappingEntry {
  readonly tokenId: string;
  readonly file: string;
  readonly sha256: string;
  readonly name: string;
  readonly tokenURI: string;
  readonly metadataCid: string;
  readonly media: string;
  readonly status: "planned" | "minted";
  readonly txHash?: Hex;
}

/** `mapping.json`: token id ↔ file, written at plan time and after every confirmed chunk. */
export interface BatchMapping {
  readonly version: 1;
  readonly batchId: string;
  readonly chainId: number;
  readonly collection: Address;
  readonly to: Address;
  readonly dirCid: string;
  readonly baseUri: string;
  readonly complete: boolean;
  readonly tokens: readonly MappingEntry[];
}
