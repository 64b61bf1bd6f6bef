/**
 * Test helpers for the MintkitCollection tests: deployment with a realistic config; voucher helpers come
 * from test/helpers/vouchers.ts (on the library's src/vouchers).
 */
import type { Address } from "viem";
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

export { voucher, voucherDomain, VOUCHER_TYPES, signVoucher, malleate, SECP256K1_N, type Voucher } from "../helpers/vouchers.js";
