/**
 * `mintkit deploy credentials`: a subcommand of the `deploy` group, registered by
 * `registerDeployCredentials(deploy)` from `commands/deploy.ts`. viem loads inside the action.
 */
import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";
import type { DeployCredentialsInput } from "../actions/deployCredentials.js";
import { rerunHelp } from "./deployRerunHelp.js";
import { addVerifyServiceOptions } from "./verify.js";

/** Registers `mintkit deploy credentials` under the `deploy` command. */
export function registerDeployCredentials(deploy: Command): void {
  const cmd = deploy
    .command("credentials")
    .description(
      "Create a soulbound credential registry (ERC-721 + ERC-5192 + ERC-5484) through the mintkit factory (deploys the factory first if needed) and record it in deployments/<chainId>.json",
    )
    .option("--name <name>", "ERC-721 name, at most 100 characters (also the key in the deployments record)", "mintkit Credentials")
    .option("--symbol <symbol>", "ERC-721 symbol (default CRED)")
    .option("--base-uri <uri>", "credential-type metadata prefix: tokenURI = <base-uri><schemaId>.json (never personal data)")
    .option("--contract-uri <uri>", "ERC-7572 contract metadata URI")
    .option("--owner <address>", "owner: admin and issuer (default: the signing account)")
    .option("--salt <text>", "salt text for the deterministic address (default: <name>:<symbol>)")
    .option("--verify", "after deploying, publish the registry's sources (Sourcify; Etherscan too with an API key; see mintkit verify)");
  addVerifyServiceOptions(cmd);
  cmd.addHelpText("after", rerunHelp);
  withExamples(cmd, [
    "mintkit deploy credentials",
    'mintkit deploy credentials --name "Acme Diplomas" --symbol DIP --base-uri ipfs://<dirCID>/ --json',
    "mintkit --account issuer deploy credentials --owner 0x…",
  ]);
  cmd.action(
    runAction(async (opts: DeployCredentialsInput, command: Command) => {
      const g = globalOptions(command);
      const { deployCredentials } = await import("../actions/deployCredentials.js");
      return deployCredentials(g, opts);
    }),
  );
}
