/**
 * `mintkit access challenge|prove|check` end to end: a real chain over HTTP, the built CLI as a child
 * process (bin/mintkit.js), a QR code written to a PNG and read back.
 * Exit codes: 0 admitted, 6 refused with the reason code, 2 bad input, 1 an unusable store.
 */
import { expect } from "chai";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPublicClient, createWalletClient, getAddress, http, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../../src/contracts/index.js";
import { devAccount0 } from "../batch/helpers.js";
import { benchConfig } from "../collection/helpers.js";
import { cliBin } from "../cli/helpers/cli.js";
import { startChain, tempDir, type Chain } from "../cli/helpers/cli.js";
import { AUDIENCE, EVENT } from "./helpers.js";

const fixture = cliBin;
// Hardhat's well-known dev account 1 (the ticket holder; `--dev-account 1`).
const holder = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

function mintkit(args: string[], cwd: string, node = process.execPath): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("MINTKIT_")) env[k] = v;
    env["NO_COLOR"] = "1";
    const child = spawn(node, [fixture, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("mintkit access (CLI)", function () {
  this.timeout(300_000);
  let chain: Chain;
  let collection: Address;
  let first: bigint;
  let cwd: string;
  const run = (args: string[]) => mintkit(["--rpc-url", chain.rpcUrl, ...args], cwd);
  const door = ["--audience", AUDIENCE, "--event", EVENT];

  before(async () => {
    chain = await startChain({ deterministicDeployer: false });
    cwd = tempDir("mintkit-access-cli-");
    const wallet = createWalletClient({ account: devAccount0, transport: http(chain.rpcUrl) });
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    const hash = await wallet.deployContract({ abi: mintkitCollectionAbi, bytecode: mintkitCollectionBytecode, args: [benchConfig(devAccount0.address)], chain: null });
    collection = getAddress((await client.waitForTransactionReceipt({ hash, pollingInterval: 20 })).contractAddress!);
    first = await client.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
    const mint = await wallet.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mintBatch", args: [holder.address, 3n, first], chain: null });
    await client.waitForTransactionReceipt({ hash: mint, pollingInterval: 20 });
  });
  after(async () => chain?.close());

  async function challenge(extra: string[] = []): Promise<string> {
    const r = await run(["--json", "access", "challenge", ...door, "--collection", collection, ...extra]);
    expect(r.code, r.stderr).to.equal(0);
    return (JSON.parse(r.stdout) as { challenge: string }).challenge;
  }
  async function prove(tokenId: bigint, extra: string[] = []): Promise<{ payload: string; qr: string }> {
    const qr = path.join(cwd, `ticket-${tokenId}-${Date.now()}.png`);
    const r = await run(["--dev-account", "1", "--json", "access", "prove", "--challenge", await challenge(extra), "--token-id", String(tokenId), "--qr", qr]);
    expect(r.code, r.stderr).to.equal(0);
    return { payload: (JSON.parse(r.stdout) as { payload: string }).payload, qr };
  }

  it("challenge → prove (QR in the terminal and a PNG) → check admits once: exit 0, then 6 ALREADY_CHECKED_IN", async () => {
    const text = await run(["--dev-account", "1", "access", "prove", "--challenge", await challenge(), "--token-id", String(first)]);
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/^mkap1\./).and.include("▄"); // the payload, then the terminal QR code
    const { qr } = await prove(first);
    const ok = await run(["access", "check", qr, ...door, "--collection", collection]);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/^ADMITTED: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 with token/);
    const again = await run(["--json", "access", "check", (await prove(first)).qr, ...door, "--collection", collection]);
    expect(again.code).to.equal(6);
    expect(JSON.parse(again.stdout)).to.include({ admitted: false, reason: "ALREADY_CHECKED_IN" });
  });

  it("a replayed payload, another event, an expired challenge: exit 6 with the reason", async () => {
    const { payload } = await prove(first + 1n, ["--ttl", "5"]);
    const other = await run(["--json", "access", "check", payload, "--audience", AUDIENCE, "--event", "another", "--collection", collection]);
    expect([other.code, JSON.parse(other.stdout).reason]).to.deep.equal([6, "EVENT_MISMATCH"]);
    await fetch(chain.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "evm_increaseTime", params: [10] }) });
    await fetch(chain.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "evm_mine", params: [] }) });
    const expired = await run(["--json", "access", "check", payload, ...door, "--collection", collection]);
    expect([expired.code, JSON.parse(expired.stdout).reason]).to.deep.equal([6, "EXPIRED"]);
    const fresh = await prove(first + 1n);
    expect((await run(["access", "check", fresh.payload, ...door, "--collection", collection])).code).to.equal(0);
    const replay = await run(["--json", "access", "check", fresh.payload, ...door, "--collection", collection]);
    expect([replay.code, JSON.parse(replay.stdout).reason]).to.deep.equal([6, "NONCE_REPLAYED"]);
  });

  it("bad input is exit 2 with a specific code; an unusable store is exit 1; nothing is recorded", async () => {
    const { payload, qr } = await prove(first + 2n);
    const damaged = await run(["--json", "access", "check", payload.slice(0, 60), ...door, "--collection", collection]);
    expect([damaged.code, JSON.parse(damaged.stderr).error.code]).to.deep.equal([2, "ACCESS_MALFORMED_PAYLOAD"]);
    const notPng = path.join(cwd, "not-a-qr.png");
    writeFileSync(notPng, "GIF89a");
    const unreadable = await run(["--json", "access", "check", notPng, ...door, "--collection", collection]);
    expect([unreadable.code, JSON.parse(unreadable.stderr).error.code]).to.deep.equal([2, "ACCESS_QR_UNREADABLE"]);
    const oversized = await run(["--json", "access", "check", payload + "A".repeat(1000), ...door, "--collection", collection]);
    expect([oversized.code, JSON.parse(oversized.stderr).error.code]).to.deep.equal([2, "ACCESS_PAYLOAD_TOO_LARGE"]);
    const corrupt = path.join(cwd, "corrupt.sqlite");
    writeFileSync(corrupt, "not a database ".repeat(100));
    const bad = await run(["--json", "access", "check", qr, ...door, "--collection", collection, "--store", corrupt]);
    expect([bad.code, JSON.parse(bad.stderr).error.code]).to.deep.equal([1, "ACCESS_STORE_CORRUPT"]);
    expect(readFileSync(corrupt, "utf8")).to.equal("not a database ".repeat(100));
    // the ticket was not used by any of these: it still enters
    expect((await run(["access", "check", qr, ...door, "--collection", collection])).code).to.equal(0);
  });

  it("on Node 20 (no node:sqlite) check is exit 1 ACCESS_STORE_UNAVAILABLE, before touching the chain", async function () {
    const old = ["/usr/bin/node", "/usr/local/bin/node"].find((bin) => {
      try {
        return Number(execFileSync(bin, ["-p", "process.versions.node.split('.')[0]"], { encoding: "utf8" }).trim()) < 22;
      } catch {
        return false;
      }
    });
    if (!old) this.skip();
    const { payload } = await prove(first);
    const r = await mintkit(["--rpc-url", "http://127.0.0.1:9", "--json", "access", "check", payload, ...door, "--collection", collection], cwd, old);
    expect([r.code, JSON.parse(r.stderr).error.code]).to.deep.equal([1, "ACCESS_STORE_UNAVAILABLE"]);
  });

  it("--help documents the exit codes", async () => {
    const help = await run(["access", "--help"]);
    expect(help.stdout).to.include("6    refused at the door");
  });
});
