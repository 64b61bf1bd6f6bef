/**
 * Which credential registry a command works on, from `--registry` or the deployments record's
 * `credentialRegistries` (the record and its types live in `src/deploy/`). NODE-ONLY.
 */
import type { Address } from "viem";
import { CliError } from "../../../errors/CliError.js";
import type { ChainContext } from "../../context.js";
import { readDeployments } from "../../deployments.js";

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
    const record = await readDeployments(ctx.chainId, { network: ctx.network });
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
