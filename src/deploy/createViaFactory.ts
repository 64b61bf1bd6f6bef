import { getAddress, keccak256, toBytes, type Address, type Hash, type Hex } from "viem";
import { mintkitFactoryAbi } from "../contracts/mintkitFactory.js";
import { DeployError } from "../errors/DeployError.js";
import { writeAndWait } from "../chain/writeAndWait.js";
import { hasCode, reverted, type DeployClients } from "./deployAndWait.js";
import type { CollectionConfig, EditionsConfig } from "./resolveConfig.js";
import type { CredentialRegistryConfig } from "./deployCredentialRegistry.js";
import { mintkitFactoryAddress } from "./coreContracts.js";

/** The on-chain salt for a salt text: `keccak256(utf8(text))` (what `scripts/deploy.ts` always used). */
export function saltFromText(text: string): Hex {
  return keccak256(toBytes(text));
}

/** Default salt text of a contract: `<name>:<symbol>`, so re-running the same deploy finds it. */
export function defaultSaltText(config: { readonly name: string; readonly symbol: string }): string {
  return `${config.name}:${config.symbol}`;
}

export interface CreateViaFactoryResult {
  readonly address: Address;
  /** True when a contract already existed at the predicted address (nothing was sent). */
  readonly reused: boolean;
  readonly creator: Address;
  /** The salt text and its hash. */
  readonly salt: string;
  readonly saltHash: Hex;
  readonly transactionHash?: Hash;
  readonly gasUsed?: bigint;
  /** Fee paid in wei (created only). */
  readonly fee?: bigint;
}

export interface CreateViaFactoryParameters<TConfig> extends DeployClients {
  /** The factory (default: mintkit's, at its address on every chain; `ensureCoreContracts` deploys it). */
  readonly factory?: Address;
  readonly config: TConfig;
  /** Salt text (default `<name>:<symbol>`). */
  readonly salt?: string;
}

/**
 * Creates a collection (ERC-721 clone) through the factory at the address predicted for the sender and
 * salt, or reuses the contract already there. Simulates first, so a revert is decoded before sending.
 * @throws DeployError `DEPLOY_REVERTED`.
 * @example
 * const { address, reused } = await createCollection({ publicClient, walletClient, factory, config });
 */
export function createCollection(params: CreateViaFactoryParameters<CollectionConfig>): Promise<CreateViaFactoryResult> {
  return createClone(params, "collection");
}

/** Like `createCollection`, for an ERC-1155 editions contract. */
export function createEditions(params: CreateViaFactoryParameters<EditionsConfig>): Promise<CreateViaFactoryResult> {
  return createClone(params, "editions");
}

/**
 * Like `createCollection`, for a soulbound credential registry: the factory clones and initializes it in one
 * transaction, so nobody can initialize it first. Prefer `deployCredentialRegistry`, which validates the config.
 */
export function createCredentialRegistry(params: CreateViaFactoryParameters<CredentialRegistryConfig>): Promise<CreateViaFactoryResult> {
  return createClone(params, "credentialRegistry");
}

const functions = {
  collection: { predict: "predictCollectionAddress", create: "createCollection" },
  editions: { predict: "predictEditionsAddress", create: "createEditions" },
  credentialRegistry: { predict: "predictCredentialRegistryAddress", create: "createCredentialRegistry" },
} as const;

async function createClone(
  params: CreateViaFactoryParameters<CollectionConfig | EditionsConfig | CredentialRegistryConfig>,
  kind: keyof typeof functions,
): Promise<CreateViaFactoryResult> {
  const { publicClient, walletClient, config } = params;
  const factory = params.factory ?? mintkitFactoryAddress();
  if (!(await hasCode(publicClient, factory))) {
    throw new DeployError("DEPLOY_NO_CODE", `No MintkitFactory at ${factory} on chain ${await publicClient.getChainId()}.`, {
      hint: "Deploy mintkit's core contracts first: ensureCoreContracts() (the CLI's deploy commands do it).",
      details: { contract: "MintkitFactory", address: factory },
    });
  }
  const creator = getAddress(walletClient.account.address);
  const salt = params.salt ?? defaultSaltText(config);
  const saltHash = saltFromText(salt);
  const predicted = getAddress(
    await publicClient.readContract({
      address: factory,
      abi: mintkitFactoryAbi,
      functionName: functions[kind].predict,
      args: [creator, saltHash],
    }),
  );
  if (await hasCode(publicClient, predicted)) return { address: predicted, reused: true, creator, salt, saltHash };
  const outcome = await writeAndWait(params, {
    address: factory,
    abi: mintkitFactoryAbi,
    functionName: functions[kind].create,
    args: [config, saltHash],
    action: `MintkitFactory.${functions[kind].create}`,
    ...(kind === "credentialRegistry" ? {} : { headroom: { operation: kind === "collection" ? "deployCollection" : "deployEditions" } }),
    onRevert: (_revert, { action, cause, transactionHash }) => reverted(action, cause, transactionHash),
  });
  return {
    address: predicted,
    reused: false,
    creator,
    salt,
    saltHash,
    transactionHash: outcome.transactionHash,
    gasUsed: outcome.gasUsed,
    fee: outcome.fee,
  };
}
