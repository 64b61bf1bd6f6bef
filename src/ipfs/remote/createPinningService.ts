import type { PinStatus, RemotePinningServiceClient } from "@ipfs-shipyard/pinning-service-client";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";
import { DEFAULT_REMOTE_TIMEOUT_MS, splitUrlCredentials, type RemoteOptions } from "./remoteOptions.js";
import { networkReason, parseRetryAfter, withRetry, type RemoteFailure } from "./withRetry.js";

/** Status of a pin request (IPFS Pinning Service API `Status`). */
export type RemotePinStatus = "queued" | "pinning" | "pinned" | "failed";

/** A pin request as the service reports it (`PinStatus`). */
export interface RemotePin {
  readonly requestid: string;
  readonly status: RemotePinStatus;
  readonly created: Date;
  readonly cid: string;
  readonly name: string | undefined;
  readonly origins: readonly string[];
  readonly meta: Readonly<Record<string, string>>;
  /** Multiaddrs of the service's nodes: connect your node to them to speed up the transfer. */
  readonly delegates: readonly string[];
  readonly info: Readonly<Record<string, string>>;
}

export interface PinningServiceOptions extends Omit<RemoteOptions, "auth"> {
  /** API endpoint, e.g. `https://api.pinata.cloud/psa` or `https://api.filebase.io/v1/ipfs` (no trailing `/pins`). */
  readonly endpoint: string;
  /** Access token, sent as `Authorization: Bearer <token>` (the spec's only scheme). */
  readonly accessToken: string;
}

export interface PinOptions {
  /** Name of the pin (for lookups in the provider's dashboard). */
  readonly name?: string;
  /**
   * Multiaddrs (ending in `/p2p/<peerId>`) of nodes that have the DAG, so the provider can fetch
   * it directly — e.g. your Kubo node's public addresses after `pushToKubo`.
   */
  readonly origins?: readonly string[];
  /** String key/values stored with the pin (e.g. `{ app: "mintkit", collection: "0x…" }`). */
  readonly meta?: Readonly<Record<string, string>>;
  /** Wait until the pin is `pinned` (default true); false returns the status right after the request. */
  readonly wait?: boolean;
  /** Longest wait for `pinned` in ms (default 600,000 = 10 min). */
  readonly waitTimeoutMs?: number;
  /** Interval between status checks in ms (default 2,000). */
  readonly pollIntervalMs?: number;
  /** Called with every status seen while waiting. */
  readonly onStatus?: (pin: RemotePin) => void;
}

export interface PinResult extends RemotePin {
  /** An existing pin request of the same CID was reused instead of creating a second one. */
  readonly reused: boolean;
}

export interface ListPinsOptions {
  readonly cid?: CID | string | readonly (CID | string)[];
  readonly name?: string;
  /** Statuses to include (default: all four; the service's own default is `pinned` only). */
  readonly status?: readonly RemotePinStatus[];
  /** Results per page (default 1,000, the spec's maximum). */
  readonly limit?: number;
  readonly meta?: Readonly<Record<string, string>>;
}

export interface PinningService {
  readonly endpoint: string;
  /** Pins `cid` (reusing a live pin request of the same CID) and, by default, waits until it is `pinned`. */
  pin(cid: CID | string, options?: PinOptions): Promise<PinResult>;
  /** The current status of a pin request. */
  status(requestid: string): Promise<RemotePin>;
  /** Polls a pin request until it is `pinned` (or fails / times out). */
  waitForPin(requestid: string, options?: Pick<PinOptions, "waitTimeoutMs" | "pollIntervalMs" | "onStatus">): Promise<RemotePin>;
  /** Lists pin requests (every page, newest first). */
  list(options?: ListPinsOptions): Promise<RemotePin[]>;
  /** Removes a pin request. */
  remove(requestid: string): Promise<void>;
}

const ALL_STATUSES: readonly RemotePinStatus[] = ["queued", "pinning", "pinned", "failed"];

