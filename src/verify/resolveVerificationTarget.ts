import { getAddress, isAddressEqual, keccak256, sliceHex, type Address, type Chain, type Hex, type PublicClient, type Transport } from "viem";
import { getCoreContracts, maskImmutables } from "../deploy/coreContracts.js";
import { VerifyError } from "../errors/VerifyError.js";
import { credentialRegistryBytecode } from "../contracts/credentialRegistry.js";
import { mintkitCollectionBytecode } from "../contracts/mintkitCollection.js";
import { mintkitEditionsBytecode } from "../contracts/mintkitEditions.js";
import { mintkitFactoryBytecode } from "../contracts/mintkitFactory.js";
import type { VerifiableContractName, VerificationTarget } from "./types.js";

const creationBytecode: Record<VerifiableContractName, Hex> = {
  MintkitCollection: mintkitCollectionBytecode,
  MintkitEditions: mintkitEditionsBytecode,
  CredentialRegistry: credentialRegistryBytecode,
  MintkitFactory: mintkitFactoryBytecode,
};

/** The ABI-encoded constructor arguments in a core contract's init code (creation bytecode ‖ arguments). */
function constructorArguments(initCode: Hex, name: VerifiableContractName): Hex {
  return `0x${initCode.slice(creationBytecode[name].length)}`;
}

/** EIP-1167 minimal proxy runtime code around the 20-byte implementation address. */
const clonePrefix = "0x363d3d373d3d3d363d73";
const cloneSuffix = "5af43d82803e903d91602b57fd5bf3";

export interface ResolveVerificationTargetParameters {
  /** The address to verify: a core contract, or a collection / editions / registry cloned by the factory. */
  readonly address: Address;
}

export type ResolveVerificationTargetReturnType = VerificationTarget;

/**
 * What verifying `address` means, read from the chain. mintkit's core contracts (the three implementations and
 * the factory) sit at fixed CREATE2 addresses with constructor arguments that are the same on every chain, so
 * their constructor arguments come from the build, not a record. A user's collection, editions contract or
 * credential registry is an EIP-1167 clone (45 bytes of proxy code that delegate to an implementation): no
 * sources compile to it, so the implementation behind it is what gets verified, and the clone is returned in
 * `clone` so explorers that support it can be told it is a proxy.
 * @throws VerifyError `VERIFY_NO_CODE` (nothing at the address), `VERIFY_BYTECODE_MISMATCH` (a core address
 *   holds code that is not this build's), `VERIFY_NOT_MINTKIT_CONTRACT` (anything else).
 * @example
 * const target = await resolveVerificationTarget(publicClient, { address: collection });
 * // target.address: the MintkitCollection implementation; target.clone?.address === collection
 */
export async function resolveVerificationTarget(
  client: PublicClient<Transport, Chain | undefined>,
  parameters: ResolveVerificationTargetParameters,
): Promise<ResolveVerificationTargetReturnType> {
  const given = getAddress(parameters.address);
  const chainId = await client.getChainId();
  const code = await client.getCode({ address: given });
  if (code === undefined || code === "0x") {
    throw new VerifyError("VERIFY_NO_CODE", `There is no contract at ${given} on chain ${chainId}.`, {
      hint: "Check the address and the network (--network / --rpc-url); a local chain restarted by `mintkit dev` starts empty.",
      details: { address: given, chainId },
    });
  }
  const implementation = cloneImplementation(code);
  if (implementation) {
    const target = await resolveCore(client, implementation, chainId);
    if (!target) throw notMintkit(given, chainId, code, `an EIP-1167 clone of ${implementation}, which is not a mintkit implementation`);
    return { ...target, clone: { address: given } };
  }
  const target = await resolveCore(client, given, chainId, code);
  if (!target) throw notMintkit(given, chainId, code, "neither a mintkit core contract nor a clone of one");
  return target;
}

/** The implementation an EIP-1167 clone's runtime code delegates to, or undefined for other code. */
export function cloneImplementation(code: Hex): Address | undefined {
  const hex = code.toLowerCase();
  if (hex.length !== 2 + 45 * 2 || !hex.startsWith(clonePrefix) || !hex.endsWith(cloneSuffix)) return undefined;
  return getAddress(sliceHex(code, 10, 30));
}

async function resolveCore(
  client: PublicClient<Transport, Chain | undefined>,
  address: Address,
  chainId: number,
  knownCode?: Hex,
): Promise<VerificationTarget | undefined> {
  const contracts = getCoreContracts();
  const core = Object.values(contracts).find((c) => isAddressEqual(c.address, address));
  if (!core) return undefined;
  const code = knownCode ?? (await client.getCode({ address }));
  if (code === undefined || code === "0x") {
    throw new VerifyError("VERIFY_NO_CODE", `The ${core.name} implementation ${address} is not deployed on chain ${chainId}.`, {
      hint: "Deploy mintkit's core contracts first (`mintkit deploy …` does it), then verify.",
      details: { address, chainId },
    });
  }
  const masked = maskImmutables(code, core.runtime);
  if (masked === undefined || keccak256(masked) !== keccak256(core.runtimeTemplate)) {
    throw new VerifyError("VERIFY_BYTECODE_MISMATCH", `The code at ${address} is not this mintkit version's ${core.name}.`, {
      hint: "Its address is computed from this version's bytecode, so other code there means another mintkit version or a modified chain: verify with the mintkit version that deployed it.",
      details: { address, reason: "the runtime code on chain differs from the build's (immutables aside)" },
    });
  }
  return { address, contractName: core.name, constructorArguments: constructorArguments(core.initCode, core.name), chainId };
}

function notMintkit(address: Address, chainId: number, code: Hex, what: string): VerifyError<"VERIFY_NOT_MINTKIT_CONTRACT"> {
  return new VerifyError("VERIFY_NOT_MINTKIT_CONTRACT", `The contract at ${address} is ${what}.`, {
    hint: "mintkit verifies its own contracts (the implementations, the factory) and the collections, editions and registries the factory cloned; verify other contracts with their own tooling (e.g. `npx hardhat verify`).",
    details: { address, chainId, codeHash: keccak256(code) },
  });
}
