import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Disclosure } from "./disclosureTypes.js";
import { checkClaims } from "./validateClaims.js";

/**
 * A mintkit {@link Disclosure} from an Ethereum Attestation Service private-data multiproof
 * (`new PrivateData(values).generateMultiProof(indexes)`, leaves `{ type, name, value, salt }`) and the
 * root it proves against. Values are canonicalised (ethers' checksummed addresses and bigints are accepted
 * as they are). Throws `CREDENTIAL_INVALID_CLAIMS` (every problem listed) for leaves mintkit cannot encode.
 */
export function disclosureFromMultiProof(parameters: {
  root: Hex;
  multiProof: { leaves: readonly unknown[]; proof: readonly string[]; proofFlags: readonly boolean[] };
}): Disclosure {
  const { root, multiProof } = parameters;
  const checked = checkClaims(multiProof.leaves, "multiProof.leaves", { strictNames: false });
  if (checked.claims === undefined) {
    throw new CredentialError("CREDENTIAL_INVALID_CLAIMS", "The multiproof's leaves are not claims mintkit can encode.", {
      hint: `Each leaf must be { type, name, value, salt } with a supported Solidity type. Fix: ${checked.problems.join("; ")}.`,
      details: { problems: checked.problems },
    });
  }
  return { root, claims: checked.claims, proof: multiProof.proof.map((p) => p.toLowerCase() as Hex), proofFlags: [...multiProof.proofFlags] };
}
