/** The work of `mintkit deploy credentials` (loaded lazily by the command). NODE-ONLY. */
import type { DeployClients } from "../../deploy/deployAndWait.js";
import { deployCredentialRegistry, resolveCredentialRegistryConfig, type CredentialRegistryConfig } from "../../deploy/deployCredentialRegistry.js";
import type { EnsureCoreContractsResult } from "../../deploy/ensureCoreContracts.js";
import type { RecordedCredentialRegistry } from "../../deploy/types.js";
import { resolveContext, type SignerContext } from "../context.js";
import { deploymentsPath, readDeployments, withRecordedContract, writeDeployments } from "../deployments.js";
import type { GlobalOptions } from "../globalOptions.js";
import { note, type CommandResult } from "../output.js";
import { parseAddress } from "../parse.js";
import { checkVerifyOptions, costOf, ensureFactory, onChainOrConflict, verifyAfterDeploy, type DeployVerifyOptions } from "./deployShared.js";

/** Options of `mintkit deploy credentials` (name and symbol default to "mintkit Credentials" and "CRED"). */
export interface DeployCredentialsInput extends DeployVerifyOptions {
  name?: string;
  symbol?: string;
  baseUri?: string;
  contractUri?: string;
  owner?: string;
  salt?: string;
}

interface Found {
  readonly address: `0x${string}`;
  readonly reused: boolean;
  readonly creator?: `0x${string}`;
  readonly salt?: string;
  readonly transactionHash?: `0x${string}`;
  readonly gasUsed?: bigint;
  readonly fee?: bigint;
  /** The registry's settings: read from the chain when it already existed, else what was sent. */
  readonly config: Pick<CredentialRegistryConfig, "owner" | "symbol" | "contractURI"> & { readonly name: string };
}

/**
 * Validates the options (nothing is sent for bad input), makes sure mintkit's core contracts are on the chain,
 * then creates a `CredentialRegistry` through the factory, or finds the one recorded under that name (or at the
 * salt's address): idempotent by name like `deploy collection`. A re-run prints what is on chain; options that
 * differ from it are a `DEPLOY_CONFLICT` listing every difference. Recorded under `credentialRegistries[<name>]`.
 */
export async function deployCredentials(g: GlobalOptions, input: DeployCredentialsInput): Promise<CommandResult> {
  const owner = input.owner !== undefined ? await parseAddress(input.owner, "--owner") : undefined;
  const configInput = { name: input.name, symbol: input.symbol, baseURI: input.baseUri, contractURI: input.contractUri, owner };
  const { name } = resolveCredentialRegistryConfig(configInput, { creator: "0x0000000000000000000000000000000000000001" });
  const services = await checkVerifyOptions(input);

  const ctx = await resolveContext(g, { signer: true });
  const clients = { publicClient: ctx.publicClient, walletClient: ctx.walletClient } as unknown as DeployClients;
  const record = await readDeployments(ctx.chainId, { network: ctx.network }); // a bad record stops here, before any transaction
  const core = await ensureFactory(clients, g.json);
  const recorded = record.credentialRegistries?.[name];
  const asked = { symbol: input.symbol, owner, contractURI: input.contractUri, salt: input.salt };
  let found: Found;
  if (recorded !== undefined && (await hasCodeAt(ctx, recorded.address))) {
    found = { ...recorded, reused: true, config: await onChainOrConflict(ctx, "credentials", name, recorded, asked) };
  } else {
    note(g.json, `Creating a CredentialRegistry through the factory from ${ctx.account.address}…`);
    const deployed = await deployCredentialRegistry({ ...clients, config: configInput, ...(input.salt !== undefined ? { salt: input.salt } : {}) });
    found = deployed.reused ? { ...deployed, config: await onChainOrConflict(ctx, "credentials", name, deployed, asked) } : deployed;
  }
  const entry: RecordedCredentialRegistry =
    recorded?.address === found.address
      ? recorded
      : {
          address: found.address,
          ...(found.transactionHash ? { transactionHash: found.transactionHash } : {}),
          owner: found.config.owner,
          symbol: found.config.symbol,
          ...(found.creator !== undefined ? { creator: found.creator } : {}),
          ...(found.salt !== undefined ? { salt: found.salt } : {}),
        };
  const file = await writeDeployments(withRecordedContract(record, "credentialRegistries", name, entry));
  return verifyAfterDeploy(ctx, found.address, input, services, describe(ctx, name, found, core, file), g.json);
}

async function hasCodeAt(ctx: SignerContext, address: `0x${string}`): Promise<boolean> {
  const code = await ctx.publicClient.getCode({ address });
  return code !== undefined && code !== "0x";
}

function describe(ctx: SignerContext, name: string, found: Found, core: EnsureCoreContractsResult, file: string): CommandResult {
  const { config } = found;
  const cost = costOf(core, found);
  const data = {
    kind: "credentials",
    name,
    symbol: config.symbol,
    address: found.address,
    reused: found.reused,
    ...cost.data,
    chainId: ctx.chainId,
    owner: config.owner,
    contractURI: config.contractURI,
    salt: found.salt ?? null,
    deployments: file,
  };
  const text = [
    found.reused
      ? `Credential registry "${name}" (${config.symbol}) already exists at ${found.address}${found.salt !== undefined ? ` (salt "${found.salt}")` : ""}; nothing sent for it. On chain:`
      : `Credential registry "${name}" (${config.symbol}) created at ${found.address} (a factory clone)`,
    ...cost.text,
    `  owner    ${config.owner} (admin + issuer)`,
    ...(config.contractURI ? [`  contract ${config.contractURI}`] : []),
    `  recorded in ${deploymentsPath(ctx.chainId)} (credentialRegistries)`,
    `Next: mintkit credential schema add --registry ${found.address} --name KYC --age-over 18 --field "string nationality"`,
  ];
  return { data, text };
}
