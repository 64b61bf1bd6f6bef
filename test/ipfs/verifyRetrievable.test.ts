import { expect } from "chai";
import type { CID } from "multiformats/cid";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { importFiles } from "../../src/ipfs/importFiles.js";
import { createMemoryStore } from "../../src/ipfs/stores/memoryStore.js";
import { verifyRetrievable } from "../../src/ipfs/verifyRetrievable.js";
import { deterministicBytes, deterministicNames } from "./helpers/deterministic.js";
import { storeWithCorrupt, storeWithout } from "./helpers/stores.js";

const text = (s: string) => new TextEncoder().encode(s);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("ipfs: verifyRetrievable", () => {
  async function collection() {
    const store = createMemoryStore();
    const result = await importFiles(
      [
        { path: "1.json", content: text('{"id":1}') },
        { path: "media/big.bin", content: deterministicBytes(600_000, "mintkit-verify") }, // 3 chunks
      ],
      { store, profile: "kubo-v1" },
    );
    return { store, result };
  }

  it("confirms every block of an import is present", async () => {
    const { store, result } = await collection();
    const report = await verifyRetrievable(result.root, store);
    // root dir + 1.json + media dir + big.bin node + 3 raw leaves
    expect(report).to.deep.include({ complete: true, blocks: 7, missing: [] });
    expect(report.blocks).to.equal(store.size);
    const rehashed = await verifyRetrievable(result.root, store, { rehash: true });
    expect(rehashed.bytesRead).to.be.greaterThan(600_000);
  });

  it("walks HAMT-sharded directories", async () => {
    const store = createMemoryStore();
    const names = deterministicNames(4033, 31, 31, "hamt-unixfs-v0-2015");
    const { root } = await importFiles(names.map((path) => ({ path, content: text("x") })), { store, profile: "kubo-v0" });
    const report = await verifyRetrievable(root, store);
    expect(report.complete).to.equal(true);
    expect(report.blocks).to.equal(store.size); // shards + 1 shared "x" block
  });

  it("names the missing blocks (IPFS_DAG_INCOMPLETE), or reports them on request", async () => {
    const { store, result } = await collection();
    const leaf = result.files[0]!.cid;
    const bigNode = result.files[1]!.cid;
    const partial = storeWithout(store, [leaf, bigNode]);
    const err = await rejection(verifyRetrievable(result.root, partial));
    expect(isIpfsError(err, "IPFS_DAG_INCOMPLETE")).to.equal(true);
    if (!isIpfsError(err, "IPFS_DAG_INCOMPLETE")) return;
    expect(err.details?.missingCount).to.equal(2);
    expect(err.details?.missing).to.have.members([leaf.toString(), bigNode.toString()]);
    expect(err.message).to.contain("Run the import again");

    const report = await verifyRetrievable(result.root, partial, { throwIfIncomplete: false });
    expect(report.complete).to.equal(false);
    expect(report.missing.map((c: CID) => c.toString())).to.have.members([leaf.toString(), bigNode.toString()]);
  });

  it("a missing root is reported as missing", async () => {
    const { store, result } = await collection();
    const report = await verifyRetrievable(result.root, storeWithout(store, [result.root]), { throwIfIncomplete: false });
    expect(report).to.deep.include({ complete: false, blocks: 0 });
    expect(report.missing.map(String)).to.deep.equal([result.root.toString()]);
  });

  it("detects a corrupt block (IPFS_BLOCK_CORRUPT)", async () => {
    const { store, result } = await collection();
    const dirNode = result.directories.find((d) => d.path === "media")!.cid;
    const err = await rejection(verifyRetrievable(result.root, storeWithCorrupt(store, dirNode, text("garbage"))));
    expect(isIpfsError(err, "IPFS_BLOCK_CORRUPT")).to.equal(true);
    // raw leaves are only re-hashed with `rehash`
    const leaf = result.files[0]!.cid;
    const corruptLeaf = storeWithCorrupt(store, leaf, text("tampered"));
    expect((await verifyRetrievable(result.root, corruptLeaf)).complete).to.equal(true);
    expect(isIpfsError(await rejection(verifyRetrievable(result.root, corruptLeaf, { rehash: true })), "IPFS_BLOCK_CORRUPT")).to.equal(true);
  });
});
