/**
 * A loopback server speaking the subset of Kubo's RPC API (`/api/v0/...`) that mintkit calls,
 * backed by a real memory store (test-only). Like Kubo: POST only (405 otherwise), command errors
 * as HTTP 500 + JSON `{ Message, Code, Type: "error" }`, multipart bodies for block/put and
 * dag/import, ndjson for streamed answers. It checks what a real Kubo would reject: the multipart
 * shape, the query parameters (cid-codec, mhtype, offline), CAR integrity, and the Authorization
 * header when a token is set.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CarBlockIterator } from "@ipld/car/iterator";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";
import { createMemoryStore, type MemoryStore } from "../../../../src/ipfs/stores/memoryStore.js";
import { getBlock } from "../../../../src/ipfs/blockBytes.js";
import { verifyRetrievable } from "../../../../src/ipfs/verifyRetrievable.js";
import { FaultQueue, readBody } from "./faults.js";

export interface RecordedRequest {
  readonly method: string;
  /** Path after `/api/v0/`, e.g. `block/put`. */
  readonly command: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
}

export interface KuboServer {
  readonly url: string;
  readonly store: MemoryStore;
  readonly pins: Set<string>;
  readonly requests: RecordedRequest[];
  readonly faults: FaultQueue;
  /** Blocks received through block/put and dag/import. */
  readonly received: { blockPuts: number; importedBlocks: number; carImports: number };
  close(): Promise<void>;
}

/** A well-formed peer ID (the old ipfs.io bootstrap node's). */
export const PEER_ID = "QmNnooDu7bfjPFoTZYxMNLWUQJyrVwtbZg5gBMjTezGAJN";

const CODECS: Readonly<Record<string, number>> = { raw: 0x55, "dag-pb": 0x70 };

