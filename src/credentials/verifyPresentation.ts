import { getAddress, isAddress, isAddressEqual, isHex, type Address, type Chain, type Client, type Transport } from "viem";
import { getChainId, readContract, verifyTypedData } from "viem/actions";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";
import type { ClaimValue } from "./claimTypes.js";
import { getCredential, isContractRejection, type OnChainCredential } from "./getCredential.js";
import { presentationDomain, presentationMessage, presentationTypes, type Presentation } from "./presentationTypes.js";
import { checkDisclosure, type DisclosureCheck } from "./verifyDisclosure.js";
import { formatPredicate, parsePredicate, predicateRange } from "./parsePredicate.js";
import { predicateBinding } from "./predicateBinding.js";
import { dayToDate, today } from "./predicateDates.js";
import type { PredicateStatement } from "./predicateTypes.js";
import { commitmentClaimName } from "./commitmentClaims.js";
import { verifyPredicateProof } from "./verifyPredicateProof.js";
import type { NonceStore } from "./nonceStore.js";
import { CredentialError } from "../errors/CredentialError.js";

/** Why a presentation is not valid: one code per failure. */
export type PresentationFailureCode =
  /** The presentation is for another chain than the client's. */
  | "WRONG_CHAIN"
  /** No trusted issuer is listed for the presentation's registry. */
  | "REGISTRY_NOT_TRUSTED"
  /** The credential's issuer is not trusted (in that registry, for that schema). */
  | "ISSUER_NOT_TRUSTED"
  /** The credential does not exist (never issued or burned). */
  | "CREDENTIAL_NOT_FOUND"
  | "CREDENTIAL_REVOKED"
  /** `now >= expiry`. */
  | "CREDENTIAL_EXPIRED"
  /** The presenter is not the credential's holder. */
  | "HOLDER_MISMATCH"
  | "AUDIENCE_MISMATCH"
  | "NONCE_MISMATCH"
  /** With a `nonceStore`: the nonce was already used (a replayed presentation). */
  | "NONCE_REUSED"
  /** With a `nonceStore`: the nonce was never issued by the store. */
  | "NONCE_UNKNOWN"
  /** With a `nonceStore`: the nonce was issued, but its expiry has passed. */
  | "NONCE_EXPIRED"
  /** Made more than `maxAge` seconds before `now`. */
  | "PRESENTATION_TOO_OLD"
  /** Made more than `clockSkew` seconds after `now`. */
  | "PRESENTATION_FROM_FUTURE"
  /** The disclosure's proof does not rebuild the credential's on-chain claims root. */
  | "ROOT_MISMATCH"
  /** The disclosure reveals no claim. */
  | "NO_CLAIMS"
  /** The presentation itself is malformed (a field missing or of the wrong type): nothing else is checked. */
  | "MALFORMED_PRESENTATION"
  /** The disclosure cannot be read: claims that do not encode, duplicated names, a malformed multiproof. */
  | "MALFORMED_DISCLOSURE"
  /** A claim the verifier requires is not disclosed. */
  | "MISSING_CLAIM"
  /** The signature is not the presenter's (EOA or ERC-1271) over this presentation. */
  | "BAD_SIGNATURE"
  /** A predicate the verifier requires is not proved by the presentation. */
  | "PREDICATE_MISSING"
  /** A predicate proof is for a range that does not imply the statement (e.g. bounds changed, another threshold). */
  | "PREDICATE_FALSE"
  /** A predicate proof does not verify (tampered proof or public inputs, another audience, nonce, holder or commitment). */
  | "PREDICATE_PROOF_INVALID"
  /** An age predicate was proved for a day too far from today. */
  | "PREDICATE_STALE_DATE"
  /** A predicate's commitment claim (`<claim>#poseidon`) is not disclosed, so it is not tied to the credential. */
  | "PREDICATE_COMMITMENT_MISSING"
  /** A required predicate cannot be read (`"age>=21"`, `"score in 600..850"`). */
  | "PREDICATE_UNREADABLE";

