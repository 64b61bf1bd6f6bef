import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CID } from "multiformats/cid";
import { createFsStore, startGateway } from "../../src/node.js";
import { startKuboServer, PEER_ID, type KuboServer } from "../ipfs/remote/helpers/kuboServer.js";
import { startPinningServer, type PinningServer } from "../ipfs/remote/helpers/pinningServer.js";
import { runCli, startChain, tempDir } from "./helpers/cli.js";

const TOKEN = "psa-secret-token";

interface UploadJson {
  root: string;
  files: { path: string; cid: string }[];
}

async function uploaded(cwd: string): Promise<UploadJson> {
  await mkdir(path.join(cwd, "art"), { recursive: true });
  await writeFile(path.join(cwd, "art", "1.json"), JSON.stringify({ name: "one", image: "ipfs://x/1.png" }));
  await writeFile(path.join(cwd, "art", "2.json"), JSON.stringify({ name: "two", image: "ipfs://x/2.png" }));
  await writeFile(path.join(cwd, "token"), `${TOKEN}\n`);
  const r = await runCli(["--json", "upload", "art", "--profile", "kubo-v1"], { cwd });
  expect(r.code, r.stderr).to.equal(0);
  return r.json<UploadJson>();
}

describe("mintkit publish", function () {
  this.timeout(120_000);
  let kubo: KuboServer;
  let pinning: PinningServer;
  beforeEach(async () => {
    kubo = await startKuboServer();
    pinning = await startPinningServer({ token: TOKEN });
  });
  afterEach(async () => {
    await kubo.close();
    await pinning.close();
  });

  it("pushes to Kubo, pins WITH origins (Kubo's public addresses) and waits queued → pinning → pinned", async () => {
    const cwd = tempDir();
    const { root } = await uploaded(cwd);
    const r = await runCli(
      ["--json", "publish", root, "--kubo-url", kubo.url, "--pinning-endpoint", pinning.endpoint, "--pinning-token-file", "token"],
      { cwd },
    );
    expect(r.code, r.stderr).to.equal(0);
    const out = r.json<{ root: string; kubo: { blocksSent: number; pinned: boolean }; pinning: { status: string; origins: string[] } }>();
    expect(out.kubo.blocksSent).to.equal(3);
    expect(out.kubo.pinned).to.equal(true);
    expect(out.pinning.status).to.equal("pinned");
    const publicOrigins = [`/ip4/198.51.100.7/tcp/4001/p2p/${PEER_ID}`, `/ip6/2001:db8::7/udp/4001/quic-v1/p2p/${PEER_ID}`];
    expect(out.pinning.origins).to.include.members(publicOrigins);
    const post = pinning.requests.find((q) => q.method === "POST");
    expect((post?.body as { origins?: string[] }).origins).to.include.members(publicOrigins);
    expect((post?.body as { origins?: string[] }).origins!.some((o) => o.includes("/127.0.0.1/") || o.includes("/192.168."))).to.equal(false);
    expect([...pinning.pins.values()].map((p) => p.status)).to.deep.equal(["pinned"]);
  });

  it("a pin that ends `failed` exits 4 with the provider's reason", async () => {
    const cwd = tempDir();
    const { root } = await uploaded(cwd);
    pinning.failCids.add(CID.parse(root).toString());
    const r = await runCli(["--json", "publish", root, "--pinning-endpoint", pinning.endpoint, "--pinning-token-file", "token"], { cwd });
    expect(r.code).to.equal(4);
    const error = r.errorJson().error;
    expect(error.code).to.equal("IPFS_PIN_FAILED");
    expect(error.message).to.contain("DAG too big for your plan");
  });

  it("a pin still queued after --pin-timeout exits 4 (IPFS_PIN_TIMEOUT) and says how to make it complete", async () => {
    const cwd = tempDir();
    const { root } = await uploaded(cwd);
    pinning.stuckCids.add(CID.parse(root).toString());
    const r = await runCli(["--json", "publish", root, "--pinning-endpoint", pinning.endpoint, "--pinning-token-file", "token", "--pin-timeout", "1"], { cwd });
    expect(r.code).to.equal(4);
    expect(r.errorJson().error.code).to.equal("IPFS_PIN_TIMEOUT");
  });

  it("the provider comes from mintkit.config.json (a bad setting is named); no provider, or a target that is neither a CID nor a journal, is a clear error", async () => {
    const cwd = tempDir();
    const { root } = await uploaded(cwd);
    const none = await runCli(["--json", "publish", root], { cwd });
    expect(none.code).to.equal(2);
    expect(none.errorJson().error.hint).to.contain("mintkit.config.json");
    await writeFile(path.join(cwd, "mintkit.config.json"), JSON.stringify({ publish: { kuboUrl: kubo.url } }));
    const r = await runCli(["--json", "publish", root], { cwd });
    expect(r.code, r.stderr).to.equal(0);
    expect(kubo.pins.has(root)).to.equal(true);
    const neither = await runCli(["--json", "publish", "./no-such-journal.jsonl"], { cwd });
    expect(neither.code).to.equal(2);
    expect(neither.errorJson().error.hint).to.contain("collection address");
    await writeFile(path.join(cwd, "mintkit.config.json"), JSON.stringify({ publish: { kuboUrl: 5001 } }));
    const bad = await runCli(["--json", "publish", root], { cwd });
    expect(bad.code).to.equal(2);
    expect(bad.errorJson().error.message).to.contain("publish.kuboUrl");

  });

  it("upload --pinning-endpoint waits until pinned (not just the request)", async () => {
    const cwd = tempDir();
    await uploaded(cwd);
    const r = await runCli(["upload", "art", "--profile", "kubo-v1", "--pinning-endpoint", pinning.endpoint, "--pinning-token-file", "token"], { cwd });
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/pin \S+ at .*: pinned/);
    // waited, reporting each status as it came (notes on stderr)
    expect(r.stderr).to.match(/: queued/).and.to.match(/: pinning/).and.to.match(/: pinned/);
    expect(r.stderr).to.contain("no origin");
  });

  it("deploy publishes an ipfs:// contract URI first (dev chain: with --kubo-url; chain 8453 without a provider: refused before deploying)", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "contract.json"), JSON.stringify({ name: "My Art", description: "collection metadata" }));
    const up = await runCli(["--json", "upload", "contract.json", "--profile", "kubo-v1"], { cwd });
    expect(up.code, up.stderr).to.equal(0);
    const uri = up.json<{ files: { uri: string }[] }>().files[0]!.uri;
    const root = up.json<UploadJson>().root;

    const real = await startChain({ chainId: 8453 });
    try {
      const refused = await runCli(["--rpc-url", real.rpcUrl, "--json", "deploy", "collection", "My Art", "ART", "--contract-uri", uri], {
        cwd,
        env: { MINTKIT_PRIVATE_KEY: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80" },
      });
      expect(refused.code).to.equal(4);
      expect(refused.errorJson().error.code).to.equal("IPFS_NOT_PUBLISHED");
    } finally {
      await real.close();
    }

    const dev = await startChain();
    try {
      const deployed = await runCli(["--rpc-url", dev.rpcUrl, "--json", "deploy", "collection", "My Art", "ART", "--contract-uri", uri, "--kubo-url", kubo.url], { cwd });
      expect(deployed.code, deployed.stderr).to.equal(0);
      expect(kubo.pins.has(root)).to.equal(true);
      expect(deployed.json<{ published: Record<string, { kubo: { pinned: boolean } }> }>().published[uri]!.kubo.pinned).to.equal(true);
    } finally {
      await dev.close();
    }
  });

  describe("--check re-fetches and re-hashes every block", () => {
    let server: Server | undefined;
    afterEach(async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server = undefined;
    });

    it("through an HTTP gateway that has the content: ok; through one serving wrong bytes for a block: exit 4", async () => {
      const cwd = tempDir();
      const { root, files } = await uploaded(cwd);
      // "Someone else": a gateway over a copy of the store (the content published elsewhere).
      const store = await createFsStore({ path: path.join(cwd, ".mintkit", "ipfs") });
      const gateway = await startGateway({ store });
      try {
        const ok = await runCli(["--json", "publish", root, "--check", "--gateway-url", gateway.url], { cwd });
        expect(ok.code, ok.stderr).to.equal(0);
        expect(ok.json<{ retrievable: boolean; blocks: number }>()).to.deep.include({ retrievable: true, blocks: 3 });

        // A gateway that answers 200 with other bytes for one leaf (a lying or broken gateway).
        const bad = files[0]!.cid;
        server = createServer((req, res) => {
          const target = new URL(req.url ?? "/", "http://x");
          if (target.pathname === `/ipfs/${bad}`) {
            res.writeHead(200, { "content-type": "application/vnd.ipld.raw" });
            return void res.end(req.method === "HEAD" ? undefined : "not the bytes of the CID");
          }
          fetch(`${gateway.url}${req.url}`, { method: req.method, headers: { accept: "application/vnd.ipld.raw" } }).then(async (upstream) => {
            res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
            res.end(req.method === "HEAD" ? undefined : Buffer.from(await upstream.arrayBuffer()));
          }, () => res.destroy());
        });
        await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
        const liar = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const failed = await runCli(["--json", "publish", root, "--check", "--gateway-url", liar], { cwd });
        expect(failed.code).to.equal(4);
        expect(failed.errorJson().error.code).to.equal("IPFS_BLOCK_CORRUPT");
      } finally {
        await gateway.close();
        await store.close();
      }
    });

    it("against the Kubo node after publishing", async () => {
      const cwd = tempDir();
      const { root } = await uploaded(cwd);
      const before = await runCli(["--json", "publish", root, "--check", "--kubo-url", kubo.url], { cwd });
      expect(before.code).to.equal(4);
      expect((await runCli(["publish", root, "--kubo-url", kubo.url], { cwd })).code).to.equal(0);
      const after = await runCli(["--json", "publish", root, "--check", "--kubo-url", kubo.url], { cwd });
      expect(after.code, after.stderr).to.equal(0);
    });
  });
});
