#!/usr/bin/env node
// The mintkit CLI from dist/ with `verify` registered, run like bin/mintkit.js (execute.ts's exit-code rules).
// Until src/cli/program.ts registers commands/verify.ts itself; then this adds nothing.
import { CommanderError } from "commander";
import { createProgram } from "../../../dist/cli/program.js";
import { register } from "../../../dist/cli/commands/verify.js";

const json = process.argv.includes("--json");
const program = createProgram({ silenceUsageErrors: () => json });
if (!program.commands.some((c) => c.name() === "verify")) register(program);
let code = 0;
try {
  await program.parseAsync(process.argv);
  code = typeof process.exitCode === "number" ? process.exitCode : 0;
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  code = err.exitCode === 0 ? 0 : 2;
}
process.exit(code);
