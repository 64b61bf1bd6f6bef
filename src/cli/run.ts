import type { Command } from "commander";
import { exitCodeFor } from "./exitCodes.js";
import { globalOptions } from "./globalOptions.js";
import { printResult, toJson, write, type CommandResult } from "./output.js";
import { redactUrlIn } from "./redactUrl.js";

/**
 * Wraps a commander action: runs it, prints what it returns (text, or JSON with `--json`) and turns
 * any thrown error into a message on stderr plus an exit code (see `exitCodes.ts`). The handler
 * receives exactly what commander passes: the arguments, the command's options, then the `Command`.
 * Return `undefined` to print nothing.
 * @example
 * program.command("hello").argument("<name>").action(runAction(async (name: string) => ({
 *   data: { greeting: `hello ${name}` },
 *   text: `hello ${name}`,
 * })));
 */
export function runAction<TArgs extends unknown[]>(
  handler: (...args: TArgs) => Promise<CommandResult | undefined | void>,
): (...args: TArgs) => Promise<void> {
  return async (...args: TArgs) => {
    const cmd = args[args.length - 1] as Command;
    const { json, rpcUrl, verbose } = globalOptions(cmd);
    try {
      const result = await handler(...args);
      if (result) await printResult(result, json);
    } catch (err) {
      await reportError(err, json, rpcUrl, verbose);
      process.exitCode = exitCodeFor(err);
    }
  };
}

/**
 * Prints an error on stderr: for a `MintkitError` its short message, hint and (for validation
 * errors) the listed problems; with `json` a `{ error: { code, message, hint, details } }` object.
 * Secrets never reach here: errors carry no keys or passwords; `rpcUrl` (the `--rpc-url` given, which may
 * carry an API key) is replaced by its origin wherever it appears (a library error may quote it).
 * The cause is printed (`Cause: …`) only when it is itself a mintkit error, or with `verbose`: raw Node or viem
 * text is no message for a user. The JSON error keeps it in `details.cause` either way.
 */
export async function reportError(err: unknown, json: boolean, rpcUrl?: string, verbose = false): Promise<void> {
  const e = err as {
    code?: unknown;
    shortMessage?: unknown;
    hint?: unknown;
    details?: unknown;
    message?: unknown;
    name?: unknown;
  };
  const code = typeof e?.code === "string" ? e.code : "UNEXPECTED";
  const shortMessage =
    typeof e?.shortMessage === "string" ? e.shortMessage : typeof e?.message === "string" ? e.message : String(err);
  const hint = typeof e?.hint === "string" ? e.hint : undefined;
  const cause = (err as { cause?: unknown })?.cause;
  const causeText = cause instanceof Error ? firstLine((cause as { shortMessage?: unknown }).shortMessage ?? cause.message) : undefined;
  if (json) {
    const details = causeText === undefined ? e?.details : withCause(e?.details, causeText);
    await write(
      process.stderr,
      `${redactUrlIn(toJson({ error: { code, message: shortMessage, hint, details, exitCode: exitCodeFor(err) } }, 0), rpcUrl)}\n`,
    );
    return;
  }
  const lines = [`Error: ${shortMessage}`];
  const problems = (e?.details as { problems?: unknown } | undefined)?.problems;
  if (Array.isArray(problems)) {
    for (const problem of problems as Array<string | { path?: unknown; message?: unknown; severity?: unknown }>) {
      // Problems are `{ path, message, severity }` (metadata, batch) or plain sentences (credentials).
      if (typeof problem === "string") {
        lines.push(`  - ${problem}`);
        continue;
      }
      const where = typeof problem.path === "string" && problem.path !== "" ? `${problem.path}: ` : "";
      const severity = typeof problem.severity === "string" && problem.severity !== "error" ? ` (${problem.severity})` : "";
      lines.push(`  - ${where}${String(problem.message)}${severity}`);
    }
  }
  if (hint) lines.push(`Hint: ${hint}`);
  const causeIsNoise = code.startsWith("CLI_FILE_") || code === "CLI_TX_REVERTED" || code === "DEPLOY_REVERTED";
  const causeIsOurs = typeof (cause as { code?: unknown } | undefined)?.code === "string" && typeof (cause as { hint?: unknown }).hint === "string";
  if (causeText !== undefined && causeText !== shortMessage && (verbose || (causeIsOurs && !causeIsNoise))) lines.push(`Cause: ${causeText}`);
  if (code !== "UNEXPECTED") lines.push(`Code: ${code}`);
  else if (process.env.MINTKIT_DEBUG && err instanceof Error && err.stack) lines.push(err.stack);
  await write(process.stderr, `${redactUrlIn(lines.join("\n"), rpcUrl)}\n`);
}

/** The first line of a cause's text ("" for anything that is not a string). */
function firstLine(text: unknown): string {
  return typeof text === "string" ? (text.split("\n")[0] ?? "") : "";
}

/** `details` with the cause's text added (`{ cause }` beside the error's own fields; never replacing one). */
function withCause(details: unknown, cause: string): unknown {
  if (details === undefined || details === null) return { cause };
  if (typeof details !== "object" || Array.isArray(details)) return { value: details, cause };
  return "cause" in details ? details : { ...details, cause };
}
