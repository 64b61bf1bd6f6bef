#!/usr/bin/env node
// Test-only entry: the built CLI (dist/) with `list`, `buy` and `listing` registered, as `execute.ts` runs it.
// The commands are registered in src/cli/program.ts by the CLI-shape owner; until then the market CLI tests
// run through this entry. Same program, same options, same exit codes. It does nothing when merely imported
// (mocha loads every file under test/).
import { pathToFileURL } from "node:url";

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { CommanderError } = await import("commander");
  const dist = new URL("../../../dist/cli/", import.meta.url);
  const { createProgram } = await import(new URL("program.js", dist).href);
  const json = process.argv.includes("--json");
  const program = createProgram({ silenceUsageErrors: () => json });
  for (const name of ["list", "buy", "listing"]) {
    const { register } = await import(new URL(`commands/${name}.js`, dist).href);
    if (!program.commands.some((c) => c.name() === name)) register(program);
  }
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
    throw err;
  }
  process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
}