/**
 * A client of the IPFS Pinning Service API (the open standard Pinata, Filebase, 4EVERLAND … speak),
 * on `@ipfs-shipyard/pinning-service-client`, with timeouts, retries and typed errors.
 * Browser-safe (fetch; the generated client is loaded on first use).
 *
 * **How the bytes reach the provider.** The Pinning Service API carries no content: `POST /pins`
 * only asks the provider to pin a CID, and the provider then fetches the blocks over the IPFS
 * network — from the multiaddrs given in `origins` first, else by looking the CID up (DHT / IPNI).
 * mintkit therefore expects the DAG to be *served* somewhere the provider can reach while the pin
 * is `queued`/`pinning`: push it to your own, publicly reachable Kubo node (`pushToKubo`) and pass
 * that node's `/p2p/` multiaddrs as `origins`; or upload a CAR (`exportCar` / `writeCarFile`)
 * through the provider's own upload API, after which `pin()` finds the CID and just records the
 * pin. A DAG that only lives in the local embedded store (or behind the loopback gateway) cannot
 * be fetched by a provider: the pin stays `queued` and `pin()` ends with `IPFS_PIN_TIMEOUT`.
 *
 * @example
 * const service = createPinningService({ endpoint: "https://api.pinata.cloud/psa", accessToken: process.env.PINATA_JWT! })
 * const pin = await service.pin(root, { name: "my-collection", origins: kuboAddresses })
 * // pin.status === "pinned"; calling pin() again reuses pin.requestid
 *
 * @throws IpfsError `IPFS_REMOTE_UNAUTHORIZED`, `IPFS_REMOTE_UNAVAILABLE`, `IPFS_REMOTE_TIMEOUT`,
 *   `IPFS_REMOTE_RATE_LIMITED`, `IPFS_REMOTE_REJECTED`, `IPFS_PIN_FAILED`, `IPFS_PIN_TIMEOUT`;
 *   `IPFS_REMOTE_INVALID_URL` at once for an endpoint that is not http(s).
 */
