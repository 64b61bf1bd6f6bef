import { expect } from "chai";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { network } from "hardhat";
import { getAddress, keccak256, toHex, zeroHash } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { mintkitCollectionAbi } from "../../src/contracts/mintkitCollection.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { createFsStore } from "../../src/ipfs/stores/fsStore.js";
import { readBatchStatus } from "../../src/batch/batchStatus.js";
import { runBatch, type RunBatchOptions } from "../../src/batch/runBatch.js";
import type { BatchMapping, BatchSummary } from "../../src/batch/types.js";
import { isBatchError } from "../../src/errors/BatchError.js";
import { DEV_KEY_1, devAccount0, emptyCollectionConfig, expectedName, makeMediaFolder, readDirFile, readMetadata, svg, tempDir, withBatchFaults } from "./helpers.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const [ownerWallet, otherWallet] = await viem.getWalletClients();
const owner = ownerWallet!.account.address;

/** A gas cap that splits 30 tokens into several chunks. */
const SMALL_GAS_CAP = 110_000n;

async function deployCollection(overrides: Record<string, unknown> = {}) {
  const c = await viem.deployContract("MintkitCollection", [emptyCollectionConfig(owner, overrides)]);
  return c.address;
}

async function read<T>(address: `0x${string}`, functionName: string, args: readonly unknown[] = []): Promise<T> {
  return (await publicClient.readContract({ address, abi: mintkitCollectionAbi, functionName: functionName as "nextTokenId", args: args as [] })) as T;
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.fail("expected an error"),
    (e: unknown) => e,
  );
}

function baseOptions(collection: `0x${string}`, input: string, dataDir: string): RunBatchOptions {
  return { client: publicClient, account: devAccount0, collection, input, dataDir, maxGasPerTransaction: SMALL_GAS_CAP };
}

/** Everything a finished batch must satisfy on chain, in the store, the journal and the mapping. */
async function assertMintedExactlyOnce(collection: `0x${string}`, summary: BatchSummary, dataDir: string, count: number) {
  expect(await read<bigint>(collection, "totalSupply")).to.equal(BigInt(count));
  expect(await read<bigint>(collection, "nextTokenId")).to.equal(BigInt(count) + 1n);
  expect(summary.tokenIds).to.deep.equal(Array.from({ length: count }, (_, i) => String(i + 1)));

  const status = readBatchStatus(summary.journal);
  expect(status.complete).to.equal(true);
  expect(status.tokens.confirmed).to.equal(count);
  // One mined transaction per chunk, all distinct, each minting exactly its planned ids.
  const hashes = status.steps.map((s) => s.confirmed?.hash ?? s.state);
  expect(new Set(hashes).size).to.equal(hashes.length);
  for (const s of status.steps) {
    expect(s.state).to.be.oneOf(["confirmed", "settled"]);
    if (s.step.kind !== "mint") continue;
    const first = BigInt(s.step.firstId);
    expect(s.confirmed?.tokenIds).to.deep.equal(Array.from({ length: s.step.count }, (_, i) => String(first + BigInt(i))));
    const receipt = await publicClient.getTransactionReceipt({ hash: s.confirmed!.hash });
    expect(receipt.status).to.equal("success");
  }

  const mapping = JSON.parse(readFileSync(summary.mapping, "utf8")) as BatchMapping;
  expect(mapping.complete).to.equal(true);
  expect(mapping.dirCid).to.equal(status.plan.dirCid);
  const store = await createFsStore({ path: path.join(dataDir, "ipfs") });
  try {
    for (const [i, token] of mapping.tokens.entries()) {
      const planned = status.plan.items[i]!;
      expect(token.tokenId).to.equal(planned.tokenId);
      expect(token.file).to.equal(planned.file);
      expect(token.status).to.equal("minted");
      const id = BigInt(token.tokenId);
      expect(await read<string>(collection, "ownerOf", [id])).to.equal(getAddress(summary.to));
      const uri = await read<string>(collection, "tokenURI", [id]);
      expect(uri).to.equal(`ipfs://${summary.dirCid}/${id}.json`);
      expect(uri).to.equal(token.tokenURI);
      // The token's metadata names its file and points at that file's bytes.
      const meta = await readMetadata(store, summary.dirCid, id);
      const fileBytes = readFileSync(path.join(status.plan.input.path, token.file));
      expect(meta["image"]).to.equal(`ipfs://${(await cidForBytes(fileBytes)).toString()}`);
      expect(meta["image"]).to.equal(token.media);
      expect(meta["name"]).to.equal(token.name);
      expect(Buffer.from(await readDirFile(store, summary.dirCid, planned.mediaPath)).equals(fileBytes)).to.equal(true);
    }
  } finally {
    await store.close?.();
  }
}

