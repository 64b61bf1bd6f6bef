import { expect } from "chai";
import { CarBlockIterator, CarReader } from "@ipld/car";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256 } from "multiformats/hashes/sha2";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { exportCar } from "../../src/ipfs/exportCar.js";
import { importFiles } from "../../src/ipfs/importFiles.js";
import { createMemoryStore } from "../../src/ipfs/stores/memoryStore.js";
import { writeCarFile } from "../../src/ipfs/writeCarFile.js";
import { deterministicBytes } from "./helpers/deterministic.js";
import { storeWithout } from "./helpers/stores.js";

const text = (s: string) => new TextEncoder().encode(s);

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("ipfs: exportCar", () => {
  // Two files share content, a third shares chunks with nothing: the CAR must hold each block once.
  const shared = deterministicBytes(300_000, "mintkit-car"); // 2 chunks
  const entries = [
    { path: "1.json", content: text('{"id":1}') },
    { path: "media/a.bin", content: shared },
    { path: "media/copy-of-a.bin", content: shared },
    { path: "2.json", content: text('{"id":2}') },
  ];

  for (const profile of ["kubo-v0", "unixfs-v1-2025"] as const) {
    it(`round-trips (${profile}): root = import root, every block once, blocks = the DAG`, async () => {
      const store = createMemoryStore();
      const { root } = await importFiles(entries, { store, profile });
      const car = await collect(exportCar(root, store));

      const reader = await CarReader.fromBytes(car);
      const roots = await reader.getRoots();
      expect(roots.map(String)).to.deep.equal([root.toString()]);

      const cids: string[] = [];
      for await (const block of await CarBlockIterator.fromBytes(car)) {
        cids.push(block.cid.toString());
        const digest = await sha256.digest(block.bytes);
        expect(digest.bytes).to.deep.equal(block.cid.multihash.bytes);
        // and the bytes are the stored ones
        const stored = (await reader.get(block.cid))?.bytes;
        expect(stored).to.deep.equal(block.bytes);
      }
      expect(cids[0]).to.equal(root.toString()); // depth-first from the root, as `ipfs dag export`
      expect(new Set(cids).size).to.equal(cids.length); // unique
      expect(cids.length).to.equal(store.size); // exactly the import's blocks
    });
  }

  it("reports progress and writes a CAR file (node-only helper)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mintkit-car-"));
    try {
      const store = createMemoryStore();
      const { root } = await importFiles(entries, { store, profile: "kubo-v1" });
      let last = { blocks: 0, bytes: 0 };
      await collect(exportCar(root, store, { onProgress: (e) => (last = e) }));
      expect(last.blocks).to.equal(store.size);
      expect(last.bytes).to.equal(store.byteLength);

      const written = await writeCarFile(root, store, join(dir, "out", "collection.car"));
      expect(written.blocks).to.equal(store.size);
      expect((await stat(written.path)).size).to.equal(written.bytes);
      const reader = await CarReader.fromBytes(await readFile(written.path));
      expect((await reader.getRoots()).map(String)).to.deep.equal([root.toString()]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails with IPFS_CAR_EXPORT_FAILED when a block is missing, and leaves no partial file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mintkit-car-"));
    try {
      const store = createMemoryStore();
      const result = await importFiles(entries, { store, profile: "kubo-v1" });
      const partial = storeWithout(store, [result.files[3]!.cid]);
      const err = await rejection(collect(exportCar(result.root, partial)));
      expect(isIpfsError(err, "IPFS_CAR_EXPORT_FAILED")).to.equal(true);
      expect(isIpfsError((err as Error).cause, "IPFS_BLOCK_NOT_FOUND")).to.equal(true);

      const target = join(dir, "broken.car");
      const fileErr = await rejection(writeCarFile(result.root, partial, target));
      expect(isIpfsError(fileErr, "IPFS_CAR_EXPORT_FAILED")).to.equal(true);
      expect(await stat(target).then(() => true, () => false)).to.equal(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
