/** The work of `mintkit deploy collection|editions` (loaded lazily by the command). */
import { zeroAddress, type Address } from "viem";
import { createCollection, createEditions } from "../../deploy/createViaFactory.js";
import { ensureCoreContracts, type EnsureCoreContractsResult } from "../../deploy/ensureCoreContracts.js";
import { resolveCollectionConfig, resolveEditionsConfig, type ContractConfigInput } from "../../deploy/resolveConfig.js";
import type { DeployClients } from "../../deploy/deployAndWait.js";
import { resolveContext } from "../context.js";
import { deploymentsPath, readDeployments, writeDeployments } from "../deployments.js";
import type { GlobalOptions } from "../globalOptions.js";
import { formatEth, note, type CommandResult } from "../output.js";
import { parseAddress, parseBigIntOption, parseBps } from "../parse.js";

export interface DeployInput {
  name: string;
  symbol: string;
  baseUri?: string;
  contractUri?: string;
  maxSupply?: string;
  royaltyBps?: string;
  royaltyReceiver?: string;
  owner?: string;
  primarySaleRecipient?: string;
  salt?: string;
}

/**
 * Validates everything, makes sure the core contracts are on the chain (found by their computed addresses,
 * deployed only where there is no code), creates (or finds) the contract, records it. The printed cost is
 * everything this run paid: core contracts deployed now plus the clone.
 */
export async function deployContract(g: GlobalOptions, kind: "collection" | "editions", input: DeployInput): Promise<CommandResult> {
  // Validate before touching the chain: nothing is sent (or written) for bad input.
  const royaltyBps = parseBps(input.royaltyBps ?? "0");
  const maxSupply = kind === "collection" ? parseBigIntOption(input.maxSupply ?? "0", "--max-supply", { max: 2n ** 40n - 2n }) : undefined;
  const owner = input.owner !== undefined ? await parseAddress(input.owner, "--owner") : undefined;
  const royaltyReceiver = input.royaltyReceiver !== undefined ? await parseAddress(input.royaltyReceiver, "--royalty-receiver") : undefined;
  const primarySaleRecipient =
    input.primarySaleRecipient !== undefined ? await parseAddress(input.primarySaleRecipient, "--primary-sale-recipient") : undefined;
  const configInput: ContractConfigInput = {
    name: input.name,
    symbol: input.symbol,
    baseURI: input.baseUri,
    contractURI: input.contractUri,
    maxSupply,
    owner,
    royaltyReceiver,
    royaltyBps,
    primarySaleRecipient,
  };
  const placeholder = "0x0000000000000000000000000000000000000001" as Address;
  if (kind === "collection") resolveCollectionConfig(configInput, { creator: placeholder });
  else resolveEditionsConfig(configInput, { creator: placeholder });

  const ctx = await resolveContext(g, { signer: true });
  const clients = { publicClient: ctx.publicClient, walletClient: ctx.walletClient } as unknown as DeployClients;
  const core = await ensureFactory(clients, g.json);
  let record = await readDeployments(ctx.chainId, { network: ctx.network });

  const creator = ctx.account.address;
  const created =
    kind === "collection"
      ? await createCollection({ ...clients, factory: core.factory.address, config: resolveCollectionConfig(configInput, { creator }), salt: input.salt })
      : await createEditions({ ...clients, factory: core.factory.address, config: resolveEditionsConfig(configInput, { creator }), salt: input.salt });

  const section = kind === "collection" ? "collections" : "editions";
  const entries = { ...(record[section] ?? {}) };
  const known = entries[input.name];
  entries[input.name] =
    created.reused && known?.address === created.address
      ? known
      : {
          address: created.address,
          creator: created.creator,
          salt: created.salt,
          ...(created.transactionHash ? { transactionHash: created.transactionHash } : {}),
        };
  record = { ...record, [section]: entries };
  const file = await writeDeployments(record);

  const config = kind === "collection" ? resolveCollectionConfig(configInput, { creator }) : resolveEditionsConfig(configInput, { creator });
  const coreGas = core.deployed.reduce((sum, c) => sum + (c.gasUsed ?? 0n), 0n);
  const totalGas = coreGas + (created.gasUsed ?? 0n);
  const totalCost = core.fee + (created.fee ?? 0n);
  const data = {
    kind,
    name: input.name,
    symbol: input.symbol,
    address: created.address,
    reused: created.reused,
    transactionHash: created.transactionHash ?? null,
    gasUsed: created.gasUsed ?? 0n,
    /** Everything this run paid: core contracts deployed now + the clone. */
    totalGasUsed: totalGas,
    cost: totalCost,
    costEth: formatEth(totalCost).replace(/ ETH$/, ""),
    chainId: ctx.chainId,
    owner: config.owner,
    royaltyReceiver: config.royaltyReceiver === zeroAddress ? null : config.royaltyReceiver,
    royaltyBps: config.royaltyBps,
    maxSupply: "maxSupply" in config ? config.maxSupply : null,
    salt: created.salt,
    factory: core.factory.address,
    coreDeployed: core.deployed.map((c) => ({ name: c.name, address: c.address, transactionHash: c.transactionHash, gasUsed: c.gasUsed, cost: c.fee })),
    deployments: file,
  };
  const text = [
    created.reused
      ? `${kind === "collection" ? "Collection" : "Editions"} "${input.name}" already exists at ${created.address} (salt "${created.salt}"); nothing sent.`
      : `${kind === "collection" ? "Collection" : "Editions"} "${input.name}" deployed at ${created.address}`,
    ...(created.reused ? [] : [`  tx       ${created.transactionHash}`, `  gas used ${created.gasUsed}`]),
    ...core.deployed.map((c) => `  + ${c.name} deployed at ${c.address} (${c.gasUsed} gas, ${formatEth(c.fee ?? 0n)})`),
    ...(totalCost > 0n || !created.reused
      ? [`  cost     ${formatEth(totalCost)}${core.deployed.length > 0 ? ` (${totalGas} gas in all, mintkit's core contracts included)` : ""}`]
      : []),
    `  owner    ${config.owner}`,
    `  royalty  ${config.royaltyBps} bps${config.royaltyBps > 0n ? ` to ${config.royaltyReceiver}` : ""}`,
    ...("maxSupply" in config ? [`  supply   ${config.maxSupply === 0n ? "unlimited" : `max ${config.maxSupply}`}`] : []),
    `  recorded in ${deploymentsPath(ctx.chainId)}`,
  ];
  return { data, text };
}

/**
 * Ensures mintkit's core contracts (implementations + factory) at their computed addresses, printing each one
 * deployed now (to stderr). Nothing is recorded: their addresses are the same on every chain.
 */
export async function ensureFactory(clients: DeployClients, json: boolean): Promise<EnsureCoreContractsResult> {
  return ensureCoreContracts({
    ...clients,
    onStep: (step) => {
      if (!step.reused) note(json, `deployed ${step.name} at ${step.address} (${step.gasUsed} gas)`);
    },
  });
}
