import { expect } from "chai";
import { CID } from "multiformats/cid";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { importFiles, type ImportEntry, type ImportProgressEvent } from "../../src/ipfs/importFiles.js";
import { fromBlockstore } from "../../src/ipfs/stores/fromBlockstore.js";
import { createMemoryStore } from "../../src/ipfs/stores/memoryStore.js";
import { countingStore } from "./helpers/stores.js";

const text = (s: string) => new TextEncoder().encode(s);
const json = (id: number) => text(JSON.stringify({ name: `Token #${id}`, image: `ipfs://media/${id}.png` }));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("ipfs: importFiles", () => {
  it("imports a collection as one directory: root CID + every file's CID", async () => {
    const entries = [1, 2, 3].map((id) => ({ path: `${id}.json`, content: json(id) }));
    for (const profile of ["kubo-v0", "kubo-v1", "unixfs-v1-2025"] as const) {
      const result = await importFiles(entries, { store: createMemoryStore(), profile });
      expect(result.profile.name).to.equal(profile);
      expect(result.files.map((f) => f.path)).to.deep.equal(["1.json", "2.json", "3.json"]);
      for (const [i, file] of result.files.entries()) {
        expect(file.cid.toString()).to.equal((await cidForBytes(entries[i]!.content, profile)).toString());
        expect(file.size).to.equal(entries[i]!.content.byteLength);
      }
      expect(result.directories.at(-1)).to.deep.equal({ path: "", cid: result.root });
      expect(result.root.version).to.equal(profile === "kubo-v0" ? 0 : 1);
    }
  });

  it("normalises paths and reports nested directories, parents after children", async () => {
    const result = await importFiles(
      [
        { path: "./a/b/c.txt", content: text("c") },
        { path: "/a/d.txt", content: text("d") },
        { path: "e/", type: "directory" },
      ],
      { store: createMemoryStore(), profile: "kubo-v0" },
    );
    expect(result.files.map((f) => f.path)).to.deep.equal(["a/b/c.txt", "a/d.txt"]);
    expect(result.directories.map((d) => d.path)).to.deep.equal(["a/b", "a", "e", ""]);
    // an empty directory has the well-known empty-directory CID ([IPIP499] / Kubo)
    expect(result.directories.find((d) => d.path === "e")?.cid.toString()).to.equal(
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn",
    );
  });

  it("streams content: an async iterable of odd-sized pieces gives the same CIDs", async () => {
    const bytes = new Uint8Array(700_000).map((_, i) => (i * 7) % 251);
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 99_991) yield bytes.subarray(i, i + 99_991);
    }
    const whole = await importFiles([{ path: "f", content: bytes }], { store: createMemoryStore(), profile: "kubo-v1" });
    const streamed = await importFiles([{ path: "f", content: pieces() }], { store: createMemoryStore(), profile: "kubo-v1" });
    const syncIterable = await importFiles([{ path: "f", content: [bytes.subarray(0, 5), bytes.subarray(5)] }], {
      store: createMemoryStore(),
      profile: "kubo-v1",
    });
    expect(streamed.root.toString()).to.equal(whole.root.toString());
    expect(syncIterable.root.toString()).to.equal(whole.root.toString());
    expect(streamed.files[0]!.size).to.equal(bytes.length);
  });

  it("small files given as streams get the CIDs and blocks of the same bytes given whole (every profile)", async () => {
    const bytes = (i: number) => json(i);
    async function* pieces(b: Uint8Array) {
      for (let i = 0; i < b.length; i += 7) yield b.subarray(i, i + 7);
    }
    const oneChunk = new Uint8Array(256 * 1024).map((_, i) => (i * 13) % 251); // exactly kubo-v1's chunk size
    for (const profile of ["kubo-v0", "kubo-v1", "unixfs-v1-2025"] as const) {
      const whole = [
        ...[1, 2, 3].map((i) => ({ path: `${i}.json`, content: bytes(i) })),
        { path: "empty.txt", content: new Uint8Array(0) },
        { path: "chunk.bin", content: oneChunk },
      ];
      const streamed = [
        { path: "1.json", content: pieces(bytes(1)) },
        { path: "2.json", content: [bytes(2).subarray(0, 5), bytes(2).subarray(5)] },
        { path: "3.json", content: pieces(bytes(3)) },
        { path: "empty.txt", content: pieces(new Uint8Array(0)) },
        { path: "chunk.bin", content: pieces(oneChunk) },
      ];
      const a = createMemoryStore();
      const b = createMemoryStore();
      const fromWhole = await importFiles(whole, { store: a, profile });
      const fromStreams = await importFiles(streamed, { store: b, profile });
      expect(fromStreams.root.toString(), profile).to.equal(fromWhole.root.toString());
      expect(fromStreams.files.map((f) => [f.path, f.cid.toString(), f.size])).to.deep.equal(
        fromWhole.files.map((f) => [f.path, f.cid.toString(), f.size]),
      );
      for (const file of fromWhole.files) {
        expect(file.cid.toString()).to.equal((await cidForBytes(whole.find((w) => w.path === file.path)!.content, profile)).toString());
      }
      expect(b.size).to.equal(a.size);
      expect(b.byteLength).to.equal(a.byteLength);
    }
  });

  it("is idempotent: importing the same content again writes nothing (puts counted)", async () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ path: `${i}.json`, content: json(i) }));
    const memory = createMemoryStore();
    const store = countingStore(memory);
    const first = await importFiles(entries, { store, profile: "kubo-v1" });
    expect(store.puts).to.equal(21); // 20 raw leaves + 1 directory
    expect(first.blocks).to.deep.include({ written: 21, skipped: 0 });
    expect(memory.size).to.equal(21);

    const again = await importFiles(entries, { store, profile: "kubo-v1" });
    expect(again.root.toString()).to.equal(first.root.toString());
    expect(store.puts).to.equal(21); // no new put
    expect(again.blocks).to.deep.equal({ written: 0, skipped: 21, bytesWritten: 0 });
  });

  it("resumes an interrupted upload: only the missing blocks are written", async () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ path: `${i}.json`, content: json(i) }));
    const memory = createMemoryStore();
    await importFiles(entries.slice(0, 6), { store: memory, profile: "unixfs-v1-2025" }); // "interrupted"
    const store = countingStore(memory);
    const full = await importFiles(entries, { store, profile: "unixfs-v1-2025" });
    expect(store.puts).to.equal(5); // 4 missing files + the new root directory
    expect(full.blocks.written).to.equal(5);
  });

  it("writes a block shared by two files once", async () => {
    const memory = createMemoryStore();
    const store = countingStore(memory);
    const same = text("same bytes");
    const result = await importFiles(
      [
        { path: "a.txt", content: same },
        { path: "copy/a.txt", content: same },
      ],
      { store, profile: "kubo-v0" },
    );
    expect(result.files[0]!.cid.toString()).to.equal(result.files[1]!.cid.toString());
    expect(store.puts).to.equal(3); // the file once, "copy", the root
    expect(new Set(store.putCids).size).to.equal(3);
    expect(result.blocks.skipped).to.equal(1);
  });

  it("reports progress: bytes read and files done", async () => {
    const entries = [
      { path: "big.bin", content: new Uint8Array(600_000) },
      { path: "small.txt", content: text("hi") },
    ];
    const events: ImportProgressEvent[] = [];
    await importFiles(entries, { store: createMemoryStore(), profile: "kubo-v0", onProgress: (e) => events.push(e) });
    const bytes = events.filter((e) => e.type === "bytes");
    const files = events.filter((e) => e.type === "file");
    expect(bytes.length).to.be.greaterThan(2); // the big file is read in chunk-sized pieces
    for (let i = 1; i < bytes.length; i++) expect(bytes[i]!.bytes).to.be.greaterThan(bytes[i - 1]!.bytes);
    expect(bytes.at(-1)).to.deep.include({ bytes: 600_002, totalBytes: 600_002 });
    expect(files.map((e) => [e.path, e.filesDone, e.filesTotal])).to.have.deep.members([
      ["big.bin", files.find((e) => e.path === "big.bin")!.filesDone, 2],
      ["small.txt", files.find((e) => e.path === "small.txt")!.filesDone, 2],
    ]);
    expect(files.map((e) => e.filesDone).sort()).to.deep.equal([1, 2]);
    const big = files.find((e) => e.path === "big.bin");
    expect(big?.type === "file" && big.size).to.equal(600_000);
    expect(big?.type === "file" && big.cid).to.be.instanceOf(CID);
  });

  it("accepts entries from an async iterable (totals unknown)", async () => {
    async function* gen(): AsyncGenerator<ImportEntry> {
      yield { path: "1.json", content: json(1) };
    }
    const events: ImportProgressEvent[] = [];
    const result = await importFiles(gen(), { store: createMemoryStore(), onProgress: (e) => events.push(e) });
    expect(result.files).to.have.length(1);
    expect(events.find((e) => e.type === "file")).to.deep.include({ filesTotal: undefined });
    expect(events.find((e) => e.type === "bytes")).to.deep.include({ totalBytes: undefined });
  });

  it("rejects bad paths, duplicates and non-byte content with their own codes", async () => {
    const store = createMemoryStore();
    for (const path of ["", "/", "../x", "a/../b", "a//b", "./", "a/./b"]) {
      const err = await rejection(importFiles([{ path, content: text("x") }], { store }));
      expect(isIpfsError(err, "IPFS_INVALID_PATH"), path).to.equal(true);
    }
    const dup = await rejection(
      importFiles(
        [
          { path: "a.json", content: text("1") },
          { path: "./a.json", content: text("2") },
        ],
        { store },
      ),
    );
    expect(isIpfsError(dup, "IPFS_DUPLICATE_PATH")).to.equal(true);
    const fileThenFolder = await rejection(
      importFiles(
        [
          { path: "a", content: text("1") },
          { path: "a/b", content: text("2") },
        ],
        { store },
      ),
    );
    expect(isIpfsError(fileThenFolder, "IPFS_DUPLICATE_PATH")).to.equal(true);
    const folderThenFile = await rejection(
      importFiles(
        [
          { path: "a/b", content: text("2") },
          { path: "a", content: text("1") },
        ],
        { store },
      ),
    );
    expect(isIpfsError(folderThenFile, "IPFS_DUPLICATE_PATH")).to.equal(true);
    const notBytes = await rejection(importFiles([{ path: "a", content: "text" as never }], { store }));
    expect(isIpfsError(notBytes, "IPFS_INVALID_CONTENT")).to.equal(true);
    const badPiece = await rejection(importFiles([{ path: "a", content: [text("ok"), [1, 2] as never] }], { store }));
    expect(isIpfsError(badPiece, "IPFS_INVALID_CONTENT")).to.equal(true);
  });

  it("wraps a failing content stream as IPFS_IMPORT_FAILED with the cause", async () => {
    async function* broken() {
      yield text("start");
      throw new Error("network reset");
    }
    const err = await rejection(importFiles([{ path: "a", content: broken() }], { store: createMemoryStore() }));
    expect(isIpfsError(err, "IPFS_IMPORT_FAILED")).to.equal(true);
    expect((err as Error).message).to.contain("network reset");
  });

  it("surfaces a failing store as IPFS_STORE_FAILED", async () => {
    const failing = fromBlockstore(
      {
        put: async () => {
          throw new Error("EACCES: permission denied");
        },
        has: async () => false,
        // eslint-disable-next-line require-yield
        get: async function* () {
          throw Object.assign(new Error("not found"), { name: "NotFoundError" });
        },
      },
      { label: "broken" },
    );
    const err = await rejection(importFiles([{ path: "a", content: text("x") }], { store: failing }));
    expect(isIpfsError(err, "IPFS_STORE_FAILED")).to.equal(true);
    expect((err as Error).message).to.contain("EACCES");
  });
});
