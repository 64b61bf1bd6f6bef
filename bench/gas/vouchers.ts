/**
 * Lazy-mint vouchers as the bench builds and signs them, on the library's voucher design (src/vouchers,
 * held to contracts/lazy/LazyMintVoucher.sol by test/vouchers). The OZ reference peer takes the same
 * struct, so every redeemer receives identical voucher calldata.
 */
import type { Address, Hex } from "viem";
import { createVoucher, signVoucher as signWithLibrary, type Voucher } from "../../src/vouchers/index.js";
import type { WalletClient } from "./chain.js";

export type { Voucher };

/**
 * The bench's "base-URI voucher": the next token id, one token, no per-token URI (the base-URI
 * convention), ETH price paid to the contract's primary-sale recipient, default royalty, a window that
 * is open (validFrom 0) and ends at `validUntil`, to whoever redeems it.
 */
export function baseUriVoucher(uid: bigint, price: bigint, validUntil: bigint): Voucher {
  return createVoucher({ uid, price, validUntil });
}

/** {@link baseUriVoucher} naming the token id `tokenId` (ERC-721: a reserved id) instead of the next id. */
export function explicitIdVoucher(uid: bigint, tokenId: bigint, price: bigint, validUntil: bigint): Voucher {
  return createVoucher({ uid, tokenId, price, validUntil });
}

/** Signs `voucher` for `verifyingContract` (EIP-712 domain "mintkit", version "1") with `signer`. */
export function signVoucher(signer: WalletClient, voucher: Voucher, verifyingContract: Address, chainId: number): Promise<Hex> {
  return signWithLibrary(signer, { voucher, contract: verifyingContract, chainId });
}
