/** What a range predicate states about a committed claim. */
export type PredicateStatement =
  /** The holder is at least `minAge` years old on the day of the proof: a range on the `claim` birth date (days since 1970-01-01). */
  | { readonly kind: "age"; readonly claim: string; readonly minAge: number }
  /** `lo <= claim <= hi` (unsigned 64-bit integers). */
  | { readonly kind: "range"; readonly claim: string; readonly lo: bigint; readonly hi: bigint };

/** A Groth16 proof over BN254 as snarkjs gives it (`pi_a`, `pi_b`, `pi_c` without the projective coordinates), decimal strings. */
export interface Groth16Proof {
  readonly a: readonly [string, string];
  readonly b: readonly [readonly [string, string], readonly [string, string]];
  readonly c: readonly [string, string];
}

/**
 * A zero-knowledge range proof carried by a presentation: the committed claim `claim` (whose commitment claim
 * `<claim>#poseidon` the presentation discloses) lies in `[lo, hi]`, bound to the presentation's audience,
 * nonce, holder and credential.
 */
export interface PredicateProof {
  /** The statement as the holder was asked for it, canonical form: `"age>=21"`, `"score in 600..850"`. */
  readonly statement: string;
  /** The committed claim, e.g. `birth_date`. */
  readonly claim: string;
  readonly lo: bigint;
  readonly hi: bigint;
  /** For age statements: the day (days since 1970-01-01, UTC) the boundary was computed for. */
  readonly day?: number;
  readonly proof: Groth16Proof;
}
