import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type { Hex } from "viem";
import type { Claim } from "./claimTypes.js";
import { CLAIM_LEAF_ENCODING, claimTreeValue, hashClaim } from "./encodeClaim.js";
import { validateClaims } from "./validateClaims.js";

/** The claims tree: OpenZeppelin's `StandardMerkleTree` over `[type, name, abi.encode(value), salt]` values. */
export type ClaimsTree = StandardMerkleTree<[string, string, Hex, Hex]>;

/** A commitment to a credential's claims. */
export interface ClaimsCommitment {
  /** What the issuer passes to the registry's `issue(to, schemaId, claimsRoot, …)`. */
  readonly root: Hex;
  /** Each claim's leaf hash ({@link hashClaim}), in the order of the claims given. */
  readonly leaves: readonly Hex[];
  /** The tree itself (values indexed in the order of the claims given). */
  readonly tree: ClaimsTree;
}

/**
 * Commits to claims the way the Ethereum Attestation Service's `PrivateData` does: an OpenZeppelin
 * `StandardMerkleTree` (sorted leaves) with leaf encoding `["string","string","bytes","bytes32"]`, so the
 * root is the same as `new PrivateData(claims).getFullTree().root`. Claims are validated first (type,
 * name, value, salt, unique names): a `CredentialError` (`CREDENTIAL_INVALID_CLAIMS`) lists every problem.
 *
 * @example
 * const { root } = commitClaims(claims);
 * await registry.write.issue([holder, schemaId, root, expiry, burnAuth]);
 */
export function commitClaims(claims: readonly Claim[]): ClaimsCommitment {
  const valid = validateClaims(claims);
  const tree = StandardMerkleTree.of(valid.map(claimTreeValue), [...CLAIM_LEAF_ENCODING]);
  return { root: tree.root as Hex, leaves: valid.map(hashClaim), tree };
}
