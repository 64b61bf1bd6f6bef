import { getAddress, type Address, type PublicClient } from "viem";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import { DeployError } from "../errors/DeployError.js";

/** Which kind of contract `mintkit deploy` made. */
export type DeployedKind = "collection" | "editions" | "credentials";

/**
 * A deployed contract's configuration as the chain reports it. `baseURI` is absent for credential registries
 * (they expose no getter for it); `maxSupply` is for collections only; royalty fields are absent for registries.
 */
export interface DeployedConfig {
  readonly name: string;
  readonly symbol: string;
  readonly owner: Address;
  readonly contractURI: string;
  readonly baseURI?: string;
  readonly maxSupply?: bigint;
  readonly royaltyReceiver?: Address;
  readonly royaltyBps?: bigint;
  readonly primarySaleRecipient?: Address;
}

export interface ReadDeployedConfigParameters {
  readonly publicClient: PublicClient;
  readonly kind: DeployedKind;
  readonly address: Address;
}

/**
 * Reads a mintkit contract's configuration from the chain (one multicall-free round of view calls), so a
 * re-run reports what is deployed rather than what was asked.
 * @example
 * const onChain = await readDeployedConfig({ publicClient, kind: "collection", address });
 */
export async function readDeployedConfig(params: ReadDeployedConfigParameters): Promise<DeployedConfig> {
  const { publicClient, kind, address } = params;
  if (kind === "credentials") {
    const read = <F extends "name" | "symbol" | "owner" | "contractURI">(functionName: F) =>
      publicClient.readContract({ address, abi: credentialRegistryAbi, functionName });
    const [name, symbol, owner, contractURI] = await Promise.all([read("name"), read("symbol"), read("owner"), read("contractURI")]);
    return { name, symbol, owner: getAddress(owner), contractURI };
  }
  const abi = kind === "collection" ? mintkitCollectionAbi : mintkitEditionsAbi;
  const read = <F extends "name" | "symbol" | "owner" | "contractURI" | "baseURI" | "primarySaleRecipient">(functionName: F) =>
    publicClient.readContract({ address, abi: abi as typeof mintkitCollectionAbi, functionName }) as Promise<string>;
  const [name, symbol, owner, contractURI, baseURI, primarySaleRecipient, royalty, maxSupply] = await Promise.all([
    read("name"),
    read("symbol"),
    read("owner"),
    read("contractURI"),
    read("baseURI"),
    read("primarySaleRecipient"),
    publicClient.readContract({ address, abi: mintkitCollectionAbi, functionName: "royaltyInfo", args: [0n, 10_000n] }),
    kind === "collection" ? publicClient.readContract({ address, abi: mintkitCollectionAbi, functionName: "maxSupply" }) : undefined,
  ]);
  return {
    name,
    symbol,
    owner: getAddress(owner),
    contractURI,
    baseURI,
    primarySaleRecipient: getAddress(primarySaleRecipient),
    royaltyReceiver: getAddress(royalty[0]),
    royaltyBps: royalty[1],
    ...(maxSupply !== undefined ? { maxSupply: BigInt(maxSupply) } : {}),
  };
}

/** One field where the asked configuration differs from the deployed one. */
export interface ConfigDifference {
  readonly field: string;
  readonly onChain: string;
  readonly asked: string;
}

/**
 * The fields of `asked` (only those given) that differ from the deployed configuration. Addresses compare
 * case-insensitively; numbers as integers.
 * @example
 * const differences = diffDeployedConfig(onChain, { royaltyBps: 500n });
 */
export function diffDeployedConfig(
  onChain: DeployedConfig & { readonly salt?: string },
  asked: Partial<Record<keyof DeployedConfig | "salt", string | bigint | undefined>>,
): ConfigDifference[] {
  const differences: ConfigDifference[] = [];
  for (const [field, value] of Object.entries(asked)) {
    if (value === undefined) continue;
    const current = (onChain as unknown as Record<string, unknown>)[field];
    if (current === undefined) continue;
    const a = String(value);
    const c = String(current);
    const same = /^0x[0-9a-fA-F]{40}$/.test(a) ? a.toLowerCase() === c.toLowerCase() : a === c;
    if (!same) differences.push({ field, onChain: c, asked: a });
  }
  return differences;
}

/**
 * The error for a re-run whose options conflict with the contract already deployed under that name or salt:
 * every difference, as `field: on chain vs asked`.
 */
export function deployConflict(kind: DeployedKind, name: string, address: Address, differences: readonly ConfigDifference[]): DeployError<"DEPLOY_CONFLICT"> {
  const lines = differences.map((d) => `${d.field}: ${JSON.stringify(d.onChain)} on chain vs ${JSON.stringify(d.asked)} asked`);
  return new DeployError("DEPLOY_CONFLICT", `The ${kind === "credentials" ? "credential registry" : kind} "${name}" already exists at ${address} with other settings:\n  ${lines.join("\n  ")}`, {
    hint: "Nothing was sent. Drop or fix the conflicting options to reuse it (change settings with the contract's own commands, e.g. `mintkit royalty set`), or pick another name (or --salt) for a new contract.",
    details: { address, differences },
  });
}
