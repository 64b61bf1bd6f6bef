import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";
import type { ListOptions } from "../actions/list.js";


/** Registers `mintkit list`. */
export function register(program: Command): void {
  const list = program
    .command("list")
    .description("List a token for sale on Seaport 1.6: sign an order (royalty from royaltyInfo, optional fee) after approving Seaport once")
    .argument("<collection>", "contract address, or its name in deployments/<chainId>.json")
    .argument("<token-id>", "the token id")
    .requiredOption("--price <price>", "total price: ether with an eth suffix (0.5eth), gwei (20gwei) or wei (a bare integer); with --currency, an amount of that ERC-20 (1.5)")
    .option("--currency <address>", "an ERC-20 to be paid in (default: ETH)")
    .option("--quantity <n>", "ERC-1155: how many copies (default 1)")
    .option("--expires <time>", "ends at: +<n>[s|m|h|d|y] from now, an ISO date or unix seconds", "+7d")
    .option("--starts <time>", "opens at: +<n>[s|m|h|d|y], an ISO date or unix seconds (default: now)")
    .option("--fee-bps <bps>", "marketplace fee in basis points of the price (needs --fee-to)")
    .option("--fee-to <address>", "who receives the marketplace fee")
    .option("--allow-free", "allow a price of 0 (anyone can take the token for nothing)")
    .option("--out <file>", "write the signed order (OpenSea Orders API JSON) to this file (default: print it)");
  withExamples(list, [
    "mintkit list 0x… 1 --price 0.5eth --expires +7d --out order.json",
    "mintkit list \"My Art\" 3 --price 1eth --fee-bps 250 --fee-to 0x… --out order.json --json",
    "mintkit list 0x… 7 --quantity 5 --currency 0x… --price 100 --out order.json",
  ]);
  list.action(
    runAction(async (collection: string, tokenId: string, opts: ListOptions, cmd: Command) => {
      const { listToken } = await import("../actions/list.js");
      return listToken(globalOptions(cmd), collection, tokenId, opts);
    }),
  );
}
