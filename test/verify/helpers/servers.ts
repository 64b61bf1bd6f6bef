/**
 * Loopback servers speaking the real HTTP APIs of Sourcify's server (API v2: `POST /v2/verify/{chainId}/{address}`,
 * `GET /v2/verify/{verificationId}`, `GET /v2/contract/{chainId}/{address}`) and of Etherscan-compatible
 * explorers (`module=contract&action=verifysourcecode|checkverifystatus|verifyproxycontract|checkproxyverification`,
 * Etherscan v2's `chainid`, Blockscout's `/api`). They check submissions as a real verifier does
 * (verifierCheck.ts: solc compiles the submitted input, the runtime code is compared with the chain, the
 * constructor arguments with the creation transaction). Faults are scripted per test: HTTP statuses to answer
 * first, rate-limit answers, polls that stay pending.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { getAddress, type Address, type PublicClient } from "viem";
import { checkSubmission, findCreationInput, type VerifierVerdict } from "./verifierCheck.js";

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
}

export interface LoopbackServer {
  readonly url: string;
  /** Every request, in order. */
  readonly received: Received[];
  /** Answer these HTTP statuses (with `Retry-After: 0`) to the next requests before serving normally. */
  readonly failNext: number[];
  /** Each new verification job stays pending for this many status polls. */
  pendingPolls: number;
  /** Addresses verified so far (lowercase). */
  readonly verified: Map<string, "exact_match" | "match">;
  close(): Promise<void>;
}

interface Job {
  readonly address: Address;
  pollsLeft: number;
  readonly verdict: Promise<VerifierVerdict & { constructorProblem?: string }>;
  readonly started: string;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function base(client: PublicClient, handler: (req: IncomingMessage, res: ServerResponse, r: Received, s: LoopbackServer) => Promise<void>) {
  const state = { received: [] as Received[], failNext: [] as number[], pendingPolls: 0, verified: new Map<string, "exact_match" | "match">() };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const text = await readBody(req);
      const type = req.headers["content-type"] ?? "";
      const body = text === "" ? undefined : type.includes("json") ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
      const r: Received = { method: req.method ?? "GET", path: url.pathname, query: Object.fromEntries(url.searchParams), body };
      state.received.push(r);
      const fault = state.failNext.shift();
      if (fault !== undefined) return send(res, fault, { customCode: "fault", message: `scripted HTTP ${fault}`, errorId: randomUUID() }, { "retry-after": "0" });
      await handler(req, res, r, self);
    })().catch((err: unknown) => send(res, 500, { customCode: "internal", message: String(err), errorId: randomUUID() }));
  });
  const self = state as LoopbackServer & typeof state;
  return { server, self, client };
}

