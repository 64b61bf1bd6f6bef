import type { Command } from "commander";

/**
 * Appends an "Examples:" section to a command's `--help`.
 * @example
 * withExamples(cmd, ["mintkit upload ./art", "mintkit upload ./art --car art.car --json"]);
 */
export function withExamples<T extends Command>(cmd: T, examples: readonly string[]): T {
  cmd.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`);
  return cmd;
}
