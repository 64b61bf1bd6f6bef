/**
 * Fixtures for the factory tests: implementations + factory on a fresh in-process chain, configs for
 * both contract kinds, and the EIP-1167 clone code (vouchers come from the library, src/vouchers).
 */
import { zeroAddress, type Address, type Hex } from "viem";

export const BASE_URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/";
export const CONTRACT_URI = "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy";

export function collectionConfig(owner: Address, name = "mintkit Bench") {
  return {
    owner,
    name,
    symbol: "MKB",
    baseURI: BASE_URI,
    contractURI: CONTRACT_URI,
    maxSupply: 10_000n,
    royaltyReceiver: owner,
    royaltyBps: 500n,
    primarySaleRecipient: zeroAddress as Address,
  };
}

export function editionsConfig(owner: Address, name = "mintkit Editions") {
  return {
    owner,
    name,
    symbol: "MKE",
    baseURI: `${BASE_URI}{id}.json`,
    contractURI: CONTRACT_URI,
    royaltyReceiver: owner,
    royaltyBps: 500n,
    primarySaleRecipient: zeroAddress as Address,
  };
}

export function registryConfig(owner: Address, name = "mintkit Credentials") {
  return { owner, name, symbol: "CRED", baseURI: "", contractURI: "" };
}

/** The EIP-1167 runtime code of a clone of `implementation`. */
export function eip1167Code(implementation: Address): Hex {
  return `0x363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`;
}
