import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { addPublishOptions } from "../publishOptions.js";
import { runAction } from "../run.js";
import type { PublishCommandOptions } from "../actions/publish.js";

/** Registers `mintkit publish <cid | batch journal | collection>`. */
export function register(program: Command): void {
  const cmd = program
    .command("publish")
    .description("Publish content already in the embedded store (a CID, a batch journal's directory, or what a collection's URIs point at) to Kubo and/or a pinning service, and wait until it is pinned; --check re-fetches and re-hashes every block from the provider or a gateway")
    .argument("<target>", "a CID; a batch journal file (its metadata + media directory); or a collection address / name in deployments/<chainId>.json (its ipfs:// base URI and contract URI, read on chain)")
    .option("--check", "do not publish: fetch every block back from --gateway-url (or the Kubo node) and re-hash it")
    .option("--gateway-url <url>", "with --check: an HTTP gateway serving raw blocks (/ipfs/<cid>?format=raw), e.g. https://ipfs.io");
  addPublishOptions(cmd);
  cmd.addHelpText(
    "after",
    [
      "",
      "The provider comes from the options, the environment (MINTKIT_KUBO_URL, MINTKIT_PINNING_ENDPOINT,",
      "MINTKIT_PINNING_TOKEN) or the \"publish\" section of mintkit.config.json. A pin is requested with the Kubo",
      "node's public multiaddrs as origins and waited on (progress on stderr) until `pinned`; `failed` exits 4 with",
      "the provider's reason, and so does a pin still unfinished after --pin-timeout (run again: it reuses the pin).",
    ].join("\n"),
  );
  withExamples(cmd, [
    "mintkit publish bafybeig… --kubo-url http://127.0.0.1:5001",
    "mintkit publish .mintkit/batches/31337-0x5FbD….jsonl --pinning-endpoint https://api.pinata.cloud/psa --pinning-token-file ~/.pinata-token",
    "mintkit publish \"My Art\" --kubo-url http://127.0.0.1:5001",
    "mintkit publish bafybeig… --check --gateway-url https://ipfs.io",
  ]);
  cmd.action(
    runAction(async (target: string, opts: PublishCommandOptions, command: Command) => {
      const { publish } = await import("../actions/publish.js");
      return publish(globalOptions(command), target, opts);
    }),
  );
}
