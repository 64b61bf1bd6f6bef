import type { Command } from "commander";
import type { GasOptions } from "../actions/gas/index.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

const actions = () => import("../actions/gas/index.js");

/** Registers `mintkit gas <operation>`: estimates by simulation on the target chain, with costs per fee tier. */
export function register(program: Command): void {
  const gas = program
    .command("gas")
    .description("Estimate gas and cost by simulation on the target chain (nothing is sent)")
    .addHelpText(
      "after",
      [
        "",
        "Every figure is simulated on the chain (eth_estimateGas, debug_traceCall when offered), never assumed;",
        "costs use fee tiers from eth_feeHistory, and a fiat amount when you give --eth-price.",
        "Simulations run as --from <address>, else as the signing account (dev account 0 on a local chain).",
      ].join("\n"),
    );
  withExamples(gas, [
    "mintkit gas mint --collection 0x… --eth-price 3200",
    "mintkit gas batch --collection 0x… --count 100 --json",
    "mintkit gas plan --collection 0x… --count 10000 --max-gas 3000000",
    "mintkit gas compare --collection 0x… --editions 0x… --count 100 --holders many",
    "mintkit gas fees",
  ]);

  const priced = (cmd: Command) =>
    cmd
      .option("--eth-price <price>", "price of 1 ETH in your currency, for a fiat cost (never fetched)")
      .option("--currency <code>", "currency of --eth-price", "USD")
      .option("--from <address>", "simulate as this address (default: the signing account)");

  const op: AddOperation = (name, description, examples) => {
    const cmd = priced(gas.command(name).description(description));
    withExamples(cmd, examples);
    return cmd;
  };

  registerEstimates(op);
  registerPlanning(gas, op);
}

/** Adds one priced `gas <name>` subcommand. */
type AddOperation = (name: string, description: string, examples: string[]) => Command;

/** `gas mint|batch|airdrop|redeem|editions-mint|deploy|transfer`: one estimate each. */
function registerEstimates(op: AddOperation): void {
  op("mint", "One token: mint(to), or mintWithURI(to, uri) with --uri", ["mintkit gas mint --collection 0x… --eth-price 3200"])
    .requiredOption("--collection <address|name>", "a MintkitCollection (address or name in deployments/<chainId>.json)")
    .option("--to <address>", "recipient (default: a fresh address, the costliest case)")
    .option("--uri <uri>", "the token's own metadata URI (mintWithURI)")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "mint")));

  op("batch", "One mintBatch(to, count, nextTokenId) transaction (see `gas plan` for more than one transaction)", [
    "mintkit gas batch --collection 0x… --count 500",
  ])
    .alias("mintBatch")
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .option("--count <n>", "tokens in the batch", "100")
    .option("--to <address>", "recipient (default: a fresh address)")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "batch")));

  op("airdrop", "One airdrop(recipients, nextTokenId) transaction to --count fresh holders", ["mintkit gas airdrop --collection 0x… --count 50"])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .option("--count <n>", "recipients (fresh addresses, one token each)", "10")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "airdrop")));

  op("redeem", "A buyer redeeming a lazy-mint voucher (a sample voucher signed by the signing account)", [
    "mintkit gas redeem --collection 0x… --price 0.01eth --count 1",
  ])
    .requiredOption("--collection <address|name>", "a MintkitCollection or MintkitEditions")
    .option("--count <n>", "tokens in the voucher", "1")
    .option("--price <price>", "price per token, wei or e.g. 0.01eth (paid by the buyer: --from must hold it)", "0")
    .option("--uri <uri>", "the voucher's own token URI")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "redeem")));

  op("editions-mint", "ERC-1155 mint: a new id (default: the next id), or an existing one with --id", [
    "mintkit gas editions-mint --editions 0x… --count 100",
    "mintkit gas editions-mint --editions 0x… --id 1",
  ])
    .requiredOption("--editions <address|name>", "a MintkitEditions")
    .option("--id <id>", "token id (new or existing)")
    .option("--count <n>", "copies", "1")
    .option("--to <address>", "recipient (default: a fresh address)")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "editions-mint")));

  op("deploy", "Deploying a collection or editions contract: through the factory of deployments/<chainId>.json, or --direct", [
    "mintkit gas deploy collection",
    "mintkit gas deploy editions --direct --json",
  ])
    .argument("<kind>", "collection | editions")
    .option("--direct", "deploy the full contract (constructor) instead of a factory clone")
    .action(runAction(async (kind: string, opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "deploy", kind)));

  op("transfer", "An ERC-721 transferFrom of --token-id by its owner", ["mintkit gas transfer --collection 0x… --token-id 7"])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .requiredOption("--token-id <id>", "the token to move")
    .option("--to <address>", "new owner (default: a fresh address)")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "transfer")));
}

/** `gas plan|compare|fees`. */
function registerPlanning(gas: Command, op: AddOperation): void {
  op("plan", "Split a large mint into mintBatch transactions under the block limit, EIP-7825 and --max-gas", [
    "mintkit gas plan --collection 0x… --count 10000",
    "mintkit gas plan --collection 0x… --count 10000 --max-gas 3000000 --json",
  ])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .requiredOption("--count <n>", "tokens to mint in all")
    .option("--to <address>", "recipient (default: the account)")
    .option("--max-gas <gas>", "your own cap on one transaction's gas")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).plan(globalOptions(cmd), opts)));

  op("compare", "Single vs batch vs lazy (buyers pay) vs ERC-1155 for the same job, by simulation", [
    "mintkit gas compare --collection 0x… --count 100",
    "mintkit gas compare --collection 0x… --editions 0x… --count 20 --holders many --eth-price 3200",
  ])
    .requiredOption("--collection <address|name>", "a MintkitCollection (single, batch, lazy)")
    .option("--editions <address|name>", "a MintkitEditions (the ERC-1155 strategy; omitted: reported unavailable)")
    .requiredOption("--count <n>", "tokens")
    .option("--holders <one|many>", "one holder gets all, or one token each to fresh holders", "one")
    .option("--max-gas <gas>", "your own cap on one transaction's gas")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).compare(globalOptions(cmd), opts)));

  const fees = gas
    .command("fees")
    .description("Fee tiers (slow/standard/fast) from eth_feeHistory, and what 21,000 gas costs at each")
    .option("--eth-price <price>", "price of 1 ETH in your currency (never fetched)")
    .option("--currency <code>", "currency of --eth-price", "USD");
  withExamples(fees, ["mintkit gas fees --eth-price 3200 --json"]);
  fees.action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).fees(globalOptions(cmd), opts)));
}
