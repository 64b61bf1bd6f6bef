import { expect } from "chai";
import { isIpfsError } from "../../../src/errors/IpfsError.js";
import { cidForBytes } from "../../../src/ipfs/cidForBytes.js";
import { createPinningService, type RemotePin } from "../../../src/ipfs/remote/createPinningService.js";
import type { RetryEvent } from "../../../src/ipfs/remote/withRetry.js";
import { startPinningServer, type PinningServer } from "./helpers/pinningServer.js";

const TOKEN = "psa-token-123";
const fast = { retries: 3, minDelayMs: 5, maxDelayMs: 2_000 };
const text = (s: string) => new TextEncoder().encode(s);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("ipfs/remote: Pinning Service API client", function () {
  this.timeout(20_000);
  let server: PinningServer;
  let cid: string;
  const service = (extra: Partial<Parameters<typeof createPinningService>[0]> = {}) =>
    createPinningService({ endpoint: server.endpoint, accessToken: TOKEN, retry: fast, ...extra });

  beforeEach(async () => {
    server = await startPinningServer({ token: TOKEN });
    cid = (await cidForBytes(text(`pin me ${Math.random()}`))).toString();
  });
  afterEach(async () => {
    await server.close();
  });

  it("POST /pins with name, origins and meta, then polls queued → pinning → pinned", async () => {
    const seen: string[] = [];
    const origins = ["/ip4/198.51.100.1/tcp/4001/p2p/12D3KooWGXdaVrY9dFZcKkXBRDC2kKcbD1WUGAKqGrTpHqTHbzvZ"];
    const pin = await service().pin(cid, {
      name: "collection",
      origins,
      meta: { app: "mintkit" },
      pollIntervalMs: 10,
      onStatus: (p) => seen.push(p.status),
    });
    expect(pin).to.deep.include({ cid, status: "pinned", name: "collection", reused: false, meta: { app: "mintkit" } });
    expect(pin.origins).to.deep.equal(origins);
    expect(pin.delegates[0]).to.match(/\/p2p\//);
    expect(pin.created).to.be.instanceOf(Date);
    expect(seen).to.deep.equal(["queued", "pinning", "pinned"]);
    const post = server.requests.find((r) => r.method === "POST" && r.path === "/pins");
    expect(post?.body).to.deep.equal({ cid, name: "collection", origins, meta: { app: "mintkit" } });
    expect(post?.authorization).to.equal(`Bearer ${TOKEN}`);
  });

  it("is idempotent: pinning the same CID again reuses the request instead of creating another", async () => {
    const first = await service().pin(cid, { pollIntervalMs: 10 });
    const second = await service().pin(cid, { pollIntervalMs: 10 });
    expect(second.reused).to.equal(true);
    expect(second.requestid).to.equal(first.requestid);
    expect(server.pins.size).to.equal(1);
    // the existence check asks for every live status of that CID
    const lookup = server.requests.filter((r) => r.method === "GET" && r.path === "/pins").at(-1);
    expect(lookup?.query.get("cid")).to.equal(cid);
    expect(lookup?.query.get("status")).to.equal("queued,pinning,pinned");
  });

  it("wait: false returns at once; status(), list() and remove()", async () => {
    const api = service();
    const queued = await api.pin(cid, { wait: false, name: "a", meta: { app: "mintkit" } });
    expect(queued.status).to.equal("queued");
    expect((await api.status(queued.requestid)).status).to.equal("pinning");
    const other = (await cidForBytes(text("other"))).toString();
    await api.pin(other, { wait: false, name: "b" });
    const all = await api.list();
    expect(all.map((p: RemotePin) => p.cid)).to.deep.equal([other, cid]); // newest first
    expect((await api.list({ cid })).map((p) => p.requestid)).to.deep.equal([queued.requestid]);
    expect((await api.list({ meta: { app: "mintkit" } })).map((p) => p.cid)).to.deep.equal([cid]);
    const metaQuery = server.requests.filter((r) => r.path === "/pins" && r.query.has("meta")).at(-1);
    expect(JSON.parse(metaQuery!.query.get("meta")!)).to.deep.equal({ app: "mintkit" });
    await api.remove(queued.requestid);
    expect((await api.list()).map((p) => p.cid)).to.deep.equal([other]);
    const err = await rejection(api.status(queued.requestid));
    expect(isIpfsError(err, "IPFS_REMOTE_REJECTED")).to.equal(true);
    if (isIpfsError(err, "IPFS_REMOTE_REJECTED")) expect(err.details).to.deep.include({ status: 404, message: "NOT_FOUND: The specified resource was not found" });
  });

  it("list() pages with `before` until every result is read", async () => {
    const api = service();
    for (let i = 0; i < 5; i++) await api.pin((await cidForBytes(text(`page ${i}`))).toString(), { wait: false });
    const pins = await api.list({ limit: 2 });
    expect(pins).to.have.length(5);
    expect(new Set(pins.map((p) => p.requestid)).size).to.equal(5);
    expect(server.requests.filter((r) => r.path === "/pins" && r.query.has("before")).length).to.equal(2);
  });

  it("a failed pin is IPFS_PIN_FAILED with the provider's reason", async () => {
    server.failCids.add(cid);
    const err = await rejection(service().pin(cid, { pollIntervalMs: 10 }));
    expect(isIpfsError(err, "IPFS_PIN_FAILED")).to.equal(true);
    if (!isIpfsError(err, "IPFS_PIN_FAILED")) return;
    expect(err.shortMessage).to.contain("DAG too big");
    expect(err.details?.cid).to.equal(cid);
  });

  it("a pin stuck in queued is IPFS_PIN_TIMEOUT, and a later pin() reuses it", async () => {
    server.stuckCids.add(cid);
    const err = await rejection(service().pin(cid, { waitTimeoutMs: 100, pollIntervalMs: 20 }));
    expect(isIpfsError(err, "IPFS_PIN_TIMEOUT")).to.equal(true);
    if (!isIpfsError(err, "IPFS_PIN_TIMEOUT")) return;
    expect(err.details).to.deep.include({ cid, status: "queued" });
    expect(err.hint).to.match(/origins/);
    server.stuckCids.delete(cid);
    const later = await service().pin(cid, { pollIntervalMs: 10 });
    expect(later).to.deep.include({ reused: true, status: "pinned", requestid: err.details?.requestid });
  });

  it("a wrong token is IPFS_REMOTE_UNAUTHORIZED after one request, token not in the message", async () => {
    const err = await rejection(createPinningService({ endpoint: server.endpoint, accessToken: "wrong-token", retry: fast }).pin(cid));
    expect(isIpfsError(err, "IPFS_REMOTE_UNAUTHORIZED")).to.equal(true);
    if (!isIpfsError(err, "IPFS_REMOTE_UNAUTHORIZED")) return;
    expect(err.details).to.deep.equal({ service: "pinning-service", url: `${server.endpoint}/pins`, status: 401 });
    expect(err.message).to.not.contain("wrong-token");
    expect(server.requests).to.have.length(1);
  });

  it("retries 429 (Retry-After) and 500, without creating a duplicate pin", async () => {
    const events: RetryEvent[] = [];
    server.faults.add({ path: "/pins", status: 429, headers: { "retry-after": "0" } });
    server.faults.add({ path: "/pins", status: 500 });
    const pin = await service({ retry: { ...fast, onRetry: (e) => events.push(e) } }).pin(cid, { pollIntervalMs: 10 });
    expect(pin.status).to.equal("pinned");
    expect(events.map((e) => [e.reason, e.status])).to.deep.equal([["rate-limited", 429], ["unavailable", 500]]);
    expect(server.pins.size).to.equal(1);
  });

  it("a POST whose answer was lost is retried without a duplicate (the retry finds the first request)", async () => {
    server.dropPostAnswers = 1; // the service creates the pin, the connection drops before the answer
    const pin = await service().pin(cid, { wait: false });
    expect(pin).to.deep.include({ status: "queued", reused: true });
    expect(server.pins.size).to.equal(1);
    expect(server.requests.filter((r) => r.method === "POST")).to.have.length(1);
  });

  it("unreachable endpoint: IPFS_REMOTE_UNAVAILABLE naming the URL; slow endpoint: IPFS_REMOTE_TIMEOUT", async () => {
    const endpoint = server.endpoint;
    server.faults.add({ path: "/pins", delayMs: 500, times: 2 });
    const slow = await rejection(service({ timeoutMs: 50, retry: { retries: 1, minDelayMs: 5 } }).list());
    expect(isIpfsError(slow, "IPFS_REMOTE_TIMEOUT")).to.equal(true);
    await server.close();
    const err = await rejection(createPinningService({ endpoint, accessToken: TOKEN, retry: { retries: 1, minDelayMs: 5 } }).list());
    expect(isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")).to.equal(true);
    if (isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")) {
      expect(err.details).to.deep.include({ url: `${endpoint}/pins`, attempts: 2 });
      expect(err.details?.reason).to.match(/ECONNREFUSED/);
    }
    server = await startPinningServer({ token: TOKEN });
  });

  it("an endpoint that is not http(s), or carries credentials, is IPFS_REMOTE_INVALID_URL", () => {
    for (const endpoint of ["api.pinata.cloud/psa", "https://user:pw@api.example.org/psa"]) {
      let caught: unknown;
      try {
        createPinningService({ endpoint, accessToken: TOKEN });
      } catch (err) {
        caught = err;
      }
      expect(isIpfsError(caught, "IPFS_REMOTE_INVALID_URL"), endpoint).to.equal(true);
      expect((caught as Error).message).to.not.contain("pw@");
    }
  });

  it("a bad CID is IPFS_REMOTE_REJECTED (400) with the service's reason, not retried", async () => {
    const err = await rejection(service().pin("not-a-cid"));
    expect(isIpfsError(err, "IPFS_REMOTE_REJECTED")).to.equal(true);
    if (isIpfsError(err, "IPFS_REMOTE_REJECTED")) expect(err.details).to.deep.include({ status: 400, message: "BAD_REQUEST: invalid cid not-a-cid" });
    expect(server.requests.filter((r) => r.method === "POST")).to.have.length(1);
  });
});
