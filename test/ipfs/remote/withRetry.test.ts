import { expect } from "chai";
import { isIpfsError } from "../../../src/errors/IpfsError.js";
import { createKuboStore } from "../../../src/ipfs/remote/createKuboStore.js";
import { parseRetryAfter } from "../../../src/ipfs/remote/withRetry.js";
import type { RetryEvent } from "../../../src/ipfs/remote/withRetry.js";
import { cidForBytes } from "../../../src/ipfs/cidForBytes.js";
import { startKuboServer } from "./helpers/kuboServer.js";

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("ipfs/remote: retry policy", function () {
  this.timeout(20_000);

  it("parses Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).to.equal(120_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).to.equal(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).to.equal(0);
    expect(parseRetryAfter("soon", now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it("backs off exponentially within maxDelayMs, then stops after `retries`", async () => {
    const kubo = await startKuboServer();
    try {
      const events: RetryEvent[] = [];
      const store = createKuboStore({ url: kubo.url, retry: { retries: 4, minDelayMs: 20, maxDelayMs: 60, onRetry: (e) => events.push(e) } });
      kubo.faults.add({ path: "/block/stat", status: 503, times: 10 });
      const err = await rejection(store.has(await cidForBytes(new Uint8Array([1]))));
      expect(isIpfsError(err, "IPFS_REMOTE_UNAVAILABLE")).to.equal(true);
      expect(events.map((e) => e.attempt)).to.deep.equal([1, 2, 3, 4]);
      for (const [i, e] of events.entries()) {
        const cap = Math.min(60, 20 * 2 ** i);
        expect(e.delayMs, `retry ${i + 1}`).to.be.within(cap / 2 - 1, cap);
        expect(e).to.deep.include({ reason: "unavailable", status: 503 });
      }
    } finally {
      await kubo.close();
    }
  });

  it("an abort from the caller stops at once, without retrying", async () => {
    const kubo = await startKuboServer();
    try {
      const controller = new AbortController();
      const store = createKuboStore({ url: kubo.url, signal: controller.signal, retry: { retries: 5, minDelayMs: 5 } });
      kubo.faults.add({ path: "/block/stat", delayMs: 2_000 });
      const pending = rejection(store.has(await cidForBytes(new Uint8Array([2]))));
      setTimeout(() => controller.abort(new Error("user cancelled")), 50);
      const err = await pending;
      expect((err as Error).message).to.equal("user cancelled");
      expect(kubo.requests.filter((r) => r.command === "block/stat")).to.have.length(1);
    } finally {
      await kubo.close();
    }
  });
});
