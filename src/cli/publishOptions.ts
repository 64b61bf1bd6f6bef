/**
 * The publishing options every command that puts content on IPFS shares (`upload`, `publish`, and the
 * minting commands): a Kubo RPC URL, a Pinning Service API endpoint with its token, the pin's name and
 * how long to wait for `pinned`. Unset options come from the environment, then from `mintkit.config.json`.
 * Light module (commander only at the top).
 */
import { Option, type Command } from "commander";
import { CliError } from "../errors/CliError.js";
import { parseHttpUrl } from "./parse.js";
import { readProjectConfig } from "./projectConfig.js";

/** The options as commander parses them. */
export interface PublishCliOptions {
  kuboUrl?: string;
  pinningEndpoint?: string;
  /** File whose first line is the pinning service token (else `MINTKIT_PINNING_TOKEN`). */
  pinningTokenFile?: string;
  pinName?: string;
  /** Seconds to wait for the pin to be `pinned`. */
  pinTimeout?: string;
}

/** Adds the publishing options to a command. */
export function addPublishOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--kubo-url <url>", "publish to a Kubo node's RPC API: push the missing blocks and pin there (e.g. http://127.0.0.1:5001)").env("MINTKIT_KUBO_URL"))
    .addOption(new Option("--pinning-endpoint <url>", "publish by pinning at an IPFS Pinning Service API endpoint (waits until pinned)").env("MINTKIT_PINNING_ENDPOINT"))
    .option("--pinning-token-file <path>", "file whose first line is the pinning service's access token (or set MINTKIT_PINNING_TOKEN; never pass the token itself as an argument)")
    .option("--pin-name <name>", "name of the pin at the pinning service")
    .option("--pin-timeout <seconds>", "how long to wait for the pinning service to report `pinned` (default 600)");
}

/** Publishing targets after merging options, environment and `mintkit.config.json`. */
export interface PublishTargets {
  readonly kuboUrl?: string;
  readonly pinningEndpoint?: string;
  readonly pinningTokenFile?: string;
  readonly pinName?: string;
  readonly pinTimeoutMs: number;
}

/**
 * Merges the command's publishing options with `mintkit.config.json` (options and environment win).
 * @throws CliError `CLI_INVALID_INPUT` (a bad config file, or a --pin-timeout that is not a positive number).
 */
export function resolvePublishTargets(opts: PublishCliOptions, cwd: string = process.cwd()): PublishTargets {
  const config = readProjectConfig(cwd).publish;
  let pinTimeout = config.pinTimeout ?? 600;
  if (opts.pinTimeout !== undefined) {
    const n = Number(opts.pinTimeout);
    if (!Number.isFinite(n) || n <= 0) {
      throw new CliError("CLI_INVALID_INPUT", `--pin-timeout "${opts.pinTimeout}" is not a positive number of seconds.`, {
        hint: "Pass the wait in seconds, e.g. --pin-timeout 900.",
        details: { field: "--pin-timeout", value: opts.pinTimeout, reason: "not a positive number" },
      });
    }
    pinTimeout = n;
  }
  const kuboUrl = opts.kuboUrl ?? config.kuboUrl;
  if (kuboUrl !== undefined) parseHttpUrl(kuboUrl, opts.kuboUrl !== undefined ? "--kubo-url" : "kuboUrl (mintkit.config.json)");
  const pinningEndpoint = opts.pinningEndpoint ?? config.pinningEndpoint;
  if (pinningEndpoint !== undefined) parseHttpUrl(pinningEndpoint, opts.pinningEndpoint !== undefined ? "--pinning-endpoint" : "pinningEndpoint (mintkit.config.json)");
  const pinningTokenFile = opts.pinningTokenFile ?? config.pinningTokenFile;
  return {
    ...(kuboUrl !== undefined ? { kuboUrl } : {}),
    ...(pinningEndpoint !== undefined ? { pinningEndpoint } : {}),
    ...(pinningTokenFile !== undefined ? { pinningTokenFile } : {}),
    ...(opts.pinName !== undefined ? { pinName: opts.pinName } : {}),
    pinTimeoutMs: Math.round(pinTimeout * 1000),
  };
}

/** Chain ids of local dev chains, where the local gateway serves the content and nothing must be published. */
export const DEV_CHAIN_IDS: readonly number[] = [31337, 1337];

/** True when `targets` name at least one provider. */
export function hasProvider(targets: PublishTargets): boolean {
  return targets.kuboUrl !== undefined || targets.pinningEndpoint !== undefined;
}
