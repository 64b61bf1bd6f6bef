import { expect } from "chai";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CarReader } from "@ipld/car/reader";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { isIpfsError } from "../../../src/errors/IpfsError.js";
import { startGateway, type Gateway } from "../../../src/ipfs/gateway/startGateway.js";
import { importFiles, type ImportFilesResult } from "../../../src/ipfs/importFiles.js";
import { createFsStore, type FsStore } from "../../../src/ipfs/stores/fsStore.js";
import { createMemoryStore } from "../../../src/ipfs/stores/memoryStore.js";
import { verifyRetrievable } from "../../../src/ipfs/verifyRetrievable.js";
import { deterministicBytes, deterministicNames } from "../helpers/deterministic.js";

const text = (s: string) => new TextEncoder().encode(s);
const media = (name: string) => readFile(fileURLToPath(new URL(`../../fixtures/media/${name}`, import.meta.url)));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

/** A GET with a chosen Host header (fetch cannot set it), as a DNS-rebinding page or a proxy would send. */
function getWithHost(url: string, host: string | undefined): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", setHost: host !== undefined, headers: host === undefined ? {} : { host } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function sameHash(cid: CID, bytes: Uint8Array): Promise<boolean> {
  const digest = await sha256.digest(bytes);
  return Buffer.from(digest.bytes).equals(Buffer.from(cid.multihash.bytes));
}

