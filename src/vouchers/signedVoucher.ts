import type { Address, Hex } from "viem";
import type { Voucher } from "./voucherTypes.js";

/** The `type` tag of a signed-voucher file. */
export const SIGNED_VOUCHER_TYPE = "mintkit/signed-voucher";
/** The signed-voucher file format version this mintkit writes and reads. */
export const SIGNED_VOUCHER_VERSION = 1;

/**
 * A voucher with everything needed to verify and redeem it: the chain and contract it was signed for (its
 * EIP-712 domain), the signer (an EOA or a contract wallet) and the signature.
 *
 * As a file (`serializeSignedVoucher` / `parseSignedVoucher`), JSON:
 * `{ "type": "mintkit/signed-voucher", "version": 1, "chainId": 31337, "contract": "0x…", "signer": "0x…",
 * "signature": "0x…", "voucher": { "to": "0x…", "tokenId": "0", … } }`, with every integer field of the
 * voucher as a decimal string (they exceed JavaScript's safe integers).
 */
export interface SignedVoucher {
  readonly chainId: number;
  readonly contract: Address;
  readonly signer: Address;
  readonly signature: Hex;
  readonly voucher: Voucher;
}
