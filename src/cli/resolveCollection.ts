import type { Address } from "viem";
import type { ChainContext } from "./context.js";
import { resolveAddressOrName } from "./grammar/resolveAddressOrName.js";

/**
 * A collection given as an address or as its name in `deployments/<chainId>.json`, checked to have code on
 * the chain: the grammar's {@link resolveAddressOrName} under its older name.
 * @throws CliError `CLI_INVALID_ADDRESS`, `CLI_CONTRACT_NOT_FOUND`.
 */
export async function resolveCollectionAddress(ctx: ChainContext, value: string, field = "--collection"): Promise<Address> {
  return resolveAddressOrName(ctx, value, { field });
}