describe("ipfs/gateway: local trustless HTTP gateway", function () {
  this.timeout(60_000);
  let dir: string;
  let store: FsStore;
  let gateway: Gateway;
  let imported: ImportFilesResult;
  const files = new Map<string, Uint8Array>();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "mintkit-gateway-"));
    store = await createFsStore({ path: dir });
    files.set("1.json", text('{"name":"#1","image":"ipfs://x/pixel.png"}'));
    files.set("2.json", text('{"name":"#2"}'));
    files.set("media/pixel.png", new Uint8Array(await media("pixel.png")));
    files.set("media/pixel.svg", new Uint8Array(await media("pixel.svg")));
    files.set("media/clip.mp4", new Uint8Array(await media("clip.mp4")));
    files.set("media/big.bin", deterministicBytes(700_000, "mintkit-gateway")); // 3 chunks
    files.set("site/index.html", text("<!doctype html><title>hi</title>"));
    files.set("notes", text("plain words, no extension"));
    imported = await importFiles([...files].map(([path, content]) => ({ path, content })), { store, profile: "kubo-v1" });
    gateway = await startGateway({ store });
  });
  after(async () => {
    await gateway.close();
    await store.close?.();
    await rm(dir, { recursive: true, force: true });
  });

  const cidOf = (path: string) => imported.files.find((f) => f.path === path)!.cid;

  it("listens on loopback and maps ipfs:// URIs to its URLs", () => {
    expect(gateway.host).to.equal("127.0.0.1");
    expect(gateway.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.urlFor(`ipfs://${imported.root}/1.json`)).to.equal(`${gateway.url}/ipfs/${imported.root}/1.json`);
    expect(gateway.urlFor(`/ipfs/${imported.root}`)).to.equal(`${gateway.url}/ipfs/${imported.root}`);
  });

  it("serves every file byte-identical, with the Content-Type from its bytes and ETag = CID", async () => {
    const expected: Record<string, string> = {
      "1.json": "application/json",
      "2.json": "application/json",
      "media/pixel.png": "image/png",
      "media/pixel.svg": "image/svg+xml",
      "media/clip.mp4": "video/mp4",
      "media/big.bin": "application/octet-stream",
      "site/index.html": "text/html; charset=utf-8",
      notes: "text/plain; charset=utf-8",
    };
    for (const [path, bytes] of files) {
      const res = await fetch(gateway.urlFor(`ipfs://${imported.root}/${path}`));
      expect(res.status, path).to.equal(200);
      expect(res.headers.get("content-type"), path).to.equal(expected[path]);
      expect(res.headers.get("etag"), path).to.equal(`"${cidOf(path)}"`);
      expect(res.headers.get("content-length"), path).to.equal(String(bytes.byteLength));
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes)), path).to.equal(true);
    }
    const head = await fetch(gateway.urlFor(`ipfs://${imported.root}/media/big.bin`), { method: "HEAD" });
    expect(head.status).to.equal(200);
    expect(head.headers.get("content-length")).to.equal("700000");
    expect((await head.arrayBuffer()).byteLength).to.equal(0);
    // a file by its own CID
    const own = await fetch(`${gateway.url}/ipfs/${cidOf("media/pixel.png")}`);
    expect(own.headers.get("content-type")).to.equal("image/png");
  });

  it("HTML and SVG are sandboxed (CSP sandbox + nosniff); other files get nosniff only; CORS stays *", async () => {
    for (const path of ["site/index.html", "media/pixel.svg"]) {
      const res = await fetch(gateway.urlFor(`ipfs://${imported.root}/${path}`));
      expect(res.headers.get("content-security-policy"), path).to.equal("sandbox");
      expect(res.headers.get("x-content-type-options"), path).to.equal("nosniff");
      expect(res.headers.get("access-control-allow-origin"), path).to.equal("*");
    }
    // index.html served for its directory is sandboxed too
    const site = await fetch(`${gateway.url}/ipfs/${imported.root}/site/`);
    expect(site.headers.get("content-type")).to.equal("text/html; charset=utf-8");
    expect(site.headers.get("content-security-policy")).to.equal("sandbox");
    for (const path of ["1.json", "media/pixel.png"]) {
      const res = await fetch(gateway.urlFor(`ipfs://${imported.root}/${path}`));
      expect(res.headers.get("content-security-policy"), path).to.equal(null);
      expect(res.headers.get("x-content-type-options"), path).to.equal("nosniff");
    }
  });

  it("bound to loopback, it answers only loopback Host names (403 otherwise: DNS rebinding)", async () => {
    const url = `${gateway.url}/ipfs/${imported.root}/1.json`;
    const port = gateway.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "localhost", `LOCALHOST:${port}`, `127.0.0.2:${port}`]) {
      const res = await getWithHost(url, host);
      expect(res.status, host).to.equal(200);
      expect(res.body, host).to.equal(new TextDecoder().decode(files.get("1.json")));
    }
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1.evil.example:${port}`, `localhost:${port + 1}`, `[::2]:${port}`, "10.0.0.1"]) {
      const res = await getWithHost(url, host);
      expect(res.status, host).to.equal(403);
      expect(res.body, host).to.match(/^Forbidden/);
    }
    // No Host at all: Node's HTTP/1.1 server already answers 400 before the gateway sees it.
    expect((await getWithHost(url, undefined)).status).to.be.oneOf([400, 403]);
  });

  it("bound to all interfaces, it does not check the Host (the user chose to expose it)", async () => {
    const open = await startGateway({ store, host: "0.0.0.0" });
    try {
      const res = await getWithHost(`http://127.0.0.1:${open.port}/ipfs/${imported.root}/2.json`, "my-machine.lan");
      expect(res.status).to.equal(200);
    } finally {
      await open.close();
    }
  });

  it("serves byte ranges across chunk boundaries", async () => {
    const big = files.get("media/big.bin")!;
    const url = gateway.urlFor(`ipfs://${imported.root}/media/big.bin`);
    const cases: [string, number, number][] = [
      ["bytes=262000-262299", 262000, 262300], // spans the first chunk boundary (262144)
      ["bytes=-10", 700_000 - 10, 700_000],
      ["bytes=600000-", 600_000, 700_000],
    ];
    for (const [range, start, end] of cases) {
      const res = await fetch(url, { headers: { range } });
      expect(res.status, range).to.equal(206);
      expect(res.headers.get("content-range"), range).to.equal(`bytes ${start}-${end - 1}/700000`);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(big.subarray(start, end))), range).to.equal(true);
    }
    expect((await fetch(url, { headers: { range: "bytes=800000-" } })).status).to.equal(416);
  });

  it("?format=raw and Accept: application/vnd.ipld.raw return blocks that hash to their CID", async () => {
    const root = imported.root;
    const res = await fetch(`${gateway.url}/ipfs/${root}?format=raw`);
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.equal("application/vnd.ipld.raw");
    expect(res.headers.get("etag")).to.equal(`"${root}.raw"`);
    expect(await sameHash(root, new Uint8Array(await res.arrayBuffer()))).to.equal(true);

    for (const path of ["1.json", "media/big.bin"]) {
      const viaAccept = await fetch(`${gateway.url}/ipfs/${root}/${path}`, { headers: { accept: "application/vnd.ipld.raw" } });
      expect(viaAccept.headers.get("content-type")).to.equal("application/vnd.ipld.raw");
      expect(await sameHash(cidOf(path), new Uint8Array(await viaAccept.arrayBuffer())), path).to.equal(true);
    }
  });

  it("?format=car streams a CAR rooted at the path's target, with the path blocks and the whole DAG", async () => {
    const whole = await fetch(`${gateway.url}/ipfs/${imported.root}?format=car`);
    expect(whole.status).to.equal(200);
    expect(whole.headers.get("content-type")).to.equal("application/vnd.ipld.car; version=1");
    const car = await CarReader.fromBytes(new Uint8Array(await whole.arrayBuffer()));
    expect((await car.getRoots()).map(String)).to.deep.equal([imported.root.toString()]);
    const copy = createMemoryStore();
    let blocks = 0;
    for await (const block of car.blocks()) {
      expect(await sameHash(block.cid, block.bytes)).to.equal(true);
      await copy.put(block.cid, block.bytes);
      blocks++;
    }
    const report = await verifyRetrievable(imported.root, copy, { rehash: true });
    expect(report.complete).to.equal(true);
    expect(blocks).to.equal(report.blocks); // each block once

    const part = await fetch(`${gateway.url}/ipfs/${imported.root}/media/big.bin`, { headers: { accept: "application/vnd.ipld.car" } });
    const partCar = await CarReader.fromBytes(new Uint8Array(await part.arrayBuffer()));
    const target = cidOf("media/big.bin");
    expect((await partCar.getRoots()).map(String)).to.deep.equal([target.toString()]);
    const cids: string[] = [];
    for await (const block of partCar.blocks()) cids.push(block.cid.toString());
    const media = imported.directories.find((d) => d.path === "media")!.cid.toString();
    expect(cids.slice(0, 2)).to.deep.equal([imported.root.toString(), media]); // path first
    expect(cids).to.have.length(2 + 4); // + file node and 3 raw leaves
  });

  it("directories: redirect to a trailing slash, index.html, else a listing", async () => {
    const redirect = await fetch(`${gateway.url}/ipfs/${imported.root}/media`, { redirect: "manual" });
    expect(redirect.status).to.equal(301);
    expect(redirect.headers.get("location")).to.equal(`/ipfs/${imported.root}/media/`);
    const listing = await fetch(`${gateway.url}/ipfs/${imported.root}/media/`);
    expect(listing.headers.get("content-type")).to.equal("text/html; charset=utf-8");
    const html = await listing.text();
    for (const name of ["pixel.png", "pixel.svg", "clip.mp4", "big.bin"]) expect(html).to.contain(`href="${name}"`);
    const site = await fetch(`${gateway.url}/ipfs/${imported.root}/site/`);
    expect(await site.text()).to.equal("<!doctype html><title>hi</title>");
  });

  it("If-None-Match with the ETag is 304", async () => {
    const url = gateway.urlFor(`ipfs://${imported.root}/1.json`);
    const res = await fetch(url, { headers: { "if-none-match": `"${cidOf("1.json")}"` } });
    expect(res.status).to.equal(304);
    expect(res.headers.get("cache-control")).to.contain("immutable");
  });

  it("errors: 400 bad CID or format, 404 missing block or name, 405 other methods", async () => {
    const status = async (path: string, init?: RequestInit) => (await fetch(`${gateway.url}${path}`, init)).status;
    expect(await status("/ipfs/not-a-cid")).to.equal(400);
    expect(await status(`/ipfs/${imported.root}?format=tar`)).to.equal(400);
    const absent = CID.createV1(0x55, await sha256.digest(text("never stored")));
    const missing = await fetch(`${gateway.url}/ipfs/${absent}`);
    expect(missing.status).to.equal(404);
    expect(await missing.text()).to.contain(absent.toString());
    expect(await status(`/ipfs/${absent}?format=raw`)).to.equal(404);
    expect(await status(`/ipfs/${imported.root}/nope.json`)).to.equal(404);
    expect(await status(`/ipfs/${imported.root}/1.json/deeper`)).to.equal(404);
    expect(await status(`/ipns/${imported.root}`)).to.equal(404);
    expect(await status(`/ipfs/${imported.root}/1.json`, { method: "POST" })).to.equal(405);
  });

  it("resolves names inside HAMT-sharded directories (kubo-v0), and their CARs carry the shard path", async () => {
    const hamtStore = createMemoryStore();
    const names = deterministicNames(4033, 31, 31, "hamt-unixfs-v0-2015");
    const entries = names.map((path, i) => ({ path, content: text(`file ${i}`) }));
    const { root, files: hamtFiles } = await importFiles(entries, { store: hamtStore, profile: "kubo-v0" });
    const hamt = await startGateway({ store: hamtStore });
    try {
      for (const i of [0, 1000, 4032]) {
        const res = await fetch(hamt.urlFor(`ipfs://${root}/${names[i]}`));
        expect(res.status).to.equal(200);
        expect(await res.text()).to.equal(`file ${i}`);
        expect(res.headers.get("etag")).to.equal(`"${hamtFiles[i]!.cid}"`);
        expect(res.headers.get("x-ipfs-roots")).to.equal(`${root},${hamtFiles[i]!.cid}`); // logical roots, no shards
      }
      const res = await fetch(`${hamt.url}/ipfs/${root}/${names[7]}?format=car`);
      const car = await CarReader.fromBytes(new Uint8Array(await res.arrayBuffer()));
      const cids: CID[] = [];
      for await (const block of car.blocks()) cids.push(block.cid);
      expect(cids[0]!.toString()).to.equal(root.toString());
      expect(cids.at(-1)!.toString()).to.equal(hamtFiles[7]!.cid.toString());
      expect(cids.length).to.be.greaterThan(2); // root shard, sub-shard(s), the file
      // Verifiable from the root: every block hashes to its CID.
      for await (const block of car.blocks()) expect(await sameHash(block.cid, block.bytes)).to.equal(true);
    } finally {
      await hamt.close();
    }
  });

  it("a taken port is IPFS_GATEWAY_FAILED", async () => {
    const err = await rejection(startGateway({ store, port: gateway.port }));
    expect(isIpfsError(err, "IPFS_GATEWAY_FAILED")).to.equal(true);
    if (isIpfsError(err, "IPFS_GATEWAY_FAILED")) expect(err.hint).to.match(/port/);
  });
});
