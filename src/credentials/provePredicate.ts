import type { Hex } from "viem";
import { CredentialError } from "../errors/CredentialError.js";
import { defaultPredicateArtifacts, snarkjsSource, type PredicateArtifacts } from "./predicateArtifacts.js";
import { packBounds } from "./predicateBinding.js";
import type { Groth16Proof } from "./predicateTypes.js";
import { MAX_PROVABLE_VALUE, isBlinding } from "./commitmentClaims.js";
import { poseidonCommitment } from "./poseidonCommitment.js";

interface Prover {
  readonly witness: (input: Record<string, bigint>) => Promise<Uint8Array>;
  readonly zkey: Uint8Array;
}

/** Loaded provers by artifact source: the wasm compiled once and the zkey read once (warm proofs skip both). */
const provers = new Map<string | Uint8Array, Promise<Prover>>();

/**
 * The bytes of an artifact: fetched for http(s)/blob/data URLs (browsers, and Node too), read from disk for a
 * file path in Node (through `process.getBuiltinModule`, so no bundler sees a Node import).
 */
async function readBytes(source: string | Uint8Array): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (/^(https?|blob|data):/i.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  const nodeProcess = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = nodeProcess?.getBuiltinModule?.("fs") as typeof import("node:fs") | undefined;
  if (fs === undefined) throw new Error(`cannot read the file ${source} here: pass the artifacts as URLs or bytes`);
  return new Uint8Array(await fs.promises.readFile(source));
}

function loadProver(artifacts: PredicateArtifacts): Promise<Prover> {
  const wasm = snarkjsSource(artifacts.wasm);
  const zkey = snarkjsSource(artifacts.zkey);
  const key = typeof wasm === "string" && typeof zkey === "string" ? `${wasm}\n${zkey}` : wasm;
  let prover = provers.get(key);
  if (prover === undefined) {
    prover = (async () => {
      const [{ WitnessCalculatorBuilder }, wasmBytes, zkeyBytes] = await Promise.all([import("circom_runtime"), readBytes(wasm), readBytes(zkey)]);
      const calculator = await WitnessCalculatorBuilder(wasmBytes);
      return { witness: (input) => calculator.calculateWTNSBin(input, true), zkey: zkeyBytes };
    })();
    provers.set(key, prover);
    prover.catch(() => provers.delete(key));
  }
  return prover;
}

export interface ProvePredicateParameters {
  /** The committed value (0 to 2^64 - 1). Stays with the prover. */
  readonly value: bigint;
  /** The commitment's 248-bit blinding. Stays with the prover. */
  readonly blinding: Hex;
  readonly lo: bigint;
  readonly hi: bigint;
  /** What the proof is bound to: `predicateBinding(presentation)` off chain, `addressBinding(caller)` on chain. */
  readonly binding: bigint;
  /** Default: the artifacts shipped in the package ({@link defaultPredicateArtifacts}). */
  readonly artifacts?: PredicateArtifacts;
}

export interface ProvePredicateReturnType {
  readonly proof: Groth16Proof;
  /** The public inputs, in circuit order: commitment, bounds (`lo + hi * 2^64`), binding. */
  readonly publicSignals: readonly [bigint, bigint, bigint];
}

/**
 * Proves, in zero knowledge, that the value committed to by `Poseidon(value, blinding)` lies in
 * `[lo, hi]`, bound to `binding`: a Groth16 proof of `circuits/range.circom`. Loads snarkjs and the circuit
 * artifacts only when called (nothing in the bundle grows before). Works in browsers and Node; in Node call
 * {@link releasePredicateProver} before exiting.
 *
 * Throws `CREDENTIAL_PREDICATE_FALSE` when the value is outside the range (no proof exists),
 * `CREDENTIAL_INVALID_PREDICATE` for bounds or a value that are not 64-bit, and `CREDENTIAL_PROVER_FAILED`
 * when the artifacts cannot be loaded.
 *
 * @example
 * const { proof } = await provePredicate({ value: 13938n, blinding, lo: 0n, hi: 13939n, binding });
 */
export async function provePredicate(parameters: ProvePredicateParameters): Promise<ProvePredicateReturnType> {
  const { value, blinding, lo, hi, binding } = parameters;
  const statement = `${lo} <= value <= ${hi}`;
  for (const [name, n] of [["value", value], ["lo", lo], ["hi", hi]] as const) {
    if (typeof n !== "bigint" || n < 0n || n > MAX_PROVABLE_VALUE) {
      throw new CredentialError("CREDENTIAL_INVALID_PREDICATE", `The ${name} of a range proof must be an unsigned 64-bit integer.`, {
        hint: "Range predicates prove about integers from 0 to 2^64 - 1 (dates as days since 1970-01-01).",
        details: { predicate: statement, reason: `${name} out of range` },
      });
    }
  }
  if (!isBlinding(blinding)) {
    throw new CredentialError("CREDENTIAL_NOT_PROVABLE", "The blinding must be 31 bytes of 0x-prefixed hex.", {
      hint: "Use the blinding the issuer put in the holder's claims file (`blindings`).",
      details: { claim: "", reason: "malformed blinding" },
    });
  }
  if (value < lo || value > hi) {
    throw new CredentialError("CREDENTIAL_PREDICATE_FALSE", "The value does not satisfy the predicate: there is no proof to make.", {
      hint: "Ask for a predicate the credential satisfies; a range proof cannot be made for a value outside its range.",
      details: { predicate: statement },
    });
  }
  const artifacts = parameters.artifacts ?? defaultPredicateArtifacts();
  const input = {
    commitment: poseidonCommitment(value, blinding),
    bounds: packBounds(lo, hi),
    binding,
    value,
    blinding: BigInt(blinding),
  };
  let result: Awaited<ReturnType<typeof import("snarkjs").groth16.prove>>;
  try {
    const [{ groth16 }, prover] = await Promise.all([import("snarkjs"), loadProver(artifacts)]);
    result = await groth16.prove(prover.zkey, await prover.witness(input));
  } catch (error) {
    throw new CredentialError("CREDENTIAL_PROVER_FAILED", "The range proof could not be made.", {
      hint: "Check that the circuit artifacts (range.wasm, range.zkey) are reachable and are mintkit's: pass `artifacts` with their URLs or bytes.",
      details: { reason: error instanceof Error ? error.message : String(error) },
      cause: error,
    });
  }
  const { pi_a: a, pi_b: b, pi_c: c } = result.proof;
  return {
    proof: { a: [a[0]!, a[1]!], b: [[b[0]![0]!, b[0]![1]!], [b[1]![0]!, b[1]![1]!]], c: [c[0]!, c[1]!] },
    publicSignals: [input.commitment, input.bounds, binding],
  };
}
