/**
 * Lazy-mint vouchers as the bench builds and signs them. The fields and EIP-712 type are mintkit's
 * (contracts/lazy/LazyMintVoucher.sol); the OZ reference peer uses the same struct, so both contracts
 * receive identical voucher calldata. Kept local to the bench so it never depends on library code.
 */
import type { Address, Hex } from "viem";
import type { WalletClient } from "./chain.js";

export interface Voucher {
  to: Address;
  tokenId: bigint;
  quantity: bigint;
  uri: string;
  price: bigint;
  currency: Address;
  payee: Address;
  royaltyReceiver: Address;
  royaltyBps: bigint;
  maxSupply: bigint;
  validFrom: bigint;
  validUntil: bigint;
  uid: bigint;
}

export const VOUCHER_TYPES = {
  Voucher: [
    { name: "to", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "quantity", type: "uint256" },
    { name: "uri", type: "string" },
    { name: "price", type: "uint256" },
    { name: "currency", type: "address" },
    { name: "payee", type: "address" },
    { name: "royaltyReceiver", type: "address" },
    { name: "royaltyBps", type: "uint96" },
    { name: "maxSupply", type: "uint256" },
    { name: "validFrom", type: "uint64" },
    { name: "validUntil", type: "uint64" },
    { name: "uid", type: "uint256" },
  ],
} as const;

const ZERO: Address = "0x0000000000000000000000000000000000000000";

/**
 * The bench's "base-URI voucher": the next token id, one token, no per-token URI (the base-URI
 * convention), ETH price paid to the contract's primary-sale recipient, default royalty, a window that
 * is open (validFrom 0) and ends 30 days after genesis, to whoever redeems it.
 */
export function baseUriVoucher(uid: bigint, price: bigint, validUntil: bigint): Voucher {
  return {
    to: ZERO,
    tokenId: 0n,
    quantity: 1n,
    uri: "",
    price,
    currency: ZERO,
    payee: ZERO,
    royaltyReceiver: ZERO,
    royaltyBps: 0n,
    maxSupply: 0n,
    validFrom: 0n,
    validUntil,
    uid,
  };
}

/** The voucher as a viem struct argument. */
export function voucherTuple(v: Voucher): Voucher {
  return { ...v };
}

/** Signs `voucher` for `verifyingContract` (EIP-712 domain "mintkit", version "1") with `signer`. */
export async function signVoucher(
  signer: WalletClient,
  voucher: Voucher,
  verifyingContract: Address,
  chainId: number,
): Promise<Hex> {
  return signer.signTypedData({
    account: signer.account,
    domain: { name: "mintkit", version: "1", chainId, verifyingContract },
    types: VOUCHER_TYPES,
    primaryType: "Voucher",
    message: voucher,
  });
}
