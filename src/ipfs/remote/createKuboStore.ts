import type { BlockPutOptions, KuboRPCClient } from "kubo-rpc-client";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";
import { collectBytes } from "../blockBytes.js";
import type { BlockBytes, BlockStore } from "../stores/BlockStore.js";
import { blockNotFound } from "../stores/blockNotFound.js";
import {
  authorizationHeader,
  DEFAULT_REMOTE_TIMEOUT_MS,
  splitUrlCredentials,
  type RemoteOptions,
} from "./remoteOptions.js";
import { networkReason, parseRetryAfter, withRetry, type RemoteFailure } from "./withRetry.js";

const DAG_PB = 0x70;
const RAW = 0x55;
const SHA2_256 = 0x12;

/** Default Kubo RPC API address (Kubo's `Addresses.API`). */
export const DEFAULT_KUBO_URL = "http://127.0.0.1:5001";

export interface KuboStoreOptions extends RemoteOptions {
  /** Kubo RPC API address (default `http://127.0.0.1:5001`; `/api/v0` is appended). Credentials in the URL become Basic auth. */
  readonly url?: string;
}

export interface KuboStore extends BlockStore {
  /** The RPC API base URL (without credentials). */
  readonly url: string;
  /** Pins `root` recursively on the node (every block under it must be there; nothing is fetched from the network). */
  pin(root: CID): Promise<void>;
  /** True when `root` is pinned recursively (then every block under it is on the node). */
  isPinned(root: CID): Promise<boolean>;
  /**
   * Imports a CAR stream with `dag/import` (no pinning). `car` is called once per attempt, so a
   * retried import streams the CAR again. @returns the roots Kubo reports.
   */
  importCar(car: () => AsyncIterable<Uint8Array>): Promise<CID[]>;
  /**
   * The node's public multiaddrs, each ending in `/p2p/<peerId>` (loopback and private addresses
   * left out): the `origins` to give a pinning service so it fetches the DAG from this node.
   */
  origins(): Promise<string[]>;
}

/**
 * A `BlockStore` backed by a Kubo node's RPC API (`kubo-rpc-client`): `put` = `block/put` with the
 * block's own codec (dag-pb or raw) and sha2-256, `get` = `block/get`, `has` = `block/stat`, all
 * with `offline=true` so a missing block is reported at once instead of searched for on the
 * network. So `importFiles(entries, { store: createKuboStore() })` writes straight to Kubo, with
 * the same CIDs as a local import. Every request has a timeout and bounded retries (429 honouring
 * `Retry-After`, 5xx, network errors); 401/403 fail at once. Browser-safe (fetch-based; the client
 * is loaded on first use).
 *
 * Importing straight into Kubo costs two requests per block (`block/stat`, then `block/put`); for a
 * large collection, import into the embedded store and send it with `pushToKubo` (one CAR).
 *
 * @example
 * const kubo = createKuboStore({ url: "http://127.0.0.1:5001", auth: { bearer: process.env.KUBO_TOKEN! } })
 * const { root } = await importFiles(entries, { store: kubo, profile: "kubo-v1" })
 * await kubo.pin(root)
 *
 * @throws IpfsError `IPFS_REMOTE_UNAUTHORIZED`, `IPFS_REMOTE_UNAVAILABLE`, `IPFS_REMOTE_TIMEOUT`,
 *   `IPFS_REMOTE_RATE_LIMITED`, `IPFS_REMOTE_REJECTED`, `IPFS_REMOTE_INVALID_RESPONSE`,
 *   `IPFS_BLOCK_NOT_FOUND` (get), `IPFS_UNSUPPORTED_CODEC` (put of a block that is not dag-pb/raw sha2-256);
 *   `IPFS_REMOTE_INVALID_URL` at once for a URL that is not http(s).
 */
