import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Claim } from "./claimTypes.js";
import { commitClaims } from "./commitClaims.js";
import type { Disclosure } from "./disclosureTypes.js";

/**
 * Discloses the claims named `names` (and nothing else) out of all of a credential's `claims`: the chosen
 * claims with their salts and an OpenZeppelin multiproof (`StandardMerkleTree.getMultiProof`) against the
 * claims root. Throws `CREDENTIAL_NOTHING_DISCLOSED` for no names (zero claims would prove nothing) and
 * `CREDENTIAL_UNKNOWN_CLAIM` for names the holder does not have.
 *
 * @example
 * const disclosure = createDisclosure({ claims: claimsFile.claims, names: ["age_over_18"] });
 * await registry.read.verifyClaims([tokenId, disclosureLeaves(disclosure), disclosure.proof, disclosure.proofFlags]);
 */
export function createDisclosure(parameters: { claims: readonly Claim[]; names: readonly string[] }): Disclosure {
  const { claims, names } = parameters;
  const wanted = [...new Set(names)];
  if (wanted.length === 0) {
    throw new CredentialError("CREDENTIAL_NOTHING_DISCLOSED", "A disclosure needs at least one claim.", {
      hint: "Name the claims to disclose, e.g. ['age_over_18'].",
      details: {},
    });
  }
  const available = claims.map((c) => c.name);
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new CredentialError("CREDENTIAL_UNKNOWN_CLAIM", `No claim named ${unknown.map((n) => `"${n}"`).join(", ")} in this credential.`, {
      hint: `Disclose claims the credential has: ${available.join(", ")}.`,
      details: { unknown, available },
    });
  }
  const { root, tree } = commitClaims(claims);
  const multiProof = tree.getMultiProof(wanted.map((name) => available.indexOf(name)));
  const byName = new Map(claims.map((c) => [c.name, c]));
  return {
    root,
    claims: multiProof.leaves.map((leaf) => byName.get(leaf[1])!),
    proof: multiProof.proof as Hex[],
    proofFlags: multiProof.proofFlags,
  };
}
