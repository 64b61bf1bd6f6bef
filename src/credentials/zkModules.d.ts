// The parts of snarkjs 0.7 and circom_runtime mintkit uses (neither ships type declarations).
declare module "snarkjs" {
  export interface SnarkjsGroth16Proof {
    pi_a: string[];
    pi_b: string[][];
    pi_c: string[];
    protocol: string;
    curve: string;
  }
  export const groth16: {
    fullProve(
      input: Record<string, bigint | string>,
      wasm: string | Uint8Array,
      zkey: string | Uint8Array,
      logger?: unknown,
      wtnsCalcOptions?: unknown,
      proverOptions?: { singleThread?: boolean },
    ): Promise<{ proof: SnarkjsGroth16Proof; publicSignals: string[] }>;
    prove(zkey: string | Uint8Array, witness: string | Uint8Array, logger?: unknown, options?: { singleThread?: boolean }): Promise<{ proof: SnarkjsGroth16Proof; publicSignals: string[] }>;
    verify(vkey: object, publicSignals: readonly string[], proof: SnarkjsGroth16Proof, logger?: unknown): Promise<boolean>;
  };
}

declare module "circom_runtime" {
  export interface WitnessCalculator {
    calculateWTNSBin(input: Record<string, bigint>, sanityCheck?: boolean): Promise<Uint8Array>;
  }
  export function WitnessCalculatorBuilder(code: Uint8Array, options?: object): Promise<WitnessCalculator>;
}
