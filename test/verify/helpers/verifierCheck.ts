/**
 * What a real source verifier does with a submission, for the loopback Sourcify and Etherscan servers: compile
 * the submitted standard JSON input with solc (solc-js from the npm `solc` package, the only compiler here) and
 * compare the runtime code with the code on the chain (`eth_getCode`), immutables zeroed, metadata trailer
 * compared separately (exact vs partial match). One compilation per distinct input per process.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { getContractAddress, keccak256, slice, type Address, type Hex, type PublicClient } from "viem";

const solc = createRequire(import.meta.url)("solc") as { compile(input: string): string; version(): string };

/** The solc long version the servers accept (`0.8.30+commit.73712a01`). */
export const serverCompilerVersion = solc.version().replace(/\.Emscripten.*$/, "");

interface Compiled {
  readonly runtime: string;
  readonly creation: string;
  readonly immutables: readonly { start: number; length: number }[];
}

const cache = new Map<string, Compiled | { error: string }>();
/** How many times solc actually ran in this process. */
export const compilations = { count: 0 };

export interface VerifierVerdict {
  readonly match?: "exact_match" | "match";
  /** Sourcify-style custom code and message when it is not a match. */
  readonly error?: { readonly customCode: string; readonly message: string };
  readonly compiled?: Compiled;
}

export interface CheckSubmission {
  readonly input: unknown;
  readonly compilerVersion: string;
  readonly contractIdentifier: string;
  readonly address: Address;
  readonly client: PublicClient;
}

/** Compiles the submission and compares it with the chain, as a verifier does. */
export async function checkSubmission(s: CheckSubmission): Promise<VerifierVerdict> {
  if (s.compilerVersion !== serverCompilerVersion) {
    return { error: { customCode: "unsupported_compiler_version", message: `Compiler ${s.compilerVersion} is not available here (only ${serverCompilerVersion}).` } };
  }
  const input = s.input as { language?: unknown; sources?: Record<string, { content?: unknown }>; settings?: Record<string, unknown> };
  if (input?.language !== "Solidity" || typeof input.sources !== "object" || input.sources === null) {
    return { error: { customCode: "invalid_json", message: "stdJsonInput is not a Solidity standard JSON input." } };
  }
  const sep = s.contractIdentifier.lastIndexOf(":");
  const file = s.contractIdentifier.slice(0, sep);
  const name = s.contractIdentifier.slice(sep + 1);
  if (sep <= 0 || input.sources[file] === undefined) {
    return { error: { customCode: "contract_not_found_in_sources", message: `${s.contractIdentifier} is not in the submitted sources.` } };
  }
  const compiled = compile(input, file, name);
  if ("error" in compiled) return { error: { customCode: "compiler_error", message: compiled.error } };
  const code = await s.client.getCode({ address: s.address });
  if (code === undefined || code === "0x") return { error: { customCode: "contract_not_deployed", message: `No code at ${s.address}.` } };
  const onChain = zeroImmutables(code.slice(2), compiled.immutables);
  if (onChain === compiled.runtime) return { match: "exact_match", compiled };
  if (onChain.length === compiled.runtime.length && withoutTrailer(onChain) === withoutTrailer(compiled.runtime)) return { match: "match", compiled };
  return { error: { customCode: "no_match", message: "The deployed and recompiled bytecode don't match." }, compiled };
}

/**
 * The input of the transaction that created `address`, found by scanning the (short) local chain: a plain
 * CREATE, or a CREATE2 through the deterministic deployer (`salt ‖ initCode`), as an explorer indexes it.
 */
export async function findCreationInput(client: PublicClient, address: Address): Promise<Hex | undefined> {
  const latest = await client.getBlockNumber();
  const deployer = "0x4e59b44847b379578588920ca78fbf26c0b4956c";
  for (let n = 0n; n <= latest; n++) {
    const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
    for (const tx of block.transactions) {
      if (tx.to === null) {
        const created = getContractAddress({ from: tx.from, nonce: BigInt(tx.nonce) });
        if (created.toLowerCase() === address.toLowerCase()) return tx.input;
      } else if (tx.to?.toLowerCase() === deployer && tx.input.length > 66) {
        const salt = slice(tx.input, 0, 32);
        const initCode = slice(tx.input, 32);
        const created = getContractAddress({ opcode: "CREATE2", from: deployer, salt, bytecodeHash: keccak256(initCode) });
        if (created.toLowerCase() === address.toLowerCase()) return tx.input;
      }
    }
  }
  return undefined;
}

function compile(input: { sources?: unknown; settings?: Record<string, unknown> }, file: string, name: string): Compiled | { error: string } {
  const normalized = {
    language: "Solidity",
    sources: input.sources,
    settings: { ...input.settings, outputSelection: { [file]: { [name]: ["evm.bytecode.object", "evm.deployedBytecode.object", "evm.deployedBytecode.immutableReferences"] } } },
  };
  const text = JSON.stringify(normalized);
  const key = createHash("sha256").update(text).digest("hex");
  let result = cache.get(key);
  if (!result) {
    compilations.count++;
    const out = JSON.parse(solc.compile(text)) as {
      errors?: { severity: string; formattedMessage: string }[];
      contracts?: Record<string, Record<string, { evm: { bytecode: { object: string }; deployedBytecode: { object: string; immutableReferences?: Record<string, { start: number; length: number }[]> } } }>>;
    };
    const errors = (out.errors ?? []).filter((e) => e.severity === "error");
    const c = out.contracts?.[file]?.[name];
    result =
      errors.length > 0 || !c
        ? { error: errors.map((e) => e.formattedMessage).join("\n") || `${file}:${name} was not produced.` }
        : {
            runtime: c.evm.deployedBytecode.object,
            creation: c.evm.bytecode.object,
            immutables: Object.values(c.evm.deployedBytecode.immutableReferences ?? {}).flat(),
          };
    cache.set(key, result);
  }
  return result;
}

function zeroImmutables(hex: string, immutables: Compiled["immutables"]): string {
  let out = hex.toLowerCase();
  for (const { start, length } of immutables) out = out.slice(0, start * 2) + "00".repeat(length) + out.slice((start + length) * 2);
  return out;
}

function withoutTrailer(hex: string): string {
  const length = parseInt(hex.slice(-4), 16);
  return hex.slice(0, hex.length - (length + 2) * 2);
}
