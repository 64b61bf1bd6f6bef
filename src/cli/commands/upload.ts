import { Option, type Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

/** Options of `mintkit upload`. */
export interface UploadOptions {
  car?: string;
  profile: "kubo-v0" | "kubo-v1" | "unixfs-v1-2025";
  hidden?: boolean;
  maxSize?: string;
  kuboUrl?: string;
  pinningEndpoint?: string;
  /** File whose first line is the pinning service token (else `MINTKIT_PINNING_TOKEN`). */
  pinningTokenFile?: string;
  pinName?: string;
}

/** Registers `mintkit upload <file|dir>`. */
export function register(program: Command): void {
  const cmd = program
    .command("upload")
    .description("Add a file or folder to the embedded IPFS store (Kubo-identical CIDs), check it, optionally export a CAR or pin it")
    .argument("<path>", "file or folder to upload (a folder becomes one directory CID)")
    .option("--car <out.car>", "also write a CAR file of the upload (for services that take CAR uploads)")
    .addOption(
      new Option("--profile <profile>", "CID profile (kubo-v0 = `ipfs add`, kubo-v1 = `ipfs add --cid-version 1`)")
        .choices(["kubo-v0", "kubo-v1", "unixfs-v1-2025"])
        .default("unixfs-v1-2025"),
    )
    .option("--hidden", "include dotfiles (skipped by default, like `ipfs add -r`)")
    .option("--max-size <size>", "refuse files larger than this (e.g. 100M)")
    .addOption(new Option("--kubo-url <url>", "also push to a Kubo node's RPC API and pin there (e.g. http://127.0.0.1:5001)").env("MINTKIT_KUBO_URL"))
    .addOption(new Option("--pinning-endpoint <url>", "also request a pin from an IPFS Pinning Service API endpoint").env("MINTKIT_PINNING_ENDPOINT"))
    .option("--pinning-token-file <path>", "file whose first line is the pinning service's access token (or set MINTKIT_PINNING_TOKEN; never pass the token itself as an argument)")
    .option("--pin-name <name>", "name of the pin at the pinning service");
  withExamples(cmd, [
    "mintkit upload art.png",
    "mintkit upload ./metadata --profile kubo-v1 --car metadata.car",
    "mintkit upload ./art --kubo-url http://127.0.0.1:5001 --json",
    "mintkit upload ./art --pinning-endpoint https://api.pinata.cloud/psa --pinning-token-file ~/.pinata-token",
  ]);
  cmd.action(
    runAction(async (input: string, opts: UploadOptions, command: Command) => {
      const { upload } = await import("../uploadAction.js");
      return upload(globalOptions(command), input, opts);
    }),
  );
}
