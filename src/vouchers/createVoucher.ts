import { isAddressEqual, zeroAddress } from "viem";
import { VoucherError } from "../errors/VoucherError.js";
import { voucherProblem } from "./voucherProblem.js";
import type { Voucher } from "./voucherTypes.js";

/** How long a voucher made by {@link createVoucher} stays valid when no `validUntil` is given: 30 days. */
export const DEFAULT_VOUCHER_VALIDITY_SECONDS = 30n * 86_400n;

/** Options of {@link createVoucher}. */
export interface CreateVoucherOptions {
  /**
   * Allow a free voucher (`price` 0) open to any recipient (`to` the zero address): whoever gets hold of
   * it mints for nothing, until it expires or is cancelled. Without it such a voucher is refused.
   */
  readonly allowFreeBearer?: boolean;
  /** "Now" in unix seconds, for the default `validUntil` (default: this machine's clock; pass the chain's time when it differs). */
  readonly now?: bigint;
}

/** Whether `voucher` is free and open to any recipient (a "free bearer" voucher). */
export function isFreeBearerVoucher(voucher: Pick<Voucher, "to" | "price">): boolean {
  return voucher.price === 0n && isAddressEqual(voucher.to, zeroAddress);
}

/**
 * A voucher with mintkit's defaults for every field not given: the next token id, one token, the
 * base-URI convention, free, paid (if priced) in ETH to the primary-sale recipient, the default royalty,
 * redeemable by anyone, valid from now for 30 days ({@link DEFAULT_VOUCHER_VALIDITY_SECONDS}; pass
 * `validUntil: 0n` for no end). `uid` has no default: choose it (consecutive uids are cheaper to spend
 * on-chain, as they share a bitmap word).
 *
 * A voucher that is both free and open to any recipient is refused with `VoucherError`
 * `VOUCHER_FREE_BEARER` unless `options.allowFreeBearer` is true: name a recipient (`to`) or a price.
 *
 * @example
 * const voucher = createVoucher({ to: buyer, uid: 1n }); // free for `buyer`, valid 30 days
 * const drop = createVoucher({ price: parseEther("0.01"), uid: 2n }); // anyone, 0.01 ETH
 */
export function createVoucher(fields: Partial<Voucher> & Pick<Voucher, "uid">, options: CreateVoucherOptions = {}): Voucher {
  const now = options.now ?? BigInt(Math.floor(Date.now() / 1000));
  const voucher: Voucher = {
    to: zeroAddress,
    tokenId: 0n,
    quantity: 1n,
    uri: "",
    price: 0n,
    currency: zeroAddress,
    payee: zeroAddress,
    royaltyReceiver: zeroAddress,
    royaltyBps: 0n,
    maxSupply: 0n,
    validFrom: 0n,
    validUntil: now + DEFAULT_VOUCHER_VALIDITY_SECONDS,
    ...fields,
  };
  if (options.allowFreeBearer !== true && isFreeBearerVoucher(voucher)) {
    const problem = voucherProblem("VOUCHER_FREE_BEARER", {});
    throw new VoucherError(problem.code, problem.message, { hint: problem.hint, details: problem.details });
  }
  return voucher;
}
