import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// In your own app: `npm install mintkit viem` and drop the alias. Here the example runs against this
// checkout's build (`npm run build` at the repository root), resolved as a browser bundler resolves the
// package: the per-file ESM build, which `"sideEffects": false` lets the bundler tree-shake.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  resolve: {
    alias: [{ find: /^mintkit$/, replacement: fileURLToPath(new URL("../../dist/index.js", import.meta.url)) }],
  },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 800 },
});
