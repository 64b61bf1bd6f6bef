import type { Hex } from "viem";
import type { Claim } from "./claimTypes.js";

/**
 * Chosen claims of a credential and the OpenZeppelin multiproof that ties them to its claims root. The
 * shape of the Ethereum Attestation Service's private-data multiproof (`{ leaves, proof, proofFlags }`
 * with `leaves = claims`) plus the root: `PrivateData.verifyMultiProof(root, { leaves: claims, proof,
 * proofFlags })` accepts it.
 */
export interface Disclosure {
  /** The claims root the proof rebuilds (the credential's on-chain `claimsRoot`). */
  readonly root: Hex;
  /** The disclosed claims, in the order the multiproof consumes them (as `getMultiProof` returns them). */
  readonly claims: readonly Claim[];
  readonly proof: readonly Hex[];
  readonly proofFlags: readonly boolean[];
}
