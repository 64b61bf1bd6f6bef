/** The work of `mintkit deploy credentials` (loaded lazily by the command). NODE-ONLY. */
import { deployCredentialRegistry, resolveCredentialRegistryConfig } from "../../deploy/deployCredentialRegistry.js";
import type { DeployClients } from "../../deploy/sendTransaction.js";
import { resolveContext } from "../context.js";
import { deploymentsPath, readDeployments, writeDeployments } from "../deployments.js";
import type { GlobalOptions } from "../globalOptions.js";
import { formatEth, note, type CommandResult } from "../output.js";
import { parseAddress } from "../parse.js";
import type { DeploymentRecordWithCredentials } from "./registryRecord.js";

export interface DeployCredentialsInput {
  name?: string;
  symbol?: string;
  baseUri?: string;
  contractUri?: string;
  owner?: string;
}

/** Validates the options, deploys a `CredentialRegistry`, records it under `credentialRegistries[<name>]`. */
export async function deployCredentials(g: GlobalOptions, input: DeployCredentialsInput): Promise<CommandResult> {
  // Validate before touching the chain: nothing is sent (or written) for bad input.
  const owner = input.owner !== undefined ? await parseAddress(input.owner, "--owner") : undefined;
  const configInput = { name: input.name, symbol: input.symbol, baseURI: input.baseUri, contractURI: input.contractUri, owner };
  resolveCredentialRegistryConfig(configInput, { creator: "0x0000000000000000000000000000000000000001" });

  const ctx = await resolveContext(g, { signer: true });
  const clients = { publicClient: ctx.publicClient, walletClient: ctx.walletClient } as unknown as DeployClients;
  const record = (await readDeployments(ctx.chainId, { network: ctx.network })) as DeploymentRecordWithCredentials;
  note(g.json, `Deploying CredentialRegistry from ${ctx.account.address}…`);
  const deployed = await deployCredentialRegistry({ ...clients, config: configInput });
  const { config } = deployed;
  const registries = { ...(record.credentialRegistries ?? {}) };
  const replaced = registries[config.name]?.address;
  registries[config.name] = { address: deployed.address, transactionHash: deployed.transactionHash, owner: config.owner, symbol: config.symbol };
  const file = await writeDeployments({ ...record, credentialRegistries: registries } as DeploymentRecordWithCredentials);

  return {
    data: {
      kind: "credentials",
      name: config.name,
      symbol: config.symbol,
      address: deployed.address,
      transactionHash: deployed.transactionHash,
      gasUsed: deployed.gasUsed,
      cost: deployed.fee,
      costEth: formatEth(deployed.fee).replace(/ ETH$/, ""),
      chainId: ctx.chainId,
      owner: config.owner,
      baseURI: config.baseURI,
      contractURI: config.contractURI,
      replacedInRecord: replaced ?? null,
      deployments: file,
    },
    text: [
      `Credential registry "${config.name}" (${config.symbol}) deployed at ${deployed.address}`,
      `  tx       ${deployed.transactionHash}`,
      `  gas used ${deployed.gasUsed}`,
      `  cost     ${formatEth(deployed.fee)}`,
      `  owner    ${config.owner} (admin + issuer)`,
      ...(replaced && replaced !== deployed.address ? [`  note     the record named "${config.name}" pointed at ${replaced} before`] : []),
      `  recorded in ${deploymentsPath(ctx.chainId)} (credentialRegistries)`,
      `Next: mintkit credential schema add --registry ${deployed.address} --name KYC --age-over 18 --field "string nationality"`,
    ],
  };
}
