import { expect } from "chai";
import { CarBlockIterator, CarReader } from "@ipld/car";
import { FsBlockstore } from "blockstore-fs";
import { mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from "node:fs/promises";
import type { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { getBlock } from "../../src/ipfs/blockBytes.js";
import { importFiles } from "../../src/ipfs/importFiles.js";
import { createFsStore, defaultFsStorePath } from "../../src/ipfs/stores/fsStore.js";
import { fromBlockstore } from "../../src/ipfs/stores/fromBlockstore.js";
import { createMemoryStore } from "../../src/ipfs/stores/memoryStore.js";
import { verifyRetrievable } from "../../src/ipfs/verifyRetrievable.js";
import { deterministicBytes } from "./helpers/deterministic.js";
import { countingStore } from "./helpers/stores.js";

const text = (s: string) => new TextEncoder().encode(s);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

async function packFiles(dir: string): Promise<string[]> {
  return (await readdir(join(dir, "packs"))).filter((n) => n.endsWith(".car")).sort().map((n) => join(dir, "packs", n));
}

/** Every block of every pack file, read with @ipld/car (a standard CAR reader). */
async function blocksOnDisk(dir: string): Promise<{ cid: CID; bytes: Uint8Array }[]> {
  const out: { cid: CID; bytes: Uint8Array }[] = [];
  for (const pack of await packFiles(dir)) {
    for await (const block of await CarBlockIterator.fromBytes(await readFile(pack))) out.push(block);
  }
  return out;
}

describe("ipfs: stores", () => {
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "mintkit-ipfs-"));
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  for (const kind of ["memory", "fs"] as const) {
    it(`${kind} store: put / get (streamed) / has, and IPFS_BLOCK_NOT_FOUND for a missing block`, async () => {
      const store = kind === "memory" ? createMemoryStore() : await createFsStore({ path: join(tmp, "basic") });
      const bytes = text("hello world");
      const cid = await cidForBytes(bytes, "kubo-v1");
      expect(await store.has(cid)).to.equal(false);
      const err = await rejection(getBlock(store, cid));
      expect(isIpfsError(err, "IPFS_BLOCK_NOT_FOUND")).to.equal(true);

      async function* pieces() {
        yield bytes.subarray(0, 3);
        yield bytes.subarray(3);
      }
      expect((await store.put(cid, pieces())).toString()).to.equal(cid.toString());
      expect(await store.has(cid)).to.equal(true);
      expect(new TextDecoder().decode(await getBlock(store, cid))).to.equal("hello world");
      // CIDv0 and CIDv1 of one dag-pb block are one block
      const memory = createMemoryStore();
      const { files } = await importFiles([{ path: "f", content: bytes }], { store: memory, profile: "kubo-v0" });
      const v0 = files[0]!.cid;
      expect(v0.version).to.equal(0);
      await store.put(v0, await getBlock(memory, v0));
      expect(await store.has(v0.toV1())).to.equal(true);
      await store.close?.();
      await store.close?.();
    });
  }

  it("fs store: the default data folder is .mintkit/ipfs under the working directory", async () => {
    expect(defaultFsStorePath).to.equal(".mintkit/ipfs");
    const previous = process.cwd();
    const cwd = await mkdtemp(join(tmp, "cwd-"));
    process.chdir(cwd);
    try {
      const store = await createFsStore();
      expect(store.path).to.equal(resolve(cwd, ".mintkit/ipfs"));
      expect(store.label).to.equal(`fs:${store.path}`);
      await store.close();
    } finally {
      process.chdir(previous);
    }
  });

  it("fs store: an import survives reopening, and importing again writes nothing", async () => {
    const path = join(tmp, "collection");
    const entries = Array.from({ length: 25 }, (_, i) => ({ path: `${i}.json`, content: text(`{"id":${i}}`) }));
    const firstStore = await createFsStore({ path });
    const first = countingStore(firstStore);
    const a = await importFiles(entries, { store: first, profile: "kubo-v0" });
    expect(first.puts).to.equal(26);
    await firstStore.close();
    // on disk: one pack file, a CAR that standard readers read, with the 26 blocks
    expect(await packFiles(path)).to.have.length(1);
    expect(await blocksOnDisk(path)).to.have.length(26);

    const reopenedStore = await createFsStore({ path });
    const reopened = countingStore(reopenedStore);
    const b = await importFiles(entries, { store: reopened, profile: "kubo-v0" });
    expect(b.root.toString()).to.equal(a.root.toString());
    expect(reopened.puts).to.equal(0);
    expect(b.blocks.written).to.equal(0);
    const report = await verifyRetrievable(b.root, reopened);
    expect(report).to.deep.include({ complete: true, blocks: 26 });
    await reopenedStore.close();
    expect(await packFiles(path)).to.have.length(1); // nothing written: no new pack
    expect(await blocksOnDisk(path)).to.have.length(26);
  });

  it("fs store: pack files are CARv1 files of CID-verified blocks, each block stored once", async () => {
    const path = join(tmp, "car-format");
    const store = await createFsStore({ path });
    const same = text("twice");
    const { root } = await importFiles(
      [
        { path: "a.txt", content: same },
        { path: "b/a.txt", content: same },
        { path: "big.bin", content: deterministicBytes(2_500_000, "mintkit-pack") },
      ],
      { store, profile: "kubo-v1" },
    );
    await store.close();
    const [pack] = await packFiles(path);
    const reader = await CarReader.fromBytes(await readFile(pack!));
    expect(await reader.getRoots()).to.deep.equal([]);
    const blocks = await blocksOnDisk(path);
    for (const block of blocks) {
      expect((await sha256.digest(block.bytes)).bytes).to.deep.equal(block.cid.multihash.bytes);
    }
    expect(new Set(blocks.map((b) => b.cid.toString())).size).to.equal(blocks.length);
    const memory = createMemoryStore();
    await importFiles([{ path: "a.txt", content: same }, { path: "b/a.txt", content: same }, { path: "big.bin", content: deterministicBytes(2_500_000, "mintkit-pack") }], { store: memory, profile: "kubo-v1" });
    expect(blocks).to.have.length(memory.size);
    const reopened = await createFsStore({ path });
    expect(await verifyRetrievable(root, reopened, { rehash: true })).to.deep.include({ complete: true });
    await reopened.close();
  });

  it("fs store: two stores on one folder (two processes) write their own packs and read each other's blocks", async () => {
    const path = join(tmp, "shared");
    const a = await createFsStore({ path });
    const b = await createFsStore({ path }); // opened before a writes anything
    const fromA = await importFiles([{ path: "a.json", content: text('{"a":1}') }], { store: a, profile: "kubo-v1" });
    const fromB = await importFiles([{ path: "b.json", content: text('{"b":1}') }], { store: b, profile: "kubo-v1" });
    expect(await packFiles(path)).to.have.length(2);
    // each finds the other's blocks (rescan on a miss)
    expect(new TextDecoder().decode(await getBlock(b, fromA.files[0]!.cid))).to.equal('{"a":1}');
    expect(await verifyRetrievable(fromB.root, a)).to.deep.include({ complete: true });
    await Promise.all([a.close(), b.close()]);
  });

  it("fs store: a block record cut short (crash while writing) is ignored, and importing again writes only it", async () => {
    const path = join(tmp, "crash");
    const entries = Array.from({ length: 10 }, (_, i) => ({ path: `${i}.json`, content: text(`{"id":${i}}`) }));
    const store = await createFsStore({ path });
    const first = await importFiles(entries, { store, profile: "kubo-v1" });
    await store.close();
    // the last record loses its last 3 bytes, as if the process died in the middle of the write
    const [pack] = await packFiles(path);
    await truncate(pack!, (await stat(pack!)).size - 3);
    expect(await blocksOnDisk(path).catch(() => "unreadable")).to.equal("unreadable"); // not a valid CAR any more

    const reopenedStore = await createFsStore({ path });
    const reopened = countingStore(reopenedStore);
    const report = await verifyRetrievable(first.root, reopened, { throwIfIncomplete: false });
    expect(report.missing).to.have.length(1);
    const again = await importFiles(entries, { store: reopened, profile: "kubo-v1" });
    expect(again.root.toString()).to.equal(first.root.toString());
    expect(reopened.puts).to.equal(1);
    expect(await verifyRetrievable(first.root, reopened)).to.deep.include({ complete: true });
    expect(await packFiles(path)).to.have.length(2); // the cut pack is never appended to again
    await reopenedStore.close();
  });

  it("fs store: blocks in the one-file-per-block layout of earlier versions stay readable", async () => {
    const path = join(tmp, "legacy");
    const legacy = new FsBlockstore(path);
    await legacy.open();
    const old = fromBlockstore(legacy, { label: "legacy" });
    const entries = [{ path: "1.json", content: text('{"id":1}') }, { path: "2.json", content: text('{"id":2}') }];
    const { root } = await importFiles(entries, { store: old, profile: "kubo-v0" });

    const fsStore = await createFsStore({ path });
    const store = countingStore(fsStore);
    expect(await verifyRetrievable(root, store)).to.deep.include({ complete: true, blocks: 3 });
    const again = await importFiles(entries, { store, profile: "kubo-v0" });
    expect(again.root.toString()).to.equal(root.toString());
    expect(store.puts).to.equal(0);
    await fsStore.close();
  });

  it("fs store: put after close fails with IPFS_STORE_FAILED", async () => {
    const store = await createFsStore({ path: join(tmp, "closed") });
    await store.close();
    const cid = await cidForBytes(text("late"), "kubo-v1");
    const err = await rejection(store.put(cid, text("late")));
    expect(isIpfsError(err, "IPFS_STORE_FAILED")).to.equal(true);
  });

  it("fs store: a folder that cannot be created fails with IPFS_STORE_FAILED", async () => {
    const file = join(tmp, "not-a-folder");
    await writeFile(file, "x");
    const err = await rejection(createFsStore({ path: join(file, "ipfs") }));
    expect(isIpfsError(err, "IPFS_STORE_FAILED")).to.equal(true);
    expect((err as Error).message).to.contain("writable");
  });
});
