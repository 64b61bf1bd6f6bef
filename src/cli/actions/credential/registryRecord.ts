/**
 * Credential registries in `deployments/<chainId>.json`, under a `credentialRegistries` key (by registry
 * name) next to H5's `contracts`/`collections`/`editions`; older files without it stay valid. NODE-ONLY.
 */
import type { Address, Hash } from "viem";
import { CliError } from "../../../errors/CliError.js";
import type { ChainContext } from "../../context.js";
import { readDeployments, type DeploymentRecord } from "../../deployments.js";

/** A deployed `CredentialRegistry`, in a deployments record. */
export interface RecordedCredentialRegistry {
  readonly address: Address;
  readonly transactionHash?: Hash;
  readonly owner: Address;
  readonly symbol: string;
  /** The account that called the factory, and the salt text (absent in records written before 1.0). */
  readonly creator?: Address;
  readonly salt?: string;
}

/** A deployments record that may list credential registries. */
export type DeploymentRecordWithCredentials = DeploymentRecord & {
  credentialRegistries?: Record<string, RecordedCredentialRegistry>;
};

/**
 * The registry a command works on: `--registry <address>` or `--registry <name>` (as recorded by `mintkit deploy
 * credentials`), else the only recorded one. Checks that there is code at the address.
 * @throws CliError `CLI_INVALID_ADDRESS`, `CLI_INVALID_INPUT` (none / several recorded), `CLI_CONTRACT_NOT_FOUND`.
 */
export async function resolveRegistry(ctx: ChainContext, value: string | undefined): Promise<Address> {
  const { getAddress } = await import("viem");
  const { parseAddress } = await import("../../parse.js");
  let address: Address;
  if (value !== undefined && value.startsWith("0x")) address = await parseAddress(value, "--registry");
  else {
    const record = (await readDeployments(ctx.chainId, { network: ctx.network })) as DeploymentRecordWithCredentials;
    const registries = record.credentialRegistries ?? {};
    const names = Object.keys(registries);
    const picked = value !== undefined ? registries[value] : names.length === 1 ? registries[names[0]!] : undefined;
    if (picked === undefined) {
      throw new CliError(
        "CLI_INVALID_INPUT",
        value !== undefined
          ? `No credential registry named "${value}" is recorded for chain ${ctx.chainId}.`
          : names.length === 0
            ? `No credential registry is recorded for chain ${ctx.chainId}.`
            : `${names.length} credential registries are recorded for chain ${ctx.chainId}: say which one.`,
        {
          hint:
            names.length === 0
              ? "Deploy one with `mintkit deploy credentials`, or pass --registry <address>."
              : `Pass --registry <address> or one of the recorded names: ${names.map((n) => `"${n}"`).join(", ")}.`,
          details: { field: "--registry", ...(value === undefined ? {} : { value }), reason: "not recorded" },
        },
      );
    }
    address = getAddress(picked.address);
  }
  const code = await ctx.publicClient.getCode({ address });
  if (code === undefined || code === "0x") {
    throw new CliError("CLI_CONTRACT_NOT_FOUND", `No contract at ${address} on chain ${ctx.chainId}.`, {
      hint: "Check --registry and the network (--rpc-url / --network); deploy a registry with `mintkit deploy credentials`.",
      details: { chainId: ctx.chainId, contract: "CredentialRegistry", address },
    });
  }
  return address;
}
