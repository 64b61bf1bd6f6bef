/**
 * Test helpers for the MintkitEditions (ERC-1155) tests: a realistic deploy config; voucher helpers come
 * from test/helpers/vouchers.ts (on the library's src/vouchers).
 */
import type { Address } from "viem";
import { zeroAddress } from "viem";

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

export { voucher, voucherDomain, VOUCHER_TYPES, voucherDigest, signVoucher, malleate, SECP256K1_N, type Voucher } from "../helpers/vouchers.js";

/** The `{id}` substitution ERC-1155 clients perform (64 lowercase hex chars, no 0x): the library's. */
export { substituteTokenId as substituteId } from "../../src/index.js";

type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;

/** The first `count` wallet clients as a fixed-length tuple (throws if the network has fewer accounts). */
export function walletClients<T, N extends number>(clients: readonly T[], count: N): Tuple<T, N> {
  if (clients.length < count) throw new Error(`need ${count} accounts, the network has ${clients.length}`);
  return clients.slice(0, count) as unknown as Tuple<T, N>;
}
