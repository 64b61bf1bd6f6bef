import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CID } from "multiformats/cid";
import { IpfsError, isIpfsError } from "../../errors/IpfsError.js";
import { blockKey } from "../blockKey.js";
import { getBlock } from "../blockBytes.js";
import { carStream } from "../carStream.js";
import type { BlockStore } from "../stores/BlockStore.js";
import { walkDag } from "../walkDag.js";
import { contentTypeOf, isActiveContentType } from "./contentTypeOf.js";
import { DirectoryCache, resolveUnixfsPath } from "./resolveUnixfsPath.js";
import { listDirectory, readFileRange, type UnixfsNode } from "./unixfsNode.js";

export interface GatewayOptions {
  /** Where the blocks are (the embedded store, a memory store, a Kubo store …). */
  readonly store: BlockStore;
  /** Interface to listen on (default `127.0.0.1`: loopback only). */
  readonly host?: string;
  /** Port (default 0: a free port is chosen; read it from `url`). */
  readonly port?: number;
}

export interface Gateway {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** `ipfs://<cid>/1.json` (or `/ipfs/<cid>/…`, or a bare CID) → `http://127.0.0.1:<port>/ipfs/<cid>/1.json`. */
  urlFor(uri: string): string;
  /** Stops listening and closes open connections. Safe to call twice. */
  close(): Promise<void>;
}

const RAW_TYPE = "application/vnd.ipld.raw";
const CAR_TYPE = "application/vnd.ipld.car";
const SNIFF_BYTES = 64 * 1024;
/** Files up to this size are read whole before the status line is sent. */
const WHOLE_BYTES = 4 * 1024 * 1024;
const IMMUTABLE = "public, max-age=29030400, immutable";

/**
 * A local HTTP gateway over a block store, so that `ipfs://` URIs of tokens minted on a local
 * chain resolve in wallets, dapps and tests. NODE-ONLY (node:http).
 *
 * Serves `GET`/`HEAD /ipfs/<cid>[/<path>]`:
 * - UnixFS files with the Content-Type sniffed from their bytes (then the extension for text
 *   formats such as `.json`), `Content-Length`, single `Range` requests; directories through
 *   plain and HAMT-sharded nodes, `index.html` when present, else an HTML listing (a directory
 *   URL without a trailing `/` is redirected to it);
 * - `?format=raw` / `Accept: application/vnd.ipld.raw`: the block itself (of the path's target);
 * - `?format=car` / `Accept: application/vnd.ipld.car`: a CARv1 whose root is the path's target,
 *   holding the blocks on the path (so it can be verified from `<cid>`) then every block of the
 *   target's DAG, each once, depth first;
 * - `ETag` = `"<cid>"` (`"<cid>.raw"`, `"<cid>.car"` for those formats), `If-None-Match` → 304,
 *   immutable caching, `Access-Control-Allow-Origin: *` (dapps on localhost read it);
 * - HTML, SVG and XML files with `Content-Security-Policy: sandbox` (their scripts do not run on the
 *   gateway's origin) and every file with `X-Content-Type-Options: nosniff`;
 * - bound to a loopback address (the default), 403 for a request whose `Host` is not a loopback name
 *   (`localhost`, `127.0.0.1`, `[::1]`, optionally with the gateway's port): a web page cannot read the
 *   store through DNS rebinding;
 * - 400 for a bad CID or format, 404 for a missing block or name, 405 for other methods, 502 for a block
 *   the store holds corrupt (`IPFS_BLOCK_CORRUPT`; the embedded store re-hashes every block it reads):
 *   files up to 4 MiB, raw blocks and the first block of a CAR are read before the status line, so a
 *   corrupt one is never served with 200; in a larger file or deeper in a CAR it cuts the response short.
 *
 * @example
 * const gateway = await startGateway({ store: await createFsStore() })
 * gateway.urlFor(`ipfs://${root}/1.json`) // http://127.0.0.1:54321/ipfs/bafy…/1.json
 * await gateway.close()
 *
 * @throws IpfsError `IPFS_GATEWAY_FAILED` when it cannot listen (port in use, unknown host).
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { store } = options;
  const host = options.host ?? "127.0.0.1";
  const requestedPort = options.port ?? 0;
  const cache = new DirectoryCache();

  let allowedHost: (hostHeader: string | undefined) => boolean = () => true;
  const server = createServer((req, res) => {
    if (!allowedHost(req.headers.host)) {
      return text(res, req, 403, "Forbidden: this local gateway answers only requests addressed to localhost, 127.0.0.1 or [::1].");
    }
    serve(req, res, store, cache).catch((err: unknown) => {
      if (res.headersSent) res.destroy(err instanceof Error ? err : undefined);
      else text(res, req, statusOf(err), describe(err));
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) =>
      reject(
        new IpfsError("IPFS_GATEWAY_FAILED", `The IPFS gateway cannot listen on ${host}:${requestedPort}: ${err.message}`, {
          hint:
            (err as { code?: unknown }).code === "EADDRINUSE"
              ? "Another program uses that port: pick another `port`, or 0 for any free port."
              : "Check the `host` (an address of this machine, e.g. 127.0.0.1) and `port`.",
          details: { host, port: requestedPort, reason: err.message },
          cause: err,
        }),
      );
    server.once("error", onError);
    server.listen(requestedPort, host, () => {
      server.off("error", onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  if (isLoopbackAddress(address.address)) allowedHost = (h) => isLoopbackHost(h, address.port);
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    urlFor: (uri: string) => `${url}${ipfsPathOf(uri)}`,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  };
}

/** An IP address of the loopback interface (127.0.0.0/8, ::1, ::ffff:127.x.x.x). */
function isLoopbackAddress(ip: string): boolean {
  const v4 = ip.toLowerCase().replace(/^::ffff:/, "");
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || ip === "::1";
}

