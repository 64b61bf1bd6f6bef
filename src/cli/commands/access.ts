/**
 * `mintkit access challenge|prove|check`: tickets and access passes at the door. The organiser makes a
 * challenge, the holder signs it (EIP-4361) into a QR code, the door checks the QR against the chain (the
 * signer holds the ticket now) and admits each ticket once per event (a SQLite check-in file shared by the
 * doors). Options only here; the work loads from `../actions/access.js` inside the actions.
 */
import type { Command } from "commander";
import type { ChallengeOptions, CheckOptions, ProveOptions } from "../actions/access.js";
import { accessExitCodesHelp } from "../actions/accessExit.js";
import { globalOptions } from "../globalOptions.js";
import { runAction } from "../run.js";
import { withExamples } from "../help.js";

const load = () => import("../actions/access.js");

/** Registers `mintkit access challenge|prove|check`. */
export function register(program: Command): void {
  const access = program.command("access").description("Tickets at the door: challenge, prove (a QR code), check (enter once)");
  withExamples(access, [
    "mintkit access challenge --audience https://door.example --event devcon-2026 --collection 0x…",
    "mintkit --account holder access prove --challenge mkac1.… --token-id 7 --qr ticket.png",
    "mintkit access check ticket.png --audience https://door.example --event devcon-2026 --collection 0x…",
  ]);
  access.addHelpText("after", `\nTime is the chain's: a challenge expires --ttl seconds after the latest block's time.\n\n${accessExitCodesHelp}\n`);

  const challenge = access
    .command("challenge")
    .description("Make a challenge for holders (prints mkac1.… text to hand them)")
    .requiredOption("--audience <url>", "this door's http(s) URL; the holder's wallet shows its host")
    .requiredOption("--event <id>", "the event (1 to 64 of A-Z a-z 0-9 . _ : -)")
    .requiredOption("--collection <address|name>", "the ticket collection (address, or name in deployments/<chainId>.json)")
    .option("--token-id <id>", "ERC-721: only this token admits (default: any token of the collection)")
    .option("--erc1155 <id>", "the ticket is ERC-1155 id <id> (with --min-balance)")
    .option("--min-balance <n>", "ERC-1155: the balance the holder needs (default 1)")
    .option("--ttl <seconds>", "how long the challenge may be answered (default 600, at most 30 days)");
  withExamples(challenge, ["mintkit access challenge --audience https://door.example --event devcon-2026 --collection Tickets --ttl 3600"]);
  challenge.action(runAction(async (opts: ChallengeOptions, cmd: Command) => (await load()).accessChallenge(globalOptions(cmd), opts)));

  const prove = access
    .command("prove")
    .description("Sign a challenge as the ticket holder; prints the payload and its QR code")
    .requiredOption("--challenge <text|file>", "the challenge (mkac1.… text, or a file holding it)")
    .option("--token-id <id>", "the token you present (ERC-721 challenges open to any token)")
    .option("--holder <address>", "the contract wallet (ERC-1271) that holds the ticket, when your account signs for it")
    .option("--qr <file.png>", "also write the QR code as a PNG image")
    .option("--no-terminal-qr", "do not print the QR code in the terminal");
  withExamples(prove, ["mintkit --account holder access prove --challenge mkac1.… --token-id 7 --qr ticket.png"]);
  prove.action(runAction(async (opts: ProveOptions, cmd: Command) => (await load()).accessProve(globalOptions(cmd), opts)));

  const check = access
    .command("check")
    .description("Check a holder's payload or QR image at the door; exit 0 only when the holder may enter")
    .argument("<payload|qr.png>", "the scanned payload (mkap1.…) or a PNG image of the QR code")
    .requiredOption("--audience <url>", "this door's URL (as in its challenges)")
    .requiredOption("--event <id>", "the event this door admits to")
    .requiredOption("--collection <address|name>", "the ticket collection")
    .option("--token-id <id>", "ERC-721: admit only this token")
    .option("--erc1155 <id>", "the ticket is ERC-1155 id <id>")
    .option("--min-balance <n>", "ERC-1155: the least balance this door accepts (default 1)")
    .option("--store <file>", "the check-in SQLite file shared by the doors (default <data-dir>/access/checkins-<chainId>.sqlite)")
    .option("--busy-timeout <ms>", "how long to wait for another door's lock on the store (default 5000)");
  withExamples(check, [
    "mintkit access check ticket.png --audience https://door.example --event devcon-2026 --collection Tickets",
    "mintkit --json access check mkap1.… --audience https://door.example --event devcon-2026 --collection 0x… --store /srv/doors.sqlite",
  ]);
  check.action(runAction(async (input: string, opts: CheckOptions, cmd: Command) => (await load()).accessCheck(globalOptions(cmd), input, opts)));
}
