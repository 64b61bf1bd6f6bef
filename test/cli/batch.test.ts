/**
 * `mintkit batch` end to end: the real binary against Hardhat's HTTP chain, killed with SIGKILL at
 * deterministic crash points (test-only fault injection preloaded by `batchFaultEnv`, see src/batch/faults.ts) and by the test while it runs,
 * then resumed: every planned token minted exactly once, each token URI serving its file's metadata, the
 * journal and mapping.json in agreement, no chunk signed twice.
 * Needs `npm run build` first (the binary runs dist/).
 */
import { expect } from "chai";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createPublicClient, createWalletClient, getAddress, http, type Address } from "viem";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../../src/contracts/mintkitCollection.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { createFsStore } from "../../src/ipfs/stores/fsStore.js";
import type { BatchMapping, BatchSummary } from "../../src/batch/types.js";
import { devAccount0, emptyCollectionConfig, expectedName, makeMediaFolder, readMetadata, svg } from "../batch/helpers.js";
import { cliBin, repoRoot, runCli, startChain, tempDir, type Chain, type CliRun } from "./helpers/cli.js";

/**
 * Environment for `runCli` that crashes the batch at `spec` (e.g. `after-sign:2`) with SIGKILL: preloads the
 * test-only helpers/armBatchFaults.mjs into the child (src/batch/faults.ts; not reachable from the public API).
 */
function batchFaultEnv(spec: string): Record<string, string> {
  const preload = pathToFileURL(path.join(repoRoot, "test", "cli", "helpers", "armBatchFaults.mjs")).href;
  return { NODE_OPTIONS: `--import=${preload}`, MINTKIT_TEST_BATCH_FAULTS: spec };
}

/** 30 tokens in several chunks. */
const COUNT = 30;
const GAS_CAP = "110000";

interface StatusJson {
  complete: boolean;
  tornTail: boolean;
  journal: string;
  mapping: string;
  tokens: { planned: number; confirmed: number; pending: number };
  steps: { step: string; kind: string; state: string; txHash?: string; attempts: number; firstId?: string; count?: number }[];
}