/**
 * A `Host` header naming this loopback gateway: `localhost`, `127.0.0.1` or `[::1]` (any 127.x
 * address too), without a port or with the gateway's own. A missing Host is refused (browsers always
 * send one; a rebinding page sends its own name).
 */
function isLoopbackHost(header: string | undefined, port: number): boolean {
  if (header === undefined) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!m) return false;
  if (m[2] !== undefined && Number(m[2]) !== port) return false;
  const name = m[1]!.replace(/\.$/, "");
  if (name === "localhost") return true;
  if (name.startsWith("[")) return name === "[::1]";
  return isLoopbackAddress(name);
}

/** `ipfs://<cid>/p`, `/ipfs/<cid>/p`, `<cid>/p` → `/ipfs/<cid>/p`. */
function ipfsPathOf(uri: string): string {
  if (uri.startsWith("ipfs://")) return `/ipfs/${uri.slice("ipfs://".length).replace(/^ipfs\//, "")}`;
  if (uri.startsWith("/ipfs/")) return uri;
  return `/ipfs/${uri}`;
}

async function serve(req: IncomingMessage, res: ServerResponse, store: BlockStore, cache: DirectoryCache): Promise<void> {
  res.setHeader("Access-Control-Allow-Origin", "*");
  if (req.method === "OPTIONS") {
    res.writeHead(204, { "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS", "Access-Control-Allow-Headers": "Range, Accept" });
    return void res.end();
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD, OPTIONS");
    return text(res, req, 405, "Method not allowed: the gateway is read-only (GET, HEAD).");
  }
  const url = new URL(req.url ?? "/", "http://gateway");
  const match = /^\/ipfs\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match) return text(res, req, 404, "Not found: request /ipfs/<cid>[/path].");
  let root: CID;
  try {
    root = CID.parse(decodeURIComponent(match[1]!));
  } catch {
    return text(res, req, 400, `Invalid CID "${match[1]}".`);
  }
  let segments: string[];
  try {
    segments = (match[2] ?? "").split("/").filter((s) => s !== "").map((s) => decodeURIComponent(s));
  } catch {
    return text(res, req, 400, "Invalid percent-encoding in the path.");
  }
  const format = responseFormat(url.searchParams.get("format"), req.headers.accept);
  if (format === "invalid") return text(res, req, 400, `Unsupported format "${url.searchParams.get("format")}": use raw or car.`);

  const contentPath = `/ipfs/${root.toString()}${segments.map((s) => `/${encodeURIComponent(s)}`).join("")}`;
  res.setHeader("X-Ipfs-Path", contentPath);

  // Raw block of a bare CID: any codec (no decoding needed).
  if (format === "raw" && segments.length === 0) return sendRaw(req, res, root, await getBlock(store, root), contentPath);

  if (root.code !== 0x70 && root.code !== 0x55) {
    return text(res, req, 501, `The gateway decodes UnixFS (dag-pb, raw) only; ${root.toString()} has codec 0x${root.code.toString(16)}. Use ?format=raw.`);
  }
  const resolved = await resolveUnixfsPath(root, segments, store, cache);
  if (!resolved.found) return text(res, req, 404, `Not found: ${resolved.reason}.`);
  const { node } = resolved;
  res.setHeader("X-Ipfs-Roots", resolved.roots.map((c) => c.toString()).join(","));

  if (format === "raw") return sendRaw(req, res, node.cid, node.bytes, contentPath);
  if (format === "car") return sendCar(req, res, node.cid, resolved.pathBlocks, store);

  if (node.kind === "directory") {
    if (!url.pathname.endsWith("/")) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
      return void res.end();
    }
    const listing = await cache.get(node, store);
    const index = listing.get("index.html");
    if (index) {
      const indexNode = await resolveUnixfsPath(node.cid, ["index.html"], store, cache);
      if (indexNode.found && indexNode.node.kind === "file") return sendFile(req, res, indexNode.node, "index.html", store);
    }
    return sendListing(req, res, node, contentPath, store);
  }
  if (node.kind === "file") return sendFile(req, res, node, resolved.name, store);
  return text(res, req, 501, `Not implemented: UnixFS ${node.type} at ${contentPath}.`);
}

