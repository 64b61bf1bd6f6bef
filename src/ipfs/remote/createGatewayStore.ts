import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";
import { blockNotFound } from "../stores/blockNotFound.js";
import type { BlockStore } from "../stores/BlockStore.js";
import { DEFAULT_REMOTE_TIMEOUT_MS, splitUrlCredentials } from "./remoteOptions.js";

export interface GatewayStoreOptions {
  /** Base URL of an HTTP gateway that serves raw blocks (`/ipfs/<cid>?format=raw`), e.g. `https://ipfs.io`. */
  readonly url: string;
  /** Time limit of each request in ms (default 60,000). */
  readonly timeoutMs?: number;
}

/**
 * A read-only `BlockStore` over an HTTP gateway that speaks the trustless gateway protocol (raw blocks:
 * `GET /ipfs/<cid>?format=raw`, `Accept: application/vnd.ipld.raw`). It never trusts the gateway: it does
 * not claim `verifiesReads`, so `verifyRetrievable(root, store, { rehash: true })` and `walkDag` re-hash
 * every block it returns. Use it to check that someone else can fetch the exact bytes. Browser-safe (fetch).
 *
 * @example
 * const report = await verifyRetrievable(root, createGatewayStore({ url: "https://ipfs.io" }), { rehash: true })
 *
 * @throws IpfsError `IPFS_REMOTE_INVALID_URL` at once; on reads `IPFS_BLOCK_NOT_FOUND` (404/410),
 *   `IPFS_REMOTE_UNAVAILABLE` (network error, 5xx, any other status), `IPFS_REMOTE_TIMEOUT`.
 */
export function createGatewayStore(options: GatewayStoreOptions): BlockStore {
  const { url } = splitUrlCredentials(options.url, "gateway");
  const base = url.toString().replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
  const label = `gateway:${base}`;

  async function request(cid: CID, method: "GET" | "HEAD"): Promise<Response | undefined> {
    const target = `${base}/ipfs/${cid.toString()}?format=raw`;
    let res: Response;
    try {
      res = await fetch(target, { method, headers: { Accept: "application/vnd.ipld.raw" }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      if ((err as { name?: unknown }).name === "TimeoutError") {
        throw new IpfsError("IPFS_REMOTE_TIMEOUT", `The gateway ${base} did not answer for ${cid.toString()} within ${timeoutMs} ms.`, {
          hint: "Check the gateway URL, or try again later / with another gateway.",
          details: { service: "gateway", url: base, attempts: 1, timeoutMs },
          cause: err,
        });
      }
      throw new IpfsError("IPFS_REMOTE_UNAVAILABLE", `The gateway ${base} is unreachable.`, {
        hint: "Check the gateway URL and your network, then check again.",
        details: { service: "gateway", url: base, attempts: 1, reason: err instanceof Error ? err.message : String(err) },
        cause: err,
      });
    }
    if (res.status === 404 || res.status === 410) return undefined;
    if (!res.ok) {
      throw new IpfsError("IPFS_REMOTE_UNAVAILABLE", `The gateway ${base} answered ${res.status} for ${cid.toString()}.`, {
        hint: "A 5xx means the gateway could not fetch the block (or holds a bad copy): the content is not retrievable there yet.",
        details: { service: "gateway", url: base, attempts: 1, status: res.status, reason: `HTTP ${res.status}` },
      });
    }
    return res;
  }

  return {
    label,
    async put(): Promise<CID> {
      throw new IpfsError("IPFS_REMOTE_REJECTED", `The gateway store ${base} is read-only.`, {
        hint: "Publish to Kubo (`--kubo-url`) or a pinning service, then check through the gateway.",
        details: { service: "gateway", url: base, status: 405, message: "read-only" },
      });
    },
    async *get(cid: CID): AsyncGenerator<Uint8Array> {
      const res = await request(cid, "GET");
      if (!res) throw blockNotFound(cid, label);
      yield new Uint8Array(await res.arrayBuffer());
    },
    async has(cid: CID): Promise<boolean> {
      const res = await request(cid, "HEAD");
      return res !== undefined;
    },
  };
}
