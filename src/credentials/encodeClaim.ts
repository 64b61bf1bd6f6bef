import { encodeAbiParameters, keccak256, type Hex } from "viem";
import type { Claim, ClaimValue } from "./claimTypes.js";

/** The leaf encoding of the EAS private-data tree: `(string type, string name, bytes value, bytes32 salt)`. */
export const CLAIM_LEAF_ENCODING = ["string", "string", "bytes", "bytes32"] as const;

const leafParameters = CLAIM_LEAF_ENCODING.map((type) => ({ type }));

/** `abi.encode(value)` under the claim's Solidity type, as EAS's `PrivateData` does with ethers' coder. */
export function encodeClaimValue(type: string, value: ClaimValue): Hex {
  return encodeAbiParameters([{ type }], [value]);
}

/** A claim as a `StandardMerkleTree` value: `[type, name, abi.encode(value), salt]`. */
export function claimTreeValue(claim: Claim): [string, string, Hex, Hex] {
  return [claim.type, claim.name, encodeClaimValue(claim.type, claim.value), claim.salt];
}

/**
 * The Merkle leaf of one claim, `keccak256(keccak256(abi.encode(type, name, abi.encode(value), salt)))`: what
 * the registry's `verifyClaims(tokenId, leaves, …)` and `claimLeaf(…)` take and return.
 *
 * @example
 * const leaf = hashClaim({ type: "bool", name: "age_over_18", value: true, salt });
 */
export function hashClaim(claim: Claim): Hex {
  return keccak256(keccak256(encodeAbiParameters(leafParameters, claimTreeValue(claim))));
}
