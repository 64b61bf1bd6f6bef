// Part of `npm run build` (after tsc): the Node entries of the package (`exports` condition "node") as one
// esbuild bundle each, sharing one chunk, so `import "mintkit"` in Node reads three files instead of ~140
// and loads `@openzeppelin/merkle-tree` only when a credential function first needs it
// (scripts/entry-shims/merkleTree.node.mjs). Dependencies stay external (installed beside mintkit, shared
// with the app: viem is a peer). Browser bundlers take the per-file build (`default` condition), which
// `"sideEffects": false` lets them tree-shake file by file. Both builds come from the same tsc output.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, "dist", "bundle");
const merkleShim = path.join(root, "scripts", "entry-shims", "merkleTree.node.mjs");

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: "dist/index.js", node: "dist/node.js" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "shared-[hash]",
  logLevel: "warning",
  plugins: [
    {
      name: "lazy-merkle-tree",
      setup(b) {
        b.onResolve({ filter: /^@openzeppelin\/merkle-tree$/ }, (args) =>
          args.importer === merkleShim ? undefined : { path: merkleShim },
        );
      },
    },
  ],
});
