#!/usr/bin/env node
// mintkit command-line entry: runs the compiled CLI in dist/ (build it with `npm run build`).
import { existsSync } from "node:fs";
import module from "node:module";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("mintkit: the CLI is not built (dist/cli/main.js is missing): run `npm run build` first.\n");
  process.exit(1);
}
// Node >= 22.8 keeps V8's compiled code of the CLI and its dependencies in a cache on disk (the OS temp
// folder, or NODE_COMPILE_CACHE), so the next start compiles less. Older Nodes have no such API: no-op.
module.enableCompileCache?.();
await import(main.href);
