import { getAddress, zeroAddress, type Address, type Hash } from "viem";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi, mintkitEditionsBytecode } from "../contracts/mintkitEditions.js";
import { mintkitFactoryAbi, mintkitFactoryBytecode } from "../contracts/mintkitFactory.js";
import { deployAndWait, hasCode, type DeployClients } from "./sendTransaction.js";
import { emptyDeploymentRecord, type CoreContractName, type DeploymentRecord } from "./types.js";

/** One core contract after `ensureCoreContracts`: reused from the record, or deployed now. */
export interface CoreContractResult {
  readonly name: CoreContractName;
  readonly address: Address;
  readonly reused: boolean;
  readonly transactionHash?: Hash;
  readonly gasUsed?: bigint;
  /** Fee paid in wei (deployed only). */
  readonly fee?: bigint;
}

export interface EnsureCoreContractsParameters extends DeployClients {
  /** What is already deployed on this chain (e.g. from `readDeployments`). Not mutated. */
  readonly record?: DeploymentRecord;
  /** Called after each contract is deployed (or reused) with the updated record, e.g. to save it. */
  readonly onStep?: (step: CoreContractResult, record: DeploymentRecord) => void | Promise<void>;
}

export interface EnsureCoreContractsResult {
  readonly collectionImplementation: CoreContractResult;
  readonly editionsImplementation: CoreContractResult;
  readonly factory: CoreContractResult;
  /** The record with the three contracts filled in. */
  readonly record: DeploymentRecord;
}

/**
 * Makes sure the MintkitCollection and MintkitEditions implementations and the MintkitFactory that
 * clones them are deployed. Idempotent: a recorded contract whose address has code is reused (the
 * factory only if it points at the recorded implementations); anything else is deployed. Does not
 * compare the code on chain with the current build.
 * @example
 * const { factory, record } = await ensureCoreContracts({ publicClient, walletClient, record: await readDeployments(chainId) });
 */
export async function ensureCoreContracts(params: EnsureCoreContractsParameters): Promise<EnsureCoreContractsResult> {
  const { publicClient, walletClient } = params;
  const chainId = params.record?.chainId ?? (await publicClient.getChainId());
  let record: DeploymentRecord = structuredClone(params.record ?? emptyDeploymentRecord(chainId, "unknown"));
  record.contracts = { ...record.contracts };
  const deployer = walletClient.account.address;

  /** Implementations are initialized by their own constructors (owned by the deployer, no metadata),
   *  so nobody can initialize them; clones never read their storage. */
  const implementationConfig = {
    owner: deployer,
    name: "mintkit implementation",
    symbol: "MINTKIT",
    baseURI: "",
    contractURI: "",
    royaltyReceiver: zeroAddress,
    royaltyBps: 0n,
    primarySaleRecipient: zeroAddress,
  };

  async function ensure(
    name: CoreContractName,
    deploy: () => ReturnType<typeof deployAndWait>,
    stillValid: (address: Address) => Promise<boolean> = async () => true,
  ): Promise<CoreContractResult> {
    const known = record.contracts[name];
    let step: CoreContractResult;
    if (known && (await hasCode(publicClient, known.address)) && (await stillValid(known.address))) {
      step = { name, address: getAddress(known.address), reused: true, ...(known.transactionHash ? { transactionHash: known.transactionHash } : {}) };
    } else {
      const deployed = await deploy();
      step = { name, address: deployed.address, reused: false, transactionHash: deployed.transactionHash, gasUsed: deployed.gasUsed, fee: deployed.fee };
      record = { ...record, contracts: { ...record.contracts, [name]: { address: deployed.address, transactionHash: deployed.transactionHash } } };
    }
    await params.onStep?.(step, record);
    return step;
  }

  const collectionImplementation = await ensure("MintkitCollection", () =>
    deployAndWait(params, "MintkitCollection", {
      abi: mintkitCollectionAbi,
      bytecode: mintkitCollectionBytecode,
      args: [{ ...implementationConfig, maxSupply: 0n }],
    }),
  );
  const editionsImplementation = await ensure("MintkitEditions", () =>
    deployAndWait(params, "MintkitEditions", { abi: mintkitEditionsAbi, bytecode: mintkitEditionsBytecode, args: [implementationConfig] }),
  );
  const factory = await ensure(
    "MintkitFactory",
    () =>
      deployAndWait(params, "MintkitFactory", {
        abi: mintkitFactoryAbi,
        bytecode: mintkitFactoryBytecode,
        args: [collectionImplementation.address, editionsImplementation.address],
      }),
    async (address) => {
      const [c, e] = await Promise.all([
        publicClient.readContract({ address, abi: mintkitFactoryAbi, functionName: "collectionImplementation" }),
        publicClient.readContract({ address, abi: mintkitFactoryAbi, functionName: "editionsImplementation" }),
      ]);
      return getAddress(c) === collectionImplementation.address && getAddress(e) === editionsImplementation.address;
    },
  );
  return { collectionImplementation, editionsImplementation, factory, record };
}
