import type { Address } from "viem";
import { CliError } from "../errors/CliError.js";
import type { ChainContext } from "./context.js";
import { readDeployments } from "./deployments.js";
import { parseAddress } from "./parse.js";

/**
 * A collection given as an address or as its name in `deployments/<chainId>.json` (collections, then
 * editions), checked to have code on the chain.
 * @throws CliError `CLI_INVALID_ADDRESS`, `CLI_CONTRACT_NOT_FOUND`.
 */
export async function resolveCollectionAddress(ctx: ChainContext, value: string, field = "--collection"): Promise<Address> {
  let address: Address;
  if (value.startsWith("0x") || value.startsWith("0X")) {
    address = await parseAddress(value, field);
  } else {
    const record = await readDeployments(ctx.chainId);
    const found = record.collections[value] ?? record.editions?.[value];
    if (!found) {
      throw new CliError("CLI_CONTRACT_NOT_FOUND", `No contract named "${value}" in deployments/${ctx.chainId}.json.`, {
        hint: "Pass the collection's address, or deploy it first: mintkit deploy collection <name>.",
        details: { chainId: ctx.chainId, contract: value },
      });
    }
    address = await parseAddress(found.address, field);
  }
  const code = await ctx.publicClient.getCode({ address });
  if (code === undefined || code === "0x") {
    throw new CliError("CLI_CONTRACT_NOT_FOUND", `No contract at ${address} on chain ${ctx.chainId}.`, {
      hint: "Check the address and --rpc-url/--network (a local chain restarted by `mintkit dev` starts empty).",
      details: { chainId: ctx.chainId, contract: value, address },
    });
  }
  return address;
}
