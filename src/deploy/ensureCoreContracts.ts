import { getAddress, keccak256, type Address, type Hash } from "viem";
import { DeployError } from "../errors/DeployError.js";
import { coreContractNames, getCoreContracts, maskImmutables, type CoreContract } from "./coreContracts.js";
import { assertDeterministicDeployer, deterministicDeployerAddress } from "./deterministicDeployer.js";
import { hasCode, type DeployClients } from "./deployAndWait.js";
import type { CoreContractName } from "./types.js";

/** One core contract after `ensureCoreContracts`: found on chain (code checked), or deployed now. */
export interface CoreContractResult {
  readonly name: CoreContractName;
  readonly address: Address;
  /** True when the contract was already there (nothing sent). */
  readonly reused: boolean;
  readonly transactionHash?: Hash;
  readonly gasUsed?: bigint;
  /** Fee paid in wei (deployed only). */
  readonly fee?: bigint;
}

export interface EnsureCoreContractsParameters extends DeployClients {
  /** Called after each contract is found or deployed, in deployment order. */
  readonly onStep?: (step: CoreContractResult) => void | Promise<void>;
}

export interface EnsureCoreContractsResult {
  readonly collectionImplementation: CoreContractResult;
  readonly editionsImplementation: CoreContractResult;
  readonly credentialRegistryImplementation: CoreContractResult;
  readonly factory: CoreContractResult;
  /** The contracts deployed by this call (empty when all were there), in order. */
  readonly deployed: readonly CoreContractResult[];
  /** What this call paid, in wei (the sum of the deployed contracts' fees). */
  readonly fee: bigint;
}

/**
 * Makes sure mintkit's core contracts — the collection, editions and credential registry implementations and
 * the factory — are on the chain, at the addresses they have on every chain (`getCoreContracts`: CREATE2
 * through the deterministic deployer, fixed salts). Believes the chain, not a record: a contract whose address
 * has code is checked (its code, immutables aside, must hash like the build's runtime code) and reused; one
 * without code is deployed through the deterministic deployer. Idempotent: a second call sends nothing.
 * @throws DeployError `DEPLOY_NO_DEPLOYER` (the chain lacks the deployer: `installDeterministicDeployer` on a
 *   dev chain), `DEPLOY_CODE_MISMATCH` (other code at a core address: nothing is sent), `DEPLOY_REVERTED`,
 *   `DEPLOY_NO_CODE`.
 * @example
 * const { factory, deployed, fee } = await ensureCoreContracts({ publicClient, walletClient });
 */
export async function ensureCoreContracts(params: EnsureCoreContractsParameters): Promise<EnsureCoreContractsResult> {
  const contracts = getCoreContracts();
  const results = {} as Record<CoreContractName, CoreContractResult>;
  const deployed: CoreContractResult[] = [];
  // Check everything that is there before sending anything: a mismatch anywhere costs nothing.
  const present = new Map<CoreContractName, boolean>();
  for (const name of coreContractNames) present.set(name, await checkCoreContract(params, contracts[name]));
  if ([...present.values()].some((p) => !p)) await assertDeterministicDeployer(params);
  for (const name of coreContractNames) {
    const contract = contracts[name];
    let step: CoreContractResult;
    if (present.get(name)) step = { name, address: contract.address, reused: true };
    else {
      step = await deployCoreContract(params, contract);
      deployed.push(step);
    }
    results[name] = step;
    await params.onStep?.(step);
  }
  return {
    collectionImplementation: results.MintkitCollection,
    editionsImplementation: results.MintkitEditions,
    credentialRegistryImplementation: results.CredentialRegistry,
    factory: results.MintkitFactory,
    deployed,
    fee: deployed.reduce((sum, d) => sum + (d.fee ?? 0n), 0n),
  };
}

/**
 * Whether core contract `contract` is on the chain: false when its address has no code; true when the code,
 * immutables zeroed, hashes like the build's runtime code.
 * @throws DeployError `DEPLOY_CODE_MISMATCH` when other code is there.
 */
export async function checkCoreContract(clients: Pick<DeployClients, "publicClient">, contract: CoreContract): Promise<boolean> {
  const code = await clients.publicClient.getCode({ address: contract.address });
  if (code === undefined || code === "0x") return false;
  const expected = keccak256(contract.runtimeTemplate);
  const masked = maskImmutables(code, contract.runtime);
  const actual = masked === undefined ? keccak256(code) : keccak256(masked);
  if (actual !== expected) {
    throw new DeployError("DEPLOY_CODE_MISMATCH", `The code at ${contract.address} is not this build's ${contract.name}.`, {
      hint:
        "The address is computed from this mintkit version's bytecode, so only that bytecode can be deployed there by the " +
        "deterministic deployer; other code means a modified chain (e.g. hardhat_setCode) or a deployer that is not the real " +
        "one. Use a clean chain, or check which mintkit version deployed it.",
      details: { contract: contract.name, address: contract.address, expectedCodeHash: expected, actualCodeHash: actual },
    });
  }
  return true;
}

async function deployCoreContract(clients: DeployClients, contract: CoreContract): Promise<CoreContractResult> {
  const { publicClient, walletClient } = clients;
  let hash: Hash;
  try {
    hash = await walletClient.sendTransaction({
      to: deterministicDeployerAddress,
      data: contract.deployData,
      account: walletClient.account,
      chain: walletClient.chain ?? null,
    });
  } catch (err) {
    throw new DeployError("DEPLOY_REVERTED", `${contract.name}: the deployment through the deterministic deployer failed.`, {
      hint: "Check the account's balance and the chain's contract size limit (EIP-170).",
      details: { contract: contract.name },
      cause: err,
    });
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") {
    throw new DeployError("DEPLOY_REVERTED", `${contract.name}: the transaction ${hash} reverted.`, {
      hint: "Check the account's balance and the chain's contract size limit (EIP-170).",
      details: { contract: contract.name, transactionHash: hash },
    });
  }
  if (!(await hasCode(publicClient, contract.address))) {
    throw new DeployError("DEPLOY_NO_CODE", `${contract.name} was deployed but ${contract.address} has no code.`, {
      hint: "Check the chain (a node that drops code, or a contract too large for it).",
      details: { contract: contract.name, address: contract.address },
    });
  }
  await checkCoreContract(clients, contract);
  return {
    name: contract.name,
    address: getAddress(contract.address),
    reused: false,
    transactionHash: hash,
    gasUsed: receipt.gasUsed,
    fee: receipt.gasUsed * receipt.effectiveGasPrice,
  };
}
