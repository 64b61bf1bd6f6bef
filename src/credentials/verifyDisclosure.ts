import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { isHex, type Hex } from "viem";
import type { Claim } from "./claimTypes.js";
import type { Disclosure } from "./disclosureTypes.js";
import { hashClaim } from "./encodeClaim.js";
import { checkClaims } from "./validateClaims.js";

/** The leaf hashes of a disclosure's claims, in its order: the `leaves` of the registry's `verifyClaims`. */
export function disclosureLeaves(disclosure: Pick<Disclosure, "claims">): Hex[] {
  return disclosure.claims.map(hashClaim);
}

/** The outcome of checking a disclosure off-chain. */
export type DisclosureCheck =
  | { readonly ok: true; readonly root: Hex; readonly claims: readonly Claim[]; readonly leaves: readonly Hex[] }
  | {
      readonly ok: false;
      readonly reason: "NO_CLAIMS" | "MALFORMED_DISCLOSURE" | "ROOT_MISMATCH";
      readonly problems: readonly string[];
      /** The claims' leaf hashes, when the claims themselves are well-formed. */
      readonly leaves?: readonly Hex[];
    };

const isBytes32 = (v: unknown): v is Hex => typeof v === "string" && isHex(v, { strict: true }) && v.length === 66;

/**
 * Checks a disclosure off-chain: its claims are well-formed (and canonicalised), there is at least one, and
 * the multiproof rebuilds `root` (default: the disclosure's own root; a verifier passes the on-chain
 * `claimsRoot`). Zero claims never verify, unlike a bare OpenZeppelin multiproof (`proof = [root]`).
 * Never throws.
 */
export function checkDisclosure(disclosure: Disclosure, root: Hex = disclosure.root): DisclosureCheck {
  if (!Array.isArray(disclosure.claims) || disclosure.claims.length === 0) {
    return { ok: false, reason: "NO_CLAIMS", problems: ["the disclosure reveals no claim"] };
  }
  const checked = checkClaims(disclosure.claims, "disclosure.claims", { strictNames: false });
  const problems = [...checked.problems];
  if (!Array.isArray(disclosure.proof) || !disclosure.proof.every(isBytes32)) problems.push("disclosure.proof must be an array of 32-byte hex values");
  if (!Array.isArray(disclosure.proofFlags) || !disclosure.proofFlags.every((f) => typeof f === "boolean")) problems.push("disclosure.proofFlags must be an array of booleans");
  if (!isBytes32(root)) problems.push("the root must be 32 bytes of hex");
  if (checked.claims === undefined || problems.length > 0) return { ok: false, reason: "MALFORMED_DISCLOSURE", problems };
  const leaves = checked.claims.map(hashClaim);
  let matches: boolean;
  try {
    matches = SimpleMerkleTree.verifyMultiProof(root, { leaves, proof: [...disclosure.proof], proofFlags: [...disclosure.proofFlags] });
  } catch (error) {
    return { ok: false, reason: "MALFORMED_DISCLOSURE", problems: [`the multiproof is malformed: ${(error as Error).message}`], leaves };
  }
  if (!matches) return { ok: false, reason: "ROOT_MISMATCH", problems: ["the multiproof does not rebuild the claims root"], leaves };
  return { ok: true, root: root.toLowerCase() as Hex, claims: checked.claims, leaves };
}

/**
 * Whether a disclosure's claims are in the tree with root `root` (default: its own root): {@link checkDisclosure}
 * as a boolean.
 */
export function verifyDisclosure(disclosure: Disclosure, root?: Hex): boolean {
  return checkDisclosure(disclosure, root).ok;
}
