import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/**
 * Typed `details` for each market (Seaport listing) error code. Browser-safe. Amounts, ids and times are
 * decimal strings; addresses are checksummed.
 *
 * The same codes name the problems `verifyListing` reports and the reverts `fulfillListing` decodes: a
 * listing refused off-chain and on-chain for the same reason gets the same code.
 */
export interface MarketErrorDetailsByCode {
  /** There is no account to sign, buy or cancel with. */
  MARKET_NO_ACCOUNT: Record<string, never>;
  /** A listing parameter is missing, malformed or out of range. */
  MARKET_INVALID_INPUT: { readonly field: string; readonly reason: string };
  /** An order file is not valid JSON or not a Seaport order; every problem is listed. */
  MARKET_INVALID_ORDER_FILE: { readonly problems: readonly { readonly path: string; readonly message: string }[] };
  /** The order uses a Seaport feature mintkit does not fulfil (criteria items, bulk signatures, several offer items…). */
  MARKET_UNSUPPORTED_ORDER: { readonly reason: string };
  /** A price of 0 without `allowFree`. */
  MARKET_FREE_LISTING: Record<string, never>;
  /** The royalty and the marketplace fee add up to more than the price. */
  MARKET_FEES_EXCEED_PRICE: { readonly price: string; readonly royalty: string; readonly fee: string };
  /** The ERC-20 currency has no code on this chain. */
  MARKET_CURRENCY_NOT_CONTRACT: { readonly currency: string };
  /** The token contract is neither ERC-721 nor ERC-1155 (by ERC-165), or has no code. */
  MARKET_NOT_A_TOKEN: { readonly collection: string };
  /** No Seaport 1.6 at the address on this chain. */
  MARKET_SEAPORT_NOT_DEPLOYED: { readonly seaport: string; readonly chainId: number };
  /** The order was made for another chain. */
  MARKET_WRONG_CHAIN: { readonly signedFor: number; readonly chainId: number };
  /** The order was made for another Seaport contract. */
  MARKET_WRONG_SEAPORT: { readonly orderSeaport: string; readonly seaport: string };
  /** The signature is not the offerer's over this order (EOA or ERC-1271). */
  MARKET_BAD_SIGNATURE: { readonly offerer: string; readonly orderHash: string };
  /** The offerer's counter moved on since the order was signed: every order of theirs before it is cancelled. */
  MARKET_COUNTER_CHANGED: { readonly offerer: string; readonly orderCounter: string; readonly counter: string };
  /** The order was cancelled on Seaport. */
  MARKET_CANCELLED: { readonly orderHash: string };
  /** The order was already filled. */
  MARKET_FILLED: { readonly orderHash: string };
  /** The seller has not approved Seaport (or the order's conduit) for the collection. */
  MARKET_NOT_APPROVED: { readonly collection: string; readonly owner: string; readonly operator: string };
  /** The seller no longer holds the token (or enough copies of it). */
  MARKET_SELLER_NOT_HOLDER: {
    readonly collection: string;
    readonly tokenId: string;
    readonly seller: string;
    readonly holder?: string;
    readonly balance?: string;
    readonly needed?: string;
  };
  /** The order's window has not opened yet. */
  MARKET_NOT_STARTED: { readonly startTime: string; readonly now: string };
  /** The order's window has closed (or, when listing, the expiry is not in the future). */
  MARKET_EXPIRED: { readonly endTime: string; readonly now: string };
  /** The buyer has too little ETH for the price. */
  MARKET_INSUFFICIENT_FUNDS: { readonly account: string; readonly needed: string; readonly balance: string; readonly missing: string };
  /** The buyer holds less of the ERC-20 than the price. */
  MARKET_INSUFFICIENT_TOKEN_BALANCE: {
    readonly currency: string;
    readonly account: string;
    readonly needed: string;
    readonly balance: string;
    readonly missing: string;
  };
  /** The buyer has not approved Seaport (or the conduit) to take the ERC-20 price. */
  MARKET_INSUFFICIENT_ALLOWANCE: {
    readonly currency: string;
    readonly account: string;
    readonly spender: string;
    readonly needed: string;
    readonly allowance: string;
    readonly missing: string;
  };
  /** The fulfilment reverted for another reason; `errorName`/`args` when it could be decoded. */
  MARKET_FULFILL_REVERTED: { readonly errorName?: string; readonly args?: readonly string[]; readonly reason?: string };
  /** The transaction was mined but reverted. */
  MARKET_TRANSACTION_REVERTED: { readonly transactionHash: string };
  /** The chain could not be reached or answered with an error that is not a revert. */
  MARKET_RPC_FAILED: { readonly operation: string };
}

export type MarketErrorCode = keyof MarketErrorDetailsByCode;

/** Errors of the Seaport market layer (`src/market`). */
export class MarketError<TCode extends MarketErrorCode = MarketErrorCode> extends MintkitError<
  TCode,
  MarketErrorDetailsByCode[TCode]
> {
  override name = "MarketError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<MarketErrorDetailsByCode[TCode]> & { readonly details: MarketErrorDetailsByCode[TCode] },
  ) {
    super(code, shortMessage, { docsPath: "docs/market.md", ...options });
  }
}

/** True when `err` is a `MarketError`, optionally with the given code. */
export function isMarketError<TCode extends MarketErrorCode>(err: unknown, code?: TCode): err is MarketError<TCode> {
  return err instanceof MarketError && (code === undefined || err.code === code);
}
