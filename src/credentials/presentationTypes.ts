import type { Address, Hex, TypedDataDomain } from "viem";
import type { Disclosure } from "./disclosureTypes.js";
import type { PredicateProof } from "./predicateTypes.js";

/**
 * A holder's presentation of a disclosure to one verifier: the disclosure, bound by the holder's EIP-712
 * signature (an EOA's, or a contract wallet's through ERC-1271) to the credential, the verifier's audience
 * and nonce, and the time it was made.
 */
export interface Presentation {
  readonly chainId: number;
  /** The `CredentialRegistry` holding the credential (the EIP-712 `verifyingContract`). */
  readonly registry: Address;
  readonly tokenId: bigint;
  /** The presenter: the account that signed (for a contract wallet, the wallet's address). */
  readonly holder: Address;
  /** Who the presentation is for, as the verifier names itself (e.g. its origin `https://shop.example`). */
  readonly audience: string;
  /** The verifier's one-time challenge. */
  readonly nonce: string;
  /** When it was made, unix seconds. */
  readonly issuedAt: number;
  readonly disclosure: Disclosure;
  /** EIP-712 signature over {@link presentationTypes} `Presentation`. */
  readonly signature: Hex;
  /**
   * Zero-knowledge range proofs about committed claims (`"age>=21"` without the birth date), each bound to this
   * presentation's chain, registry, credential, holder, audience and nonce ({@link predicateBinding}). The
   * disclosure must include each one's commitment claim (`birth_date#poseidon`).
   */
  readonly predicates?: readonly PredicateProof[];
}

/** The EIP-712 domain name and version of presentations. */
export const PRESENTATION_DOMAIN_NAME = "mintkit credentials";
export const PRESENTATION_DOMAIN_VERSION = "1";

/**
 * The EIP-712 types of a presentation. `leaves` are the disclosed claims' leaf hashes in disclosure order
 * (they bind type, name, value and salt of each), `claimsRoot` the root the disclosure proves against.
 */
export const presentationTypes = {
  Presentation: [
    { name: "holder", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "claimsRoot", type: "bytes32" },
    { name: "leaves", type: "bytes32[]" },
    { name: "audience", type: "string" },
    { name: "nonce", type: "string" },
    { name: "issuedAt", type: "uint64" },
  ],
} as const;

/** The EIP-712 domain of presentations of credentials in `registry` on chain `chainId`. */
export function presentationDomain(chainId: number, registry: Address) {
  return {
    name: PRESENTATION_DOMAIN_NAME,
    version: PRESENTATION_DOMAIN_VERSION,
    chainId,
    verifyingContract: registry,
  } as const satisfies TypedDataDomain;
}

/** The EIP-712 message of a presentation, given its disclosure's leaf hashes. */
export function presentationMessage(
  p: Pick<Presentation, "holder" | "tokenId" | "audience" | "nonce" | "issuedAt"> & { readonly claimsRoot: Hex; readonly leaves: readonly Hex[] },
) {
  return {
    holder: p.holder,
    tokenId: p.tokenId,
    claimsRoot: p.claimsRoot,
    leaves: p.leaves,
    audience: p.audience,
    nonce: p.nonce,
    issuedAt: BigInt(p.issuedAt),
  };
}
