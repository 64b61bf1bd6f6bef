/** The work of `mintkit deploy collection|editions` (loaded lazily by the command). NODE-ONLY. */
import { zeroAddress, type Address } from "viem";
import { createCollection, createEditions, type CreateViaFactoryResult } from "../../deploy/createViaFactory.js";
import { hasCode, type DeployClients } from "../../deploy/deployAndWait.js";
import type { EnsureCoreContractsResult } from "../../deploy/ensureCoreContracts.js";
import type { DeployedConfig } from "../../deploy/readDeployedConfig.js";
import { resolveCollectionConfig, resolveEditionsConfig, type ContractConfigInput } from "../../deploy/resolveConfig.js";
import type { RecordedClone } from "../../deploy/types.js";
import { resolveContext, type SignerContext } from "../context.js";
import { deploymentsPath, readDeployments, withRecordedContract, writeDeployments } from "../deployments.js";
import type { GlobalOptions } from "../globalOptions.js";
import type { CommandResult } from "../output.js";
import { parseDeployOptions, type DeployOptionValues } from "../commands/deployOptions.js";
import type { DeployPublishOptions } from "../publishDeployUris.js";
import { checkVerifyOptions, costOf, ensureFactory, onChainOrConflict, verifyAfterDeploy, type DeployVerifyOptions } from "./deployShared.js";

export { ensureFactory } from "./deployShared.js";

/** Options of `mintkit deploy collection|editions` (royalty and max supply default to 0 when absent). */
export interface DeployInput extends DeployPublishOptions, DeployVerifyOptions, DeployOptionValues {
  name: string;
  symbol: string;
}

type Kind = "collection" | "editions";

/**
 * Validates everything (nothing is sent for bad input), publishes the contract's ipfs:// URIs, makes sure the
 * core contracts are on the chain, then creates the contract or finds the one already deployed under that
 * name (recorded) or salt, and records it. A re-run prints what is on chain; options that differ from it are
 * a `DEPLOY_CONFLICT` listing every difference. The printed cost is everything this run paid.
 */
export async function deployContract(g: GlobalOptions, kind: Kind, input: DeployInput): Promise<CommandResult> {
  const configInput = await checkedConfigInput(kind, input);
  const services = await checkVerifyOptions(input);
  const { publishDeployUris } = await import("../publishDeployUris.js");
  const published = await publishDeployUris(g, async () => (await resolveContext(g)).chainId, input);
  const ctx = await resolveContext(g, { signer: true });
  const clients = { publicClient: ctx.publicClient, walletClient: ctx.walletClient } as unknown as DeployClients;
  const record = await readDeployments(ctx.chainId, { network: ctx.network }); // a bad record stops here, before any transaction
  const core = await ensureFactory(clients, g.json);
  const section = kind === "collection" ? "collections" : "editions";
  const recorded = record[section]?.[input.name];
  const outcome = await createOrFind(ctx, clients, core, kind, input, configInput, recorded);
  const entry: RecordedClone =
    recorded?.address === outcome.created.address
      ? recorded
      : {
          address: outcome.created.address,
          creator: outcome.created.creator,
          salt: outcome.created.salt,
          ...(outcome.created.transactionHash ? { transactionHash: outcome.created.transactionHash } : {}),
        };
  const file = await writeDeployments(withRecordedContract(record, section, input.name, entry));
  const result = describe(kind, input.name, outcome, core, ctx.chainId, file);
  const withPublished = Object.keys(published).length === 0 ? result : { ...result, data: { ...(result.data as object), published } };
  return verifyAfterDeploy(ctx, outcome.created.address, input, services, withPublished, g.json);
}

/** The options as the library takes them, each checked (addresses, numbers, URIs, name) before anything else. */
async function checkedConfigInput(kind: Kind, input: DeployInput): Promise<ContractConfigInput> {
  const configInput: ContractConfigInput = await parseDeployOptions(kind, input.name, input.symbol, input);
  const placeholder = "0x0000000000000000000000000000000000000001" as Address;
  if (kind === "collection") resolveCollectionConfig(configInput, { creator: placeholder });
  else resolveEditionsConfig(configInput, { creator: placeholder });
  return configInput;
}

