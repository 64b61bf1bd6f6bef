/**
 * Voucher helpers shared by the contract tests, on top of the library's voucher definition
 * (src/vouchers): one design for the collection, the editions, the factory and the bench.
 */
import type { Address, Hex, WalletClient } from "viem";
import { createVoucher, hashVoucher, signVoucher as signWithLibrary, voucherTypes, type Voucher } from "../../src/index.js";

export { voucherDomain, type Voucher } from "../../src/index.js";
export const VOUCHER_TYPES = voucherTypes;

/** A voucher for the next id: 1 token, free, anyone may redeem (explicitly allowed), no window, uid 1 unless overridden. */
export function voucher(overrides: Partial<Voucher> = {}): Voucher {
  return createVoucher({ uid: 1n, validUntil: 0n, ...overrides }, { allowFreeBearer: true });
}

/** The EIP-712 digest of `v` for `contract` on `chainId` (what the contract's `voucherDigest` returns there). */
export function voucherDigest(contract: Address, chainId: number, v: Voucher): Hex {
  return hashVoucher({ voucher: v, contract, chainId });
}

/** Signs `v` for `contract` on `chainId` with `signer`'s account. */
export function signVoucher(signer: WalletClient, contract: Address, chainId: number, v: Voucher): Promise<Hex> {
  return signWithLibrary(signer, { voucher: v, contract, chainId });
}

/** secp256k1 group order; `n - s` turns a valid signature into its malleable (high-s) twin. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The high-s twin of a 65-byte signature (same signer, s -> n - s, v flipped): contracts must refuse it. */
export function malleate(signature: Hex): Hex {
  const r = signature.slice(2, 66);
  const s = BigInt("0x" + signature.slice(66, 130));
  const v = parseInt(signature.slice(130, 132), 16);
  const highS = (SECP256K1_N - s).toString(16).padStart(64, "0");
  const flipped = (v === 27 ? 28 : 27).toString(16);
  return `0x${r}${highS}${flipped}` as Hex;
}