describe("mintkit batch (CLI): kill -9 at any point, then resume", function () {
  let chain: Chain;
  let publicClient: ReturnType<typeof createPublicClient>;
  let wallet: ReturnType<typeof createWalletClient>;

  before(async () => {
    chain = await startChain();
    publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    wallet = createWalletClient({ account: devAccount0, transport: http(chain.rpcUrl) });
  });
  after(async () => {
    await chain.close();
  });

  async function deployCollection(): Promise<Address> {
    const hash = await wallet.deployContract({
      abi: mintkitCollectionAbi,
      bytecode: mintkitCollectionBytecode,
      args: [emptyCollectionConfig(devAccount0.address)],
      account: devAccount0,
      chain: null,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    return receipt.contractAddress!;
  }

  const read = <T>(address: Address, functionName: string, args: readonly unknown[] = []) =>
    publicClient.readContract({ address, abi: mintkitCollectionAbi, functionName: functionName as "nextTokenId", args: args as [] }) as Promise<T>;

  function cli(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
    return runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd, env });
  }

  async function status(cwd: string): Promise<StatusJson> {
    const r = await cli(["--json", "batch", "status"], cwd);
    expect(r.code, r.stderr).to.equal(0);
    const { batches } = r.json<{ batches: StatusJson[] }>();
    expect(batches).to.have.length(1);
    return batches[0]!;
  }

  /** Every planned token minted once, tokenURI ↔ file metadata, journal and mapping agree, no chunk signed twice. */
  async function assertExactlyOnce(collection: Address, cwd: string, folder: string, summary: BatchSummary) {
    expect(await read<bigint>(collection, "totalSupply")).to.equal(BigInt(COUNT));
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(BigInt(COUNT + 1));
    const s = await status(cwd);
    expect(s.complete).to.equal(true);
    expect(s.tokens).to.deep.equal({ planned: COUNT, confirmed: COUNT, pending: 0 });
    const hashes = s.steps.map((st) => st.txHash);
    expect(new Set(hashes).size, "a transaction per step").to.equal(hashes.length);
    for (const st of s.steps) {
      expect(st.state).to.equal("confirmed");
      expect(st.attempts, `${st.step} signed once`).to.equal(1);
    }
    const mintSteps = s.steps.filter((st) => st.kind === "mint");
    expect(mintSteps.length).to.be.greaterThan(2);
    expect(mintSteps.reduce((n, st) => n + (st.count ?? 0), 0)).to.equal(COUNT);

    const mapping = JSON.parse(readFileSync(s.mapping, "utf8")) as BatchMapping;
    expect(mapping.complete).to.equal(true);
    expect(mapping.dirCid).to.equal(summary.dirCid);
    const store = await createFsStore({ path: path.join(cwd, ".mintkit", "ipfs") });
    try {
      for (const [i, token] of mapping.tokens.entries()) {
        const id = BigInt(i + 1);
        expect(token.tokenId).to.equal(id.toString());
        expect(token.file).to.equal(`${i + 1}.svg`);
        expect(token.txHash).to.be.oneOf(hashes);
        expect(await read<Address>(collection, "ownerOf", [id])).to.equal(getAddress(devAccount0.address));
        const uri = await read<string>(collection, "tokenURI", [id]);
        expect(uri).to.equal(`ipfs://${summary.dirCid}/${id}.json`);
        const meta = await readMetadata(store, summary.dirCid, id);
        expect(meta["name"]).to.equal(expectedName(i + 1));
        expect(meta["image"]).to.equal(`ipfs://${(await cidForBytes(readFileSync(path.join(folder, token.file)))).toString()}`);
      }
    } finally {
      await store.close?.();
    }
  }

  it("mints a folder with --json: one JSON summary on stdout, nothing else; status agrees", async () => {
    const collection = await deployCollection();
    const cwd = tempDir();
    const folder = makeMediaFolder(COUNT, path.join(cwd, "art"));
    const r = await cli(["--json", "batch", collection, "art", "--max-gas-per-tx", GAS_CAP], cwd);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stderr).to.equal("");
    const summary = r.json<BatchSummary>();
    expect(summary.tokenIds).to.have.length(COUNT);
    expect(existsSync(summary.mapping)).to.equal(true);
    await assertExactlyOnce(collection, cwd, folder, summary);

    // Without --json and without a TTY: progress lines on stderr, a readable summary on stdout.
    const again = await cli(["batch", collection, "art"], cwd);
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.match(/Batch already complete: 30 tokens \(#1\.\.#30\)/);
    const text = await cli(["batch", "status"], cwd);
    expect(text.stdout).to.match(/complete — 30\/30 tokens confirmed/);
    const byId = await cli(["--json", "batch", "status", summary.batchId], cwd);
    expect(byId.code, byId.stderr).to.equal(0);
    expect(byId.json<StatusJson>()).to.deep.include({ complete: true, journal: summary.journal });
  });

  it("takes the collection by its name in deployments/<chainId>.json (as recorded by `deploy collection`)", async () => {
    const cwd = tempDir();
    const deployed = await cli(["--json", "deploy", "collection", "Named Drop", "NDR"], cwd);
    expect(deployed.code, deployed.stderr).to.equal(0);
    const collection = getAddress(deployed.json<{ address: string }>().address);
    makeMediaFolder(3, path.join(cwd, "art"));
    const r = await cli(["--json", "batch", "Named Drop", "art"], cwd);
    expect(r.code, r.stderr).to.equal(0);
    expect(getAddress(r.json<BatchSummary>().collection)).to.equal(collection);
    expect(await read<bigint>(collection, "totalSupply")).to.equal(3n);
    const unknown = await cli(["--json", "batch", "No Such Drop", "art"], cwd);
    expect(unknown.code).to.equal(2);
    expect(unknown.errorJson().error.code).to.equal("CLI_CONTRACT_NOT_FOUND");
  });

  const crashPoints = [
    "after-plan",
    "after-sign:base-uri",
    "after-sign:2",
    "after-broadcast:3",
    "after-confirm:1",
    "torn-sign:2",
    "torn-confirm:3",
  ];
  for (const point of crashPoints) {
    it(`fault ${point}: killed with SIGKILL there, the same command resumes it`, async () => {
      const collection = await deployCollection();
      const cwd = tempDir();
      const folder = makeMediaFolder(COUNT, path.join(cwd, "art"));
      const args = ["batch", collection, "art", "--max-gas-per-tx", GAS_CAP];
      const killed = await cli(args, cwd, batchFaultEnv(point));
      expect(killed.signal, `${killed.stdout}\n${killed.stderr}`).to.equal("SIGKILL");
      const halfway = await status(cwd);
      expect(halfway.complete).to.equal(false);
      if (point.startsWith("torn")) expect(halfway.tornTail).to.equal(true);

      const resumed = await cli(["--json", ...args], cwd);
      expect(resumed.code, resumed.stderr).to.equal(0);
      const summary = resumed.json<BatchSummary>();
      expect(summary.resumed).to.equal(true);
      await assertExactlyOnce(collection, cwd, folder, summary);
    });
  }

  it("a real SIGKILL from outside while the batch runs, then resume", async () => {
    const collection = await deployCollection();
    const cwd = tempDir();
    const folder = makeMediaFolder(COUNT, path.join(cwd, "art"));
    // A low cap: many chunks, so the kill lands mid-batch.
    const args = ["--rpc-url", chain.rpcUrl, "batch", collection, "art", "--max-gas-per-tx", "95000"];
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("MINTKIT_")) env[k] = v;
    const child = spawn(process.execPath, [cliBin, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
        // Kill as soon as the first chunk is confirmed: the others are still to come.
        if (/\[chunk-1\] confirmed/.test(stderr)) child.kill("SIGKILL");
      });
      child.stdout.resume();
      child.on("close", (_code, sig) => resolve(sig));
    });
    expect(signal, stderr).to.equal("SIGKILL");
    const halfway = await status(cwd);
    expect(halfway.complete).to.equal(false);
    expect(halfway.tokens.confirmed).to.be.greaterThan(0);

    const resumed = await cli(["--json", "batch", collection, "art", "--max-gas-per-tx", "95000"], cwd);
    expect(resumed.code, resumed.stderr).to.equal(0);
    await assertExactlyOnce(collection, cwd, folder, resumed.json<BatchSummary>());
  });

  it("ids drift between the kill and the resume: BATCH_ID_DRIFT, nothing sent", async () => {
    const collection = await deployCollection();
    const cwd = tempDir();
    makeMediaFolder(6, path.join(cwd, "art"));
    const killed = await cli(["batch", collection, "art"], cwd, batchFaultEnv("after-confirm:base-uri"));
    expect(killed.signal).to.equal("SIGKILL");
    const hash = await wallet.writeContract({
      address: collection,
      abi: mintkitCollectionAbi,
      functionName: "mint",
      args: [devAccount0.address],
      account: devAccount0,
      chain: null,
    });
    await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    const r = await cli(["--json", "batch", collection, "art"], cwd);
    expect(r.code).to.not.equal(0);
    const { error } = errorOf(r);
    expect(error.code).to.equal("BATCH_ID_DRIFT");
    expect(error.hint).to.be.a("string");
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(2n);
    const s = await status(cwd);
    expect(s.steps.filter((st) => st.kind === "mint").every((st) => st.state === "planned")).to.equal(true);
  });

  it("bad input: every problem listed, non-zero exit, no journal, nothing sent", async () => {
    const collection = await deployCollection();
    const cwd = tempDir();
    const folder = makeMediaFolder(3, path.join(cwd, "art"));
    writeFileSync(path.join(folder, "4.png"), svg(4)); // mislabelled
    writeFileSync(path.join(folder, "5.svg"), svg(5));
    writeFileSync(path.join(folder, "5.json"), JSON.stringify({ attributes: [{ trait_type: "x", value: true }], image: "ipfs://x" }));
    const r = await cli(["--json", "batch", collection, "art"], cwd);
    expect(r.code).to.not.equal(0);
    const { error } = errorOf(r);
    expect(error.code).to.equal("BATCH_INPUT_INVALID");
    const problems = (error.details as { problems: { file: string; code: string }[] }).problems.map((p) => `${p.file}:${p.code}`);
    expect(problems).to.include.members(["4.png:MEDIA_MISLABELLED", "5.svg:attribute_value", "5.svg:ITEM_INVALID"]);
    expect(existsSync(path.join(cwd, ".mintkit", "batches"))).to.equal(false);
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(1n);

    const text = await cli(["batch", collection, "art"], cwd);
    expect(text.stderr).to.match(/4\.png is named as PNG but its bytes are SVG/);
    const badAddress = await cli(["--json", "batch", "0x1234", "art"], cwd);
    expect(badAddress.code).to.equal(2);
    expect(errorOf(badAddress).error.code).to.equal("CLI_INVALID_ADDRESS");
  });
});

/** The `--json` error object on stderr (printed indented, so parsed whole). */
function errorOf(r: CliRun): { error: { code: string; message: string; hint?: string; details?: unknown; exitCode: number } } {
  try {
    return JSON.parse(r.stderr) as ReturnType<typeof errorOf>;
  } catch {
    throw new Error(`stderr is not a JSON error (exit ${r.code}).\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
}
