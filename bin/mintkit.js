#!/usr/bin/env node
// mintkit command-line entry: runs the compiled CLI in dist/ (build it with `npm run build`).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("mintkit: the CLI is not built (dist/cli/main.js is missing): run `npm run build` first.\n");
  process.exit(1);
}
await import(main.href);
