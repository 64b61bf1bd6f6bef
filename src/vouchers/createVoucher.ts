import { zeroAddress } from "viem";
import type { Voucher } from "./voucherTypes.js";

/**
 * A voucher with mintkit's defaults for every field not given: the next token id, one token, the
 * base-URI convention, free, paid (if priced) in ETH to the primary-sale recipient, the default royalty,
 * redeemable by anyone, with no time window. `uid` has no default: choose it (consecutive uids are
 * cheaper to spend on-chain, as they share a bitmap word).
 */
export function createVoucher(fields: Partial<Voucher> & Pick<Voucher, "uid">): Voucher {
  return {
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
    validUntil: 0n,
    ...fields,
  };
}
