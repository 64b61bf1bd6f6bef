import { packBounds } from "./predicateBinding.js";
import type { Groth16Proof } from "./predicateTypes.js";

const FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const DECIMAL = /^\d{1,78}$/;

function isProof(proof: unknown): proof is Groth16Proof {
  if (typeof proof !== "object" || proof === null) return false;
  const { a, b, c } = proof as Record<string, unknown>;
  const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string" && DECIMAL.test(x));
  return pair(a) && pair(c) && Array.isArray(b) && b.length === 2 && b.every(pair);
}

/**
 * Whether `proof` is a valid Groth16 proof of the range circuit for these public inputs: the value committed
 * to by `commitment` lies in `[lo, hi]`, and the proof was made for `binding`. Loads snarkjs only when called;
 * never throws for a malformed proof (it is just not valid). In Node call `releasePredicateProver` before exiting.
 *
 * @example
 * const ok = await verifyPredicateProof({ proof, commitment, lo: 0n, hi: 13939n, binding: predicateBinding(presentation) });
 */
export async function verifyPredicateProof(parameters: {
  readonly proof: Groth16Proof;
  readonly commitment: bigint;
  readonly lo: bigint;
  readonly hi: bigint;
  readonly binding: bigint;
}): Promise<boolean> {
  const { proof, commitment, lo, hi, binding } = parameters;
  if (!isProof(proof)) return false;
  const signals = [commitment, packBounds(lo, hi), binding];
  if (signals.some((s) => typeof s !== "bigint" || s < 0n || s >= FIELD) || lo < 0n || hi < 0n || lo >= 1n << 64n || hi >= 1n << 64n) return false;
  const [{ groth16 }, { rangeVerificationKey }] = await Promise.all([import("snarkjs"), import("./rangeVerificationKey.js")]);
  const snarkProof = {
    pi_a: [...proof.a, "1"],
    pi_b: [[...proof.b[0]], [...proof.b[1]], ["1", "0"]],
    pi_c: [...proof.c, "1"],
    protocol: "groth16",
    curve: "bn128",
  };
  try {
    return await groth16.verify(rangeVerificationKey, signals.map(String), snarkProof);
  } catch {
    return false;
  }
}
