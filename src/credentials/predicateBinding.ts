import { encodeAbiParameters, hexToBigInt, keccak256, type Address } from "viem";
import type { Presentation } from "./presentationTypes.js";

/** What a presentation's predicate proofs are bound to: its chain, registry, credential, holder, audience and nonce. */
export type PresentationBinding = Pick<Presentation, "chainId" | "registry" | "tokenId" | "holder" | "audience" | "nonce">;

/**
 * The binding public input of a predicate proof made for a presentation: keccak256 of
 * `abi.encode(chainId, registry, tokenId, holder, audience, nonce)`, shifted right by 8 bits so it is a
 * BN254 field element. A proof made for one verifier's audience and nonce fails under any other. On chain
 * the binding is the caller's address instead ({@link addressBinding}).
 */
export function predicateBinding(p: PresentationBinding): bigint {
  const encoded = encodeAbiParameters(
    [{ type: "uint256" }, { type: "address" }, { type: "uint256" }, { type: "address" }, { type: "string" }, { type: "string" }],
    [BigInt(p.chainId), p.registry, p.tokenId, p.holder, p.audience, p.nonce],
  );
  return hexToBigInt(keccak256(encoded)) >> 8n;
}

/** The binding public input of a proof for the on-chain gate: the caller's address as a number (`uint160(msg.sender)`). */
export function addressBinding(caller: Address): bigint {
  return hexToBigInt(caller);
}

/** The packed `bounds` public input: `lo + hi * 2^64` (one field element for both bounds). */
export function packBounds(lo: bigint, hi: bigint): bigint {
  return lo + (hi << 64n);
}
