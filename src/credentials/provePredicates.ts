import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import type { Claim } from "./claimTypes.js";
import { formatPredicate, parsePredicate, predicateRange } from "./parsePredicate.js";
import type { PredicateArtifacts } from "./predicateArtifacts.js";
import { predicateBinding, type PresentationBinding } from "./predicateBinding.js";
import { today } from "./predicateDates.js";
import type { PredicateProof, PredicateStatement } from "./predicateTypes.js";
import { commitmentClaimName } from "./commitmentClaims.js";
import { provePredicate } from "./provePredicate.js";

export interface ProvePredicatesParameters {
  /** The holder's claims and blindings (a `ClaimsFile`). */
  readonly claimsFile: { readonly claims: readonly Claim[]; readonly blindings?: Readonly<Record<string, Hex>> };
  /** What to prove: `"age>=21"`, `"score in 600..850"`, or parsed statements. */
  readonly statements: readonly (string | PredicateStatement)[];
  /** The presentation the proofs are for: they verify only under this chain, registry, credential, holder, audience and nonce. */
  readonly presentation: PresentationBinding;
  /** The day age statements are about (days since 1970-01-01). Default: today, UTC. */
  readonly day?: number;
  readonly artifacts?: PredicateArtifacts;
}

/**
 * Proves predicates about the holder's committed claims for one presentation: for each statement, a range
 * proof ({@link provePredicate}) that the claim's value (opened with its blinding) satisfies it, bound to the
 * presentation. Disclose the commitment claims (`birth_date#poseidon`) in the presentation's disclosure.
 *
 * Throws `CREDENTIAL_INVALID_PREDICATE`, `CREDENTIAL_NOT_PROVABLE` (no commitment or blinding for the claim) and
 * `CREDENTIAL_PREDICATE_FALSE` (the holder's value does not satisfy the statement).
 *
 * @example
 * const predicates = await provePredicates({ claimsFile, statements: ["age>=21"], presentation: { ...file.credential, holder, audience, nonce } });
 * const disclosure = createDisclosure({ claims: claimsFile.claims, names: ["birth_date#poseidon"] });
 * const presentation = await createPresentation(wallet, { credential: file.credential, disclosure, audience, nonce, predicates });
 */
export async function provePredicates(parameters: ProvePredicatesParameters): Promise<PredicateProof[]> {
  const day = parameters.day ?? today();
  const binding = predicateBinding(parameters.presentation);
  const proofs: PredicateProof[] = [];
  for (const input of parameters.statements) {
    const statement = typeof input === "string" ? parsePredicate(input) : input;
    const text = formatPredicate(statement);
    const { claim } = statement;
    const value = parameters.claimsFile.claims.find((c) => c.name === claim)?.value;
    const commitment = parameters.claimsFile.claims.find((c) => c.name === commitmentClaimName(claim));
    const blinding = parameters.claimsFile.blindings?.[claim];
    if (typeof value !== "bigint" || commitment === undefined || blinding === undefined) {
      const reason =
        typeof value !== "bigint" ? `there is no integer claim "${claim}"` : commitment === undefined ? `there is no commitment claim "${commitmentClaimName(claim)}"` : `the claims file has no blinding for "${claim}"`;
      throw new CredentialError("CREDENTIAL_NOT_PROVABLE", `"${text}" cannot be proved with this credential: ${reason}.`, {
        hint: `Predicates need a provable claim: the issuer adds "uint256 ${commitmentClaimName(claim)}" to the schema and the blinding to your claims file.`,
        details: { claim, reason },
      });
    }
    const range = predicateRange(statement, day);
    if (range === undefined || value < range.lo || value > range.hi) {
      throw new CredentialError("CREDENTIAL_PREDICATE_FALSE", `The credential does not satisfy "${text}".`, {
        hint: "A proof exists only for a predicate your claim satisfies: ask the verifier what else it accepts.",
        details: { predicate: text },
      });
    }
    const { proof } = await provePredicate({ value, blinding, lo: range.lo, hi: range.hi, binding, ...(parameters.artifacts ? { artifacts: parameters.artifacts } : {}) });
    proofs.push({ statement: text, claim, lo: range.lo, hi: range.hi, ...(statement.kind === "age" ? { day } : {}), proof });
  }
  return proofs;
}
