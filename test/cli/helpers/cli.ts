/**
 * Harness for CLI tests: a real local chain over HTTP (Hardhat's JSON-RPC server on a free port), the
 * real `mintkit` binary spawned as a child process, and temp folders removed at exit.
 *
 *   const chain = await startChain();                    // { rpcUrl, chainId, close }
 *   const cwd = tempDir();
 *   const r = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Art", "ART"], { cwd });
 *   expect(r.code).to.equal(0); const out = r.json<{ address: string }>();
 *   await chain.close();
 *
 * The binary runs dist/: run `npm run build` first (`npm test` does it in `pretest`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { network } from "hardhat";

/** Repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The binary spawned by `runCli`. */
export const cliBin = path.join(repoRoot, "bin", "mintkit.js");

export interface Chain {
  /** `http://127.0.0.1:<port>` */
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly close: () => Promise<void>;
}

/**
 * Starts Hardhat's JSON-RPC server (an EDR chain, the 20 funded dev accounts) on 127.0.0.1 and a free
 * port. `chainId` defaults to 31337; another id makes a "non-local" chain (dev keys refused). Like
 * `mintkit dev`, it installs the deterministic deployer (its presigned transaction, funded from dev account
 * 0) unless `deterministicDeployer: false`, so mintkit's core contracts can be deployed at their addresses.
 */
export async function startChain(options: { readonly chainId?: number; readonly deterministicDeployer?: boolean } = {}): Promise<Chain> {
  const chainId = options.chainId ?? 31337;
  const server = await network.createServer(
    options.chainId === undefined ? "default" : { network: "default", override: { chainId } },
    "127.0.0.1",
    0,
  );
  const { address, port } = await server.listen();
  const rpcUrl = `http://${address}:${port}`;
  if (options.deterministicDeployer !== false) {
    const { createPublicClient, createWalletClient, http } = await import("viem");
    const { installDeterministicDeployer } = await import("../../../src/deploy/deterministicDeployer.js");
    const publicClient = createPublicClient({ transport: http(rpcUrl) });
    const [from] = (await (publicClient.request as unknown as (args: { method: string }) => Promise<`0x${string}`[]>)({ method: "eth_accounts" }));
    const walletClient = createWalletClient({ transport: http(rpcUrl), account: from! });
    await installDeterministicDeployer({ publicClient, walletClient } as unknown as Parameters<typeof installDeterministicDeployer>[0]);
  }
  return { rpcUrl, chainId, close: () => server.close() };
}

export interface RunCliOptions {
  /** Working directory (deployments/ and .mintkit/ go there). Default: a fresh temp dir. */
  readonly cwd?: string;
  /** Extra environment. MINTKIT_* variables of the parent are NOT inherited; MINTKIT_KEYSTORE_DIR
   *  defaults to `<cwd>/keystore` so tests never touch ~/.mintkit. */
  readonly env?: Record<string, string | undefined>;
  /** Written to the child's stdin, which is then closed (stdin is closed empty when absent). */
  readonly input?: string | Uint8Array;
  /** Kill the child (SIGKILL) after this many ms. Default 120000. */
  readonly timeoutMs?: number;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (throws with stdout/stderr in the message when it is not JSON). */
  json<T = unknown>(): T;
  /** stderr parsed as JSON (for `--json` errors). */
  errorJson(): { error: { code: string; message: string; hint?: string; details?: unknown; exitCode: number } };
}

/** Spawns `node bin/mintkit.js ...args` and collects its exit code and output. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  assertBuilt();
  const cwd = options.cwd ?? tempDir();
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("MINTKIT_")) env[k] = v;
  env.NO_COLOR = "1";
  env.MINTKIT_KEYSTORE_DIR = path.join(cwd, "keystore");
  Object.assign(env, options.env);
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        json<T>() {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(`stdout is not JSON (exit ${code}).\nstdout: ${stdout}\nstderr: ${stderr}`);
          }
        },
        errorJson() {
          try {
            // The JSON error is the last thing on stderr; it may span lines (a command's own output).
            const lines = stderr.trim().split("\n");
            let start = lines.length - 1;
            while (start > 0 && !lines[start]!.startsWith("{")) start--;
            return JSON.parse(lines.slice(Math.max(start, 0)).join("\n"));
          } catch {
            throw new Error(`stderr is not a JSON error (exit ${code}).\nstdout: ${stdout}\nstderr: ${stderr}`);
          }
        },
      });
    });
    child.stdin.on("error", () => undefined); // the child may exit before reading stdin
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

const tempDirs: string[] = [];
let cleanupRegistered = false;

/** A fresh temp folder, removed when the test process exits. */
export function tempDir(prefix = "mintkit-cli-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  tempDirs.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on("exit", () => {
      for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

function assertBuilt(): void {
  if (!existsSync(path.join(repoRoot, "dist", "cli", "main.js"))) {
    throw new Error("dist/cli/main.js is missing: run `npm run build` before the CLI tests.");
  }
}
