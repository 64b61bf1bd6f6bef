/**
 * The in-browser figure of `npm run bench:zk`: `provePredicate` timed inside headless Chromium
 * (playwright-core + @sparticuz/chromium, launched as test/dapp/exampleDapp.test.ts launches it).
 *
 * A tiny page is bundled from the built library (`dist/index.js`, the package's browser entry) with esbuild
 * (browser platform, ESM with code splitting, so snarkjs and circom_runtime are separate chunks loaded on the
 * first proof, as in a Vite app) and served with the circuit artifacts on 127.0.0.1; the page passes the
 * artifacts to `provePredicate` as URLs, so the first call fetches them.
 *
 * - cold: a fresh browser (empty HTTP cache) per sample; the time, measured in the page, from calling
 *   `provePredicate` to its proof: loading the snarkjs chunks, fetching the wasm and zkey, compiling the
 *   witness wasm, building the curve, proving.
 * - warm: further calls in the last page.
 * Every proof is checked in Node with `verifyPredicateProof`, so the figures are of valid proofs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import chromium from "@sparticuz/chromium";
import { build } from "esbuild";
import { chromium as playwright } from "playwright-core";
import { verifyPredicateProof } from "../src/credentials/index.js";
import type { Groth16Proof } from "../src/credentials/index.js";

export interface BrowserProveParameters {
  readonly root: string;
  readonly value: bigint;
  readonly blinding: `0x${string}`;
  readonly commitment: bigint;
  readonly lo: bigint;
  readonly hi: bigint;
  readonly binding: bigint;
  readonly coldRuns: number;
  readonly warmRuns: number;
}

export interface BrowserProveReturnType {
  readonly chromium: string;
  /** Milliseconds per cold sample (fresh context each). */
  readonly cold: number[];
  /** Milliseconds per warm call (same page). */
  readonly warm: number[];
  /** Bytes of the page's entry chunk and of all chunks (snarkjs included), unminified. */
  readonly entryBytes: number;
  readonly totalBytes: number;
}

const ENTRY = `
import { provePredicate } from "mintkit";
window.mintkitProve = async (p) => {
  const t0 = performance.now();
  const { proof } = await provePredicate({
    value: BigInt(p.value), blinding: p.blinding, lo: BigInt(p.lo), hi: BigInt(p.hi), binding: BigInt(p.binding),
    artifacts: { wasm: new URL("/artifacts/range.wasm", location.href).href, zkey: new URL("/artifacts/range.zkey", location.href).href },
  });
  const ms = performance.now() - t0;
  return { ms, proof: JSON.stringify(proof) };
};
window.mintkitReady = true;
`;
const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>mintkit prove bench</title>
<script type="module" src="./main.js"></script></head><body></body></html>`;

function serve(site: string, artifacts: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const [folder, rest] = pathname.startsWith("/artifacts/") ? [artifacts, pathname.slice("/artifacts/".length)] : [site, pathname === "/" ? "index.html" : pathname];
    const file = path.join(folder, rest);
    if (!file.startsWith(folder)) return void res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server })),
  );
}

function parseProof(json: string): Groth16Proof {
  return JSON.parse(json) as Groth16Proof; // decimal strings, as provePredicate returns them
}

/** Builds the page, launches Chromium, proves cold and warm, and checks every proof in Node. */
export async function benchBrowserProve(p: BrowserProveParameters): Promise<BrowserProveReturnType> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mintkit-zk-browser-"));
  const site = path.join(dir, "site");
  mkdirSync(site);
  writeFileSync(path.join(dir, "entry.js"), ENTRY);
  writeFileSync(path.join(site, "index.html"), HTML);
  const built = await build({
    entryPoints: { main: path.join(dir, "entry.js") },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outdir: site,
    metafile: true,
    logLevel: "warning",
    alias: { mintkit: path.join(p.root, "dist", "index.js") },
  });
  const outputs = Object.entries(built.metafile.outputs);
  const entryBytes = outputs.find(([file]) => file.endsWith("main.js"))?.[1].bytes ?? 0;
  const totalBytes = outputs.reduce((n, [, o]) => n + o.bytes, 0);

  const { url, server } = await serve(site, path.join(p.root, "circuits", "artifacts"));
  // A fresh browser per cold sample: with @sparticuz/chromium's --single-process, closing a context ends the browser.
  const launch = async () =>
    playwright.launch({
      executablePath: await chromium.executablePath(),
      args: [...chromium.args, "--disable-background-networking", "--no-first-run"],
      headless: true,
    });
  let browser = await launch();
  let version = browser.version();
  const input = { value: String(p.value), blinding: p.blinding, lo: String(p.lo), hi: String(p.hi), binding: String(p.binding) };
  const check = async (proofJson: string) => {
    const ok = await verifyPredicateProof({ proof: parseProof(proofJson), commitment: p.commitment, lo: p.lo, hi: p.hi, binding: p.binding });
    if (!ok) throw new Error("a proof made in Chromium did not verify: the browser timings mean nothing");
  };
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let i = 0; i < p.coldRuns; i++) {
      if (i > 0) browser = await launch();
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { mintkitReady?: boolean }).mintkitReady === true);
      type Prove = (x: typeof input) => Promise<{ ms: number; proof: string }>;
      const prove = () => page.evaluate((x) => (window as unknown as { mintkitProve: Prove }).mintkitProve(x), input);
      const first = await prove();
      await check(first.proof);
      cold.push(first.ms);
      if (i === p.coldRuns - 1) {
        for (let j = 0; j < p.warmRuns; j++) {
          const r = await prove();
          await check(r.proof);
          warm.push(r.ms);
        }
      }
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join("; ")}`);
      version = browser.version();
      if (i < p.coldRuns - 1) await browser.close();
    }
    return { chromium: version, cold, warm, entryBytes, totalBytes };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
