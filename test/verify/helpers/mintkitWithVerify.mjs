#!/usr/bin/env node
// The mintkit CLI from dist/ with `verify` registered, run like bin/mintkit.js (execute.ts's exit-code rules).
// Until src/cli/program.ts registers commands/verify.ts itself; then this adds nothing. Runs only as a script
// (mocha loads every file under test/: imported, it does nothing).
import { fileURLToPath } from "node:url";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { CommanderError } = await import("commander");
  const { createProgram } = await import("../../../dist/cli/program.js");
  const { register } = await import("../../../dist/cli/commands/verify.js");
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
}