describe("batch engine (runBatch) on the in-process chain and the embedded store", () => {
  it("mints a 30-item folder in several chunks: base URI set, every token ↔ file, journal and mapping agree", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(30);
    const dataDir = tempDir();
    const events: string[] = [];
    const summary = await runBatch({ ...baseOptions(collection, folder, dataDir), onEvent: (e) => events.push(e.type) });

    const status = readBatchStatus(summary.journal);
    expect(status.plan.steps[0]?.kind).to.equal("setBaseURI");
    const chunks = status.plan.steps.filter((s) => s.kind === "mint");
    expect(chunks.length).to.be.greaterThan(2);
    expect(await read<string>(collection, "baseURI")).to.equal(`ipfs://${summary.dirCid}/`);
    expect(summary.resumed).to.equal(false);
    expect(summary.transactions.length).to.equal(chunks.length + 1);
    expect(BigInt(summary.gasUsed) > 0n).to.equal(true);
    expect(events).to.include.members(["validated", "imported", "planned", "step", "complete"]);
    expect(path.dirname(summary.journal)).to.equal(path.resolve(dataDir, "batches"));
    await assertMintedExactlyOnce(collection, summary, dataDir, 30);

    // Natural order: 2.svg is item 2 (token 2), 10.svg token 10; sidecar names used.
    const mapping = JSON.parse(readFileSync(summary.mapping, "utf8")) as BatchMapping;
    expect(mapping.tokens.map((t) => t.file).slice(0, 11)).to.deep.equal(["1.svg", "2.svg", "3.svg", "4.svg", "5.svg", "6.svg", "7.svg", "8.svg", "9.svg", "10.svg", "11.svg"]);
    expect(mapping.tokens.map((t) => t.name)).to.deep.equal(Array.from({ length: 30 }, (_, i) => expectedName(i + 1)));
    const store = await createFsStore({ path: path.join(dataDir, "ipfs") });
    expect((await readMetadata(store, summary.dirCid, 3n))["attributes"]).to.deep.equal([{ trait_type: "Index", value: 3 }]);
    await store.close?.();
  });

  describe("resume after a crash (faults in throw mode: the journal is left exactly as by kill -9)", () => {
    const points = [
      "after-plan",
      "after-sign:base-uri",
      "after-broadcast:base-uri",
      "after-sign:2",
      "after-broadcast:2",
      "after-confirm:1",
      "torn-sign:3",
      "torn-confirm:2",
      "torn-confirm:base-uri",
    ];
    for (const point of points) {
      it(`${point}: the second run finishes, every token minted once, no chunk signed twice`, async () => {
        const collection = await deployCollection();
        const folder = makeMediaFolder(12);
        const dataDir = tempDir();
        const options = { ...baseOptions(collection, folder, dataDir), maxGasPerTransaction: 90_000n };
        const err = await caught(withBatchFaults(point, () => runBatch(options)));
        expect(isBatchError(err, "BATCH_FAULT_INJECTED"), String(err)).to.equal(true);

        const journal = readdirSync(path.join(dataDir, "batches")).find((f) => f.endsWith(".jsonl"))!;
        const before = readBatchStatus(path.join(dataDir, "batches", journal));
        expect(before.complete).to.equal(false);
        if (point.startsWith("torn")) expect(before.tornTail).to.equal(true);
        const nextBefore = await read<bigint>(collection, "nextTokenId");

        const summary = await runBatch(options);
        expect(summary.resumed).to.equal(true);
        await assertMintedExactlyOnce(collection, summary, dataDir, 12);
        const after = readBatchStatus(summary.journal);
        expect(after.tornTail).to.equal(false);
        // The same signed bytes were used: one signature per step.
        for (const s of after.steps) expect(s.attempts, s.step.key).to.be.at.most(1);
        // A chunk mined before the crash was not minted again.
        const chunksBefore = before.steps.filter((s) => s.step.kind === "mint" && s.state === "confirmed").length;
        expect(Number(nextBefore - 1n)).to.be.at.least(chunksBefore);
      });
    }
  });

  it("running a finished batch again does nothing and says so", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(5);
    const dataDir = tempDir();
    const first = await runBatch(baseOptions(collection, folder, dataDir));
    const again = await runBatch(baseOptions(collection, folder, dataDir));
    expect(again.alreadyComplete).to.equal(true);
    expect(again.tokenIds).to.deep.equal(first.tokenIds);
    expect(await read<bigint>(collection, "totalSupply")).to.equal(5n);
  });

  it("id drift: another mint between plan and chunk → BATCH_ID_DRIFT, nothing sent", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    await caught(withBatchFaults("after-confirm:base-uri", () => runBatch(baseOptions(collection, folder, dataDir))));
    // Someone else mints on the collection.
    await otherWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [otherWallet!.account.address], account: ownerWallet!.account });
    const next = await read<bigint>(collection, "nextTokenId");
    const err = await caught(runBatch(baseOptions(collection, folder, dataDir)));
    expect(isBatchError(err, "BATCH_ID_DRIFT"), String(err)).to.equal(true);
    expect((err as { details: { expectedNextTokenId: string; actualNextTokenId: string } }).details).to.deep.include({ expectedNextTokenId: "1", actualNextTokenId: "2" });
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(next);
    const journal = readdirSync(path.join(dataDir, "batches")).find((f) => f.endsWith(".jsonl"))!;
    const status = readBatchStatus(path.join(dataDir, "batches", journal));
    expect(status.steps.filter((s) => s.step.kind === "mint").every((s) => s.state === "planned")).to.equal(true);
  });

  it("a journaled tx whose nonce went to another tx is signed afresh when nothing of it happened", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    await caught(withBatchFaults("after-sign:1", () => runBatch(baseOptions(collection, folder, dataDir))));
    // The same account sends something else with that nonce (a plain transfer).
    await ownerWallet!.sendTransaction({ to: otherWallet!.account.address, value: 1n });
    const summary = await runBatch(baseOptions(collection, folder, dataDir));
    await assertMintedExactlyOnce(collection, summary, dataDir, 6);
    const status = readBatchStatus(summary.journal);
    expect(status.steps.find((s) => s.step.key === "chunk-1")?.attempts).to.equal(2);
  });

  it("a broadcast tx still in the pool on resume: the same bytes are re-sent, it confirms once", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    await caught(withBatchFaults("after-confirm:base-uri", () => runBatch(baseOptions(collection, folder, dataDir))));
    const automine = (on: boolean) => publicClient.request({ method: "evm_setAutomine", params: [on] } as never);
    await automine(false);
    try {
      await caught(withBatchFaults("after-broadcast:1", () => runBatch(baseOptions(collection, folder, dataDir))));
      expect(await read<bigint>(collection, "nextTokenId")).to.equal(1n); // in the pool, not mined
      const timer = setTimeout(() => {
        void automine(true).then(() => publicClient.request({ method: "evm_mine", params: [] } as never));
      }, 600);
      const summary = await runBatch(baseOptions(collection, folder, dataDir));
      clearTimeout(timer);
      await assertMintedExactlyOnce(collection, summary, dataDir, 6);
      expect(readBatchStatus(summary.journal).steps.every((st) => st.attempts <= 1)).to.equal(true);
    } finally {
      await automine(true);
    }
  });

  it("a new batch while the account has a transaction in the pool → BATCH_PENDING_TRANSACTIONS, nothing written; once mined it runs", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(3);
    const dataDir = tempDir();
    const automine = (on: boolean) => publicClient.request({ method: "evm_setAutomine", params: [on] } as never);
    await automine(false);
    try {
      // Stands for a killed run's chunk still in the mempool.
      await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [owner] });
      const latest = await publicClient.getTransactionCount({ address: owner, blockTag: "latest" });
      const err = await caught(runBatch(baseOptions(collection, folder, dataDir)));
      expect(isBatchError(err, "BATCH_PENDING_TRANSACTIONS"), String(err)).to.equal(true);
      expect((err as { details: unknown }).details).to.deep.equal({ account: getAddress(owner), latestNonce: latest, pendingNonce: latest + 1 });
      expect((err as { hint: string }).hint).to.match(/mined/).and.to.match(/resume/);
      expect(readdirSync(path.join(dataDir, "batches"))).to.deep.equal([]);
      expect(existsSync(path.join(dataDir, "ipfs"))).to.equal(false);
      await publicClient.request({ method: "evm_mine", params: [] } as never);
    } finally {
      await automine(true);
    }
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(2n);
    const summary = await runBatch(baseOptions(collection, folder, dataDir));
    expect(summary.tokenIds).to.deep.equal(["2", "3", "4"]);
  });

  it("a journaled tx that reverts: journaled as reverted, BATCH_TX_REVERTED; the next run re-checks and signs afresh", async () => {
    const collection = await deployCollection();
    // The batch runs as a second admin + minter, so that the owner's transactions leave its nonces alone.
    const minter = privateKeyToAccount(DEV_KEY_1);
    for (const role of [zeroHash, keccak256(toHex("MINTER_ROLE"))]) {
      await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "grantRole", args: [role, minter.address] });
    }
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    const options = { ...baseOptions(collection, folder, dataDir), account: minter };
    await caught(withBatchFaults("after-sign:1", () => runBatch(options)));
    // The cap drops under the chunk after it was signed: the journaled bytes revert when re-sent.
    await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "setMaxSupply", args: [1n] });
    const reverted = await caught(runBatch(options));
    expect(isBatchError(reverted, "BATCH_TX_REVERTED"), String(reverted)).to.equal(true);
    // Simulated afresh: the revert reason, typed, nothing sent.
    const refused = await caught(runBatch(options));
    expect((refused as { code?: string }).code, String(refused)).to.equal("GAS_MAX_SUPPLY_EXCEEDED");
    await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "setMaxSupply", args: [0n] });
    const summary = await runBatch(options);
    await assertMintedExactlyOnce(collection, summary, dataDir, 6);
    expect(readBatchStatus(summary.journal).steps.find((st) => st.step.key === "chunk-1")?.attempts).to.equal(2);
  });

  it("another mint mined just before a chunk: the chunk's mintBatch reverts UnexpectedNextTokenId, nothing minted twice", async () => {
    const collection = await deployCollection();
    const minter = privateKeyToAccount(DEV_KEY_1);
    for (const role of [zeroHash, keccak256(toHex("MINTER_ROLE"))]) {
      await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "grantRole", args: [role, minter.address] });
    }
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    const options = { ...baseOptions(collection, folder, dataDir), account: minter };
    await caught(withBatchFaults("after-confirm:base-uri", () => runBatch(options)));
    const automine = (on: boolean) => publicClient.request({ method: "evm_setAutomine", params: [on] } as never);
    await automine(false);
    try {
      await caught(withBatchFaults("after-broadcast:1", () => runBatch(options)));
      // The owner's mint pays a higher tip, so the block puts it first.
      await ownerWallet!.writeContract({
        address: collection,
        abi: mintkitCollectionAbi,
        functionName: "mint",
        args: [owner],
        maxPriorityFeePerGas: 50_000_000_000n,
        maxFeePerGas: 100_000_000_000n,
      });
      await publicClient.request({ method: "evm_mine", params: [] } as never);
    } finally {
      await automine(true);
    }
    // The chunk named its expected first id (1): the owner's mint took it, so the chunk reverted on
    // chain instead of minting ids 2.. that the plan never meant.
    const err = await caught(runBatch(options));
    expect(isBatchError(err, "BATCH_TX_REVERTED"), String(err)).to.equal(true);
    expect(await read<string>(collection, "ownerOf", [1n])).to.equal(getAddress(owner));
    expect(await read<bigint>(collection, "totalSupply")).to.equal(1n);
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(2n);
  });

  it("a journaled tx whose nonce went to a mint → BATCH_NONCE_CONSUMED, refuses to guess", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(6);
    const dataDir = tempDir();
    await caught(withBatchFaults("after-sign:1", () => runBatch(baseOptions(collection, folder, dataDir))));
    await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mintBatch", args: [owner, 2n, await read<bigint>(collection, "nextTokenId")] });
    const supply = await read<bigint>(collection, "totalSupply");
    const err = await caught(runBatch(baseOptions(collection, folder, dataDir)));
    expect(isBatchError(err, "BATCH_NONCE_CONSUMED"), String(err)).to.equal(true);
    expect(await read<bigint>(collection, "totalSupply")).to.equal(supply);
  });

  it("bad input: every problem of every item in one BATCH_INPUT_INVALID; no journal, no store, nothing sent", async () => {
    const collection = await deployCollection();
    const dir = path.join(tempDir(), "bad");
    makeMediaFolder(2, dir);
    const { writeFileSync, copyFileSync } = await import("node:fs");
    writeFileSync(path.join(dir, "3.png"), svg(3)); // SVG bytes named .png: mislabelled
    writeFileSync(path.join(dir, "4.txt"), "just text\n"); // not media (and mislabelled)
    writeFileSync(path.join(dir, "5.svg"), svg(5) + "<!--" + "x".repeat(200_000) + "-->"); // over the limit below
    writeFileSync(path.join(dir, "6.svg"), svg(6));
    writeFileSync(path.join(dir, "6.json"), JSON.stringify({ name: 42, attributes: [{ trait_type: "Rare", value: true }] }));
    writeFileSync(path.join(dir, "7.svg"), "");
    copyFileSync(path.resolve("test/fixtures/media/clip.mp4"), path.join(dir, "8.mp4")); // video without poster
    writeFileSync(path.join(dir, "orphan.json"), "{}");
    const dataDir = tempDir();
    const err = await caught(runBatch({ ...baseOptions(collection, dir, dataDir), maxMediaSize: 100_000 }));
    expect(isBatchError(err, "BATCH_INPUT_INVALID"), String(err)).to.equal(true);
    const problems = (err as { details: { problems: { file?: string; code: string; path?: string }[] } }).details.problems;
    const codes = problems.map((p) => `${p.file}:${p.code}${p.path ? `@${p.path}` : ""}`);
    expect(codes).to.include.members([
      "3.png:MEDIA_MISLABELLED",
      "5.svg:MEDIA_TOO_LARGE",
      "6.svg:wrong_type@name",
      "6.svg:attribute_value@attributes[0].value",
      "7.svg:MEDIA_EMPTY",
      "8.mp4:MEDIA_POSTER_REQUIRED",
      "orphan.json:SIDECAR_ORPHAN",
    ]);
    expect(codes.some((c) => c.startsWith("4.txt:MEDIA_"))).to.equal(true);
    expect(existsSync(path.join(dataDir, "batches"))).to.equal(false);
    expect(existsSync(path.join(dataDir, "ipfs"))).to.equal(false);
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(1n);
  });

  it("a manifest with a missing file and an invalid item reports both; nothing written", async () => {
    const collection = await deployCollection();
    const dir = tempDir();
    const { writeFileSync, copyFileSync } = await import("node:fs");
    copyFileSync(path.resolve("test/fixtures/media/pixel.png"), path.join(dir, "a.png"));
    writeFileSync(
      path.join(dir, "manifest.json"),
      JSON.stringify({ items: [{ file: "a.png", name: "A" }, { file: "missing.png", name: "M" }, { name: "no file" }] }),
    );
    const dataDir = tempDir();
    const err = await caught(runBatch(baseOptions(collection, path.join(dir, "manifest.json"), dataDir)));
    expect(isBatchError(err, "BATCH_INPUT_INVALID"), String(err)).to.equal(true);
    const problems = (err as { details: { problems: { item: number; code: string }[] } }).details.problems;
    expect(problems.map((p) => `${p.item}:${p.code}`)).to.have.members(["1:FILE_MISSING", "2:ITEM_INVALID"]);
    expect(existsSync(path.join(dataDir, "batches"))).to.equal(false);
  });

  it("a manifest with a video and its poster: animation_url is the video, image the poster", async () => {
    const collection = await deployCollection();
    const dir = tempDir();
    const { writeFileSync, copyFileSync } = await import("node:fs");
    copyFileSync(path.resolve("test/fixtures/media/clip.mp4"), path.join(dir, "clip.mp4"));
    copyFileSync(path.resolve("test/fixtures/media/pixel.png"), path.join(dir, "poster.png"));
    copyFileSync(path.resolve("test/fixtures/media/pixel.gif"), path.join(dir, "still.gif"));
    writeFileSync(
      path.join(dir, "manifest.json"),
      JSON.stringify([
        { file: "clip.mp4", poster: "poster.png", name: "Clip", attributes: { Length: "1s" }, external_url: "https://example.com/clip" },
        { file: "still.gif", name: "Still", description: "A still" },
      ]),
    );
    const dataDir = tempDir();
    const summary = await runBatch(baseOptions(collection, path.join(dir, "manifest.json"), dataDir));
    const store = await createFsStore({ path: path.join(dataDir, "ipfs") });
    const clip = await readMetadata(store, summary.dirCid, 1n);
    expect(clip["animation_url"]).to.equal(`ipfs://${(await cidForBytes(readFileSync(path.join(dir, "clip.mp4")))).toString()}`);
    expect(clip["image"]).to.equal(`ipfs://${(await cidForBytes(readFileSync(path.join(dir, "poster.png")))).toString()}`);
    expect(clip["external_url"]).to.equal("https://example.com/clip");
    expect(clip["attributes"]).to.deep.equal([{ trait_type: "Length", value: "1s" }]);
    expect((await readMetadata(store, summary.dirCid, 2n))["description"]).to.equal("A still");
    await store.close?.();
    expect(await read<bigint>(collection, "totalSupply")).to.equal(2n);
  });

  it("base URI conflict: a collection with tokens under another base URI → typed error, nothing sent, no journal", async () => {
    const collection = await deployCollection({ baseURI: "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku/" });
    await ownerWallet!.writeContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [owner] });
    const dataDir = tempDir();
    const err = await caught(runBatch(baseOptions(collection, makeMediaFolder(3), dataDir)));
    expect(isBatchError(err, "BATCH_BASE_URI_CONFLICT"), String(err)).to.equal(true);
    expect((err as { hint: string }).hint).to.match(/new collection/);
    expect(await read<bigint>(collection, "nextTokenId")).to.equal(2n);
    expect(readdirSync(path.join(dataDir, "batches"))).to.deep.equal([]);
  });

  it("appends to a collection whose base URI is already the batch directory (no setBaseURI step)", async () => {
    const folder = makeMediaFolder(4);
    const first = await runBatch(baseOptions(await deployCollection(), folder, tempDir()));
    const collection = await deployCollection({ baseURI: first.baseUri });
    const summary = await runBatch(baseOptions(collection, folder, tempDir()));
    expect(summary.dirCid).to.equal(first.dirCid);
    expect(readBatchStatus(summary.journal).plan.steps.some((s) => s.kind === "setBaseURI")).to.equal(false);
  });

  it("changed input on resume → BATCH_INPUT_CHANGED naming the item; a live lock → BATCH_JOURNAL_LOCKED", async () => {
    const collection = await deployCollection();
    const folder = makeMediaFolder(4);
    const dataDir = tempDir();
    await caught(withBatchFaults("after-plan", () => runBatch(baseOptions(collection, folder, dataDir))));
    const { writeFileSync } = await import("node:fs");
    const original = readFileSync(path.join(folder, "2.svg"));
    writeFileSync(path.join(folder, "2.svg"), svg(222));
    const err = await caught(runBatch(baseOptions(collection, folder, dataDir)));
    expect(isBatchError(err, "BATCH_INPUT_CHANGED"), String(err)).to.equal(true);
    expect((err as { details: { changed: { file: string; reason: string }[] } }).details.changed).to.deep.equal([
      { item: 1, file: "2.svg", reason: "content changed" },
    ]);
    writeFileSync(path.join(folder, "2.svg"), original);

    const journal = readdirSync(path.join(dataDir, "batches")).find((f) => f.endsWith(".jsonl"))!;
    writeFileSync(path.join(dataDir, "batches", `${journal}.lock`), `${process.ppid}\n`);
    const locked = await caught(runBatch(baseOptions(collection, folder, dataDir)));
    expect(isBatchError(locked, "BATCH_JOURNAL_LOCKED"), String(locked)).to.equal(true);
    // A lock left by a dead process (kill -9) is taken over.
    writeFileSync(path.join(dataDir, "batches", `${journal}.lock`), "999999999\n");
    const summary = await runBatch(baseOptions(collection, folder, dataDir));
    await assertMintedExactlyOnce(collection, summary, dataDir, 4);
  });
});