/** A Sourcify server (API v2) for the chain `client` reads. */
export async function startSourcify(client: PublicClient): Promise<LoopbackServer> {
  const chainId = await client.getChainId();
  const jobs = new Map<string, Job>();
  const { server, self } = base(client, async (_req, res, r, s) => {
    const error = (status: number, customCode: string, message: string) => send(res, status, { customCode, message, errorId: randomUUID() });
    let m = /^\/v2\/verify\/(\d+)\/(0x[0-9a-fA-F]{40})$/.exec(r.path);
    if (r.method === "POST" && m) {
      const body = r.body as { stdJsonInput?: unknown; compilerVersion?: unknown; contractIdentifier?: unknown } | undefined;
      if (Number(m[1]) !== chainId) return error(400, "unsupported_chain", `Chain ${m[1]} is not supported.`);
      if (typeof body?.stdJsonInput !== "object" || typeof body.compilerVersion !== "string" || typeof body.contractIdentifier !== "string") {
        return error(400, "invalid_parameter", "stdJsonInput, compilerVersion and contractIdentifier are required.");
      }
      const address = getAddress(m[2]!);
      if (s.verified.has(address.toLowerCase())) return error(409, "already_verified", `Contract ${address} on chain ${chainId} is already verified.`);
      const id = randomUUID();
      const verdict = checkSubmission({ input: body.stdJsonInput, compilerVersion: body.compilerVersion, contractIdentifier: body.contractIdentifier, address, client });
      jobs.set(id, { address, pollsLeft: s.pendingPolls, verdict, started: new Date().toISOString() });
      return send(res, 202, { verificationId: id });
    }
    m = /^\/v2\/verify\/([0-9a-f-]{36})$/.exec(r.path);
    if (r.method === "GET" && m) {
      const job = jobs.get(m[1]!);
      if (!job) return error(404, "not_found", `No verification job ${m[1]}.`);
      const contract = { match: null, creationMatch: null, runtimeMatch: null, chainId: String(chainId), address: job.address };
      if (job.pollsLeft > 0) {
        job.pollsLeft--;
        return send(res, 200, { isJobCompleted: false, verificationId: m[1], jobStartTime: job.started, contract });
      }
      const verdict = await job.verdict;
      const done = { isJobCompleted: true, verificationId: m[1], jobStartTime: job.started, jobFinishTime: new Date().toISOString() };
      if (verdict.error) return send(res, 200, { ...done, contract, error: { ...verdict.error, errorId: randomUUID() } });
      s.verified.set(job.address.toLowerCase(), verdict.match!);
      return send(res, 200, { ...done, contract: { ...contract, match: verdict.match, runtimeMatch: verdict.match, verifiedAt: done.jobFinishTime, matchId: "1" } });
    }
    m = /^\/v2\/contract\/(\d+)\/(0x[0-9a-fA-F]{40})$/.exec(r.path);
    if (r.method === "GET" && m) {
      const match = s.verified.get(m[2]!.toLowerCase());
      if (!match) return error(404, "not_found", "Contract is not verified.");
      return send(res, 200, { match, creationMatch: null, runtimeMatch: match, chainId: m[1], address: getAddress(m[2]!) });
    }
    return error(404, "route_not_found", `${r.method} ${r.path} is not an API v2 route.`);
  });
  const url = await listen(server);
  return Object.assign(self, { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

export interface EtherscanServerOptions {
  /** `/v2/api` (Etherscan v2, `chainid` required) or `/api` (Blockscout). */
  readonly path?: string;
  /** The key the server accepts; undefined: no key needed (Blockscout). */
  readonly apiKey?: string;
}

export interface EtherscanServer extends LoopbackServer {
  /** Answer "rate limit reached" (HTTP 200, status 0) to this many next requests. */
  rateLimitNext: number;
  /** Answer "Unable to locate ContractCode" (not indexed yet) to this many next submissions. */
  unindexedNext: number;
}

/** An Etherscan-compatible API for the chain `client` reads. */
export async function startEtherscan(client: PublicClient, options: EtherscanServerOptions = {}): Promise<EtherscanServer> {
  const chainId = await client.getChainId();
  const path = options.path ?? "/v2/api";
  const jobs = new Map<string, Job>();
  const proxies = new Map<string, { proxy: Address; implementation: Address }>();
  const { server, self } = base(client, async (_req, res, r, s) => {
    const ok = (result: string) => send(res, 200, { status: "1", message: "OK", result });
    const notOk = (result: string) => send(res, 200, { status: "0", message: "NOTOK", result });
    const p = { ...r.query, ...((r.body as Record<string, string> | undefined) ?? {}) };
    const es = s as EtherscanServer;
    if (r.path !== path) return send(res, 404, { message: "Not Found" });
    if (es.rateLimitNext > 0) {
      es.rateLimitNext--;
      return notOk("Max calls per sec rate limit reached (5/sec)");
    }
    if (options.apiKey !== undefined && p.apikey !== options.apiKey) return notOk(p.apikey ? "Invalid API Key (#err2)|xxxxxx" : "Missing/Invalid API Key");
    if (path === "/v2/api" && p.chainid !== String(chainId)) return notOk("Missing or unsupported chainid parameter (required for v2 api), please see https://api.etherscan.io/v2/chainlist for the list of supported chainids");
    if (p.module !== "contract") return notOk("Error! Missing Or invalid Module name");
    switch (p.action) {
      case "verifysourcecode": {
        if (r.method !== "POST") return notOk("Error! POST required");
        if (p.codeformat !== "solidity-standard-json-input") return notOk(`Error! Invalid codeformat ${p.codeformat}`);
        const address = getAddress(p.contractaddress ?? "0x0000000000000000000000000000000000000000");
        if (es.unindexedNext > 0) {
          es.unindexedNext--;
          return notOk(`Unable to locate ContractCode at ${address}`);
        }
        if (s.verified.has(address.toLowerCase())) return notOk("Contract source code already verified");
        const args = (p.constructorArguements ?? p.constructorArguments ?? "").toLowerCase();
        let input: unknown;
        try {
          input = JSON.parse(p.sourceCode ?? "");
        } catch {
          return notOk("Error! Invalid sourceCode: not a standard JSON input");
        }
        if (!/^v\d+\.\d+\.\d+\+commit\.[0-9a-f]{8}$/.test(p.compilerversion ?? "")) return notOk(`Error! Invalid compilerversion ${p.compilerversion}`);
        const verdict = (async () => {
          const v = await checkSubmission({ input, compilerVersion: p.compilerversion!.slice(1), contractIdentifier: p.contractname ?? "", address, client });
          if (v.error || !v.compiled) return v;
          // Etherscan matches the creation transaction: creation bytecode followed by the constructor arguments.
          const creationInput = (await findCreationInput(client, address))?.slice(2).toLowerCase();
          if (!creationInput?.endsWith(v.compiled.creation + args)) return { ...v, constructorProblem: "constructor arguments or creation code differ from the creation transaction" };
          return v;
        })();
        const guid = randomUUID().replace(/-/g, "").slice(0, 50);
        jobs.set(guid, { address, pollsLeft: s.pendingPolls, verdict, started: new Date().toISOString() });
        return ok(guid);
      }
      case "checkverifystatus": {
        const job = jobs.get(p.guid ?? "");
        if (!job) return notOk("Unknown UID");
        if (job.pollsLeft > 0) {
          job.pollsLeft--;
          return notOk("Pending in queue");
        }
        const v = await job.verdict;
        if (v.error || v.constructorProblem) return notOk("Fail - Unable to verify. Compiled contract deployment bytecode does NOT match the transaction deployment bytecode.");
        s.verified.set(job.address.toLowerCase(), v.match!);
        return ok("Pass - Verified");
      }
      case "verifyproxycontract": {
        const proxy = getAddress(p.address ?? "0x0000000000000000000000000000000000000000");
        const code = (await client.getCode({ address: proxy })) ?? "0x";
        const m = /^0x363d3d373d3d3d363d73([0-9a-f]{40})5af43d82803e903d91602b57fd5bf3$/i.exec(code);
        const implementation = m ? getAddress(`0x${m[1]}`) : undefined;
        if (!implementation || (p.expectedimplementation && getAddress(p.expectedimplementation) !== implementation)) {
          return notOk("A corresponding implementation contract was unfortunately not detected for the proxy address.");
        }
        const guid = randomUUID().replace(/-/g, "");
        proxies.set(guid, { proxy, implementation });
        return ok(guid);
      }
      case "checkproxyverification": {
        const job = proxies.get(p.guid ?? "");
        if (!job) return notOk("Unknown UID");
        if (!s.verified.has(job.implementation.toLowerCase())) return notOk("The implementation contract at " + job.implementation + " is not verified.");
        return ok(`The proxy's (${job.proxy}) implementation contract is found at ${job.implementation} and is successfully updated.`);
      }
      default:
        return notOk(`Error! Missing Or invalid Action name ${p.action}`);
    }
  });
  const url = await listen(server);
  return Object.assign(self, { url: `${url}${path}`, rateLimitNext: 0, unindexedNext: 0, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }) as EtherscanServer;
}
