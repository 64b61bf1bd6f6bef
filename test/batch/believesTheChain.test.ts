import { expect } from "chai";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { network } from "hardhat";
import { mintkitCollectionAbi } from "../../src/contracts/mintkitCollection.js";
import { runBatch, type RunBatchOptions } from "../../src/batch/runBatch.js";
import { isBatchError } from "../../src/errors/BatchError.js";
import { devAccount0, emptyCollectionConfig, makeMediaFolder, tempDir } from "./helpers.js";

/**
 * A batch believes the chain, not its journal: a journal whose chain state is gone is stale (never
 * "complete"), --restart starts over on the new state, and two runs on one collection mint exactly N.
 */
const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const [ownerWallet] = await viem.getWalletClients();
const owner = ownerWallet!.account.address;

async function deployCollection(): Promise<`0x${string}`> {
  return (await viem.deployContract("MintkitCollection", [emptyCollectionConfig(owner)])).address;
}

async function totalSupply(collection: `0x${string}`): Promise<bigint> {
  return publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "totalSupply" });
}

function options(collection: `0x${string}`, input: string, dataDir: string, extra: Partial<RunBatchOptions> = {}): RunBatchOptions {
  return { client: publicClient, account: devAccount0, collection, input, dataDir, maxGasPerTransaction: 400_000n, ...extra };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail("expected an error"),
    (e: unknown) => e,
  );
}

describe("batch: believes the chain (stale journals, --restart, one batch per collection)", function () {
  this.timeout(120_000);

  it("dev chain restarted + collection redeployed at the same address: stale, never 'complete'; --restart mints on the new state", async () => {
    const snapshot = (await publicClient.request({ method: "evm_snapshot" as "eth_chainId" })) as unknown as string;
    const collection = await deployCollection();
    const folder = makeMediaFolder(5);
    const dataDir = tempDir();
    const first = await runBatch(options(collection, folder, dataDir));
    expect(first.tokenIds).to.have.length(5);

    // "Restart the dev chain": back to before the deploy, then the same deploy (same account, same nonce → same address).
    await publicClient.request({ method: "evm_revert" as "eth_chainId", params: [snapshot] as unknown as undefined });
    const again = await deployCollection();
    expect(again).to.equal(collection);
    expect(await totalSupply(collection)).to.equal(0n);

    const err = await caught(runBatch(options(collection, folder, dataDir)));
    expect(isBatchError(err, "BATCH_JOURNAL_STALE"), String(err)).to.equal(true);
    if (!isBatchError(err, "BATCH_JOURNAL_STALE")) return;
    expect(err.details?.check).to.be.oneOf(["transaction", "owner", "nextTokenId"]);
    expect(err.message).to.contain("--restart");
    expect(await totalSupply(collection)).to.equal(0n);

    const restarted = await runBatch(options(collection, folder, dataDir, { restart: true }));
    expect(restarted.alreadyComplete).to.equal(false);
    expect(restarted.tokenIds).to.deep.equal(["1", "2", "3", "4", "5"]);
    expect(await totalSupply(collection)).to.equal(5n);
    const kept = readdirSync(path.dirname(restarted.journal)).filter((f) => f.includes(".stale-"));
    expect(kept).to.have.length(1);

    // The new journal matches the chain: --restart is refused, a plain re-run says complete.
    const refused = await caught(runBatch(options(collection, folder, dataDir, { restart: true })));
    expect(isBatchError(refused, "BATCH_RESTART_REFUSED")).to.equal(true);
    const done = await runBatch(options(collection, folder, dataDir));
    expect(done.alreadyComplete).to.equal(true);
  });

  it("a collection whose code is gone (another chain / not deployed): stale naming the check", async () => {
    const snapshot = (await publicClient.request({ method: "evm_snapshot" as "eth_chainId" })) as unknown as string;
    const collection = await deployCollection();
    const folder = makeMediaFolder(3);
    const dataDir = tempDir();
    await runBatch(options(collection, folder, dataDir));
    await publicClient.request({ method: "evm_revert" as "eth_chainId", params: [snapshot] as unknown as undefined });
    const err = await caught(runBatch(options(collection, folder, dataDir)));
    expect(isBatchError(err, "BATCH_JOURNAL_STALE")).to.equal(true);
    if (isBatchError(err, "BATCH_JOURNAL_STALE")) expect(err.details?.check).to.equal("code");
  });

  it("two runs with two journals on one collection at the same time: exactly N tokens (the collection lock)", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    const results = await Promise.allSettled([
      runBatch(options(collection, folder, dataDir, { journal: path.join(dataDir, "a.jsonl") })),
      runBatch(options(collection, folder, dataDir, { journal: path.join(dataDir, "b.jsonl") })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).to.have.length(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isBatchError(rejected.reason, "BATCH_COLLECTION_LOCKED"), String(rejected.reason)).to.equal(true);
    expect(await totalSupply(collection)).to.equal(6n);
    // the lock is released afterwards
    expect(readdirSync(path.join(dataDir, "batches")).filter((f) => f.endsWith(".lock"))).to.deep.equal([]);
  });

  it("two runs from two data folders (no shared lock) at the same time: still exactly N (expected first id on chain)", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(6);
    const results = await Promise.allSettled([runBatch(options(collection, folder, tempDir())), runBatch(options(collection, folder, tempDir()))]);
    expect(results.filter((r) => r.status === "fulfilled").length).to.be.at.most(1);
    expect(await totalSupply(collection)).to.equal(6n);
    // the loser stopped with an error (drift, a revert of the expected-first-id check, or its nonce taken)
    for (const r of results) if (r.status === "rejected") expect(r.reason).to.be.instanceOf(Error);
    expect(existsSync(folder)).to.equal(true);
  });
});
