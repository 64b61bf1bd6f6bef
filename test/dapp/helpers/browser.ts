/**
 * What the example dapp's browser tests share: the Vite build (once per test process), a static server on
 * loopback, headless Chromium (playwright-core + @sparticuz/chromium, both from npm), and the test wallet
 * (an EIP-1193 provider injected as window.ethereum, backed by an unlocked dev account of the chain).
 */
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";
import { build } from "vite";
import { repoRoot, tempDir } from "../../cli/helpers/cli.js";

export const exampleRoot = path.join(repoRoot, "examples", "dapp");

let built: Promise<string> | undefined;
/**
 * Builds examples/dapp (every page) into a temporary folder and returns it: once per test process, and
 * never into examples/dapp/dist, which test files running at once in other mocha workers would empty.
 */
export function buildDapp(): Promise<string> {
  built ??= (async () => {
    const outDir = tempDir("mintkit-dapp-dist-");
    await build({ configFile: path.join(exampleRoot, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}

/** Serves a built folder on 127.0.0.1 and a free port (index.html for "/"). */
export async function serveStatic(folder: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml" };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(folder, pathname === "/" ? "index.html" : pathname);
    if (!file.startsWith(folder)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body),
      () => res.writeHead(404).end("not found"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Headless Chromium; `args` are added to the npm package's own (e.g. a fake camera). */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [...chromium.args, "--disable-background-networking", "--no-first-run", ...args],
    headless: true,
  });
}

/** The test wallet: an EIP-1193 provider on window.ethereum, backed by a dev account of the chain. */
export function injectedProvider({ rpcUrl, account }: { rpcUrl: string; account: string }): void {
  let id = 0;
  const w = window as unknown as { ethereum: unknown };
  w.ethereum = {
    async request({ method, params }: { method: string; params?: unknown[] }) {
      if (method === "eth_requestAccounts" || method === "eth_accounts") return [account];
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params: params ?? [] }),
      });
      const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string; data?: unknown } };
      if (body.error) throw Object.assign(new Error(body.error.message), body.error);
      return body.result;
    },
    on() {},
    removeListener() {},
  };
}
