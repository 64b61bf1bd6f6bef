/**
 * `credentialAction`: H5's `runAction` for the credential commands, plus two things the credential layer
 * needs. Light at import (no viem).
 * - `CredentialError`s of bad input (invalid schema, claims, claims file, presentation, date, age, unknown
 *   claim) exit with code 2 (usage / invalid input) like the CLI's own input errors, instead of 1.
 * - Their `details.problems` (strings) are listed one per line in text mode, and the hint then drops its
 *   inline "Fix: …" copy of the same list. `--json` output keeps the error as the library threw it.
 */
import type { Command } from "commander";
import { ExitCode } from "../exitCodes.js";
import { globalOptions } from "../globalOptions.js";
import type { CommandResult } from "../output.js";
import { runAction } from "../run.js";

/** Credential error codes that mean "the input is wrong" (exit code 2). */
const inputCodes = new Set([
  "CREDENTIAL_INVALID_SCHEMA",
  "CREDENTIAL_INVALID_CLAIMS",
  "CREDENTIAL_INVALID_CLAIMS_FILE",
  "CREDENTIAL_INVALID_PRESENTATION",
  "CREDENTIAL_UNKNOWN_CLAIM",
  "CREDENTIAL_NOTHING_DISCLOSED",
  "CREDENTIAL_INVALID_DATE",
  "CREDENTIAL_INVALID_AGE",
]);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** For text output: string problems as `{ message }` (one line each) and the hint without its "Fix: …" tail. */
function forText(err: unknown): unknown {
  const e = err as { details?: { problems?: unknown }; hint?: unknown } | null;
  const problems = e?.details?.problems;
  if (!(err instanceof Error) || !Array.isArray(problems) || !problems.every((p) => typeof p === "string")) return err;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(err) as object) as Error, err, {
    details: { ...e!.details, problems: (problems as string[]).map((message) => ({ message })) },
    hint: typeof e!.hint === "string" ? e!.hint.replace(/\s*Fix: [\s\S]*$/, "") : e!.hint,
  });
  return copy;
}

/** Wraps a credential command's handler (see the module comment). */
export function credentialAction<TArgs extends unknown[]>(
  handler: (...args: TArgs) => Promise<CommandResult | undefined | void>,
): (...args: TArgs) => Promise<void> {
  let failed: unknown;
  const inner = runAction(async (...args: TArgs) => {
    try {
      return await handler(...args);
    } catch (err) {
      failed = err;
      const json = globalOptions(args[args.length - 1] as Command).json;
      throw json ? err : forText(err);
    }
  });
  return async (...args: TArgs) => {
    failed = undefined;
    await inner(...args);
    const code = codeOf(failed);
    if (code !== undefined && inputCodes.has(code)) process.exitCode = ExitCode.usage;
  };
}
