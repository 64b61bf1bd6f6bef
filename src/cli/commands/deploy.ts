import type { Command } from "commander";
import type { DeployInput } from "../actions/deploy.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { addPublishOptions } from "../publishOptions.js";
import { runAction } from "../run.js";
import { registerDeployCredentials } from "./deployCredentials.js";
import { rerunHelp } from "./deployRerunHelp.js";
import { addDeployOptions } from "./deployOptions.js";
import { addVerifyServiceOptions } from "./verify.js";

type DeployOptions = Omit<DeployInput, "name" | "symbol">;


/** Registers `mintkit deploy collection|editions`. */
export function register(program: Command): void {
  const deploy = program
    .command("deploy")
    .description("Deploy a collection (ERC-721) or an editions contract (ERC-1155) through the mintkit factory");
  withExamples(deploy, [
    'mintkit deploy collection "My Art" ART --royalty-bps 500 --max-supply 100',
    'mintkit deploy editions "Prints" PRT --base-uri "ipfs://<dirCID>/{id}.json"',
  ]);
  for (const kind of ["collection", "editions"] as const) {
    const cmd = addDeployOptions(
      deploy.command(kind)
      .description(
        kind === "collection"
          ? "Create an ERC-721 collection (clone of the factory's implementation; deploys the factory first if needed)"
          : "Create an ERC-1155 editions contract (clone; deploys the factory first if needed)",
      ),
      kind,
    );
    // Publishing (issue 8): ipfs:// URIs in --contract-uri / --base-uri are published before the deploy.
    addPublishOptions(cmd).option("--no-publish", "do not publish the ipfs:// contract/base URI (needed on a non-dev chain without a provider)");
    addVerifyServiceOptions(cmd.option("--verify", "after deploying, publish the contract's sources (Sourcify; Etherscan too with an API key; see mintkit verify)"));
    cmd.addHelpText("after", rerunHelp);
    withExamples(
      cmd,
      kind === "collection"
        ? [
            'mintkit deploy collection "My Art" ART --royalty-bps 500',
            'mintkit deploy collection "Drop" DRP --max-supply 10000 --base-uri ipfs://<dirCID>/ --owner 0x… --json',
          ]
        : ['mintkit deploy editions "Prints" PRT --base-uri "ipfs://<dirCID>/{id}.json" --royalty-bps 250'],
    );
    cmd.action(
      runAction(async (name: string, symbol: string, opts: DeployOptions, command: Command) => {
        const { deployContract } = await import("../actions/deploy.js");
        return deployContract(globalOptions(command), kind, { name, symbol, ...opts });
      }),
    );
  }
  registerDeployCredentials(deploy);
}
