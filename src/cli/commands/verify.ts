import type { Command } from "commander";
import type { VerifyOptions } from "../actions/verify.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

/**
 * Declares the verification service options (`VerifyOptions`): used by `mintkit verify` and by `deploy … --verify`.
 * @example
 * addVerifyServiceOptions(cmd.option("--verify", "verify the contract's sources after deploying"));
 */
export function addVerifyServiceOptions(cmd: Command): Command {
  return cmd
    .option("--sourcify", "verify on Sourcify (the default when neither --sourcify nor --etherscan is given)")
    .option("--etherscan", "verify on an Etherscan-compatible explorer (Etherscan API v2 unless --etherscan-url/--api-url)")
    .option("--etherscan-api-key <key>", "Etherscan API key (default: $ETHERSCAN_API_KEY; Blockscout needs none)")
    .option("--api-url <url>", "API of the one service chosen: a Sourcify server (https://sourcify.dev/server) or an Etherscan-compatible /api")
    .option("--sourcify-url <url>", "Sourcify server base URL (default https://sourcify.dev/server)")
    .option("--etherscan-url <url>", "Etherscan-compatible API endpoint (default https://api.etherscan.io/v2/api; Blockscout: https://<host>/api)")
    .option("--timeout <seconds>", "stop waiting for a service after this long and report it as pending", "120")
    .option("--poll-interval <seconds>", "time between status checks", "3");
}

/** Registers `mintkit verify <name|address>`. */
export function register(program: Command): void {
  const cmd = program
    .command("verify")
    .description("Publish a mintkit contract's source code on Sourcify and/or an Etherscan-compatible explorer (Etherscan, Blockscout)")
    .argument("<name|address>", "a recorded collection/editions/registry name, a core contract name (MintkitFactory, MintkitCollection, …) or an address");
  addVerifyServiceOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nA collection, editions contract or credential registry made by mintkit's factory is an EIP-1167 clone: its\n" +
      "implementation is what gets verified (explorers then show the clone's code through it), and an Etherscan-compatible\n" +
      "explorer is also asked to mark the clone as a proxy of it. The sources submitted are the exact standard JSON input\n" +
      "mintkit was compiled with (shipped in the package). Without --sourcify/--etherscan: Sourcify, plus Etherscan when\n" +
      "an API key is set. Running it again is safe (an already verified contract is reported as such).\n",
  );
  withExamples(cmd, [
    "mintkit verify Art --network sepolia",
    "ETHERSCAN_API_KEY=… mintkit verify Art --network sepolia --etherscan",
    "mintkit verify 0xabc… --etherscan --api-url https://eth-sepolia.blockscout.com/api --json",
    "mintkit verify MintkitFactory --network base --sourcify --etherscan",
  ]);
  cmd.action(
    runAction(async (target: string, opts: VerifyOptions, command: Command) => {
      const { verify } = await import("../actions/verify.js");
      return verify(globalOptions(command), target, opts);
    }),
  );
}