export interface PresentationFailure {
  readonly code: PresentationFailureCode;
  readonly message: string;
}

/** An issuer a verifier trusts: in registry `registry`, optionally only for some schemas. */
export interface TrustedIssuer {
  readonly registry: Address;
  readonly issuer: Address;
  /** Only these schemas (default: any). */
  readonly schemaIds?: readonly number[];
}

export interface VerifyPresentationOptions {
  readonly trustedIssuers: readonly TrustedIssuer[];
  /** The verifier's own name, as it asked holders to present to it. */
  readonly audience: string;
  /**
   * The nonce the verifier issued for this presentation. Without a `nonceStore`, accepting it once only is
   * the caller's job. At least one of `nonce` and `nonceStore` is required.
   */
  readonly nonce?: string;
  /**
   * Where the verifier recorded the nonces it issued ({@link createMemoryNonceStore}, or `createFileNonceStore`
   * from `mintkit/node`). When the presentation passes every other check, its nonce is consumed: a nonce
   * never issued (`NONCE_UNKNOWN`), already used (`NONCE_REUSED`) or expired at `now` (`NONCE_EXPIRED`) makes it
   * invalid. An invalid presentation does not consume the nonce (a forged one cannot burn the holder's).
   */
  readonly nonceStore?: NonceStore;
  /** Seconds a presentation stays acceptable after `issuedAt`. Default 300. */
  readonly maxAge?: number;
  /** Seconds a presentation may be dated in the future (clock drift). Default 60. */
  readonly clockSkew?: number;
  /**
   * Unix seconds to verify at: presentation age, credential expiry, nonce expiry. Default: the local clock.
   * Pass the chain's latest block time to agree with the registry's `isValid` (what the CLI does).
   */
  readonly now?: number;
  /** Claims that must be disclosed. */
  readonly requiredClaims?: readonly string[];
  /** Also check the proof with the registry's `verifyClaims` view (one more call). Default false. */
  readonly onChainProof?: boolean;
  /** Predicates that must be proved in zero knowledge: `"age>=21"`, `"score in 600..850"`, or parsed statements. */
  readonly requiredPredicates?: readonly (string | PredicateStatement)[];
  /** Days an age predicate's day may differ from today (`now`, UTC). Default 1. */
  readonly predicateDayTolerance?: number;
}

export interface PresentationVerification {
  readonly valid: boolean;
  /** Every failure found (empty when valid). */
  readonly reasons: readonly PresentationFailure[];
  /** The disclosed claims by name: filled only when `valid` (never act on claims of an invalid presentation). */
  readonly claims: Readonly<Record<string, ClaimValue>>;
  /** The credential as the registry records it, when it exists. */
  readonly credential?: OnChainCredential;
  /**
   * The required predicates proved (canonical statements, e.g. `"age>=21"`): filled only when `valid`. Other
   * proofs the presentation carries are checked (a bad one makes it invalid) but not reported.
   */
  readonly predicates: readonly string[];
}

/**
 * Verifies a presentation against the chain: the registry and issuer are trusted, the credential exists,
 * is not revoked and not expired at `now`, the presenter is its holder, the audience and nonce are the
 * verifier's, the presentation is fresh, it discloses at least one claim, its multiproof rebuilds the
 * credential's on-chain claims root (off-chain; also with the registry's `verifyClaims` when
 * `onChainProof`), and the holder signed it (EIP-712; EOA, or ERC-1271 contract wallet).
 * Every zero-knowledge predicate the presentation carries must verify (its commitment claim disclosed, its
 * proof valid for this presentation, an age predicate's day within `predicateDayTolerance` of today), and
 * each of `requiredPredicates` must be among them with a range that implies it.
 * Proof verification loads snarkjs lazily; in Node call `releasePredicateProver` before exiting.
 *
 * With a `nonceStore`, an otherwise valid presentation consumes its nonce (a replay is `NONCE_REUSED`).
 *
 * Returns every failure with its own code; throws only when the RPC or the nonce store fails.
 *
 * @example
 * const result = await verifyPresentation(publicClient, presentation, {
 *   trustedIssuers: [{ registry, issuer }], audience: "https://shop.example", nonceStore, // nonces from createNonce()
 * });
 * if (result.valid && result.claims.age_over_18 === true) grantAccess();
 */
