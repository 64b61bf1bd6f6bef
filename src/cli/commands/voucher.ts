/**
 * `mintkit voucher sign|verify|redeem|cancel`: lazy-mint vouchers as files. The creator signs a voucher
 * into a versioned JSON file (`voucher sign --out voucher.json`), anyone checks it against the chain
 * (`voucher verify voucher.json`, exit 0 only when the contract would accept it), a buyer redeems it
 * (`voucher redeem voucher.json`), paying the price and the gas, and a minter or admin cancels vouchers
 * that must never be redeemed (`voucher cancel voucher.json`, or `--uid N…`). viem and the library load
 * inside the actions.
 */
import type { Command } from "commander";
import type { CancelOptions, RedeemOptions, SignOptions, VerifyOptions } from "../actions/voucher/index.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

const actions = () => import("../actions/voucher/index.js");

/** Registers `mintkit voucher sign|verify|redeem|cancel`. */
export function register(program: Command): void {
  const voucher = program
    .command("voucher")
    .description("Sign, verify, redeem and cancel lazy-mint vouchers (EIP-712; the buyer pays the mint)");
  withExamples(voucher, [
    "mintkit voucher sign --collection 0x… --price 0.01eth --valid-until +7d --out voucher.json",
    "mintkit voucher verify voucher.json",
    "mintkit --dev-account 1 voucher redeem voucher.json",
    "mintkit voucher cancel voucher.json",
  ]);
  registerSign(voucher);
  registerVerify(voucher);
  registerRedeem(voucher);
  registerCancel(voucher);
}

function registerSign(voucher: Command): void {
  const sign = voucher
    .command("sign")
    .description("Sign a voucher with the signing account (a minter of the contract) and write it to a file")
    .requiredOption("--collection <address|name>", "the collection (ERC-721) or editions (ERC-1155) contract, or its name in deployments/<chainId>.json")
    .option("--to <address>", "who receives the tokens (default: whoever redeems)")
    .option("--token-id <id>", "token id to mint; 0 = the contract's next id", "0")
    .option("--quantity <n>", "tokens (ERC-721) or copies (ERC-1155) to mint", "1")
    .option("--uri <uri>", "the token's own URI (default: the base-URI convention)")
    .option("--price <amount>", "price per token with its unit: 0.01eth, 20gwei, 123wei; with --currency, 2.5token (whole tokens) or 2500000units (a bare number other than 0 is refused)", "0")
    .option("--currency <address>", "ERC-20 the price is paid in (default: ETH)")
    .option("--payee <address>", "who is paid (default: the contract's primary-sale recipient)")
    .option("--royalty-receiver <address>", "per-token royalty receiver (default: the contract's royalty)")
    .option("--royalty-bps <bps>", "per-token royalty in basis points, 0-1000", "0")
    .option("--max-supply <n>", "ERC-1155: the cap of an id the voucher creates (0 = uncapped)", "0")
    .option("--valid-from <time>", "opens at: ISO date (UTC unless it names an offset), unix seconds or +<n>s|m|h|d|y from the chain's time (default: now)")
    .option("--valid-until <time>", "closes at: same forms as --valid-from, after it and in the future, at most 9999-12-31; 0 = never (default: +30d)")
    .option(
      "--uid <n>",
      "the voucher's unique id (default: the next unused one, counted per contract in --data-dir from a random start; sign one at a time per data folder)",
    )
    .option("--wallet <address>", "sign for this ERC-1271 contract wallet (the signing key must be one it accepts)")
    .option("--out <file>", "write the signed voucher here (default: print it on stdout)")
    .option("--force", "overwrite --out if it exists")
    .option(
      "--allow-free-bearer",
      "allow a free voucher (price 0) without --to: anyone holding it mints for nothing (a warning is printed)",
    );
  withExamples(sign, [
    "mintkit voucher sign --collection 0x… --to 0x… --out voucher.json",
    "mintkit voucher sign --collection 0x… --allow-free-bearer --valid-until +1d --out giveaway.json",
    "mintkit voucher sign --collection 0x… --to 0x… --price 0.05eth --valid-until 2027-12-31T23:59:59Z --out v.json",
    "mintkit voucher sign --collection 0x… --quantity 3 --price 10token --currency 0x…(USDC) --out v.json --json",
  ]);
  sign.action(runAction(async (opts: SignOptions, cmd: Command) => (await actions()).sign(globalOptions(cmd), opts)));
}

function registerVerify(voucher: Command): void {
  const verify = voucher
    .command("verify")
    .description("Check a signed voucher against the chain; exit 0 only when the contract would accept it")
    .argument("<file>", "signed voucher file (from `voucher sign`)")
    .option("--collection <address>", "check it for this contract instead of the one in the file");
  withExamples(verify, ["mintkit voucher verify voucher.json", "mintkit voucher verify voucher.json --rpc-url https://… --json"]);
  verify.action(
    runAction(async (file: string, opts: VerifyOptions, cmd: Command) => (await actions()).verify(globalOptions(cmd), file, opts)),
  );
}

function registerRedeem(voucher: Command): void {
  const redeem = voucher
    .command("redeem")
    .description("Redeem a signed voucher from the signing account: mints the tokens, pays the price and the gas")
    .argument("<file>", "signed voucher file (from `voucher sign`)")
    .option("--value <amount>", "ETH to send, with its unit: 0.01eth, 20gwei, 123wei (default: the voucher's price × quantity, or 0 for an ERC-20 price)")
    .option("--approve", "for an ERC-20 price: approve the contract for the total first, if needed")
    .option("--collection <address>", "redeem at this contract instead of the one in the file");
  withExamples(redeem, [
    "mintkit --dev-account 1 voucher redeem voucher.json",
    "mintkit voucher redeem voucher.json --approve --json",
  ]);
  redeem.action(
    runAction(async (file: string, opts: RedeemOptions, cmd: Command) => (await actions()).redeem(globalOptions(cmd), file, opts)),
  );
}

function registerCancel(voucher: Command): void {
  const cancel = voucher
    .command("cancel")
    .description("Cancel vouchers on their contract so they can never be redeemed (a minter or admin signs; exit 5 if not)")
    .argument("[file]", "signed voucher file (from `voucher sign`): cancels its uid at its contract (an ERC-721 voucher naming a token id: that reserved id)")
    .option("--uid <n...>", "cancel these uids instead (with --collection)")
    .option("--collection <address|name>", "the contract (default: the one in the file)");
  withExamples(cancel, [
    "mintkit voucher cancel voucher.json",
    "mintkit voucher cancel --collection 0x… --uid 41 42 43",
  ]);
  cancel.action(
    runAction(async (file: string | undefined, opts: CancelOptions, cmd: Command) =>
      (await actions()).cancel(globalOptions(cmd), file, opts),
    ),
  );
}
