import { poseidon2 } from "poseidon-lite/poseidon2";
import { hexToBigInt, type Hex } from "viem";

/**
 * The commitment the range circuit opens: `Poseidon(value, blinding)` over BN254 (circomlib's Poseidon with
 * two inputs), for a `value` from 0 to 2^64 - 1 and a 248-bit `blinding` (`createBlinding`).
 *
 * @example
 * const blinding = createBlinding();
 * const commitment = poseidonCommitment(20_000n, blinding); // the value of the `birth_date#poseidon` claim
 */
export function poseidonCommitment(value: bigint, blinding: Hex): bigint {
  return poseidon2([value, hexToBigInt(blinding)]);
}