export function createPinningService(options: PinningServiceOptions): PinningService {
  const { url: parsed, auth: urlAuth } = splitUrlCredentials(options.endpoint, "pinning-service");
  if (urlAuth) {
    throw new IpfsError("IPFS_REMOTE_INVALID_URL", "The pinning service endpoint must not carry credentials.", {
      hint: "Pass the access token as `accessToken` (sent as a Bearer token), not in the URL.",
      details: { service: "pinning-service", url: parsed.toString() },
    });
  }
  const endpoint = parsed.toString().replace(/\/+$/, "").replace(/\/pins$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE_TIMEOUT_MS;

  let client: Promise<RemotePinningServiceClient> | undefined;
  const getClient = () =>
    (client ??= import("@ipfs-shipyard/pinning-service-client").then(
      ({ Configuration, RemotePinningServiceClient }) =>
        new RemotePinningServiceClient(
          new Configuration({
            endpointUrl: endpoint,
            accessToken: options.accessToken,
            ...(options.headers ? { headers: { ...options.headers } } : {}),
            queryParamsStringify,
          }),
        ),
    ));

  const call = <T>(path: string, run: (api: RemotePinningServiceClient, signal: AbortSignal) => Promise<T>): Promise<T> =>
    withRetry(async (signal) => run(await getClient(), signal), {
      service: "pinning-service",
      url: `${endpoint}${path}`,
      timeoutMs,
      classify: classifyPinningError,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });

  const list = async (filter: ListPinsOptions = {}): Promise<RemotePin[]> => {
    const cids = filter.cid === undefined ? undefined : (Array.isArray(filter.cid) ? filter.cid : [filter.cid]).map(String);
    const limit = filter.limit ?? 1000;
    const out: RemotePin[] = [];
    let before: Date | undefined;
    for (;;) {
      const page = await call("/pins", (api, signal) =>
        api.pinsGet(
          {
            ...(cids ? { cid: cids } : {}),
            ...(filter.name !== undefined ? { name: filter.name } : {}),
            status: [...(filter.status ?? ALL_STATUSES)] as PinStatus["status"][],
            limit,
            ...(filter.meta ? { meta: { ...filter.meta } } : {}),
            ...(before ? { before } : {}),
          },
          { signal },
        ),
      );
      out.push(...page.results.map(toRemotePin));
      const oldest = page.results.at(-1);
      // The spec: more results exist when `count` exceeds the results returned.
      if (!oldest || page.count <= page.results.length || page.results.length < limit) return out;
      before = oldest.created;
    }
  };

  const status = async (requestid: string): Promise<RemotePin> =>
    toRemotePin(await call(`/pins/${requestid}`, (api, signal) => api.pinsRequestidGet({ requestid }, { signal })));

  const waitForPin: PinningService["waitForPin"] = async (requestid, waitOptions = {}) => {
    const waitTimeoutMs = waitOptions.waitTimeoutMs ?? 600_000;
    const interval = Math.max(10, waitOptions.pollIntervalMs ?? 2_000);
    const started = Date.now();
    for (;;) {
      const pin = await status(requestid);
      waitOptions.onStatus?.(pin);
      if (pin.status === "pinned") return pin;
      if (pin.status === "failed") throw pinFailed(pin);
      const waited = Date.now() - started;
      if (waited >= waitTimeoutMs) {
        throw new IpfsError("IPFS_PIN_TIMEOUT", `The pin of ${pin.cid} is still "${pin.status}" after ${Math.round(waited / 1000)} s.`, {
          hint:
            "The provider has not fetched the blocks yet: make sure the DAG is served by a reachable node (pass its multiaddrs as `origins`, e.g. your Kubo node after pushToKubo) or uploaded as a CAR, then call pin() again — it reuses this pin request.",
          details: { cid: pin.cid, requestid, status: pin.status, waitedMs: waited },
        });
      }
      await delay(Math.min(interval, waitTimeoutMs - waited), options.signal);
    }
  };

  return {
    endpoint,
    list,
    status,
    waitForPin,
    async pin(target: CID | string, pinOptions: PinOptions = {}): Promise<PinResult> {
      const cid = String(target);
      // One attempt = look for a live request of the CID, else create one: a POST retried after a
      // timeout never creates a second request.
      const { pin: created, reused } = await call("/pins", async (api, signal) => {
        const existing = await api.pinsGet({ cid: [cid], status: ["queued", "pinning", "pinned"] as PinStatus["status"][], limit: 1 }, { signal });
        const found = existing.results.find((p) => p.pin.cid === cid);
        if (found) return { pin: toRemotePin(found), reused: true };
        const made = await api.pinsPost(
          {
            pin: {
              cid,
              ...(pinOptions.name !== undefined ? { name: pinOptions.name } : {}),
              ...(pinOptions.origins ? { origins: [...pinOptions.origins] } : {}),
              ...(pinOptions.meta ? { meta: { ...pinOptions.meta } } : {}),
            },
          },
          { signal },
        );
        return { pin: toRemotePin(made), reused: false };
      });
      pinOptions.onStatus?.(created);
      if (created.status === "failed") throw pinFailed(created);
      if (pinOptions.wait === false || created.status === "pinned") return { ...created, reused };
      const done = await waitForPin(created.requestid, pinOptions);
      return { ...done, reused };
    },
    async remove(requestid: string): Promise<void> {
      await call(`/pins/${requestid}`, (api, signal) => api.pinsRequestidDelete({ requestid }, { signal }));
    },
  };
}

/** The generated client throws the `Response` itself for a non-2xx answer. @internal */
async function classifyPinningError(err: unknown): Promise<RemoteFailure | undefined> {
  if (err instanceof Response) {
    const status = err.status;
    const message = await failureReason(err);
    if (status === 401 || status === 403) return { kind: "unauthorized", status, message };
    if (status === 429) return { kind: "rate-limited", status, retryAfterMs: parseRetryAfter(err.headers.get("retry-after")), message };
    if (status >= 500) return { kind: "unavailable", status, message: `HTTP ${status} ${message}` };
    return { kind: "rejected", status, message };
  }
  const reason = networkReason(err);
  if (reason !== undefined) return { kind: "unavailable", message: reason };
  return undefined;
}

/** The spec's `Failure` body: `{ error: { reason, details } }`. */
async function failureReason(response: Response): Promise<string> {
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { error?: { reason?: unknown; details?: unknown } };
      const reason = typeof body.error?.reason === "string" ? body.error.reason : undefined;
      const details = typeof body.error?.details === "string" ? body.error.details : undefined;
      if (reason) return details ? `${reason}: ${details}` : reason;
    } catch {
      // not JSON
    }
    return text.slice(0, 200) || response.statusText;
  } catch {
    return response.statusText;
  }
}

function toRemotePin(p: PinStatus): RemotePin {
  return {
    requestid: p.requestid,
    status: p.status as RemotePinStatus,
    created: p.created,
    cid: p.pin.cid,
    name: p.pin.name,
    origins: p.pin.origins ?? [],
    meta: p.pin.meta ?? {},
    delegates: p.delegates ?? [],
    info: p.info ?? {},
  };
}

function pinFailed(pin: RemotePin): IpfsError<"IPFS_PIN_FAILED"> {
  const reason = pin.info["status_details"];
  return new IpfsError("IPFS_PIN_FAILED", `The pinning service failed to pin ${pin.cid}${reason ? `: ${reason}` : "."}`, {
    hint: "Check the provider's reason (details.info), that the DAG is reachable from `origins` or uploaded as a CAR, and your plan's limits; then remove the failed request and pin again.",
    details: { cid: pin.cid, requestid: pin.requestid, info: pin.info },
  });
}

/**
 * Query strings as the spec wants them: arrays comma-separated (done by the generated client),
 * `meta` as one JSON object (`?meta={"app":"mintkit"}`), not `meta[app]=…`.
 */
function queryParamsStringify(params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const text =
      value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return parts.join("&");
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

