import { expect } from "chai";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { getBlock } from "../../src/ipfs/blockBytes.js";
import { importFiles } from "../../src/ipfs/importFiles.js";
import { createFsStore, defaultFsStorePath } from "../../src/ipfs/stores/fsStore.js";
import { createMemoryStore } from "../../src/ipfs/stores/memoryStore.js";
import { verifyRetrievable } from "../../src/ipfs/verifyRetrievable.js";
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

async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  return n;
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
    } finally {
      process.chdir(previous);
    }
  });

  it("fs store: an import survives reopening, and importing again writes nothing", async () => {
    const path = join(tmp, "collection");
    const entries = Array.from({ length: 25 }, (_, i) => ({ path: `${i}.json`, content: text(`{"id":${i}}`) }));
    const first = countingStore(await createFsStore({ path }));
    const a = await importFiles(entries, { store: first, profile: "kubo-v0" });
    expect(first.puts).to.equal(26);
    expect(await countFiles(path)).to.equal(26);

    const reopened = countingStore(await createFsStore({ path }));
    const b = await importFiles(entries, { store: reopened, profile: "kubo-v0" });
    expect(b.root.toString()).to.equal(a.root.toString());
    expect(reopened.puts).to.equal(0);
    expect(b.blocks.written).to.equal(0);
    expect(await countFiles(path)).to.equal(26);
    const report = await verifyRetrievable(b.root, reopened);
    expect(report).to.deep.include({ complete: true, blocks: 26 });
  });

  it("fs store: a folder that cannot be created fails with IPFS_STORE_FAILED", async () => {
    const file = join(tmp, "not-a-folder");
    await writeFile(file, "x");
    const err = await rejection(createFsStore({ path: join(file, "ipfs") }));
    expect(isIpfsError(err, "IPFS_STORE_FAILED")).to.equal(true);
    expect((err as Error).message).to.contain("writable");
  });
});