export async function verifyPresentation<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  presentation: Presentation,
  options: VerifyPresentationOptions,
): Promise<PresentationVerification> {
  const reasons: PresentationFailure[] = [];
  const fail = (code: PresentationFailureCode, message: string) => reasons.push({ code, message });
  if (options.nonce === undefined && options.nonceStore === undefined) {
    throw new CredentialError("CREDENTIAL_INVALID_NONCE", "verifyPresentation needs the nonce you issued: pass nonce, nonceStore, or both.", {
      hint: "Issue nonces with createNonce() and record them in a nonce store (createMemoryNonceStore), then pass { nonceStore }.",
      details: { problems: ["neither nonce nor nonceStore given"] },
    });
  }
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const maxAge = options.maxAge ?? 300;
  const clockSkew = options.clockSkew ?? 60;
  const p = presentation;
  const shape = shapeProblems(p);
  if (shape.length > 0) {
    return { valid: false, reasons: [{ code: "MALFORMED_PRESENTATION", message: `The presentation is malformed: ${shape.join("; ")}.` }], claims: {}, predicates: [] };
  }

  const chainId = client.chain?.id ?? (await getChainId(client));
  if (p.chainId !== chainId) fail("WRONG_CHAIN", `The presentation is for chain ${p.chainId}, the client is on chain ${chainId}.`);
  if (p.audience !== options.audience) fail("AUDIENCE_MISMATCH", `The presentation is for audience "${p.audience}", not "${options.audience}".`);
  if (options.nonce !== undefined && p.nonce !== options.nonce) fail("NONCE_MISMATCH", "The presentation answers another nonce (a replay, or a stale request).");
  if (p.issuedAt > now + clockSkew) fail("PRESENTATION_FROM_FUTURE", `The presentation is dated ${p.issuedAt - now} s in the future.`);
  else if (now - p.issuedAt > maxAge) fail("PRESENTATION_TOO_OLD", `The presentation is ${now - p.issuedAt} s old (at most ${maxAge} s accepted).`);

  const trustedHere = options.trustedIssuers.filter((t) => isAddressEqual(t.registry, p.registry));
  let credential: OnChainCredential | undefined;
  if (trustedHere.length === 0) {
    fail("REGISTRY_NOT_TRUSTED", `No trusted issuer is listed for registry ${p.registry}.`);
  } else if (p.chainId === chainId) {
    credential = await getCredential(client, { registry: p.registry, tokenId: p.tokenId });
    if (credential === undefined) fail("CREDENTIAL_NOT_FOUND", `Credential ${p.tokenId} does not exist in registry ${p.registry}.`);
    else {
      const c = credential;
      const issuerTrusted = trustedHere.some((t) => isAddressEqual(t.issuer, c.issuer));
      if (!issuerTrusted) fail("ISSUER_NOT_TRUSTED", `The credential's issuer ${c.issuer} is not trusted.`);
      else if (!trustedHere.some((t) => isAddressEqual(t.issuer, c.issuer) && (t.schemaIds === undefined || t.schemaIds.includes(c.schemaId)))) {
        fail("ISSUER_NOT_TRUSTED", `Issuer ${c.issuer} is not trusted for schema ${c.schemaId}.`);
      }
      if (c.revoked) fail("CREDENTIAL_REVOKED", "The credential was revoked by its issuer.");
      if (c.expiry !== 0 && now >= c.expiry) fail("CREDENTIAL_EXPIRED", `The credential expired at ${new Date(c.expiry * 1000).toISOString()}.`);
      if (!isAddressEqual(c.holder, p.holder)) fail("HOLDER_MISMATCH", `The presenter ${getAddress(p.holder)} is not the credential's holder ${c.holder}.`);
    }
  }

  const disclosure: DisclosureCheck = checkDisclosure(p.disclosure, credential?.claimsRoot ?? p.disclosure.root);
  if (!disclosure.ok) fail(disclosure.reason, `The disclosure is not valid: ${disclosure.problems.join("; ")}.`);
  else if (credential !== undefined && p.disclosure.root.toLowerCase() !== credential.claimsRoot.toLowerCase()) {
    fail("ROOT_MISMATCH", "The disclosure names another claims root than the credential's.");
  } else if (credential !== undefined && options.onChainProof) {
    let onChain = false;
    try {
      onChain = await readContract(client, {
        address: p.registry,
        abi: credentialRegistryAbi,
        functionName: "verifyClaims",
        args: [p.tokenId, [...disclosure.leaves], [...p.disclosure.proof], [...p.disclosure.proofFlags]],
      });
    } catch (error) {
      if (!isContractRejection(error)) throw error;
    }
    if (!onChain) fail("ROOT_MISMATCH", "The registry's verifyClaims rejects the disclosure.");
  }

  const disclosed = disclosure.ok ? disclosure.claims : [];
  for (const name of options.requiredClaims ?? []) {
    if (!disclosed.some((c) => c.name === name)) fail("MISSING_CLAIM", `Claim "${name}" is required but not disclosed.`);
  }

  const leaves = disclosure.leaves;
  if (leaves !== undefined) {
    const signed =
      isHex(p.signature, { strict: true }) &&
      (await verifyTypedData(client, {
        address: p.holder,
        domain: presentationDomain(p.chainId, p.registry),
        types: presentationTypes,
        primaryType: "Presentation",
        message: presentationMessage({ ...p, claimsRoot: p.disclosure.root, leaves }),
        signature: p.signature,
        mode: "eoa",
      }));
    if (!signed) fail("BAD_SIGNATURE", `The signature is not ${p.holder}'s over this presentation.`);
  }

  const proved = await checkPredicates(p, disclosed, options, now, fail);

  // Last, and only for an otherwise valid presentation: consuming the nonce is the one side effect.
  if (reasons.length === 0 && options.nonceStore !== undefined) {
    const consumed = await options.nonceStore.consume(p.nonce, now);
    if (consumed === "reused") fail("NONCE_REUSED", "The nonce was already used: this presentation (or another for the same nonce) was accepted before.");
    else if (consumed === "unknown") fail("NONCE_UNKNOWN", "The nonce was never issued by this verifier (ask for a fresh challenge).");
    else if (consumed === "expired") fail("NONCE_EXPIRED", "The nonce has expired (ask for a fresh challenge).");
  }

  const valid = reasons.length === 0;
  return {
    valid,
    reasons,
    claims: valid ? Object.fromEntries(disclosed.map((c) => [c.name, c.value])) : {},
    ...(credential === undefined ? {} : { credential }),
    predicates: valid ? proved : [],
  };
}

