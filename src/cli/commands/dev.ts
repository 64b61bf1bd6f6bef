import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";
import type { DevOptions } from "../actions/dev.js";

/** Registers `mintkit dev`. */
export function register(program: Command): void {
  const cmd = program
    .command("dev")
    .description(
      "Run a local chain (Hardhat/EDR) with the deterministic deployer and mintkit's factory installed and a local IPFS gateway, until Ctrl-C",
    )
    .option("--host <host>", "interface to listen on (a non-loopback host needs --expose-unlocked-accounts)", "127.0.0.1")
    .option(
      "--expose-unlocked-accounts",
      "allow a non-loopback --host (e.g. 0.0.0.0): anyone who can connect may send from the 20 unlocked dev accounts, and the gateway's Host check is off",
    )
    .option("--port <port>", "JSON-RPC port (0 = any free port)", "8545")
    .option("--chain-id <id>", "chain id: 31337 or 1337 (the ids on which mintkit accepts the dev accounts it signs with)", "31337")
    .option("--gateway-port <port>", "IPFS gateway port (0 = any free port)", "8080")
    .option("--no-gateway", "do not start the IPFS gateway")
    .option("--no-deploy", "do not install the deterministic deployer nor deploy the mintkit factory");
  cmd.addHelpText(
    "after",
    "\nThe chain lives in memory: it starts empty on every run (entries of deployments/<chainId>.json whose contracts\n" +
      "are gone are dropped). The deterministic deployer (0x4e59b44847b379578588920ca78fbf26c0b4956c) is installed with\n" +
      "its presigned transaction, then mintkit's implementations and factory at the addresses they have on every chain.\n" +
      "The 20 dev accounts are Hardhat's well-known ones (public keys: never send real funds to them). Needs `hardhat` installed.\n",
  );
  withExamples(cmd, ["mintkit dev", "mintkit dev --port 8546 --gateway-port 0 --json", "mintkit deploy collection Art ART   # in another terminal"]);
  cmd.action(
    runAction(async (opts: DevOptions, command: Command) => {
      const { dev } = await import("../actions/dev.js");
      return dev(globalOptions(command), opts);
    }),
  );
}
