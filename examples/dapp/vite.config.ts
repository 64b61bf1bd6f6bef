import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// In your own app: `npm install mintkit viem` and drop the alias. Here the example runs against this
// checkout's build (`npm run build` at the repository root), resolved as a browser bundler resolves the
// package: the per-file ESM build, which `"sideEffects": false` lets the bundler tree-shake.
// Three pages (a multi-page build): the dapp, the ticket holder's page and the door's page.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  resolve: {
    alias: [{ find: /^mintkit$/, replacement: fileURLToPath(new URL("../../dist/index.js", import.meta.url)) }],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 800,
    rollupOptions: { input: { main: page("index.html"), holder: page("holder.html"), door: page("door.html") } },
  },
});
