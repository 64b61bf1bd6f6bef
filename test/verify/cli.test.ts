/**
 * `mintkit verify` end to end: the built CLI (dist/) against a chain served over HTTP and loopback Sourcify /
 * Etherscan servers that compile what they receive (helpers/servers.ts). Exit codes as in the README table.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "chai";
import { createPublicClient, http, type PublicClient } from "viem";
import { getCoreContracts } from "../../src/node.js";
import { cliBin, repoRoot, runCli, startChain, tempDir, type Chain } from "../cli/helpers/cli.js";
import { startEtherscan, startSourcify, type EtherscanServer, type LoopbackServer } from "./helpers/servers.js";

const harness = cliBin;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI (with `verify` registered) in `cwd`, MINTKIT_* and ETHERSCAN_API_KEY of the parent left out. */
function mintkit(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const childEnv: Record<string, string> = { NO_COLOR: "1" };
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("MINTKIT_") && k !== "ETHERSCAN_API_KEY") childEnv[k] = v;
  Object.assign(childEnv, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [harness, ...args], { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function errorOf(r: Run): { code: string; message: string; hint: string; exitCode: number } {
  const line = r.stderr.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`no JSON error (exit ${r.code}).\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return (JSON.parse(line) as { error: { code: string; message: string; hint: string; exitCode: number } }).error;
}

describe("mintkit verify (CLI)", function () {
  this.timeout(240_000);
  let chain: Chain;
  let client: PublicClient;
  let sourcify: LoopbackServer;
  let etherscan: EtherscanServer;
  let cwd: string;
  let art: string;

  before(async () => {
    chain = await startChain();
    client = createPublicClient({ transport: http(chain.rpcUrl) }) as PublicClient;
    cwd = tempDir("mintkit-verify-");
    const deployed = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Art", "ART"], { cwd });
    expect(deployed.code, deployed.stderr).to.equal(0);
    art = deployed.json<{ address: string }>().address;
    sourcify = await startSourcify(client);
    etherscan = await startEtherscan(client, { apiKey: "KEY123" });
  });
  after(async () => {
    await sourcify?.close();
    await etherscan?.close();
    await chain?.close();
  });

  const base = () => ["--rpc-url", chain.rpcUrl, "--json", "verify"];

  it("verifies a recorded collection (a clone) on Sourcify, then reports it already verified; exit 0", async () => {
    const r = await mintkit([...base(), "Art", "--sourcify", "--api-url", sourcify.url, "--poll-interval", "0"], cwd);
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as { address: string; contract: string; clone: boolean; implementation: string; results: { service: string; status: string; match: string }[] };
    expect(out).to.deep.include({ address: art, contract: "MintkitCollection", clone: true, implementation: getCoreContracts().MintkitCollection.address });
    expect(out.results).to.have.length(1);
    expect(out.results[0]).to.deep.include({ service: "sourcify", status: "verified", match: "full" });
    const again = await mintkit(["--rpc-url", chain.rpcUrl, "verify", "Art", "--sourcify", "--api-url", sourcify.url], cwd);
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.contain("is an EIP-1167 clone of the MintkitCollection implementation");
    expect(again.stdout).to.contain("already verified (full match)");
  });

  it("verifies on Etherscan with the key from ETHERSCAN_API_KEY and marks the clone as a proxy", async () => {
    const r = await mintkit([...base(), art, "--etherscan", "--api-url", etherscan.url, "--poll-interval", "0"], cwd, { ETHERSCAN_API_KEY: "KEY123" });
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as { results: { service: string; status: string; proxy: { status: string } }[] };
    expect(out.results[0]).to.deep.include({ service: "etherscan", status: "verified" });
    expect(out.results[0]!.proxy.status).to.equal("marked");
    expect(etherscan.received.find((x) => x.query.action === "verifysourcecode")!.query.apikey).to.equal("KEY123");
  });

  it("Etherscan without an API key: exit 2 before anything is sent", async () => {
    const before = etherscan.received.length;
    const r = await mintkit([...base(), "Art", "--etherscan"], cwd);
    expect(r.code).to.equal(2);
    const e = errorOf(r);
    expect(e.code).to.equal("VERIFY_API_KEY_MISSING");
    expect(e.hint).to.contain("--etherscan-api-key");
    expect(etherscan.received.length).to.equal(before);
  });

  it("an unreachable service: exit 1 with VERIFY_SERVICE_UNREACHABLE; a rate-limited one: exit 1 with VERIFY_RATE_LIMITED", async () => {
    const down = await startSourcify(client);
    const url = down.url;
    await down.close();
    const r = await mintkit([...base(), "MintkitFactory", "--sourcify", "--api-url", url], cwd);
    expect(r.code).to.equal(1);
    expect(errorOf(r).code).to.equal("VERIFY_SERVICE_UNREACHABLE");
    sourcify.failNext.push(429, 429, 429, 429);
    const limited = await mintkit([...base(), "MintkitFactory", "--sourcify", "--api-url", sourcify.url], cwd);
    expect(limited.code).to.equal(1);
    expect(errorOf(limited).code).to.equal("VERIFY_RATE_LIMITED");
  });

  it("code at a core address that is not this build's: exit 1 with VERIFY_BYTECODE_MISMATCH, nothing submitted", async () => {
    const editions = getCoreContracts().MintkitEditions.address;
    const factoryCode = await client.getCode({ address: getCoreContracts().MintkitFactory.address });
    await (client.request as unknown as (a: { method: string; params: unknown[] }) => Promise<unknown>)({ method: "hardhat_setCode", params: [editions, factoryCode] });
    const before = sourcify.received.length;
    const r = await mintkit([...base(), "MintkitEditions", "--sourcify", "--api-url", sourcify.url], cwd);
    expect(r.code).to.equal(1);
    expect(errorOf(r).code).to.equal("VERIFY_BYTECODE_MISMATCH");
    expect(sourcify.received.length).to.equal(before);
  });

  it("bad input exits 2: unknown name, an account without code, --api-url with two services, a malformed URL, a bad --timeout", async () => {
    const cases: [readonly string[], string][] = [
      [["Nope", "--sourcify", "--api-url", sourcify.url], "CLI_CONTRACT_NOT_FOUND"],
      [["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "--sourcify", "--api-url", sourcify.url], "VERIFY_NO_CODE"],
      [["Art", "--sourcify", "--etherscan", "--api-url", sourcify.url], "CLI_INVALID_INPUT"],
      [["Art", "--sourcify", "--api-url", "ftp://example.com"], "CLI_INVALID_INPUT"],
      [["Art", "--sourcify", "--timeout", "soon"], "CLI_INVALID_INPUT"],
      [["0x1234", "--sourcify"], "CLI_INVALID_ADDRESS"],
    ];
    for (const [args, code] of cases) {
      const r = await mintkit([...base(), ...args], cwd);
      expect(r.code, `${args.join(" ")}: ${r.stderr}`).to.equal(2);
      expect(errorOf(r).code, args.join(" ")).to.equal(code);
    }
  });
});