export async function startKuboServer(options: { authorization?: string; store?: MemoryStore } = {}): Promise<KuboServer> {
  const store = options.store ?? createMemoryStore();
  const pins = new Set<string>();
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();
  const received = { blockPuts: 0, importedBlocks: 0, carImports: 0 };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) commandError(res, `internal: ${(err as Error).message}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith("/api/v0/")) return plain(res, 404, "404 page not found");
    const command = url.pathname.slice("/api/v0/".length);
    requests.push({ method: req.method ?? "", command, query: url.searchParams, authorization: req.headers.authorization });
    if (await faults.apply(req, res, url.pathname)) return;
    if (req.method !== "POST") return plain(res, 405, "405 - Method Not Allowed");
    if (options.authorization !== undefined && req.headers.authorization !== options.authorization) {
      await readBody(req);
      return plain(res, 403, "403 - Forbidden");
    }
    const q = url.searchParams;
    switch (command) {
      case "block/put": {
        const codecName = q.get("cid-codec") ?? "raw";
        const codec = CODECS[codecName];
        if (codec === undefined) return commandError(res, `unknown cid-codec ${codecName}`);
        if ((q.get("mhtype") ?? "sha2-256") !== "sha2-256") return commandError(res, "unexpected mhtype");
        const bytes = onePart(await multipartParts(req));
        const cid = CID.createV1(codec, await sha256.digest(bytes));
        await store.put(cid, bytes);
        received.blockPuts++;
        return json(res, { Key: cid.toString(), Size: bytes.byteLength });
      }
      case "block/get":
      case "block/stat": {
        await readBody(req);
        if (q.get("offline") !== "true") return commandError(res, "test server: mintkit must ask with offline=true");
        const cid = CID.parse(q.get("arg") ?? "");
        if (!(await store.has(cid))) return commandError(res, `block was not found locally (offline): ipld: could not find ${cid}`);
        const bytes = await getBlock(store, cid);
        if (command === "block/stat") return json(res, { Key: cid.toString(), Size: bytes.byteLength });
        res.writeHead(200, { "content-type": "text/plain", "x-stream-output": "1" });
        return void res.end(bytes);
      }
      case "dag/import": {
        const parts = await multipartParts(req);
        received.carImports++;
        const roots: CID[] = [];
        for (const part of parts) {
          const car = await CarBlockIterator.fromBytes(part);
          roots.push(...(await car.getRoots()));
          for await (const block of car) {
            const digest = await sha256.digest(block.bytes);
            if (!equal(digest.bytes, block.cid.multihash.bytes)) return commandError(res, `block ${block.cid} does not match its hash`);
            await store.put(block.cid, block.bytes);
            received.importedBlocks++;
          }
        }
        res.writeHead(200, { "content-type": "application/json", "x-stream-output": "1" });
        if (q.get("pin-roots") !== "false") {
          for (const root of roots) {
            pins.add(root.toV1().toString());
            res.write(JSON.stringify({ Root: { Cid: { "/": root.toString() }, PinErrorMsg: "" } }) + "\n");
          }
        }
        return void res.end();
      }
      case "pin/add": {
        await readBody(req);
        const cid = CID.parse(q.get("arg") ?? "");
        const report = await verifyRetrievable(cid, store, { throwIfIncomplete: false });
        if (!report.complete) return commandError(res, `pin: merkledag: not found (${report.missing.length} blocks missing)`);
        pins.add(cid.toV1().toString());
        return json(res, { Pins: [cid.toString()] });
      }
      case "pin/ls": {
        await readBody(req);
        const arg = q.get("arg");
        if (!arg) return commandError(res, "test server: pin/ls without arg");
        const cid = CID.parse(arg);
        if (!pins.has(cid.toV1().toString())) return commandError(res, `path '${arg}' is not pinned`);
        res.writeHead(200, { "content-type": "application/json", "x-stream-output": "1" });
        return void res.end(JSON.stringify({ Cid: arg, Type: "recursive", Name: "" }) + "\n");
      }
      case "id": {
        await readBody(req);
        return json(res, {
          ID: PEER_ID,
          PublicKey: "",
          Addresses: [
            `/ip4/127.0.0.1/tcp/4001/p2p/${PEER_ID}`,
            `/ip4/192.168.1.20/tcp/4001/p2p/${PEER_ID}`,
            `/ip4/198.51.100.7/tcp/4001/p2p/${PEER_ID}`,
            `/ip6/::1/udp/4001/quic-v1/p2p/${PEER_ID}`,
            `/ip6/2001:db8::7/udp/4001/quic-v1/p2p/${PEER_ID}`,
            `/dns4/node.example.org/tcp/4001`,
          ],
          AgentVersion: "kubo/0.38.0/test",
          Protocols: [],
        });
      }
      default:
        await readBody(req);
        return plain(res, 404, "404 page not found");
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    pins,
    requests,
    faults,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Parses a multipart/form-data body into its parts' bytes, checking the shape kubo-rpc-client sends. */
async function multipartParts(req: IncomingMessage): Promise<Buffer[]> {
  const type = req.headers["content-type"] ?? "";
  const match = /^multipart\/form-data;\s*boundary=(.+)$/.exec(type);
  if (!match) throw new Error(`expected multipart/form-data, got "${type}"`);
  const boundary = Buffer.from(`--${match[1]}`);
  const body = await readBody(req);
  const parts: Buffer[] = [];
  let at = body.indexOf(boundary);
  if (at < 0) throw new Error("multipart: no boundary");
  for (;;) {
    const start = at + boundary.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(boundary, start);
    if (next < 0) throw new Error("multipart: unterminated part");
    const part = body.subarray(start + 2, next - 2); // skip CRLF after boundary, CRLF before next
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) throw new Error("multipart: part without headers");
    const headers = part.subarray(0, headerEnd).toString();
    if (!/Content-Disposition: form-data; name="file(-\d+)?"/i.test(headers)) throw new Error(`multipart: bad part headers ${headers}`);
    parts.push(part.subarray(headerEnd + 4));
    at = next;
  }
  if (parts.length === 0) throw new Error("multipart: no parts");
  return parts;
}

function onePart(parts: Buffer[]): Uint8Array {
  if (parts.length !== 1) throw new Error(`expected one part, got ${parts.length}`);
  return new Uint8Array(parts[0]!);
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body) + "\n");
}

function commandError(res: ServerResponse, message: string): void {
  res.writeHead(500, { "content-type": "application/json" });
  res.end(JSON.stringify({ Message: message, Code: 0, Type: "error" }) + "\n");
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
}
