import type { Address } from "viem";
import type { WorstCaseCost } from "./gasLimitFor.js";
import type { GasCase, Headroom } from "./headroom.js";
import type { GasUsedSource } from "./measureGasUsed.js";

/** The operations mintkit estimates (`mintkit gas <operation>`). */
export const GAS_OPERATIONS = [
  "mint",
  "mintWithURI",
  "mintBatch",
  "airdrop",
  "redeem",
  "editionsMintNew",
  "editionsMintExisting",
  "deployCollection",
  "deployEditions",
  "transfer",
  "credentialIssue",
  "credentialRevoke",
  "credentialReissue",
  "cancelVouchers",
  "fulfillListing",
  "cancelListing",
  "approveSeaport",
  "checkIn",
] as const;

/** One of {@link GAS_OPERATIONS}. */
export type GasOperation = (typeof GAS_OPERATIONS)[number];

/** The gas of one transaction, simulated on the target chain (`eth_estimateGas`). */
export interface GasEstimate {
  readonly operation: GasOperation;
  /**
   * Gas the transaction will be charged (its receipt's gasUsed), measured by simulation; the basis of
   * its cost. See `gasSource`.
   */
  readonly gas: bigint;
  /**
   * The gas limit to send it with: {@link minimumGasLimit} plus {@link headroom}, the gas that what can move
   * on the chain before inclusion may add (a holder emptying its balance, a batch opening a new bitmap
   * word…; see `headroomFor`). Never below the minimum; capped at EIP-7825's 2^24.
   */
  readonly gasLimit: bigint;
  /**
   * The smallest gas limit at which it succeeds on the chain as it is now (within ~0.1%). It can exceed
   * `gas` by a few thousand: a value transfer must hold a 2,300 stipend it gets back, a call into another
   * contract keeps 1/64 of the gas back. Sending exactly this runs out of gas if the state moves against it.
   */
  readonly minimumGasLimit: bigint;
  /** Why `gasLimit` is above `minimumGasLimit`, item by item. */
  readonly headroom: Headroom;
  /** `gasLimit` at the fast tier's fee cap: the most the transaction can cost; absent without fee history. */
  readonly worstCaseCost?: WorstCaseCost;
  /**
   * The state-dependent cases the transaction is in now, read from the chain, each with the gas it adds
   * over the cheaper case (e.g. a uid opening a new bitmap word: +17,100; a first-time holder: +17,100).
   */
  readonly cases: readonly GasCase[];
  /**
   * How `gas` was measured: `"trace"` (`debug_traceCall`), `"accessList"` (`eth_createAccessList`), or
   * `"limit"` (the node offers neither: `gas` is then `minimumGasLimit`, an upper bound).
   */
  readonly gasSource: GasUsedSource;
  /** The contract called; absent for a direct deploy (contract creation). */
  readonly contract?: Address;
  /** Who the simulation ran as (`msg.sender`). */
  readonly account: Address;
  /** ETH sent with the call, in wei. */
  readonly value: bigint;
  /** Tokens (ERC-721) or copies (ERC-1155) the transaction mints or moves; 0 for a deploy. */
  readonly quantity: bigint;
  /** How the transaction is sent, e.g. `"factory"` / `"direct"` for a deploy. */
  readonly via?: string;
  /** `redeem` only: which storage case the voucher's redemption is (see {@link RedeemGasCase}). */
  readonly redeemCase?: RedeemGasCase;
}

/**
 * The storage case of a voucher redemption, which decides most of its gas beyond the mint itself:
 * - `"explicit-id"`: an ERC-721 voucher naming its token id: its uid is neither read nor written (the
 *   minted token guards the replay; it is cancelled by its id);
 * - `"uid-used-word"`: the uid's bitmap word already holds a spent uid: the word is rewritten (~5k gas);
 * - `"uid-new-word"`: the uid is the first spent in its word: a fresh slot (~17k gas more than a used
 *   word; consecutive uids share words, random ones do not).
 */
export type RedeemGasCase = "explicit-id" | "uid-used-word" | "uid-new-word";
