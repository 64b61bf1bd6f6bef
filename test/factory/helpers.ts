/**
 * Fixtures for the factory tests: implementations + factory on a fresh in-process chain, configs for
 * both contract kinds, and EIP-712 lazy-mint vouchers (domain {name "mintkit", version "1", chainId,
 * verifyingContract}).
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

/** A base-URI voucher: next id, quantity 1, ETH `price` to the primary-sale recipient, to whoever redeems. */
export function voucher(uid: bigint, price: bigint) {
  return {
    to: zeroAddress as Address,
    tokenId: 0n,
    quantity: 1n,
    uri: "",
    price,
    currency: zeroAddress as Address,
    payee: zeroAddress as Address,
    royaltyReceiver: zeroAddress as Address,
    royaltyBps: 0n,
    maxSupply: 0n,
    validFrom: 0n,
    validUntil: 0n,
    uid,
  };
}

/** The EIP-1167 runtime code of a clone of `implementation`. */
export function eip1167Code(implementation: Address): Hex {
  return `0x363d3d373d3d3d363d73${implementation.slice(2).toLowerCase()}5af43d82803e903d91602b57fd5bf3`;
}
