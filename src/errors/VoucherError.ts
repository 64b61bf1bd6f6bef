import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/**
 * Typed `details` for each voucher error code. Browser-safe. Amounts, ids and times are decimal strings
 * (so that details serialise to JSON as they are); addresses are checksummed.
 *
 * The same codes name the problems `verifyVoucher` reports and the reverts `simulateRedeem` and
 * `redeemVoucher` decode: a voucher refused off-chain and on-chain for the same reason gets the same code.
 */
export interface VoucherErrorDetailsByCode {
  /** There is no account to sign with. */
  VOUCHER_NO_SIGNER: Record<string, never>;
  /** There is no account to redeem with. */
  VOUCHER_NO_ACCOUNT: Record<string, never>;
  /** A voucher field (or a signed-voucher file entry) is missing, malformed or out of its type's range. */
  VOUCHER_INVALID_FIELD: { readonly path: string; readonly reason: string };
  /** A signed-voucher file is not valid JSON or not a mintkit signed voucher; every problem is listed. */
  VOUCHER_INVALID_FILE: { readonly problems: readonly { readonly path: string; readonly message: string }[] };
  /** `quantity` is 0: the voucher mints nothing. */
  VOUCHER_ZERO_QUANTITY: Record<string, never>;
  /** The validity window is empty (`validUntil` before `validFrom`): the voucher can never be redeemed. */
  VOUCHER_EMPTY_WINDOW: { readonly validFrom: string; readonly validUntil: string };
  /** The window has not opened yet. */
  VOUCHER_NOT_YET_VALID: { readonly validFrom: string; readonly now: string };
  /** The window has closed. */
  VOUCHER_EXPIRED: { readonly validUntil: string; readonly now: string };
  /** The uid was already spent on this contract. */
  VOUCHER_ALREADY_REDEEMED: { readonly uid: string };
  /**
   * A minter or admin cancelled the voucher on this contract: its uid (`cancelVouchers`), or, for an
   * ERC-721 voucher naming its token id, that id (`cancelReservedIds`; `tokenId` is then set).
   */
  VOUCHER_CANCELLED: { readonly uid: string; readonly tokenId?: string };
  /** A free voucher open to any recipient was asked for without `allowFreeBearer: true`. */
  VOUCHER_FREE_BEARER: Record<string, never>;
  /** The signature is not the signer's over this voucher on this chain and contract. */
  VOUCHER_INVALID_SIGNATURE: { readonly signer: string };
  /** The signature is valid, but made by another account than the one named as signer. */
  VOUCHER_WRONG_SIGNER: { readonly signer: string; readonly recovered: string };
  /** The voucher was signed for another chain. */
  VOUCHER_WRONG_CHAIN: { readonly signedFor: number; readonly chainId: number };
  /** The voucher was signed for another contract. */
  VOUCHER_WRONG_CONTRACT: { readonly signedFor: string; readonly contract: string };
  /** The signer does not hold the minter role on the contract. */
  VOUCHER_SIGNER_NOT_MINTER: { readonly signer: string };
  /** No contract at the address on this chain. */
  VOUCHER_CONTRACT_NOT_FOUND: { readonly contract: string; readonly chainId: number };
  /** The contract is not a mintkit token contract (no mintkit EIP-712 domain, no voucher redemption). */
  VOUCHER_NOT_A_VOUCHER_CONTRACT: { readonly contract: string };
  /** The ETH sent is not the voucher's total price. */
  VOUCHER_WRONG_PAYMENT: { readonly expected: string; readonly sent: string; readonly currency: string };
  /** A priced voucher names no payee and the contract has no primary-sale recipient. */
  VOUCHER_NO_PAYEE: Record<string, never>;
  /** `price * quantity` does not fit in 256 bits. */
  VOUCHER_PRICE_OVERFLOW: { readonly price: string; readonly quantity: string };
  /** The ERC-20 currency has no code on this chain. */
  VOUCHER_CURRENCY_NOT_CONTRACT: { readonly currency: string };
  /** The redeemer has not approved the contract to take the ERC-20 price. */
  VOUCHER_INSUFFICIENT_ALLOWANCE: {
    readonly currency: string;
    readonly owner: string;
    readonly spender: string;
    readonly allowance: string;
    readonly needed: string;
  };
  /** The redeemer holds less of the ERC-20 than the price. */
  VOUCHER_INSUFFICIENT_TOKEN_BALANCE: {
    readonly currency: string;
    readonly owner: string;
    readonly balance: string;
    readonly needed: string;
  };
  /** The redeemer has too little ETH for the value sent plus gas. */
  VOUCHER_INSUFFICIENT_FUNDS: { readonly account: string; readonly value: string };
  /** Minting would pass a supply cap. */
  VOUCHER_MAX_SUPPLY_EXCEEDED: {
    readonly tokenId?: string;
    readonly maxSupply: string;
    readonly available: string;
    readonly requested: string;
  };
  /** ERC-721: `maxSupply` is an ERC-1155 field and must be 0. */
  VOUCHER_MAX_SUPPLY_NOT_SUPPORTED: { readonly maxSupply: string };
  /** ERC-721: a voucher for a specific (reserved) id must mint exactly one token. */
  VOUCHER_QUANTITY_NOT_ONE: { readonly quantity: string };
  /** ERC-721: the voucher's token id is not a reserved, unminted id. */
  VOUCHER_TOKEN_NOT_RESERVED: { readonly tokenId: string };
  /** ERC-1155: the voucher's cap differs from the existing id's (or is out of range). */
  VOUCHER_MAX_SUPPLY_MISMATCH: { readonly tokenId: string; readonly recorded?: string; readonly given: string };
  /** ERC-1155: the voucher's URI differs from the existing id's. */
  VOUCHER_URI_MISMATCH: { readonly tokenId: string };
  /** ERC-1155: the voucher's royalty differs from the existing id's. */
  VOUCHER_ROYALTY_MISMATCH: { readonly tokenId: string };
  /** The voucher's royalty is above the contract's bound (or names no receiver). */
  VOUCHER_INVALID_ROYALTY: { readonly bps: string; readonly maxBps: string; readonly receiver: string };
  /** The recipient is a contract that refuses the tokens (or the zero address). */
  VOUCHER_RECEIVER_REJECTED: { readonly receiver: string };
  /** The redemption reverted for another reason; `errorName`/`args` when the revert could be decoded. */
  VOUCHER_REDEEM_REVERTED: { readonly errorName?: string; readonly args?: readonly string[]; readonly reason?: string };
  /** The transaction was mined but reverted. */
  VOUCHER_TRANSACTION_REVERTED: { readonly transactionHash: string };
  /** The chain could not be reached or answered with an error that is not a revert. */
  VOUCHER_RPC_FAILED: { readonly operation: string };
}

export type VoucherErrorCode = keyof VoucherErrorDetailsByCode;

/** Errors of the lazy-mint voucher layer (`src/vouchers`). */
export class VoucherError<TCode extends VoucherErrorCode = VoucherErrorCode> extends MintkitError<
  TCode,
  VoucherErrorDetailsByCode[TCode]
> {
  override name = "VoucherError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<VoucherErrorDetailsByCode[TCode]> & {
      readonly details: VoucherErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "README.md (Contracts: lazy minting)", ...options });
  }
}

/** True when `err` is a `VoucherError`, optionally with the given code. */
export function isVoucherError<TCode extends VoucherErrorCode>(err: unknown, code?: TCode): err is VoucherError<TCode> {
  return err instanceof VoucherError && (code === undefined || err.code === code);
}
