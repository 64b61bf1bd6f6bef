import { Option, type Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { addPublishOptions } from "../publishOptions.js";
import { runAction } from "../run.js";
import type { UploadOptions } from "../actions/upload.js";

/** Registers `mintkit upload <file|dir>`. */
export function register(program: Command): void {
  const cmd = program
    .command("upload")
    .description("Add a file or folder to the embedded IPFS store (Kubo-identical CIDs), check it, publish it to Kubo / a pinning service, optionally export a CAR")
    .argument("<path>", "file or folder to upload (a folder becomes one directory CID)")
    .option("--car <out.car>", "also write a CAR file of the upload (for services that take CAR uploads); its folder must exist, an existing file is replaced atomically")
    .addOption(
      new Option("--profile <profile>", "CID profile (kubo-v0 = `ipfs add`, kubo-v1 = `ipfs add --cid-version 1`)")
        .choices(["kubo-v0", "kubo-v1", "unixfs-v1-2025"])
        .default("unixfs-v1-2025"),
    )
    .option("--hidden", "include dotfiles (skipped by default, like `ipfs add -r`)")
    .option("--max-size <size>", "refuse files larger than this (e.g. 100M)");
  addPublishOptions(cmd);
  cmd.addHelpText("after", "\nPublishing: with --kubo-url and/or --pinning-endpoint (or a \"publish\" section in mintkit.config.json)\nthe upload is published and the command waits until the provider has it (pinned).");
  withExamples(cmd, [
    "mintkit upload art.png",
    "mintkit upload ./metadata --profile kubo-v1 --car metadata.car",
    "mintkit upload ./art --kubo-url http://127.0.0.1:5001 --json",
    "mintkit upload ./art --pinning-endpoint https://api.pinata.cloud/psa --pinning-token-file ~/.pinata-token",
  ]);
  cmd.action(
    runAction(async (input: string, opts: UploadOptions, command: Command) => {
      const { upload } = await import("../actions/upload.js");
      return upload(globalOptions(command), input, opts);
    }),
  );
}
