/** The work of `mintkit deploy credentials` (loaded lazily by the command). NODE-ONLY. */
import { deployCredentialRegistry, resolveCredentialRegistryConfig } from "../../deploy/deployCredentialRegistry.js";
import type { DeployClients } from "../../deploy/deployAndWait.js";
import { resolveContext } from "../context.js";
import { deploymentsPath, readDeployments, writeDeployments } from "../deployments.js";
import type { GlobalOptions } from "../globalOptions.js";
import { formatEth, note, type CommandResult } from "../output.js";
import { parseAddress } from "../parse.js";
import type { DeploymentRecordWithCredentials } from "./credential/registryRecord.js";

export interface DeployCredentialsInput {
  name?: string;
  symbol?: string;
  baseUri?: string;
  contractUri?: string;
  owner?: string;
  salt?: string;
}

/**
 * Validates the options, makes sure mintkit's core contracts are on the chain, creates a `CredentialRegistry`
 * through the factory (or finds the one the sender and salt already made), records it under
 * `credentialRegistries[<name>]`. The printed cost is everything this run paid (core contracts included).
 */
export async function deployCredentials(g: GlobalOptions, input: DeployCredentialsInput): Promise<CommandResult> {
  // Validate before touching the chain: nothing is sent (or written) for bad input.
  const owner = input.owner !== undefined ? await parseAddress(input.owner, "--owner") : undefined;
  const configInput = { name: input.name, symbol: input.symbol, baseURI: input.baseUri, contractURI: input.contractUri, owner };
  resolveCredentialRegistryConfig(configInput, { creator: "0x0000000000000000000000000000000000000001" });

  const ctx = await resolveContext(g, { signer: true });
  const clients = { publicClient: ctx.publicClient, walletClient: ctx.walletClient } as unknown as DeployClients;
  const record = (await readDeployments(ctx.chainId, { network: ctx.network })) as DeploymentRecordWithCredentials;
  const { ensureFactory } = await import("./deploy.js");
  const core = await ensureFactory(clients, g.json);
  note(g.json, `Creating a CredentialRegistry through the factory from ${ctx.account.address}…`);
  const deployed = await deployCredentialRegistry({ ...clients, config: configInput, ...(input.salt !== undefined ? { salt: input.salt } : {}) });
  const { config } = deployed;
  const registries = { ...(record.credentialRegistries ?? {}) };
  const replaced = registries[config.name]?.address;
  const known = registries[config.name];
  registries[config.name] =
    deployed.reused && known?.address === deployed.address
      ? known
      : {
          address: deployed.address,
          ...(deployed.transactionHash ? { transactionHash: deployed.transactionHash } : {}),
          owner: config.owner,
          symbol: config.symbol,
          creator: deployed.creator,
          salt: deployed.salt,
        };
  const file = await writeDeployments({ ...record, credentialRegistries: registries } as DeploymentRecordWithCredentials);
  const coreGas = core.deployed.reduce((sum, c) => sum + (c.gasUsed ?? 0n), 0n);
  const totalGas = coreGas + (deployed.gasUsed ?? 0n);
  const totalCost = core.fee + (deployed.fee ?? 0n);

  return {
    data: {
      kind: "credentials",
      name: config.name,
      symbol: config.symbol,
      address: deployed.address,
      reused: deployed.reused,
      transactionHash: deployed.transactionHash ?? null,
      gasUsed: deployed.gasUsed ?? 0n,
      totalGasUsed: totalGas,
      cost: totalCost,
      costEth: formatEth(totalCost).replace(/ ETH$/, ""),
      chainId: ctx.chainId,
      owner: config.owner,
      baseURI: config.baseURI,
      contractURI: config.contractURI,
      salt: deployed.salt,
      factory: core.factory.address,
      coreDeployed: core.deployed.map((c) => ({ name: c.name, address: c.address, transactionHash: c.transactionHash, gasUsed: c.gasUsed, cost: c.fee })),
      replacedInRecord: replaced && replaced !== deployed.address ? replaced : null,
      deployments: file,
    },
    text: [
      deployed.reused
        ? `Credential registry "${config.name}" (${config.symbol}) already exists at ${deployed.address} (salt "${deployed.salt}"); nothing sent for it.`
        : `Credential registry "${config.name}" (${config.symbol}) created at ${deployed.address} (a factory clone)`,
      ...(deployed.reused ? [] : [`  tx       ${deployed.transactionHash}`, `  gas used ${deployed.gasUsed}`]),
      ...core.deployed.map((c) => `  + ${c.name} deployed at ${c.address} (${c.gasUsed} gas, ${formatEth(c.fee ?? 0n)})`),
      ...(totalCost > 0n || !deployed.reused
        ? [`  cost     ${formatEth(totalCost)}${core.deployed.length > 0 ? ` (${totalGas} gas in all, mintkit's core contracts included)` : ""}`]
        : []),
      `  owner    ${config.owner} (admin + issuer)`,
      ...(replaced && replaced !== deployed.address ? [`  note     the record named "${config.name}" pointed at ${replaced} before`] : []),
      `  recorded in ${deploymentsPath(ctx.chainId)} (credentialRegistries)`,
      `Next: mintkit credential schema add --registry ${deployed.address} --name KYC --age-over 18 --field "string nationality"`,
    ],
  };
}
