import { expect } from "chai";
import type { CID } from "multiformats/cid";
import { isIpfsError } from "../../../src/errors/IpfsError.js";
import { importFiles, type ImportEntry } from "../../../src/ipfs/importFiles.js";
import { createKuboStore } from "../../../src/ipfs/remote/createKuboStore.js";
import { pushToKubo } from "../../../src/ipfs/remote/pushToKubo.js";
import type { RetryEvent } from "../../../src/ipfs/remote/withRetry.js";
import { createMemoryStore } from "../../../src/ipfs/stores/memoryStore.js";
import { deterministicBytes, deterministicNames } from "../helpers/deterministic.js";
import { startKuboServer, type KuboServer } from "./helpers/kuboServer.js";

const text = (s: string) => new TextEncoder().encode(s);
const fast = { retries: 3, minDelayMs: 5, maxDelayMs: 2_000 };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

function collection(): ImportEntry[] {
  return [
    { path: "1.json", content: text('{"name":"#1","image":"ipfs://x/1.png"}') },
    { path: "2.json", content: text('{"name":"#2","image":"ipfs://x/2.png"}') },
    { path: "media/big.bin", content: deterministicBytes(600_000, "mintkit-kubo") }, // 3 chunks
  ];
}

describe("ipfs/remote: Kubo RPC store", function () {
  this.timeout(30_000);
  let kubo: KuboServer;
  beforeEach(async () => {
    kubo = await startKuboServer();
  });
  afterEach(async () => {
    await kubo.close();
  });

  for (const profile of ["kubo-v0", "kubo-v1"] as const) {
    it(`importFiles writes straight to Kubo with the local CIDs (${profile})`, async () => {
      const local = await importFiles(collection(), { store: createMemoryStore(), profile });
      const store = createKuboStore({ url: kubo.url, retry: fast });
      const remote = await importFiles(collection(), { store, profile });
      expect(remote.root.toString()).to.equal(local.root.toString());
      expect(remote.files.map((f) => f.cid.toString())).to.deep.equal(local.files.map((f) => f.cid.toString()));
      expect(remote.blocks.written).to.equal(kubo.store.size);
      // block/put named the block's own codec and hash; reads were offline.
      const puts = kubo.requests.filter((r) => r.command === "block/put");
      expect(puts.length).to.equal(remote.blocks.written);
      expect(new Set(puts.map((r) => r.query.get("cid-codec")))).to.deep.equal(
        new Set(profile === "kubo-v0" ? ["dag-pb"] : ["dag-pb", "raw"]),
      );
      expect(puts.every((r) => r.query.get("mhtype") === "sha2-256" && r.method === "POST")).to.equal(true);
      // Re-importing writes nothing.
      const again = await importFiles(collection(), { store, profile });
      expect(again.blocks.written).to.equal(0);
    });
  }

  it("has/get: a missing block is `false` / IPFS_BLOCK_NOT_FOUND, a present one reads back", async () => {
    const local = createMemoryStore();
    const { root, files } = await importFiles(collection(), { store: local, profile: "kubo-v1" });
    const store = createKuboStore({ url: kubo.url, retry: fast });
    expect(await store.has(root)).to.equal(false);
    const err = await rejection((async () => { for await (const _ of store.get(root)) void _; })());
    expect(isIpfsError(err, "IPFS_BLOCK_NOT_FOUND")).to.equal(true);
    await kubo.store.put(files[0]!.cid, text('{"name":"#1","image":"ipfs://x/1.png"}'));
    expect(await store.has(files[0]!.cid)).to.equal(true);
    const parts: Uint8Array[] = [];
    for await (const p of store.get(files[0]!.cid)) parts.push(p);
    expect(new TextDecoder().decode(parts[0])).to.contain('"#1"');
  });

  describe("pushToKubo", () => {
    it("sends the whole DAG in one CAR, pins it, verifies it; a second push sends nothing", async () => {
      const local = createMemoryStore();
      const { root } = await importFiles(collection(), { store: local, profile: "kubo-v1" });
      const store = createKuboStore({ url: kubo.url, retry: fast });
      const phases: string[] = [];
      const first = await pushToKubo(root, { from: local, to: store, onProgress: (e) => phases.push(e.phase) });
      expect(first).to.deep.include({ blocks: local.size, blocksSent: local.size, alreadyPinned: false, pinned: true });
      expect(first.verified?.complete).to.equal(true);
      expect(kubo.received).to.deep.equal({ blockPuts: 0, importedBlocks: local.size, carImports: 1 });
      expect(kubo.pins.has(root.toV1().toString())).to.equal(true);
      expect(kubo.requests.find((r) => r.command === "dag/import")?.query.get("pin-roots")).to.equal("false");
      expect(phases).to.include.members(["checking", "sending", "pinning", "verifying"]);

      const second = await pushToKubo(root, { from: local, to: store });
      expect(second).to.deep.include({ blocksSent: 0, bytesSent: 0, alreadyPinned: true, blocks: local.size });
      expect(kubo.received.carImports).to.equal(1);
    });

    it("an interrupted push resumes: only the blocks Kubo lacks are sent", async () => {
      const local = createMemoryStore();
      const { root, files } = await importFiles(collection(), { store: local, profile: "kubo-v1" });
      // Kubo already holds the two JSON files (unpinned), as after an interrupted upload.
      for (const f of files.slice(0, 2)) {
        for await (const bytes of local.get(f.cid)) await kubo.store.put(f.cid, bytes);
      }
      const result = await pushToKubo(root, { from: local, to: createKuboStore({ url: kubo.url, retry: fast }) });
      expect(result.blocksSent).to.equal(local.size - 2);
      expect(kubo.received.importedBlocks).to.equal(local.size - 2);
      expect(result.verified?.blocks).to.equal(local.size);
    });

    it("pushes a HAMT-sharded directory (kubo-v0)", async () => {
      const local = createMemoryStore();
      const names = deterministicNames(4033, 31, 31, "hamt-unixfs-v0-2015");
      const { root } = await importFiles(names.map((path) => ({ path, content: text("x") })), { store: local, profile: "kubo-v0" });
      const result = await pushToKubo(root, { from: local, to: createKuboStore({ url: kubo.url, retry: fast }), concurrency: 32 });
      expect(result.blocksSent).to.equal(local.size);
      expect(kubo.store.size).to.equal(local.size);
    });
  });

  describe("auth, retries and errors", () => {
    it("sends Bearer or Basic credentials; a wrong token is IPFS_REMOTE_UNAUTHORIZED after one request", async () => {
      await kubo.close();
      kubo = await startKuboServer({ authorization: "Bearer s3cret" });
      const ok = createKuboStore({ url: kubo.url, auth: { bearer: "s3cret" }, retry: fast });
      expect(await ok.has((await importFiles(collection(), { store: ok })).root)).to.equal(true);

      const wrong = createKuboStore({ url: kubo.url, auth: { bearer: "nope" }, retry: fast });
      const before = kubo.requests.length;
      const err = await rejection(wrong.has((await importFiles(collection(), { store: createMemoryStore() })).root));
      expect(isIpfsError(err, "IPFS_REMOTE_UNAUTHORIZED")).to.equal(true);
      if (!isIpfsError(err, "IPFS_REMOTE_UNAUTHORIZED")) return;
      expect(err.details).to.deep.equal({ service: "kubo", url: `${kubo.url}/api/v0/block/stat`, status: 403 });
      expect(err.message).to.not.contain("nope");
      expect(kubo.requests.length - before).to.equal(1);

      await kubo.close();
      kubo = await startKuboServer({ authorization: `Basic ${Buffer.from("alice:pa ss").toString("base64")}` });
      const viaOption = createKuboStore({ url: kubo.url, auth: { basic: { username: "alice", password: "pa ss" } } });
      const viaUrl = createKuboStore({ url: kubo.url.replace("http://", "http://alice:pa%20ss@") });
      const { root } = await importFiles(collection(), { store: viaOption });
      expect(await viaUrl.has(root)).to.equal(true);
      expect(viaUrl.url).to.equal(kubo.url); // no credentials in the URL shown
    });

    it("retries a 5xx and a dropped connection, then succeeds", async () => {
      const store = createKuboStore({ url: kubo.url, retry: fast });
      kubo.faults.add({ path: "/block/put", status: 500, body: "Internal Server Error" });
      kubo.faults.add({ path: "/block/put", reset: true });
      const local = await importFiles(collection(), { store: createMemoryStore() });
      const remote = await importFiles(collection(), { store });
      expect(remote.root.toString()).to.equal(local.root.toString());
      expect(kubo.requests.filter((r) => r.command === "block/put").length).to.equal(remote.blocks.written + 2);
    });

    it("honours Retry-After on 429, and gives up at once when it exceeds maxDelayMs", async () => {
      const events: RetryEvent[] = [];
      const store = createKuboStore({ url: kubo.url, retry: { ...fast, onRetry: (e) => events.push(e) } });
      const { root } = await importFiles(collection(), { store: createMemoryStore() });
      kubo.faults.add({ path: "/block/stat", status: 429, headers: { "retry-after": "1" } });
      expect(await store.has(root)).to.equal(false);
      expect(events).to.have.length(1);
      expect(events[0]).to.deep.include({ attempt: 1, reason: "rate-limited", status: 429, url: `${kubo.url}/api/v0/block/stat` });
      expect(events[0]!.delayMs).to.be.at.least(1000);

      kubo.faults.add({ path: "/block/stat", status: 429, headers: { "retry-after": "3600" } });
      const err = await rejection(store.has(root));
      expect(isIpfsError(err, "IPFS_REMOTE_RATE_LIMITED")).to.equal(true);
      if (isIpfsError(err, "IPFS_REMOTE_RATE_LIMITED")) expect(err.details?.retryAfterMs).to.equal(3_600_000);
      expect(events).to.have.length(1);
    });

    it("bounded retries on a 5xx that persists: IPFS_REMOTE_UNAVAILABLE naming the URL", async () => {
      const store = createKuboStore({ url: kubo.url, retry: { retries: 2, minDelayMs: 5 } });
      kubo.faults.add({ path: "/pin/add", status: 502, body: "Bad Gateway", times: 10 });
      const err = await rejection(store.pin((await importFiles(collection(), { store: createMemoryStore() })).root));
      expect(isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")).to.equal(true);
      if (!isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")) return;
      expect(err.details).to.deep.include({ service: "kubo", url: `${kubo.url}/api/v0/pin/add`, attempts: 3, status: 502 });
      expect(kubo.requests.filter((r) => r.command === "pin/add").length).to.equal(3);
    });

    it("connection refused: IPFS_REMOTE_UNAVAILABLE with the cause", async () => {
      const url = kubo.url;
      await kubo.close();
      const store = createKuboStore({ url, retry: { retries: 1, minDelayMs: 5 } });
      const err = await rejection(importFiles(collection(), { store }));
      expect(isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")).to.equal(true);
      if (!isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")) return;
      expect(err.details?.url).to.equal(`${url}/api/v0/block/stat`);
      expect(err.details?.reason).to.match(/ECONNREFUSED/);
      expect(err.hint).to.match(/ipfs daemon/);
      kubo = await startKuboServer(); // for afterEach
    });

    it("a slow answer is IPFS_REMOTE_TIMEOUT after the bounded retries", async () => {
      const store = createKuboStore({ url: kubo.url, timeoutMs: 100, retry: { retries: 1, minDelayMs: 5 } });
      kubo.faults.add({ path: "/block/stat", delayMs: 1_000, times: 2 });
      const { root } = await importFiles(collection(), { store: createMemoryStore() });
      const err = await rejection(store.has(root));
      expect(isIpfsError(err, "IPFS_REMOTE_TIMEOUT")).to.equal(true);
      if (isIpfsError(err, "IPFS_REMOTE_TIMEOUT")) expect(err.details).to.deep.include({ attempts: 2, timeoutMs: 100 });
    });

    it("a Kubo command error is IPFS_REMOTE_REJECTED, not retried", async () => {
      const store = createKuboStore({ url: kubo.url, retry: fast });
      const { root } = await importFiles(collection(), { store: createMemoryStore() });
      const err = await rejection(store.pin(root)); // blocks are not on the node
      expect(isIpfsError(err, "IPFS_REMOTE_REJECTED")).to.equal(true);
      if (isIpfsError(err, "IPFS_REMOTE_REJECTED")) expect(err.details?.message).to.match(/not found/);
      expect(kubo.requests.filter((r) => r.command === "pin/add").length).to.equal(1);
    });

    it("a URL that is not http(s) is IPFS_REMOTE_INVALID_URL at once, credentials masked", () => {
      for (const url of ["127.0.0.1:5001", "ftp://user:secret@host/", "not a url"]) {
        let caught: unknown;
        try {
          createKuboStore({ url });
        } catch (err) {
          caught = err;
        }
        expect(isIpfsError(caught, "IPFS_REMOTE_INVALID_URL"), url).to.equal(true);
        expect((caught as Error).message).to.not.contain("secret");
      }
    });

    it("origins(): the node's public multiaddrs, loopback and private ones left out", async () => {
      const origins = await createKuboStore({ url: kubo.url }).origins();
      expect(origins).to.have.length(3);
      expect(origins.every((o) => /\/p2p\/Qm/.test(o))).to.equal(true);
      expect(origins.some((o) => o.includes("127.0.0.1") || o.includes("192.168.") || o.includes("/::1/"))).to.equal(false);
    });

    it("a push whose local DAG is incomplete fails with IPFS_BLOCK_NOT_FOUND and sends nothing", async () => {
      const local = createMemoryStore();
      const { root } = await importFiles(collection(), { store: local, profile: "kubo-v1" });
      const hollow = createMemoryStore();
      for await (const bytes of local.get(root)) await hollow.put(root, bytes);
      const err = await rejection(pushToKubo(root, { from: hollow, to: createKuboStore({ url: kubo.url, retry: fast }) }));
      expect(isIpfsError(err, "IPFS_BLOCK_NOT_FOUND")).to.equal(true);
      expect(kubo.store.size).to.equal(0);
      void (root as CID);
    });
  });
});
