/**
 * `credentialAction`: `runAction` for the credential commands, for text output: a `CredentialError`'s
 * `details.problems` (strings) are listed one per line, and the hint then drops its inline "Fix: …" copy of
 * the same list. `--json` output keeps the error as the library threw it. (Exit codes are `runAction`'s:
 * `exitCodes.ts` maps every `CREDENTIAL_*` code to 2, usage / invalid input.) Light at import (no viem).
 */
import type { Command } from "commander";
import { globalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { runAction } from "../../run.js";

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
  return runAction(async (...args: TArgs) => {
    try {
      return await handler(...args);
    } catch (err) {
      const json = globalOptions(args[args.length - 1] as Command).json;
      throw json ? err : forText(err);
    }
  });
}