export function createKuboStore(options: KuboStoreOptions = {}): KuboStore {
  const { url: parsed, auth: urlAuth } = splitUrlCredentials(options.url ?? DEFAULT_KUBO_URL, "kubo");
  const base = parsed.toString().replace(/\/+$/, "");
  const apiBase = /\/api\/v0$/.test(base) ? base : `${base}/api/v0`;
  const authorization = authorizationHeader(options.auth ?? urlAuth);
  const headers: Record<string, string> = { ...options.headers };
  if (authorization) headers["Authorization"] = authorization;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;
  const label = `kubo:${base}`;

  let client: Promise<KuboRPCClient> | undefined;
  const getClient = () =>
    (client ??= import("kubo-rpc-client").then(({ create }) => create({ url: apiBase, headers })));

  const call = <T>(endpoint: string, run: (kubo: KuboRPCClient, signal: AbortSignal) => Promise<T>): Promise<T> =>
    withRetry(async (signal) => run(await getClient(), signal), {
      service: "kubo",
      url: `${apiBase}/${endpoint}`,
      timeoutMs,
      classify: classifyKuboError,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });

  return {
    label,
    url: base,
    async put(cid: CID, bytes: BlockBytes): Promise<CID> {
      checkBlockCid(cid);
      const data = await collectBytes(bytes);
      const putOptions: BlockPutOptions & { cidCodec: string; offline: boolean } = {
        cidCodec: cid.code === DAG_PB ? "dag-pb" : "raw",
        mhtype: "sha2-256",
        pin: false,
        offline: true,
        ...(data.byteLength > 1024 * 1024 ? { allowBigBlock: true } : {}),
      };
      const stored = await call("block/put", (kubo, signal) => kubo.block.put(data, { ...putOptions, signal }));
      if (!equalBytes(stored.multihash.bytes, cid.multihash.bytes)) {
        throw new IpfsError("IPFS_REMOTE_INVALID_RESPONSE", `Kubo stored block ${cid.toString()} as ${stored.toString()}.`, {
          hint: "The bytes sent do not hash to the CID: the local block is corrupt (re-import it) or a proxy altered the request body.",
          details: { service: "kubo", url: `${apiBase}/block/put`, reason: `expected ${cid.toString()}, got ${stored.toString()}` },
        });
      }
      return cid;
    },
    async *get(cid: CID): AsyncGenerator<Uint8Array> {
      try {
        yield await call("block/get", (kubo, signal) => kubo.block.get(cid, { ...offline, signal }));
      } catch (err) {
        if (isNotFound(err)) throw blockNotFound(cid, label, err);
        throw err;
      }
    },
    async has(cid: CID): Promise<boolean> {
      try {
        await call("block/stat", (kubo, signal) => kubo.block.stat(cid, { ...offline, signal }));
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    },
    async pin(root: CID): Promise<void> {
      await call("pin/add", (kubo, signal) => kubo.pin.add(root, { recursive: true, ...offline, signal }));
    },
    async isPinned(root: CID): Promise<boolean> {
      try {
        return await call("pin/ls", async (kubo, signal) => {
          for await (const pin of kubo.pin.ls({ paths: root, type: "recursive", signal })) {
            if (equalBytes(pin.cid.multihash.bytes, root.multihash.bytes)) return true;
          }
          return false;
        });
      } catch (err) {
        if (isNotPinned(err)) return false;
        throw err;
      }
    },
    async importCar(car: () => AsyncIterable<Uint8Array>): Promise<CID[]> {
      return call("dag/import", async (kubo, signal) => {
        const roots: CID[] = [];
        for await (const result of kubo.dag.import(car(), { pinRoots: false, signal })) roots.push(result.root.cid);
        return roots;
      });
    },
    async origins(): Promise<string[]> {
      const info = await call("id", (kubo, signal) => kubo.id({ signal }));
      const peer = info.id.toString();
      return (info.addresses ?? [])
        .map(String)
        .filter(isPublicAddress)
        .map((a) => (a.includes("/p2p/") ? a : `${a}/p2p/${peer}`));
    },
    async close(): Promise<void> {},
  };
}

/** False for loopback, private, link-local and unique-local IP multiaddrs (a provider cannot dial them). */
function isPublicAddress(addr: string): boolean {
  const ip4 = /^\/ip4\/(\d+)\.(\d+)\./.exec(addr);
  if (ip4) {
    const a = Number(ip4[1]);
    const b = Number(ip4[2]);
    return !(a === 127 || a === 10 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127));
  }
  const ip6 = /^\/ip6\/([^/]+)/.exec(addr);
  if (ip6) {
    const host = ip6[1]!.toLowerCase();
    return !(host === "::1" || host === "::" || host.startsWith("fe80") || host.startsWith("fc") || host.startsWith("fd"));
  }
  return true;
}

/** `offline=true`: Kubo answers from its own repo only (kebab-cased by kubo-rpc-client). */
const offline = { offline: true } as { offline: boolean } & BlockPutOptions;

function checkBlockCid(cid: CID): void {
  if ((cid.code === DAG_PB || cid.code === RAW) && cid.multihash.code === SHA2_256) return;
  throw new IpfsError(
    "IPFS_UNSUPPORTED_CODEC",
    `Block ${cid.toString()} uses codec 0x${cid.code.toString(16)} / hash 0x${cid.multihash.code.toString(16)}, which the Kubo store does not put.`,
    {
      hint: "The Kubo store takes UnixFS blocks (dag-pb and raw, sha2-256) as produced by importFiles.",
      details: { cid: cid.toString(), codec: cid.code, hash: cid.multihash.code },
    },
  );
}

/** Kubo answers a missing block (with offline=true) with HTTP 500 and a "not found" message. */
function isNotFound(err: unknown): boolean {
  return err instanceof IpfsError && err.code === "IPFS_REMOTE_REJECTED" && /not found|could not find/i.test(err.details?.message ?? "");
}

function isNotPinned(err: unknown): boolean {
  return err instanceof IpfsError && err.code === "IPFS_REMOTE_REJECTED" && /not pinned/i.test(err.details?.message ?? "");
}

/**
 * kubo-rpc-client throws `HTTPError` (with `response`) for HTTP errors, after replacing its
 * message by Kubo's. Kubo reports command errors (bad argument, block not found, not pinned) as
 * HTTP 500 with a JSON body: those are final; a 5xx without Kubo's JSON (a proxy, a crash) is
 * retried. @internal
 */
function classifyKuboError(err: unknown): RemoteFailure | undefined {
  const response = (err as { response?: unknown } | null)?.response;
  if (response instanceof Response) {
    const status = response.status;
    const message = err instanceof Error && err.message !== "" ? err.message : response.statusText;
    if (status === 401 || status === 403) return { kind: "unauthorized", status, message };
    if (status === 429) {
      return { kind: "rate-limited", status, retryAfterMs: parseRetryAfter(response.headers.get("retry-after")), message };
    }
    const kuboJson = (response.headers.get("content-type") ?? "").startsWith("application/json");
    if (status >= 500 && !(status === 500 && kuboJson)) return { kind: "unavailable", status, message: `HTTP ${status} ${message}` };
    return { kind: "rejected", status, message };
  }
  const reason = networkReason(err);
  if (reason !== undefined) return { kind: "unavailable", message: reason };
  if (err instanceof Error && err.name === "TimeoutError") return { kind: "unavailable", message: err.message };
  return undefined;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