interface Outcome {
  readonly created: Pick<CreateViaFactoryResult, "address" | "reused" | "creator" | "salt" | "transactionHash" | "gasUsed" | "fee">;
  /** What the contract holds: read from the chain when it already existed, else what was sent. */
  readonly shown: Pick<DeployedConfig, "owner" | "royaltyBps" | "royaltyReceiver" | "maxSupply" | "baseURI" | "contractURI" | "symbol">;
}

/** The contract recorded under this name (if it still has code) or at the salt's address, else a new one. */
async function createOrFind(
  ctx: SignerContext,
  clients: DeployClients,
  core: EnsureCoreContractsResult,
  kind: Kind,
  input: DeployInput,
  configInput: ContractConfigInput,
  recorded: RecordedClone | undefined,
): Promise<Outcome> {
  const asked = {
    symbol: input.symbol !== "" ? input.symbol : undefined,
    owner: configInput.owner,
    royaltyReceiver: configInput.royaltyReceiver,
    royaltyBps: input.royaltyBps !== undefined ? BigInt(configInput.royaltyBps as bigint) : undefined,
    maxSupply: input.maxSupply !== undefined ? BigInt(configInput.maxSupply as bigint) : undefined,
    primarySaleRecipient: configInput.primarySaleRecipient,
    baseURI: configInput.baseURI,
    contractURI: configInput.contractURI,
    salt: input.salt,
  };
  if (recorded !== undefined && (await hasCode(ctx.publicClient, recorded.address))) {
    const shown = await onChainOrConflict(ctx, kind, input.name, recorded, asked);
    return { created: { address: recorded.address, reused: true, creator: recorded.creator, salt: recorded.salt }, shown };
  }
  const creator = ctx.account.address;
  const params = { ...clients, factory: core.factory.address, salt: input.salt };
  const created =
    kind === "collection"
      ? await createCollection({ ...params, config: resolveCollectionConfig(configInput, { creator }) })
      : await createEditions({ ...params, config: resolveEditionsConfig(configInput, { creator }) });
  if (created.reused) return { created, shown: await onChainOrConflict(ctx, kind, input.name, created, asked) };
  const config = kind === "collection" ? resolveCollectionConfig(configInput, { creator }) : resolveEditionsConfig(configInput, { creator });
  return { created, shown: config };
}

/** The data and the lines printed: the contract's settings as on chain, and what this run paid. */
function describe(kind: Kind, name: string, outcome: Outcome, core: EnsureCoreContractsResult, chainId: number, file: string): CommandResult {
  const { created, shown } = outcome;
  const cost = costOf(core, created);
  const title = kind === "collection" ? "Collection" : "Editions";
  const royaltyBps = shown.royaltyBps ?? 0n;
  const data = {
    kind,
    name,
    symbol: shown.symbol,
    address: created.address,
    reused: created.reused,
    ...cost.data,
    chainId,
    owner: shown.owner,
    royaltyReceiver: shown.royaltyReceiver === undefined || shown.royaltyReceiver === zeroAddress ? null : shown.royaltyReceiver,
    royaltyBps,
    maxSupply: shown.maxSupply ?? null,
    baseURI: shown.baseURI ?? "",
    contractURI: shown.contractURI,
    salt: created.salt,
    deployments: file,
  };
  const text = [
    created.reused
      ? `${title} "${name}" already exists at ${created.address} (salt "${created.salt}"); nothing sent. On chain:`
      : `${title} "${name}" deployed at ${created.address}`,
    ...cost.text,
    `  owner    ${shown.owner}`,
    `  royalty  ${royaltyBps} bps${royaltyBps > 0n ? ` to ${shown.royaltyReceiver}` : ""}`,
    ...(kind === "collection" ? [`  supply   ${shown.maxSupply === 0n ? "unlimited" : `max ${shown.maxSupply}`}`] : []),
    ...(shown.baseURI ? [`  base URI ${shown.baseURI}`] : []),
    ...(shown.contractURI ? [`  contract ${shown.contractURI}`] : []),
    `  recorded in ${deploymentsPath(chainId)}`,
  ];
  return { data, text };
}
