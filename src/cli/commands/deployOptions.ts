/**
 * The arguments and options of a collection or editions deploy, declared once: `mintkit deploy <kind>` and
 * `mintkit gas deploy <kind>` take the same ones (the estimate prices the contract the deploy would create:
 * every byte of the URIs is stored, a primary-sale recipient is one more slot), and read them the same way.
 */
import { Option, type Command } from "commander";
import type { Address } from "viem";
import { parseAddress, parseBigIntOption, parseBps } from "../parse.js";

/** What the deploy options give (commander's camelCase names), besides `<name>` and `[symbol]`. */
export interface DeployOptionValues {
  readonly baseUri?: string;
  readonly contractUri?: string;
  readonly maxSupply?: string;
  readonly royaltyBps?: string;
  readonly royaltyReceiver?: string;
  readonly owner?: string;
  readonly primarySaleRecipient?: string;
  readonly salt?: string;
}

/** The contract's configuration as `resolveCollectionConfig` / `resolveEditionsConfig` and `estimateDeployGas` take it. */
export interface DeployConfigValues {
  readonly name: string;
  readonly symbol: string;
  readonly baseURI: string | undefined;
  readonly contractURI: string | undefined;
  readonly maxSupply: bigint | undefined;
  readonly owner: Address | undefined;
  readonly royaltyReceiver: Address | undefined;
  readonly royaltyBps: bigint;
  readonly primarySaleRecipient: Address | undefined;
}

/**
 * Declares `<name> [symbol]` and the deploy options of `kind` on `cmd` (publishing options are the deploy
 * command's own).
 * @example
 * addDeployOptions(program.command("collection"), "collection").action(…);
 */
export function addDeployOptions(cmd: Command, kind: "collection" | "editions"): Command {
  cmd
    .argument("<name>", "contract name (at most 100 characters; also the key in deployments/<chainId>.json)")
    .argument("[symbol]", "token symbol", "")
    .option("--base-uri <uri>", kind === "collection" ? "base URI: tokenURI = <base-uri><id>.json" : "URI template with {id}")
    .option("--contract-uri <uri>", "ERC-7572 contract metadata URI")
    .option("--royalty-bps <bps>", "default royalty in basis points, 0-1000 (500 = 5%; default 0)")
    .option("--royalty-receiver <address>", "royalty receiver (default: the owner)")
    .option("--owner <address>", "owner (default: the signing account)")
    .option("--primary-sale-recipient <address>", "receiver of voucher sales (default: the owner)")
    .option("--salt <text>", "salt text for the deterministic address (default: <name>:<symbol>)");
  // No commander defaults: a re-run of deploy compares only the options the user gave with the chain.
  if (kind === "collection") cmd.addOption(new Option("--max-supply <n>", "maximum number of tokens, 0 = unlimited (default 0)"));
  return cmd;
}

/**
 * Reads the deploy options (a bad one is a `CLI_INVALID_INPUT` naming its option; nothing touches the chain).
 * @example
 * const config = await parseDeployOptions("collection", name, symbol, opts);
 */
export async function parseDeployOptions(
  kind: "collection" | "editions",
  name: string,
  symbol: string,
  input: DeployOptionValues,
): Promise<DeployConfigValues> {
  return {
    name,
    symbol,
    baseURI: input.baseUri,
    contractURI: input.contractUri,
    maxSupply: kind === "collection" ? parseBigIntOption(input.maxSupply ?? "0", "--max-supply", { max: 2n ** 40n - 2n }) : undefined,
    owner: input.owner !== undefined ? await parseAddress(input.owner, "--owner") : undefined,
    royaltyReceiver: input.royaltyReceiver !== undefined ? await parseAddress(input.royaltyReceiver, "--royalty-receiver") : undefined,
    royaltyBps: parseBps(input.royaltyBps ?? "0"),
    primarySaleRecipient:
      input.primarySaleRecipient !== undefined ? await parseAddress(input.primarySaleRecipient, "--primary-sale-recipient") : undefined,
  };
}
