import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";
import type { RoyaltyGetOptions, RoyaltySetOptions } from "../actions/royalty.js";

/** Registers `mintkit royalty get|set`. */
export function register(program: Command): void {
  const royalty = program.command("royalty").description("Read or set ERC-2981 royalties of a collection or editions contract");
  withExamples(royalty, [
    "mintkit royalty get 0x… --sale-price 1eth",
    "mintkit royalty set 0x… --receiver 0x… --bps 500",
  ]);

  const get = royalty
    .command("get")
    .description("Royalty receiver, rate (bps) and amount for a sale (royaltyInfo)")
    .argument("<collection>", "contract address, or its name in deployments/<chainId>.json")
    .option("--token-id <id>", "token id (the default royalty applies to ids without their own)", "1")
    .option("--sale-price <price>", "sale price with its unit: 1eth, 0.5eth, 20gwei or 1000wei (a bare number other than 0 is refused: it could be wei or ether)", "1eth");
  withExamples(get, ["mintkit royalty get 0x…", "mintkit royalty get \"My Art\" --token-id 7 --sale-price 2.5eth --json"]);
  get.action(
    runAction(async (collection: string, opts: RoyaltyGetOptions, cmd: Command) => {
      const { royaltyGet } = await import("../actions/royalty.js");
      return royaltyGet(globalOptions(cmd), collection, opts);
    }),
  );

  const set = royalty
    .command("set")
    .description("Set the default royalty, or one token's royalty with --token-id (admin; at most 1000 bps)")
    .argument("<collection>", "contract address, or its name in deployments/<chainId>.json")
    .requiredOption("--receiver <address>", "royalty receiver (the zero address removes / resets the royalty)")
    .requiredOption("--bps <bps>", "basis points, 0-1000 (500 = 5%)")
    .option("--token-id <id>", "set this token's own royalty instead of the default");
  withExamples(set, ["mintkit royalty set 0x… --receiver 0x… --bps 500", "mintkit royalty set 0x… --receiver 0x… --bps 250 --token-id 3 --json"]);
  set.action(
    runAction(async (collection: string, opts: RoyaltySetOptions, cmd: Command) => {
      const { royaltySet } = await import("../actions/royalty.js");
      return royaltySet(globalOptions(cmd), collection, opts);
    }),
  );
}