/**
 * Checks every predicate proof the presentation carries and that the required ones are among them; returns
 * the required statements proved. A proof's commitment is taken from the disclosed claims (so the multiproof ties it to
 * the credential's root) and its binding is recomputed from the presentation.
 */
async function checkPredicates(
  p: Presentation,
  disclosed: readonly { readonly name: string; readonly value: ClaimValue }[],
  options: VerifyPresentationOptions,
  now: number,
  fail: (code: PresentationFailureCode, message: string) => void,
): Promise<string[]> {
  const tolerance = options.predicateDayTolerance ?? 1;
  const day = today(now);
  const binding = predicateBinding(p);
  const proved: { statement: string; claim: string; lo: bigint; hi: bigint; day?: number }[] = [];
  for (const q of p.predicates ?? []) {
    const commitment = disclosed.find((c) => c.name === commitmentClaimName(q.claim))?.value;
    if (typeof commitment !== "bigint") {
      fail("PREDICATE_COMMITMENT_MISSING", `"${q.statement}": the commitment claim "${commitmentClaimName(q.claim)}" is not disclosed.`);
      continue;
    }
    if (q.day !== undefined && Math.abs(q.day - day) > tolerance) {
      fail("PREDICATE_STALE_DATE", `"${q.statement}" was proved for ${dayToDate(q.day)}, more than ${tolerance} day(s) from today (${dayToDate(day)}).`);
      continue;
    }
    if (!(await verifyPredicateProof({ proof: q.proof, commitment, lo: q.lo, hi: q.hi, binding }))) {
      fail("PREDICATE_PROOF_INVALID", `The proof of "${q.statement}" does not verify for this presentation (audience, nonce, holder, commitment and bounds).`);
      continue;
    }
    proved.push(q);
  }
  const statements: string[] = [];
  for (const required of options.requiredPredicates ?? []) {
    let statement: PredicateStatement;
    try {
      statement = typeof required === "string" ? parsePredicate(required) : required;
    } catch (error) {
      fail("PREDICATE_UNREADABLE", error instanceof Error ? error.message : String(required));
      continue;
    }
    const text = formatPredicate(statement);
    const candidates = proved.filter((q) => q.claim === statement.claim && (statement.kind === "range" || q.day !== undefined));
    const implies = candidates.some((q) => {
      const range = predicateRange(statement, q.day ?? day);
      return range !== undefined && q.lo >= range.lo && q.hi <= range.hi;
    });
    if (implies) statements.push(text);
    else if (candidates.length > 0) fail("PREDICATE_FALSE", `The proofs about "${statement.claim}" do not show "${text}" (their range is wider).`);
    else if (!(p.predicates ?? []).some((q) => q.claim === statement.claim)) fail("PREDICATE_MISSING", `The predicate "${text}" is required but not proved.`);
  }
  // Only requirements are reported: a proof's own `statement` is the holder's label, not something verified.
  return statements;
}

