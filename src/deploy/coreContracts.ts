import { concat, encodeDeployData, getContractAddress, keccak256, toBytes, type Address, type Hex } from "viem";
import { credentialRegistryAbi, credentialRegistryBytecode, credentialRegistryRuntime } from "../contracts/credentialRegistry.js";
import { mintkitCollectionAbi, mintkitCollectionBytecode, mintkitCollectionRuntime } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi, mintkitEditionsBytecode, mintkitEditionsRuntime } from "../contracts/mintkitEditions.js";
import { mintkitFactoryAbi, mintkitFactoryBytecode, mintkitFactoryRuntime } from "../contracts/mintkitFactory.js";
import { deterministicDeployerAddress } from "./deterministicDeployer.js";
import type { CoreContractName } from "./types.js";

/** Where a runtime code's immutables sit, as the generated `…Runtime` constants say. */
export interface RuntimeLayout {
  /** Runtime code length in bytes. */
  readonly length: number;
  /** `[start, length]` byte ranges of the immutables (filled in by the constructor, chain-dependent). */
  readonly immutables: readonly (readonly [number, number])[];
}

/** One core contract: where it lives and the exact transaction that puts it there. */
export interface CoreContract {
  readonly name: CoreContractName;
  /** `create2(deterministicDeployerAddress, salt, keccak256(initCode))`: the same on every chain. */
  readonly address: Address;
  /** `keccak256("mintkit:<name>:1")`. */
  readonly salt: Hex;
  /** Creation bytecode + constructor arguments (no chain-specific value among them). */
  readonly initCode: Hex;
  /** The deployer's calldata: `salt ‖ initCode`. */
  readonly deployData: Hex;
  /** The build's runtime code with its immutables zeroed (the tail of the creation bytecode). */
  readonly runtimeTemplate: Hex;
  readonly runtime: RuntimeLayout;
}

/** The core contracts, in deployment order (the factory's constructor needs the three implementations). */
export interface CoreContracts {
  readonly MintkitCollection: CoreContract;
  readonly MintkitEditions: CoreContract;
  readonly CredentialRegistry: CoreContract;
  readonly MintkitFactory: CoreContract;
}

/** Deployment order. */
export const coreContractNames: readonly CoreContractName[] = ["MintkitCollection", "MintkitEditions", "CredentialRegistry", "MintkitFactory"];

/**
 * The owner the implementations are initialized with by their constructors: the deterministic deployer, a
 * contract that can do nothing but create contracts, so nobody administers an implementation (clones never read
 * its storage), and the constructor arguments are the same on every chain.
 */
export const implementationOwner: Address = deterministicDeployerAddress;

const implementationTokenConfig = {
  owner: implementationOwner,
  name: "mintkit implementation",
  symbol: "MINTKIT",
  baseURI: "",
  contractURI: "",
  royaltyReceiver: "0x0000000000000000000000000000000000000000",
  royaltyBps: 0n,
  primarySaleRecipient: "0x0000000000000000000000000000000000000000",
} as const;

let cached: CoreContracts | undefined;

/**
 * mintkit's core contracts — the collection, editions and credential registry implementations and the factory
 * that clones them — with the addresses they have on every EVM chain: CREATE2 through the deterministic
 * deployer, fixed salts, constructor arguments that do not depend on the chain. Computed from the generated
 * bytecode in `src/contracts/` (a contract change moves its address, and the factory's). Browser-safe, no RPC.
 * @example
 * const { MintkitFactory } = getCoreContracts();
 * await publicClient.readContract({ address: MintkitFactory.address, abi: mintkitFactoryAbi, functionName: "predictCollectionAddress", args: [me, salt] });
 */
export function getCoreContracts(): CoreContracts {
  if (cached) return cached;
  const collection = core("MintkitCollection", encodeDeployData({ abi: mintkitCollectionAbi, bytecode: mintkitCollectionBytecode, args: [{ ...implementationTokenConfig, maxSupply: 0n }] }), mintkitCollectionBytecode, mintkitCollectionRuntime);
  const editions = core("MintkitEditions", encodeDeployData({ abi: mintkitEditionsAbi, bytecode: mintkitEditionsBytecode, args: [implementationTokenConfig] }), mintkitEditionsBytecode, mintkitEditionsRuntime);
  const registry = core(
    "CredentialRegistry",
    encodeDeployData({
      abi: credentialRegistryAbi,
      bytecode: credentialRegistryBytecode,
      args: [{ owner: implementationOwner, name: "mintkit implementation", symbol: "MINTKIT", baseURI: "", contractURI: "" }],
    }),
    credentialRegistryBytecode,
    credentialRegistryRuntime,
  );
  const factory = core(
    "MintkitFactory",
    encodeDeployData({ abi: mintkitFactoryAbi, bytecode: mintkitFactoryBytecode, args: [collection.address, editions.address, registry.address] }),
    mintkitFactoryBytecode,
    mintkitFactoryRuntime,
  );
  cached = { MintkitCollection: collection, MintkitEditions: editions, CredentialRegistry: registry, MintkitFactory: factory };
  return cached;
}

/** The factory's address on every chain (see {@link getCoreContracts}). */
export function mintkitFactoryAddress(): Address {
  return getCoreContracts().MintkitFactory.address;
}

/**
 * `code` with the immutable ranges of `runtime` zeroed, or `undefined` when its length is not the runtime's.
 * Code deployed from the build equals the build's runtime template once masked.
 */
export function maskImmutables(code: Hex, runtime: RuntimeLayout): Hex | undefined {
  const hex = code.slice(2).toLowerCase();
  if (hex.length !== runtime.length * 2) return undefined;
  let out = hex;
  for (const [start, length] of runtime.immutables) {
    out = out.slice(0, start * 2) + "00".repeat(length) + out.slice((start + length) * 2);
  }
  return `0x${out}`;
}

function core(name: CoreContractName, initCode: Hex, bytecode: Hex, runtime: RuntimeLayout): CoreContract {
  const salt = keccak256(toBytes(`mintkit:${name}:1`));
  const address = getContractAddress({ opcode: "CREATE2", from: deterministicDeployerAddress, salt, bytecode: initCode });
  const runtimeTemplate = `0x${bytecode.slice(bytecode.length - runtime.length * 2)}` as Hex;
  return { name, address, salt, initCode, deployData: concat([salt, initCode]), runtimeTemplate, runtime };
}
