import { bytesToHex, isHex, type Hex } from "viem";

// The names and values around a Poseidon commitment claim, apart from the hash itself (poseidonCommitment.ts),
// so that verifying a presentation does not bundle Poseidon's constants.

/** The suffix of a commitment claim's name: `birth_date#poseidon` commits to `birth_date`. */
export const COMMITMENT_SUFFIX = "#poseidon";

/** The Solidity type of a commitment claim (a BN254 field element fits in it). */
export const COMMITMENT_TYPE = "uint256";

/** The largest value a range predicate can prove about: values are 64-bit unsigned integers. */
export const MAX_PROVABLE_VALUE = (1n << 64n) - 1n;

/** The name of the claim that commits to claim `name`: `birth_date` → `birth_date#poseidon`. */
export function commitmentClaimName<TName extends string>(name: TName): `${TName}#poseidon` {
  return `${name}${COMMITMENT_SUFFIX}`;
}

/** The claim a commitment claim commits to (`birth_date#poseidon` → `birth_date`), or `undefined` for an ordinary claim. */
export function committedClaimName(name: string): string | undefined {
  return name.endsWith(COMMITMENT_SUFFIX) ? name.slice(0, -COMMITMENT_SUFFIX.length) : undefined;
}

/** A fresh 248-bit blinding (31 random bytes from the platform CSPRNG), kept by the holder next to the claims. */
export function createBlinding(): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(31)));
}

/** Whether `blinding` is a 248-bit blinding in the form mintkit keeps: 31 bytes of 0x-prefixed hex. */
export function isBlinding(blinding: unknown): blinding is Hex {
  return typeof blinding === "string" && isHex(blinding, { strict: true }) && blinding.length === 64;
}