/** What is structurally wrong with a presentation object (one that did not come through `parsePresentation`). */
function shapeProblems(p: Presentation): string[] {
  const problems: string[] = [];
  if (typeof p !== "object" || p === null) return ["not an object"];
  if (typeof p.chainId !== "number" || !Number.isSafeInteger(p.chainId) || p.chainId <= 0) problems.push("chainId must be a positive integer");
  if (typeof p.registry !== "string" || !isAddress(p.registry, { strict: false })) problems.push("registry must be an address");
  if (typeof p.holder !== "string" || !isAddress(p.holder, { strict: false })) problems.push("holder must be an address");
  if (typeof p.tokenId !== "bigint" || p.tokenId < 0n || p.tokenId >= 1n << 256n) problems.push("tokenId must be a uint256 bigint");
  if (typeof p.audience !== "string") problems.push("audience must be a string");
  if (typeof p.nonce !== "string") problems.push("nonce must be a string");
  if (typeof p.issuedAt !== "number" || !Number.isSafeInteger(p.issuedAt) || p.issuedAt < 0 || p.issuedAt >= 2 ** 53) problems.push("issuedAt must be unix seconds");
  if (typeof p.signature !== "string") problems.push("signature must be hex");
  const d = p.disclosure as Partial<Presentation["disclosure"]> | undefined;
  if (typeof d !== "object" || d === null || typeof d.root !== "string" || !Array.isArray(d.claims) || !Array.isArray(d.proof) || !Array.isArray(d.proofFlags)) {
    problems.push("disclosure must be { root, claims, proof, proofFlags }");
  }
  if (p.predicates !== undefined) {
    const ok =
      Array.isArray(p.predicates) &&
      p.predicates.every(
        (q) => typeof q === "object" && q !== null && typeof q.statement === "string" && typeof q.claim === "string" && typeof q.lo === "bigint" && typeof q.hi === "bigint" && (q.day === undefined || Number.isSafeInteger(q.day)),
      );
    if (!ok) problems.push("predicates must be [{ statement, claim, lo, hi, day?, proof }] with bigint bounds");
  }
  return problems;
}
