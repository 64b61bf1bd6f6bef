import { CommanderError } from "commander";
import { ExitCode } from "./exitCodes.js";
import { write } from "./output.js";
import { createProgram } from "./program.js";

/**
 * Runs the CLI with `argv` (node-style: `[node, script, ...args]`) and resolves with the exit code:
 * the action's code (see `exitCodes.ts`), 2 for usage errors, 0 for `--help`/`--version`.
 */
export async function execute(argv: readonly string[] = process.argv): Promise<number> {
  const json = argv.includes("--json");
  const program = createProgram({ silenceUsageErrors: () => json });
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return ExitCode.ok;
      if (json) {
        const error = {
          code: "CLI_USAGE",
          message: err.message.replace(/^error: /, ""),
          hint: "Run mintkit --help (or mintkit <command> --help) for the commands and their options.",
          exitCode: ExitCode.usage,
        };
        await write(process.stderr, `${JSON.stringify({ error })}\n`);
      }
      return ExitCode.usage;
    }
    throw err;
  }
  return typeof process.exitCode === "number" ? process.exitCode : ExitCode.ok;
}
