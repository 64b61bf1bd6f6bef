/**
 * Test helpers for the MintkitEditions (ERC-1155) tests: a realistic deploy config and EIP-712 voucher
 * signing with viem (domain {name: "mintkit", version: "1", chainId, verifyingContract}).
 */
import type { Address, Hex, WalletClient } from "viem";
import { hashTypedData, zeroAddress } from "viem";

export const BASE_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/{id}.json";
export const CONTRACT_URI = "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy";

/** Mirrors `struct Config` in contracts/token/EditionsConfig.sol. */
export interface EditionsConfig {
  owner: Address;
  name: string;
  symbol: string;
  baseURI: string;
  contractURI: string;
  royaltyReceiver: Address;
  royaltyBps: bigint;
  primarySaleRecipient: Address;
}

/** A realistic config: 5% default royalty to the owner, sales to the owner. */
export function editionsConfig(owner: Address, overrides: Partial<EditionsConfig> = {}): EditionsConfig {
  return {
    owner,
    name: "mintkit Editions",
    symbol: "MKE",
    baseURI: BASE_URI,
    contractURI: CONTRACT_URI,
    royaltyReceiver: owner,
    royaltyBps: 500n,
    primarySaleRecipient: zeroAddress,
    ...overrides,
  };
}

/** Mirrors `LazyMintVoucher.Voucher`. */
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

/** A voucher for the next id: 1 copy, free, anyone may redeem, no window, uncapped. */
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

/** The EIP-712 digest of `v` for `contract` on `chainId` (what the contract's `voucherDigest` returns there). */
export function voucherDigest(contract: Address, chainId: number, v: Voucher): Hex {
  return hashTypedData({ domain: voucherDomain(chainId, contract), types: VOUCHER_TYPES, primaryType: "Voucher", message: v });
}

/** Signs `v` for `contract` on `chainId` with `signer`'s account (EIP-712 typed data). */
export async function signVoucher(signer: WalletClient, contract: Address, chainId: number, v: Voucher): Promise<Hex> {
  return signer.signTypedData({
    account: signer.account!,
    domain: voucherDomain(chainId, contract),
    types: VOUCHER_TYPES,
    primaryType: "Voucher",
    message: v,
  });
}

/** secp256k1 group order. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The high-s twin of a 65-byte signature (same signer, s -> n - s, v flipped): must be refused. */
export function malleate(signature: Hex): Hex {
  const r = signature.slice(2, 66);
  const s = BigInt("0x" + signature.slice(66, 130));
  const v = parseInt(signature.slice(130, 132), 16);
  const highS = (SECP256K1_N - s).toString(16).padStart(64, "0");
  const flipped = (v === 27 ? 28 : 27).toString(16);
  return `0x${r}${highS}${flipped}` as Hex;
}

/** The `{id}` substitution ERC-1155 clients perform: 64 lowercase hex chars, no 0x. */
export function substituteId(template: string, id: bigint): string {
  return template.replaceAll("{id}", id.toString(16).padStart(64, "0"));
}

type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;

/** The first `count` wallet clients as a fixed-length tuple (throws if the network has fewer accounts). */
export function walletClients<T, N extends number>(clients: readonly T[], count: N): Tuple<T, N> {
  if (clients.length < count) throw new Error(`need ${count} accounts, the network has ${clients.length}`);
  return clients.slice(0, count) as unknown as Tuple<T, N>;
}
