/**
 * A loopback IPFS Pinning Service API server (test-only), per the OpenAPI spec
 * (ipfs/pinning-services-api-spec): `GET/POST /pins`, `GET/POST/DELETE /pins/{requestid}`,
 * Bearer auth, `PinStatus` objects (`requestid`, `status`, `created`, `pin: { cid, name, origins,
 * meta }`, `delegates`, `info`), `Failure` bodies (`{ error: { reason, details } }`), list filters
 * (`cid`, `name`, `status` — default `pinned` only —, `before`, `after`, `limit`, `meta` as JSON).
 * Each `GET /pins/{requestid}` moves a pin one step along `queued → pinning → pinned` (or to
 * `failed` for CIDs in `failCids`); CIDs in `stuckCids` stay `queued`.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CID } from "multiformats/cid";
import { FaultQueue, readBody } from "./faults.js";

type Status = "queued" | "pinning" | "pinned" | "failed";
interface StoredPin {
  requestid: string;
  status: Status;
  created: string;
  pin: { cid: string; name?: string; origins?: string[]; meta?: Record<string, string> };
  delegates: string[];
  info: Record<string, string>;
}

export interface PinningServer {
  /** Endpoint to give the client (no `/pins`). */
  readonly endpoint: string;
  readonly pins: Map<string, StoredPin>;
  readonly requests: { method: string; path: string; query: URLSearchParams; authorization: string | undefined; body: unknown }[];
  readonly faults: FaultQueue;
  readonly failCids: Set<string>;
  readonly stuckCids: Set<string>;
  /** The next N `POST /pins` are carried out, but the connection drops before the answer. */
  dropPostAnswers: number;
  close(): Promise<void>;
}

const DELEGATE = "/ip4/203.0.113.7/tcp/4001/p2p/12D3KooWGXdaVrY9dFZcKkXBRDC2kKcbD1WUGAKqGrTpHqTHbzvZ";
const NEXT: Record<Status, Status> = { queued: "pinning", pinning: "pinned", pinned: "pinned", failed: "failed" };

export async function startPinningServer(options: { token: string; basePath?: string }): Promise<PinningServer> {
  const basePath = options.basePath ?? "/psa";
  const pins = new Map<string, StoredPin>();
  const requests: PinningServer["requests"] = [];
  const faults = new FaultQueue();
  const failCids = new Set<string>();
  const stuckCids = new Set<string>();
  let clock = Date.parse("2026-01-01T00:00:00Z");

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => failure(res, 500, "INTERNAL", (err as Error).message));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(basePath)) return failure(res, 404, "NOT_FOUND", "no such path");
    const path = url.pathname.slice(basePath.length);
    if (await faults.apply(req, res, path)) return;
    const raw = await readBody(req);
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString()) : undefined;
    requests.push({ method: req.method ?? "", path, query: url.searchParams, authorization: req.headers.authorization, body });
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return failure(res, 401, "UNAUTHORIZED", "Access token is missing or invalid");
    }
    const method = req.method ?? "GET";

    if (path === "/pins" && method === "GET") {
      const q = url.searchParams;
      const cids = q.get("cid")?.split(",");
      const statuses = (q.get("status") ?? "pinned").split(",");
      const name = q.get("name");
      const limit = Number(q.get("limit") ?? "10");
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return failure(res, 400, "BAD_REQUEST", "limit must be 1..1000");
      const before = q.get("before");
      const after = q.get("after");
      const meta = q.get("meta") ? (JSON.parse(q.get("meta")!) as Record<string, string>) : undefined;
      const matches = [...pins.values()]
        .filter((p) => !cids || cids.includes(p.pin.cid))
        .filter((p) => statuses.includes(p.status))
        .filter((p) => name === null || p.pin.name === name)
        .filter((p) => !before || p.created < before)
        .filter((p) => !after || p.created > after)
        .filter((p) => !meta || Object.entries(meta).every(([k, v]) => p.pin.meta?.[k] === v))
        .sort((a, b) => (a.created < b.created ? 1 : -1));
      return json(res, 200, { count: matches.length, results: matches.slice(0, limit) });
    }
    if (path === "/pins" && method === "POST") {
      const pin = checkPin(body);
      if (typeof pin === "string") return failure(res, 400, "BAD_REQUEST", pin);
      const stored = create(pin);
      if (api.dropPostAnswers > 0) {
        api.dropPostAnswers--;
        return void req.socket.destroy();
      }
      return json(res, 202, stored);
    }
    const match = /^\/pins\/([^/]+)$/.exec(path);
    if (!match) return failure(res, 404, "NOT_FOUND", "no such path");
    const existing = pins.get(decodeURIComponent(match[1]!));
    if (!existing) return failure(res, 404, "NOT_FOUND", "The specified resource was not found");
    if (method === "GET") {
      if (!stuckCids.has(existing.pin.cid)) {
        existing.status = failCids.has(existing.pin.cid) ? "failed" : NEXT[existing.status];
        if (existing.status === "failed") existing.info = { status_details: "DAG too big for your plan" };
      }
      return json(res, 200, existing);
    }
    if (method === "DELETE") {
      pins.delete(existing.requestid);
      res.writeHead(202);
      return void res.end();
    }
    if (method === "POST") {
      const pin = checkPin(body);
      if (typeof pin === "string") return failure(res, 400, "BAD_REQUEST", pin);
      pins.delete(existing.requestid);
      return json(res, 202, create(pin));
    }
    return failure(res, 405, "METHOD_NOT_ALLOWED", method);
  }

  function create(pin: StoredPin["pin"]): StoredPin {
    clock += 1000;
    const stored: StoredPin = {
      requestid: randomUUID(),
      status: "queued",
      created: new Date(clock).toISOString(),
      pin,
      delegates: [DELEGATE],
      info: {},
    };
    pins.set(stored.requestid, stored);
    return stored;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const api: PinningServer = {
    dropPostAnswers: 0,
    endpoint: `http://127.0.0.1:${port}${basePath}`,
    pins,
    requests,
    faults,
    failCids,
    stuckCids,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

function checkPin(body: unknown): StoredPin["pin"] | string {
  const pin = body as { cid?: unknown; name?: unknown; origins?: unknown; meta?: unknown } | undefined;
  if (!pin || typeof pin.cid !== "string") return "pin.cid is required";
  try {
    CID.parse(pin.cid);
  } catch {
    return `invalid cid ${pin.cid}`;
  }
  if (pin.name !== undefined && (typeof pin.name !== "string" || pin.name.length > 255)) return "invalid name";
  if (pin.origins !== undefined && !(Array.isArray(pin.origins) && pin.origins.every((o) => typeof o === "string"))) {
    return "origins must be an array of multiaddrs";
  }
  if (pin.meta !== undefined && (typeof pin.meta !== "object" || pin.meta === null)) return "meta must be an object";
  return {
    cid: pin.cid,
    ...(pin.name !== undefined ? { name: pin.name as string } : {}),
    ...(pin.origins !== undefined ? { origins: pin.origins as string[] } : {}),
    ...(pin.meta !== undefined ? { meta: pin.meta as Record<string, string> } : {}),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function failure(res: ServerResponse, status: number, reason: string, details: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { reason, details } }));
}
