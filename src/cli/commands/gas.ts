import type { Command } from "commander";
import type { CheckInGasOptions, CredentialGasOptions, DeployGasOptions, GasOptions, ListingGasOptions } from "../actions/gas/index.js";
import { addDeployOptions } from "./deployOptions.js";
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
        "Simulations run as --from <address>, else as the signing account (dev account 0 on a local chain);",
        "gas redeem runs as the buyer (--from, else the voucher's recipient), never the signer by default;",
        "gas buy runs as --from, else the signing account (the account mintkit buy pays with).",
        "The headline is the limit to send with: the minimum plus headroom for what can move before inclusion",
        "(a holder emptying its balance, the next id crossing into a new bitmap word); then the state-dependent",
        "cases the transaction is in, the headroom items and the worst-case cost (the whole limit at the fast",
        "tier's max fee).",
      ].join("\n"),
    );
  withExamples(gas, [
    "mintkit gas mint --collection 0x… --eth-price 3200",
    "mintkit gas batch ./art --collection 0x… --json",
    "mintkit gas redeem v.json --from 0xBuyer…",
    "mintkit gas buy order.json --from 0xBuyer…",
    'mintkit gas deploy collection "My Art" ART --base-uri ipfs://<dirCID>/',
    "mintkit gas plan --collection 0x… --count 10000 --max-gas 3000000",
    "mintkit gas compare --collection 0x… --editions 0x… --count 100 --holders many",
    "mintkit gas fees",
  ]);

  const op: AddOperation = (name, description, examples) => {
    const cmd = priced(gas.command(name).description(description));
    withExamples(cmd, examples);
    return cmd;
  };

  registerEstimates(op);
  registerDeploy(gas);
  registerPlanning(gas, op);
}

/** The options every estimate takes: a fiat price, and who the simulation runs as. */
function priced(cmd: Command): Command {
  return cmd
    .option("--eth-price <price>", "price of 1 ETH in your currency, for a fiat cost (never fetched)")
    .option("--currency <code>", "currency of --eth-price", "USD")
    .option("--from <address>", "simulate as this address (default: the signing account)");
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

  op("batch", "One mintBatch transaction: of the items of a batch folder or manifest (as mintkit batch mints them), or of --count tokens", [
    "mintkit gas batch ./art --collection 0x…",
    "mintkit gas batch --collection 0x… --count 500",
  ])
    .alias("mintBatch")
    .argument("[input]", "a folder of media files or a manifest JSON, as mintkit batch takes it (its items are the count)")
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .option("--count <n>", "tokens in the batch, without [input] (default 100)")
    .option("--to <address>", "recipient (default: the signing account with [input], as mintkit batch; else a fresh address)")
    .action(runAction(async (input: string | undefined, opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "batch", input)));

  op("airdrop", "One airdrop(recipients, nextTokenId) transaction to --count fresh holders", ["mintkit gas airdrop --collection 0x… --count 50"])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .option("--count <n>", "recipients (fresh addresses, one token each)", "10")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "airdrop")));

  op("redeem", "A buyer redeeming a signed voucher file as --from (default: the voucher's recipient), or a sample of the signer's next voucher", [
    "mintkit gas redeem v.json --from 0xBuyer…",
    "mintkit gas buy order.json --from 0xBuyer…",
    "mintkit gas redeem --collection 0x… --price 0.01eth --count 2 --from 0xBuyer…",
  ])
    .argument("[file]", "signed voucher file (from `voucher sign`); without it, a sample voucher with the uid `voucher sign` issues next")
    .option("--collection <address|name>", "the contract (default: the file's; required without a file)")
    .option("--count <n>", "sample voucher: tokens", "1")
    .option("--price <price>", "sample voucher: price per token, wei or e.g. 0.01eth (the buyer must hold it)", "0")
    .option("--uri <uri>", "sample voucher: its own token URI")
    .action(runAction(async (file: string | undefined, opts: GasOptions, cmd: Command) => (await actions()).redeem(globalOptions(cmd), file, opts)));

  op("editions-mint", "ERC-1155 mint: a new id (default: the next id), or an existing one with --id", [
    "mintkit gas editions-mint --editions 0x… --count 100",
    "mintkit gas editions-mint --editions 0x… --id 1",
  ])
    .requiredOption("--editions <address|name>", "a MintkitEditions")
    .option("--id <id>", "token id (new or existing)")
    .option("--count <n>", "copies", "1")
    .option("--to <address>", "recipient (default: a fresh address)")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "editions-mint")));

  op("transfer", "An ERC-721 transferFrom of --token-id by its owner", ["mintkit gas transfer --collection 0x… --token-id 7"])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .requiredOption("--token-id <id>", "the token to move")
    .option("--to <address>", "new owner (default: a fresh address)")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).estimate(globalOptions(cmd), opts, "transfer")));

  registerCredentialWrites(op);
  registerMarket(op);
}

