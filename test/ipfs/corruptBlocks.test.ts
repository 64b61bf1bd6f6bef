import { expect } from "chai";
import { open, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { getBlock } from "../../src/ipfs/blockBytes.js";
import { exportCar } from "../../src/ipfs/exportCar.js";
import { startGateway } from "../../src/ipfs/gateway/startGateway.js";
import { importFiles, type ImportEntry } from "../../src/ipfs/importFiles.js";
import { createKuboStore } from "../../src/ipfs/remote/createKuboStore.js";
import { pushToKubo } from "../../src/ipfs/remote/pushToKubo.js";
import { createFsStore, type FsStore } from "../../src/ipfs/stores/fsStore.js";
import { verifyRetrievable } from "../../src/ipfs/verifyRetrievable.js";
import { deterministicBytes } from "./helpers/deterministic.js";
import { startKuboServer } from "./remote/helpers/kuboServer.js";

/**
 * A byte flipped on disk inside a pack file must never leave the embedded store: every read is re-hashed
 * (IPFS_BLOCK_CORRUPT naming the CID and the pack), the gateway answers 502, CAR export / push / verify
 * fail, re-importing heals, and `verify` / `repair` find and drop the bad copies.
 */

const text = (s: string) => new TextEncoder().encode(s);
const METADATA = text(JSON.stringify({ name: "Corruptible #1", description: "x".repeat(200), image: "ipfs://bafy/1.png" }));
const MEDIA = deterministicBytes(600_000, "corrupt-media"); // three 256 KiB chunks + a dag-pb node

function entries(): ImportEntry[] {
  return [
    { path: "1.json", content: METADATA },
    { path: "media.bin", content: MEDIA },
  ];
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

/** Overwrites 8 bytes inside the first copy of `needle` found in the store's pack files; returns that pack's path. */
async function corruptOnDisk(storePath: string, needle: Uint8Array): Promise<string> {
  const dir = join(storePath, "packs");
  for (const name of (await readdir(dir)).sort()) {
    const file = join(dir, name);
    const at = (await readFile(file)).indexOf(Buffer.from(needle));
    if (at < 0) continue;
    const handle = await open(file, "r+");
    try {
      await handle.write(Buffer.from("CORRUPT!"), 0, 8, at + 16);
    } finally {
      await handle.close();
    }
    return file;
  }
  throw new Error("needle not found in any pack");
}

describe("ipfs: corrupt blocks never leave the embedded store", function () {
  this.timeout(60_000);
  let tmp: string;
  let n = 0;
  let store: FsStore;
  let dir: string;
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), "mintkit-corrupt-"));
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });
  /** Imports the content, closes, corrupts the metadata file's block on disk, reopens. */
  async function corruptedStore(needle: Uint8Array = METADATA): Promise<{ root: Awaited<ReturnType<typeof importFiles>>; pack: string }> {
    dir = join(tmp, `store-${n++}`);
    const first = await createFsStore({ path: dir });
    const root = await importFiles(entries(), { store: first, profile: "kubo-v1" });
    await first.close();
    const pack = await corruptOnDisk(dir, needle);
    store = await createFsStore({ path: dir });
    return { root, pack };
  }
  afterEach(async () => {
    await store?.close();
  });

  it("get re-hashes: IPFS_BLOCK_CORRUPT names the CID and the pack file; has is false", async () => {
    const { root, pack } = await corruptedStore();
    const cid = root.files[0]!.cid;
    const err = await rejection(getBlock(store, cid));
    expect(isIpfsError(err, "IPFS_BLOCK_CORRUPT")).to.equal(true);
    if (!isIpfsError(err, "IPFS_BLOCK_CORRUPT")) return;
    expect(err.details).to.deep.include({ cid: cid.toString(), location: pack });
    expect(err.message).to.contain(pack).and.to.contain("mintkit store repair");
    // asked again: still the typed error (not a 404, not the bad bytes)
    expect(isIpfsError(await rejection(getBlock(store, cid)), "IPFS_BLOCK_CORRUPT")).to.equal(true);
    expect(await store.has(cid)).to.equal(false);
  });

  it("has re-hashes a copy it did not write (a raw leaf checked only with has is caught)", async () => {
    const { root } = await corruptedStore(MEDIA.subarray(300_000, 300_100));
    const leafErr = await rejection(verifyRetrievable(root.root, store, { rehash: false }));
    expect(isIpfsError(leafErr, "IPFS_DAG_INCOMPLETE")).to.equal(true);
    const err = await rejection(verifyRetrievable(root.root, store, { rehash: true }));
    expect(isIpfsError(err, "IPFS_BLOCK_CORRUPT")).to.equal(true);
  });

  it("the gateway answers 502 (never 200, never the bad bytes) and serves the good files", async () => {
    const { root } = await corruptedStore();
    const gateway = await startGateway({ store });
    try {
      const bad = await fetch(gateway.urlFor(`ipfs://${root.root}/1.json`));
      expect(bad.status).to.equal(502);
      expect(bad.headers.get("etag")).to.equal(null);
      expect(await bad.text()).to.contain("corrupt");
      const raw = await fetch(`${gateway.url}/ipfs/${root.files[0]!.cid}?format=raw`);
      expect(raw.status).to.equal(502);
      const good = await fetch(gateway.urlFor(`ipfs://${root.root}/media.bin`));
      expect(good.status).to.equal(200);
      expect(Buffer.from(await good.arrayBuffer()).equals(Buffer.from(MEDIA))).to.equal(true);
    } finally {
      await gateway.close();
    }
  });

  it("the gateway cuts a CAR short at a corrupt leaf (the client sees an error, not a complete CAR)", async () => {
    const { root } = await corruptedStore(MEDIA.subarray(300_000, 300_100));
    const gateway = await startGateway({ store });
    try {
      const failure = await rejection(
        (async () => {
          const res = await fetch(`${gateway.url}/ipfs/${root.root}?format=car`);
          await res.arrayBuffer();
        })(),
      );
      expect(failure).to.be.instanceOf(Error);
    } finally {
      await gateway.close();
    }
  });

  it("CAR export fails with IPFS_CAR_EXPORT_FAILED caused by IPFS_BLOCK_CORRUPT", async () => {
    const { root } = await corruptedStore(MEDIA.subarray(300_000, 300_100));
    const err = await rejection(
      (async () => {
        for await (const chunk of exportCar(root.root, store)) void chunk;
      })(),
    );
    expect(isIpfsError(err, "IPFS_CAR_EXPORT_FAILED")).to.equal(true);
    expect(isIpfsError((err as Error).cause, "IPFS_BLOCK_CORRUPT")).to.equal(true);
  });

  it("pushToKubo refuses to send a corrupt block (nothing pinned)", async () => {
    const { root } = await corruptedStore(MEDIA.subarray(300_000, 300_100));
    const kubo = await startKuboServer();
    try {
      const err = await rejection(pushToKubo(root.root, { from: store, to: createKuboStore({ url: kubo.url, retry: { retries: 0 } }) }));
      expect(isIpfsError(err, "IPFS_BLOCK_CORRUPT")).to.equal(true);
      expect(kubo.pins.size).to.equal(0);
    } finally {
      await kubo.close();
    }
  });

  it("re-importing the same content appends a good copy that is used from then on (also after reopening)", async () => {
    const { root, pack } = await corruptedStore();
    const again = await importFiles(entries(), { store, profile: "kubo-v1" });
    expect(again.root.equals(root.root)).to.equal(true);
    expect(again.blocks.written).to.equal(1);
    expect(Buffer.from(await getBlock(store, root.files[0]!.cid)).equals(Buffer.from(METADATA))).to.equal(true);
    await store.close();
    store = await createFsStore({ path: dir });
    expect(Buffer.from(await getBlock(store, root.files[0]!.cid)).equals(Buffer.from(METADATA))).to.equal(true);
    expect((await verifyRetrievable(root.root, store, { rehash: true })).complete).to.equal(true);
    // the replaced bad copy is still on disk (not used): verify lists it as such
    expect((await store.verify()).bad.map((b) => [b.cid, b.pack, b.inUse])).to.deep.equal([[root.files[0]!.cid.toString(), pack, false]]);
  });

  it("a gateway running in another process picks up the good copy once it is re-imported", async () => {
    const { root } = await corruptedStore();
    const gateway = await startGateway({ store });
    const importer = await createFsStore({ path: dir });
    try {
      expect((await fetch(gateway.urlFor(`ipfs://${root.root}/1.json`))).status).to.equal(502);
      await importFiles(entries(), { store: importer, profile: "kubo-v1" });
      const healed = await fetch(gateway.urlFor(`ipfs://${root.root}/1.json`));
      expect(healed.status).to.equal(200);
      expect(Buffer.from(await healed.arrayBuffer()).equals(Buffer.from(METADATA))).to.equal(true);
    } finally {
      await gateway.close();
      await importer.close();
    }
  });

  it("verify lists the bad blocks with progress; repair drops them for good so the next import rewrites them", async () => {
    const { root, pack } = await corruptedStore();
    const events: number[] = [];
    const report = await store.verify({ onProgress: (e) => events.push(e.checked) });
    expect(report.blocks).to.be.greaterThan(4);
    expect(events.at(-1)).to.equal(report.blocks);
    expect(report.bad).to.have.length(1);
    expect(report.bad[0]).to.deep.include({ cid: root.files[0]!.cid.toString(), pack });
    expect(report.dropped).to.equal(0);

    const repaired = await store.repair();
    expect(repaired.dropped).to.equal(1);
    await store.close();
    store = await createFsStore({ path: dir });
    // dropped: simply not stored any more
    expect(await store.has(root.files[0]!.cid)).to.equal(false);
    expect(isIpfsError(await rejection(getBlock(store, root.files[0]!.cid)), "IPFS_BLOCK_NOT_FOUND")).to.equal(true);
    expect((await store.verify()).bad).to.deep.equal([]);
    const again = await importFiles(entries(), { store, profile: "kubo-v1" });
    expect(again.blocks.written).to.equal(1);
    expect((await verifyRetrievable(root.root, store, { rehash: true })).complete).to.equal(true);
  });
});
