import { getAddress, isAddress, zeroAddress, type Address } from "viem";
import { DeployError } from "../errors/DeployError.js";
import { checkDeployInput } from "./checkDeployInput.js";
import { createCredentialRegistry, type CreateViaFactoryResult } from "./createViaFactory.js";
import type { DeployClients } from "./deployAndWait.js";

/** Loose input for a `CredentialRegistry` (strings as typed on a command line are fine). */
export interface CredentialRegistryConfigInput {
  /** ERC-721 name. Default `"mintkit Credentials"`. */
  readonly name?: string;
  /** ERC-721 symbol. Default `"CRED"`. */
  readonly symbol?: string;
  /** Credential-type metadata prefix: `tokenURI = baseURI + schemaId + ".json"`. Never personal data. */
  readonly baseURI?: string;
  /** ERC-7572 contract metadata URI. */
  readonly contractURI?: string;
  /** Owner (holds every role: admin and issuer). Default: the deploying account. */
  readonly owner?: string;
}

/** `CredentialRegistry.Config` as the constructor takes it. */
export interface CredentialRegistryConfig {
  readonly owner: Address;
  readonly name: string;
  readonly symbol: string;
  readonly baseURI: string;
  readonly contractURI: string;
}

/** What `createViaFactory` returns (`address` = `MintkitFactory.predictCredentialRegistryAddress(creator, keccak256(salt))`), with the registry's configuration. */
export interface DeployCredentialRegistryResult extends CreateViaFactoryResult {
  readonly config: CredentialRegistryConfig;
}

export interface DeployCredentialRegistryParameters extends DeployClients {
  readonly config?: CredentialRegistryConfigInput;
  /** Salt text for the deterministic address (default `<name>:<symbol>`, so re-running finds it). */
  readonly salt?: string;
  /** The factory (default: mintkit's, at its address on every chain). */
  readonly factory?: Address;
}

/** Default ERC-721 name and symbol of a credential registry. */
export const defaultCredentialRegistryName = "mintkit Credentials";
export const defaultCredentialRegistrySymbol = "CRED";

/**
 * Validates and completes a registry configuration before anything is sent (owner address and checksum,
 * string sizes). Browser-safe.
 * @throws DeployError `DEPLOY_INVALID_CONFIG` naming the field.
 * @example
 * const config = resolveCredentialRegistryConfig({ name: "Diplomas" }, { creator: account.address });
 */
export function resolveCredentialRegistryConfig(
  input: CredentialRegistryConfigInput,
  defaults: { readonly creator: Address },
): CredentialRegistryConfig {
  const name = input.name ?? defaultCredentialRegistryName;
  if (name.trim() === "") throw invalid("name", name, "must not be empty");
  let owner = defaults.creator;
  if (input.owner !== undefined && input.owner !== "") {
    if (!isAddress(input.owner)) {
      throw invalid("owner", input.owner, /^0x[0-9a-fA-F]{40}$/.test(input.owner) ? "has a wrong checksum (mixed case)" : "is not an address (0x + 40 hex)");
    }
    owner = getAddress(input.owner);
  }
  if (owner === zeroAddress) throw invalid("owner", owner, "must not be the zero address");
  const config = {
    owner,
    name,
    symbol: input.symbol ?? defaultCredentialRegistrySymbol,
    baseURI: input.baseURI ?? "",
    contractURI: input.contractURI ?? "",
  };
  checkDeployInput(config, "credential");
  for (const field of ["name", "symbol", "baseURI", "contractURI"] as const) {
    if (new TextEncoder().encode(config[field]).length > 65_535) throw invalid(field, `${config[field].slice(0, 20)}…`, "must be at most 65,535 bytes");
  }
  return config;
}

/**
 * Creates a soulbound `CredentialRegistry` through mintkit's factory — an EIP-1167 clone of the registry
 * implementation, initialized in the same transaction, so nobody can initialize it first — at the address
 * the factory predicts for the sender and salt, or finds the one already there (nothing sent). The owner holds
 * every role (admin + issuer); grant `ISSUER_ROLE` to other issuers afterwards. The factory must be deployed
 * (`ensureCoreContracts`).
 * @throws DeployError `DEPLOY_INVALID_CONFIG` (nothing sent), `DEPLOY_NO_CODE` (no factory), `DEPLOY_REVERTED`.
 * @example
 * await ensureCoreContracts({ publicClient, walletClient });
 * const { address } = await deployCredentialRegistry({ publicClient, walletClient, config: { name: "Diplomas", symbol: "DIP" } });
 */
export async function deployCredentialRegistry(params: DeployCredentialRegistryParameters): Promise<DeployCredentialRegistryResult> {
  const config = resolveCredentialRegistryConfig(params.config ?? {}, { creator: getAddress(params.walletClient.account.address) });
  const created = await createCredentialRegistry({
    publicClient: params.publicClient,
    walletClient: params.walletClient,
    config,
    ...(params.salt !== undefined ? { salt: params.salt } : {}),
    ...(params.factory !== undefined ? { factory: params.factory } : {}),
  });
  return { ...created, config };
}

function invalid(field: string, value: string, reason: string): DeployError<"DEPLOY_INVALID_CONFIG"> {
  return new DeployError("DEPLOY_INVALID_CONFIG", `Invalid ${field} "${value}": ${reason}.`, {
    hint: `Fix ${field} and run again; nothing was sent.`,
    details: { field, value, reason },
  });
}