/** `gas buy|listing-cancel|approve|check-in`: Seaport listings bought, cancelled and approved; a door's on-chain check-in. */
function registerMarket(op: AddOperation): void {
  op("buy", "Filling a Seaport listing: the order file mintkit buy takes, bought by --from (default: the signing account)", [
    "mintkit gas buy order.json --from 0xBuyer…",
    "mintkit --dev-account 2 gas buy order.json --json",
  ])
    .argument("<order>", "the order file (OpenSea Orders API JSON, as written by `mintkit list --out`)")
    .action(runAction(async (order: string, opts: GasOptions, cmd: Command) => (await actions()).buy(globalOptions(cmd), order, opts)));

  op("listing-cancel", "Cancelling a Seaport listing by its seller, or every listing of the account with --all (as mintkit listing cancel)", [
    "mintkit gas listing-cancel order.json",
    "mintkit gas listing-cancel --all --from 0xSeller…",
  ])
    .alias("list-cancel")
    .argument("[order]", "the order file to cancel")
    .option("--all", "every order the account signed so far (incrementCounter)")
    .action(runAction(async (order: string | undefined, opts: ListingGasOptions, cmd: Command) => (await actions()).listingCancel(globalOptions(cmd), order, opts)));

  op("approve", "A seller's one-time approval of Seaport for a collection (mintkit list sends it when missing)", ["mintkit gas approve --collection Art --from 0xSeller…"])
    .requiredOption("--collection <address|name>", "the collection to list from")
    .action(runAction(async (opts: GasOptions, cmd: Command) => (await actions()).approve(globalOptions(cmd), opts)));

  op("check-in", "A door recording an admitted ticket in an AccessCheckIn contract (checkIn / checkIn1155), as --from (the door account)", [
    "mintkit gas check-in --check-in 0xRecord… --event devcon-2026 --collection Tickets --token-id 7",
    "mintkit gas check-in --check-in 0xRecord… --event devcon-2026 --collection 0x… --erc1155 1 --holder 0xHolder…",
  ])
    .requiredOption("--check-in <address>", "the AccessCheckIn contract (the door account needs its DOOR_ROLE)")
    .requiredOption("--event <id>", "the event the ticket is checked in for (as in access check)")
    .requiredOption("--collection <address|name>", "the ticket collection")
    .option("--token-id <id>", "ERC-721: the ticket")
    .option("--erc1155 <id>", "the ticket is ERC-1155 id <id> (with --holder)")
    .option("--min-balance <n>", "ERC-1155: the balance that admits (default 1)")
    .option("--holder <address>", "who holds the ticket (default for ERC-721: its owner now)")
    .action(runAction(async (opts: CheckInGasOptions, cmd: Command) => (await actions()).checkIn(globalOptions(cmd), opts)));
}

/** `gas deploy collection|editions <name> [symbol] …`: the options of `mintkit deploy` (the same declarations), plus --direct. */
function registerDeploy(gas: Command): void {
  const deploy = gas
    .command("deploy")
    .description("Deploying a collection or editions contract, with the arguments and options of mintkit deploy (factory clone, or --direct)");
  withExamples(deploy, ['mintkit gas deploy collection "My Art" ART --royalty-bps 500 --max-supply 100', 'mintkit gas deploy editions "Prints" PRT --direct --json']);
  for (const kind of ["collection", "editions"] as const) {
    const cmd = priced(addDeployOptions(deploy.command(kind), kind))
      .description(`The ${kind === "collection" ? "ERC-721 collection" : "ERC-1155 editions contract"} mintkit deploy ${kind} would create with these options`)
      .option("--direct", "deploy the full contract (constructor) instead of a factory clone");
    cmd.action(
      runAction(async (name: string, symbol: string, opts: DeployGasOptions, command: Command) =>
        (await actions()).deploy(globalOptions(command), kind, name, symbol, opts),
      ),
    );
  }
}

/** `gas credential-issue|credential-revoke|credential-reissue|cancel`. */
function registerCredentialWrites(op: AddOperation): void {
  const registry = ["--registry <address|name>", "the credential registry (default: the only one recorded in deployments/<chainId>.json)"] as const;
  op("credential-issue", "Issuing a credential (as the issuer: the signing account, or --from); the claims only reach the chain as a 32-byte root", [
    "mintkit gas credential-issue --schema 1 --to 0xHolder… --expiry +365d",
  ])
    .option(...registry)
    .requiredOption("--schema <id>", "the schema id")
    .requiredOption("--to <address>", "the holder")
    .option("--expiry <time>", "never (default), unix seconds, an ISO date or +<n>[s|m|h|d|y]")
    .option("--burn-auth <who>", "ERC-5484 burn authorization: issuer, owner, both or neither", "issuer")
    .action(runAction(async (opts: CredentialGasOptions, cmd: Command) => (await actions()).credentialIssue(globalOptions(cmd), opts)));

  op("credential-revoke", "Revoking a credential", ['mintkit gas credential-revoke 3 --reason "expired membership"'])
    .argument("<tokenId>", "the credential's token id")
    .option(...registry)
    .option("--reason <text>", "the public reason (its length costs calldata and log gas)", "")
    .action(runAction(async (tokenId: string, opts: CredentialGasOptions, cmd: Command) => (await actions()).credentialRevoke(globalOptions(cmd), tokenId, opts)));

  op("credential-reissue", "Reissuing a lost credential to the holder's new address", ["mintkit gas credential-reissue 3 --to 0xNewAddress…"])
    .argument("<tokenId>", "the lost credential's token id")
    .option(...registry)
    .requiredOption("--to <address>", "the holder's new address")
    .action(runAction(async (tokenId: string, opts: CredentialGasOptions, cmd: Command) => (await actions()).credentialReissue(globalOptions(cmd), tokenId, opts)));

  op("cancel", "Cancelling vouchers: a signed voucher file's uid, or --uid … with --collection (as voucher cancel)", [
    "mintkit gas cancel v.json",
    "mintkit gas cancel --collection 0x… --uid 1 2 3",
  ])
    .argument("[file]", "signed voucher file (from `voucher sign`)")
    .option("--uid <n...>", "these uids instead (with --collection)")
    .option("--collection <address|name>", "the contract (default: the one in the file)")
    .action(runAction(async (file: string | undefined, opts: CredentialGasOptions, cmd: Command) => (await actions()).cancel(globalOptions(cmd), file, opts)));
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
