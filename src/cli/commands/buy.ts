import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

/** Registers `mintkit buy`. */
export function register(program: Command): void {
  const buy = program
    .command("buy")
    .description("Buy a Seaport 1.6 listing: verify it, check the balance (and ERC-20 allowance), simulate, then fulfil it")
    .argument("<order>", "the order file (OpenSea Orders API JSON, as written by `mintkit list --out`)");
  withExamples(buy, ["mintkit buy order.json", "mintkit buy order.json --dev-account 2 --json"]);
  buy.action(
    runAction(async (order: string, _opts: Record<string, never>, cmd: Command) => {
      const { buyListing } = await import("../actions/buy.js");
      return buyListing(globalOptions(cmd), order);
    }),
  );
}
