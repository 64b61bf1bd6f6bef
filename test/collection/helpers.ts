/**
 * Test helpers for the MintkitCollection tests: deployment with a realistic config, and EIP-712 voucher
 * signing with viem (domain {name: "mintkit", version: "1", chainId, verifyingContract}).
 */
import type { Address, Hex, WalletClient } from "viem";
import { zeroAddress } from "viem";

export const BASE_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/";
export const CONTRACT_URI = "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy";

export interface CollectionConfig {
  owner: Address;
  name: string;
  symbol: string;
  baseURI: string;
  contractURI: string;
  maxSupply: bigint;
  royaltyReceiver: Address;
  royaltyBps: bigint;
  primarySaleRecipient: Address;
}

/** The bench's realistic config: 10,000 max supply, 5% royalty to the owner. */
export function benchConfig(owner: Address, overrides: Partial<CollectionConfig> = {}): CollectionConfig {
  return {
    owner,
    name: "mintkit Bench",
    symbol: "MKB",
    baseURI: BASE_URI,
    contractURI: CONTRACT_URI,
    maxSupply: 10_000n,
    royaltyReceiver: owner,
    royaltyBps: 500n,
    primarySaleRecipient: zeroAddress,
    ...overrides,
  };
}

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

/** A base-URI voucher for the next id, 1 token, free, anyone may redeem, no window. */
export function voucher(overrides: Partial<Voucher> = {}): Voucher {
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
    uid: 1n,
    ...overrides,
  };
}

export function voucherDomain(chainId: number, verifyingContract: Address) {
  return { name: "mintkit", version: "1", chainId, verifyingContract } as const;
}

/** Signs `v` for `contract` on `chainId` with `signer` (EIP-712 typed data). */
export async function signVoucher(
  signer: WalletClient,
  contract: Address,
  chainId: number,
  v: Voucher,
): Promise<Hex> {
  return signer.signTypedData({
    account: signer.account!,
    domain: voucherDomain(chainId, contract),
    types: VOUCHER_TYPES,
    primaryType: "Voucher",
    message: v,
  });
}

/** secp256k1 group order; `n - s` turns a valid signature into its malleable (high-s) twin. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The high-s twin of a 65-byte signature (same signer, flipped v): must be refused. */
export function malleate(signature: Hex): Hex {
  const r = signature.slice(2, 66);
  const s = BigInt("0x" + signature.slice(66, 130));
  const v = parseInt(signature.slice(130, 132), 16);
  const s2 = (SECP256K1_N - s).toString(16).padStart(64, "0");
  const v2 = (v === 27 ? 28 : 27).toString(16);
  return `0x${r}${s2}${v2}` as Hex;
}
