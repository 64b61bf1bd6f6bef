/**
 * The gas a transaction may need beyond its estimate when the chain moves between the estimate and its
 * inclusion, case by case. Browser-safe.
 *
 * Costs are the EVM's (Berlin/London/EIP-2929/EIP-3529 storage pricing, unchanged through Prague):
 * writing a slot that holds zero costs 20,000 + 2,100 (cold) = 22,100; writing one that holds a nonzero
 * value costs 2,900 + 2,100 = 5,000; the difference, {@link SLOT_OPENED_GAS}, is what a transaction pays
 * more when a slot it writes went back to, or still is, zero. A cold read costs {@link COLD_SLOAD_GAS}.
 */

/** A slot written from zero instead of from a nonzero value: 22,100 − 5,000 gas. */
export const SLOT_OPENED_GAS = 17_100n;

/** A storage read the transaction did not make when it was estimated (EIP-2929 cold SLOAD). */
export const COLD_SLOAD_GAS = 2_100n;

/** A fresh slot written from zero, cold: a range record a batch may have to add. */
export const SLOT_CREATED_GAS = 22_100n;

/**
 * ETH sent to an empty account (no balance, nonce or code; EIP-161): the EVM charges 25,000 more for the
 * call that creates it (`G_newaccount`).
 */
export const NEW_ACCOUNT_GAS = 25_000n;

/** An ERC-20 allowance below the maximum is rewritten after the transfer: a warm nonzero slot, 5,000 − 2,100. */
export const ALLOWANCE_WRITE_GAS = 2_900n;

/** What can move before inclusion and make the transaction dearer than it was estimated. */
export type HeadroomCase =
  /** A recipient that holds tokens now may hold none at inclusion (it sold or burned them): its balance slot is written from zero. */
  | "fresh-holder"
  /** The next token id may cross into a 256-id word of the batch bitmap that no batch opened yet (a next-id voucher of several tokens). */
  | "new-bitmap-word"
  /** The next id may move so that the batch splits into one more range record (and its bitmap word). */
  | "extra-range-record"
  /** A later reservation moves an explicit id out of the latest one: the contract looks it up in the batch bitmap (cold reads). */
  | "cold-range-lookup"
  /** The ERC-20 payee may hold none of the currency at inclusion: its balance slot is written from zero. */
  | "fresh-payee";

/** One reason to add gas to a limit. */
export interface HeadroomItem {
  readonly case: HeadroomCase;
  /** Gas it adds to the limit. */
  readonly gas: bigint;
  /** What could happen, in words (for a report). */
  readonly description: string;
}

/** The gas a limit keeps above the transaction's minimal limit, and why. */
export interface Headroom {
  /** The sum of the items' gas. */
  readonly gas: bigint;
  readonly items: readonly HeadroomItem[];
}

/** Internal: a {@link Headroom} from its items. */
export function toHeadroom(items: readonly HeadroomItem[]): Headroom {
  return { gas: items.reduce((sum, item) => sum + item.gas, 0n), items };
}

/** No state the transaction depends on can make it dearer (a deploy, a revoke…). */
export const NO_HEADROOM: Headroom = { gas: 0n, items: [] };

/**
 * A state-dependent case the transaction is in now (read from the chain), and what it costs compared
 * with the cheaper alternative: e.g. `{ case: "uid-new-word", gas: 17100n }` — this uid opens a new
 * bitmap word: +17.1k.
 */
export interface GasCase {
  readonly case:
    | "uid-new-word"
    | "uid-used-word"
    | "explicit-id"
    | "batch-new-word"
    | "batch-used-word"
    | "fresh-holder"
    | "existing-holder"
    /** ETH paid to an empty account (no balance, nonce or code): the call creates it, +25,000. */
    | "recipient-new-account"
    | "recipient-existing-account"
    /** ERC-20 paid to a recipient holding none of it: its balance slot is written from zero, +17,100. */
    | "payee-new-balance"
    | "payee-existing-balance"
    /** The buyer's ERC-20 allowance to Seaport is below the maximum: each transfer rewrites it (+2,900 for the slot, +100 per later transfer). */
    | "allowance-limited"
    | "allowance-unlimited"
    /** A check-in writes the ticket's own record slot from zero, whatever the event has seen before. */
    | "ticket-record";
  /** Gas this case adds over the cheaper one (0 for the cheaper one itself). */
  readonly gas: bigint;
  readonly description: string;
}
