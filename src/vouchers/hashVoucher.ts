import { hashTypedData, type Address, type Hex } from "viem";
import { voucherDomain, voucherTypes, type Voucher } from "./voucherTypes.js";

/**
 * The EIP-712 digest of `voucher` for the contract at `contract` on chain `chainId`: what a signer signs,
 * and what the contract's `voucherDigest(voucher)` returns.
 */
export function hashVoucher(parameters: { voucher: Voucher; contract: Address; chainId: number }): Hex {
  return hashTypedData({
    domain: voucherDomain(parameters.chainId, parameters.contract),
    types: voucherTypes,
    primaryType: "Voucher",
    message: parameters.voucher,
  });
}
