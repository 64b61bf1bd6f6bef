import { Option, type Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { collect } from "../parse.js";
import { addPublishOptions } from "../publishOptions.js";
import { runAction } from "../run.js";
import type { MintOptions } from "../actions/mint.js";

/** Registers `mintkit mint <file>`. */
export function register(program: Command): void {
  const cmd = program
    .command("mint")
    .description("Mint one piece: media file → metadata → IPFS (embedded store) → mintWithURI on the collection")
    .argument("<file>", "media file (PNG, JPEG, GIF, SVG, WEBP, MP4, MOV, WEBM, MP3, WAV, FLAC, GLB; type read from the bytes)")
    .requiredOption("--collection <address|name>", "collection address, or its name in deployments/<chainId>.json")
    .requiredOption("--name <name>", "token name")
    .option("--to <address>", "recipient (default: the signing account)")
    .option("--description <text>", "token description (Markdown)")
    .option("--attribute <trait=value>", "a trait (repeatable); numbers stay numbers: --attribute Level=5", collect)
    .option("--external-url <url>", "external_url of the token")
    .option("--background-color <hex>", "background_color, six hex digits")
    .option("--poster <image>", "poster image for video, audio or 3D media (goes in image)")
    .option("--allow-missing-poster", "mint video/audio/3D media without a poster")
    .option("--max-size <size>", "largest media file accepted", "100M")
    .addOption(new Option("--profile <profile>", "CID profile").choices(["kubo-v0", "kubo-v1", "unixfs-v1-2025"]).default("unixfs-v1-2025"))
    .option("--no-publish", "do not publish media + metadata (you publish them yourself); needed on a non-dev chain without a provider");
  addPublishOptions(cmd);
  cmd.addHelpText(
    "after",
    "\nPublishing: with --kubo-url / --pinning-endpoint (or mintkit.config.json) media and metadata are published\n" +
      "(pushed, pinned and waited on) before the mint. On a chain other than 31337/1337 a provider is required\n" +
      "(IPFS_NOT_PUBLISHED, exit 4) unless --no-publish.",
  );
  withExamples(cmd, [
    'mintkit mint art.png --collection 0x… --name "Sunrise #1" --description "First light" --attribute Palette=warm --attribute Level=5',
    'mintkit mint clip.mp4 --poster still.png --collection "My Art" --name "Clip" --to 0x… --json',
  ]);
  cmd.action(
    runAction(async (file: string, opts: MintOptions, command: Command) => {
      const { mint } = await import("../actions/mint.js");
      return mint(globalOptions(command), file, opts);
    }),
  );
}