function responseFormat(format: string | null, accept: string | undefined): "raw" | "car" | "deserialized" | "invalid" {
  if (format !== null && format !== "") {
    if (format === "raw" || format === "car") return format;
    return "invalid";
  }
  if (accept?.includes(RAW_TYPE)) return "raw";
  if (accept?.includes(CAR_TYPE)) return "car";
  return "deserialized";
}

function notModified(req: IncomingMessage, res: ServerResponse, etag: string): boolean {
  res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", IMMUTABLE);
  const header = req.headers["if-none-match"];
  if (!header) return false;
  const tags = header.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (!tags.includes(etag) && !tags.includes("*")) return false;
  res.writeHead(304);
  res.end();
  return true;
}

function sendRaw(req: IncomingMessage, res: ServerResponse, cid: CID, bytes: Uint8Array, contentPath: string): void {
  if (notModified(req, res, `"${cid.toString()}.raw"`)) return;
  res.writeHead(200, {
    "Content-Type": RAW_TYPE,
    "Content-Length": bytes.byteLength,
    "Content-Disposition": `attachment; filename="${cid.toString()}.bin"`,
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept",
    "X-Ipfs-Path": contentPath,
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}

async function sendCar(req: IncomingMessage, res: ServerResponse, target: CID, pathBlocks: readonly CID[], store: BlockStore): Promise<void> {
  if (notModified(req, res, `"${target.toString()}.car"`)) return;
  // Fail before the headers when the target's own block is missing.
  await getBlock(store, target);
  res.writeHead(200, {
    "Content-Type": `${CAR_TYPE}; version=1`,
    "Content-Disposition": `attachment; filename="${target.toString()}.car"`,
    "X-Content-Type-Options": "nosniff",
    Vary: "Accept",
  });
  if (req.method === "HEAD") return void res.end();
  async function* blocks(): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
    const seen = new Set<string>();
    for (const cid of pathBlocks) {
      const key = blockKey(cid);
      if (seen.has(key)) continue;
      seen.add(key);
      yield { cid, bytes: await getBlock(store, cid) };
    }
    for await (const block of walkDag(target, store, { loadLeaves: true, verifyHashes: true })) {
      const key = blockKey(block.cid);
      if (seen.has(key) || !block.bytes) continue;
      seen.add(key);
      yield { cid: block.cid, bytes: block.bytes };
    }
  }
  try {
    for await (const chunk of carStream(target, blocks())) {
      if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  } catch (err) {
    // A block went missing mid-stream: cut the response so the client sees an incomplete CAR.
    res.destroy(err instanceof Error ? err : undefined);
  }
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: Extract<UnixfsNode, { kind: "file" }>,
  name: string | undefined,
  store: BlockStore,
): Promise<void> {
  if (notModified(req, res, `"${file.cid.toString()}"`)) return;
  // Files up to WHOLE_BYTES are read (and so hashed by a verifying store) before the status line: a
  // corrupt block is a 502, never a 200. Larger files are streamed; a corrupt block there cuts the
  // response short (fewer bytes than Content-Length), which every HTTP client reports as an error.
  const whole = file.size <= WHOLE_BYTES ? await collect(readFileRange(file, store, 0, file.size)) : undefined;
  const head = whole ? whole.subarray(0, SNIFF_BYTES) : await collect(readFileRange(file, store, 0, Math.min(file.size, SNIFF_BYTES)));
  const type = await contentTypeOf(head, name);
  const size = file.size;
  let start = 0;
  let end = size;
  let status = 200;
  const range = parseRange(req.headers.range, size);
  if (range === "unsatisfiable") {
    res.writeHead(416, { "Content-Range": `bytes */${size}` });
    return void res.end();
  }
  if (range) {
    [start, end] = range;
    status = 206;
  }
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": end - start,
    "Accept-Ranges": "bytes",
    "X-Content-Type-Options": "nosniff",
    // Uploaded HTML/SVG must not run scripts on the gateway's origin (it would read the whole store).
    ...(isActiveContentType(type) ? { "Content-Security-Policy": "sandbox" } : {}),
    ...(status === 206 ? { "Content-Range": `bytes ${start}-${end - 1}/${size}` } : {}),
  });
  if (req.method === "HEAD") return void res.end();
  if (whole) return void res.end(whole.subarray(start, end));
  try {
    for await (const chunk of readFileRange(file, store, start, end)) {
      if (!res.write(chunk)) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  } catch (err) {
    res.destroy(err instanceof Error ? err : undefined);
  }
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range → [start, end); multiple ranges are served whole. */
function parseRange(header: string | undefined, size: number): [number, number] | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const n = Number(m[2]);
    if (n === 0) return "unsatisfiable";
    return [Math.max(0, size - n), size];
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size : Math.min(size, Number(m[2]) + 1);
  if (start >= size || start >= end) return "unsatisfiable";
  return [start, end];
}

async function sendListing(
  req: IncomingMessage,
  res: ServerResponse,
  dir: Extract<UnixfsNode, { kind: "directory" }>,
  contentPath: string,
  store: BlockStore,
): Promise<void> {
  if (notModified(req, res, `"${dir.cid.toString()}.dir"`)) return;
  const entries = (await listDirectory(dir, store)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = entries
    .map((e) => `<li><a href="${escapeHtml(encodeURIComponent(e.name))}">${escapeHtml(e.name)}</a> <small>${e.cid.toString()}</small></li>`)
    .join("\n");
  const html = `<!doctype html>\n<meta charset="utf-8">\n<title>${escapeHtml(contentPath)}</title>\n<h1>${escapeHtml(contentPath)}</h1>\n<ul>\n${rows}\n</ul>\n`;
  const body = Buffer.from(html);
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.byteLength });
  res.end(req.method === "HEAD" ? undefined : body);
}

function text(res: ServerResponse, req: IncomingMessage, status: number, message: string): void {
  const body = Buffer.from(`${message}\n`);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.byteLength });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** 404 for a missing block, 502 for a corrupt one (the store cannot give the bytes the CID names), else 500. */
function statusOf(err: unknown): number {
  if (isIpfsError(err, "IPFS_BLOCK_NOT_FOUND")) return 404;
  if (isIpfsError(err, "IPFS_BLOCK_CORRUPT")) return 502;
  return 500;
}

function describe(err: unknown): string {
  // No store label (a local folder path) in answers.
  if (isIpfsError(err, "IPFS_BLOCK_NOT_FOUND")) return `Not found: block ${err.details?.cid ?? ""} is not in the store.`;
  if (isIpfsError(err, "IPFS_BLOCK_CORRUPT")) return `Bad gateway: block ${err.details?.cid ?? ""} is corrupt in the store (its bytes do not hash to its CID).`;
  if (isIpfsError(err)) return err.shortMessage;
  return `Internal error: ${err instanceof Error ? err.message : String(err)}`;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}
