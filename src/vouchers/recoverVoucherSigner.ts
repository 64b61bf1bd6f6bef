import { hexToBigInt, isHex, recoverAddress, size, type Address, type Hex } from "viem";
import { hashVoucher } from "./hashVoucher.js";
import type { Voucher } from "./voucherTypes.js";

/** secp256k1n / 2: a larger `s` is the malleable twin of a valid signature; the contracts refuse it. */
const HALF_CURVE_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/**
 * The account whose key made `signature` over `digest`, by the token contracts' own ECDSA rules
 * (`LazyMint._isValidSignature`): a 65-byte `r ‖ s ‖ v` signature with `v` 27 or 28 and a low `s`.
 * `undefined` for anything else (other lengths, high `s`, `v` 0/1, unrecoverable): the contract would not
 * accept it as an ECDSA signature (though a contract wallet signer may still accept it through ERC-1271).
 */
export async function recoverDigestSigner(digest: Hex, signature: Hex): Promise<Address | undefined> {
  if (!isHex(signature, { strict: true }) || size(signature) !== 65) return undefined;
  const s = hexToBigInt(`0x${signature.slice(66, 130)}`);
  const v = Number.parseInt(signature.slice(130, 132), 16);
  if (s > HALF_CURVE_ORDER || (v !== 27 && v !== 28)) return undefined;
  try {
    return await recoverAddress({ hash: digest, signature });
  } catch {
    return undefined; // r or s out of range, no point on the curve: ecrecover returns address(0)
  }
}

/**
 * Off-chain, with no chain access: the account whose key signed `voucher` for the contract at `contract`
 * on chain `chainId`, by the contracts' ECDSA rules (65 bytes, `v` 27/28, low `s`); `undefined` when the
 * signature is not an ECDSA signature the contract would accept. Compare it with the expected signer. A
 * contract wallet's (ERC-1271) signature needs the chain: use `verifyVoucherSignature`.
 *
 * @example
 * const signer = await recoverVoucherSigner({ voucher, signature, contract, chainId: 1 });
 * if (signer !== undefined && isAddressEqual(signer, creator)) { ... }
 */
export function recoverVoucherSigner(parameters: {
  voucher: Voucher;
  signature: Hex;
  contract: Address;
  chainId: number;
}): Promise<Address | undefined> {
  const digest = hashVoucher({ voucher: parameters.voucher, contract: parameters.contract, chainId: parameters.chainId });
  return recoverDigestSigner(digest, parameters.signature);
}
