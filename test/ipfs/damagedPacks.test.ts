import { expect } from "chai";
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { importFiles } from "../../src/ipfs/importFiles.js";
import { createFsStore } from "../../src/ipfs/stores/fsStore.js";

const text = (s: string) => new TextEncoder().encode(s);

/**
 * A pack file that stops making sense before its end (garbage written over it, a record cut short that is not
 * growing) is not silently skipped: `verify` fails naming the pack and the offset, `repair` reports it; a
 * folder named like a pack is not read as one.
 */
describe("ipfs: damaged pack files of the embedded store", function () {
  this.timeout(60_000);
  let tmp: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "mintkit-damaged-"));
  });
  after(async () => rm(tmp, { recursive: true, force: true }));

  async function storeWithOnePack(name: string): Promise<{ dir: string; pack: string }> {
    const dir = join(tmp, name);
    const store = await createFsStore({ path: dir });
    await importFiles([{ path: "a.json", content: text(JSON.stringify({ name: "A", description: "x".repeat(300) })) }, { path: "b.json", content: text("{}") }], { store, profile: "kubo-v1" });
    await store.close();
    const packs = (await readdir(join(dir, "packs"))).filter((n) => n.endsWith(".car"));
    return { dir, pack: join(dir, "packs", packs[0]!) };
  }

  async function verifyError(dir: string): Promise<unknown> {
    const store = await createFsStore({ path: dir });
    try {
      await store.verify();
    } catch (err) {
      return err;
    } finally {
      await store.close();
    }
    throw new Error("expected verify to fail");
  }

  it("verify fails with IPFS_STORE_CORRUPT when a pack is garbage from its first byte, naming the pack", async () => {
    const { dir, pack } = await storeWithOnePack("garbage");
    await writeFile(pack, "not a car at all");
    const err = await verifyError(dir);
    expect(isIpfsError(err, "IPFS_STORE_CORRUPT"), String(err)).to.equal(true);
    expect((err as Error).message).to.contain(pack).and.contain("from byte 0 of 16");
    expect((err as { details: { damaged: unknown[] } }).details.damaged).to.deep.equal([{ pack, from: 0, size: 16 }]);
  });

  it("verify fails when the last record of a pack is cut short (and stays so); repair reports it", async () => {
    const { dir, pack } = await storeWithOnePack("torn");
    const size = (await readFile(pack)).byteLength;
    await truncate(pack, size - 5);
    const err = await verifyError(dir);
    expect(isIpfsError(err, "IPFS_STORE_CORRUPT"), String(err)).to.equal(true);
    const store = await createFsStore({ path: dir });
    try {
      const report = await store.repair();
      expect(report.damaged).to.have.length(1);
      expect(report.damaged[0]!.pack).to.equal(pack);
      expect(report.damaged[0]!.size).to.equal(size - 5);
    } finally {
      await store.close();
    }
  });

  it("a folder named like a pack is not a pack: verify of an intact store passes", async () => {
    const { dir } = await storeWithOnePack("folder");
    await mkdir(join(dir, "packs", "zz-folder.car"));
    const store = await createFsStore({ path: dir });
    try {
      const report = await store.verify();
      expect(report.bad).to.deep.equal([]);
      expect(report.damaged).to.deep.equal([]);
      expect(report.blocks).to.be.greaterThan(0);
    } finally {
      await store.close();
    }
  });
});
