/**
 * Exit codes of `mintkit access …` and the wrapper that applies them. Light at import (no viem).
 *
 * | code | meaning |
 * | --- | --- |
 * | 0 | admitted (`check`), or done (`challenge`, `prove`) |
 * | 1 | check-in store unusable: locked by another process, corrupt, or no `node:sqlite` (Node < 22.13) |
 * | 2 | bad input: an option, a damaged or oversized payload, an unreadable QR image, a challenge that is not mintkit's |
 * | 3 | chain unreachable |
 * | 6 | refused at the door: the reason code is printed (`--json`: `{ admitted: false, reason }`) |
 */
import type { Command } from "commander";
import { exitCodeFor, ExitCode, type ExitCodeValue } from "../exitCodes.js";
import { globalOptions } from "../globalOptions.js";
import { printResult, type CommandResult } from "../output.js";
import { reportError } from "../run.js";

/** `access check` refused the holder. */
export const accessRefusedExitCode = 6;

export const accessExitCodesHelp = [
  "Exit codes of access commands:",
  "  0    admitted (check) / done (challenge, prove)",
  "  1    check-in store locked, corrupt or unavailable (node:sqlite needs Node >= 22.13)",
  "  2    bad input: options, a damaged or oversized payload, an unreadable QR image",
  "  3    chain unreachable",
  "  6    refused at the door (the reason code is printed: NOT_HOLDER, EXPIRED, ALREADY_CHECKED_IN, …)",
].join("\n");

const byCode: Record<string, ExitCodeValue> = {
  ACCESS_INVALID_CHALLENGE: ExitCode.usage,
  ACCESS_MALFORMED_PAYLOAD: ExitCode.usage,
  ACCESS_PAYLOAD_TOO_LARGE: ExitCode.usage,
  ACCESS_QR_UNREADABLE: ExitCode.usage,
  ACCESS_NO_SIGNER: ExitCode.usage,
};

/** The exit code of an error of an access command. */
export function accessExitCodeFor(err: unknown): number {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("ACCESS_")) return byCode[code] ?? ExitCode.failure;
  return exitCodeFor(err);
}

/** `runAction` with the access exit codes; a handler may set `process.exitCode` itself (a refusal). */
export function accessAction<TArgs extends unknown[]>(handler: (...args: TArgs) => Promise<CommandResult | undefined>): (...args: TArgs) => Promise<void> {
  return async (...args: TArgs) => {
    const { json, rpcUrl } = globalOptions(args[args.length - 1] as Command);
    try {
      const result = await handler(...args);
      if (result) await printResult(result, json);
    } catch (err) {
      await reportError(err, json, rpcUrl);
      process.exitCode = accessExitCodeFor(err);
    }
  };
}
