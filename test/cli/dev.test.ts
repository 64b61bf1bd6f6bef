import { expect } from "chai";
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createPublicClient, http, type Address } from "viem";
import { getCoreContracts } from "../../src/deploy/coreContracts.js";
import { deterministicDeployerAddress, deterministicDeployerCode } from "../../src/deploy/deterministicDeployer.js";
import { assertSeaport } from "../../src/market/assertSeaport.js";
import { CONDUIT_CONTROLLER_ADDRESS, SEAPORT_V1_6_ADDRESS } from "../../src/market/seaportAddresses.js";
import { cliBin, runCli, tempDir } from "./helpers/cli.js";

interface DevJson {
  rpcUrl: string;
  chainId: number;
  accounts: Address[];
  factory: Address;
  seaport: Address;
  conduitController: Address;
  gatewayUrl: string;
  deployments: string;
}

describe("mintkit dev", () => {
  it("runs a local chain with the deterministic deployer and the factory installed and a gateway over the embedded store, until SIGINT", async () => {
    const cwd = tempDir();
    // A record left by an earlier session: its collection is gone from the fresh chain.
    await mkdir(path.join(cwd, "deployments"));
    await writeFile(
      path.join(cwd, "deployments", "31337.json"),
      JSON.stringify({ chainId: 31337, network: "mintkit dev", contracts: {}, collections: { Old: { address: "0x000000000000000000000000000000000000dEaD", creator: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", salt: "Old:" } } }),
    );
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("MINTKIT_")) env[k] = v;
    const child = spawn(process.execPath, [cliBin, "--json", "dev", "--port", "0", "--gateway-port", "0"], { cwd, env });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    try {
      const info = await new Promise<DevJson>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`dev did not start: ${stderr}`)), 90_000);
        child.stdout.setEncoding("utf8").on("data", (d: string) => {
          stdout += d;
          try {
            const parsed = JSON.parse(stdout) as DevJson;
            clearTimeout(timer);
            resolve(parsed);
          } catch {
            // not complete yet
          }
        });
        void exited.then((code) => reject(new Error(`dev exited early (${code}): ${stderr}`)));
      });
      expect(info.chainId).to.equal(31337);
      expect(info.accounts).to.have.length(20);
      expect(info.accounts[0]).to.equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
      expect(stdout).not.to.match(/ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80/i); // account 0's key
      const client = createPublicClient({ transport: http(info.rpcUrl) });
      const code = await client.getCode({ address: info.factory });
      expect(code && code.length > 2).to.equal(true);
      expect(info.deployments).to.equal(path.join(cwd, "deployments", "31337.json"));
      expect(info.factory).to.equal(getCoreContracts().MintkitFactory.address); // its every-chain address
      expect(await client.getCode({ address: deterministicDeployerAddress })).to.equal(deterministicDeployerCode);
      // Seaport 1.6 + ConduitController at their canonical addresses, printed, and answering as Seaport 1.6 does.
      expect(info).to.deep.include({ seaport: SEAPORT_V1_6_ADDRESS, conduitController: CONDUIT_CONTROLLER_ADDRESS });
      expect((await client.getCode({ address: CONDUIT_CONTROLLER_ADDRESS }))?.length ?? 0).to.be.greaterThan(2);
      await assertSeaport(client as never, { seaport: SEAPORT_V1_6_ADDRESS, chainId: 31337 });
      const record = JSON.parse(await readFile(info.deployments, "utf8"));
      expect(record.contracts).to.equal(undefined); // core contracts are not recorded
      expect(record.collections).to.deep.equal({}); // the stale "Old" entry is dropped

      const deploy = await runCli(["--rpc-url", info.rpcUrl, "--json", "deploy", "collection", "Quick", "Q"], { cwd });
      expect(deploy.code, deploy.stderr).to.equal(0);
      expect(deploy.json<{ coreDeployed: unknown[]; factory: string }>()).to.deep.include({ coreDeployed: [], factory: info.factory });

      await writeFile(path.join(cwd, "hello.txt"), "hello gateway\n");
      const up = await runCli(["--json", "upload", "hello.txt"], { cwd });
      expect(up.code, up.stderr).to.equal(0);
      const { root } = up.json<{ root: string }>();
      const res = await fetch(`${info.gatewayUrl}/ipfs/${root}/hello.txt`);
      expect(res.status).to.equal(200);
      expect(await res.text()).to.equal("hello gateway\n");
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).to.equal(0);
  });

  it("a port in use is a clear error (exit 2)", async () => {
    const net = await import("node:net");
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const { port } = busy.address() as import("node:net").AddressInfo;
    try {
      const r = await runCli(["dev", "--port", String(port), "--no-gateway"]);
      expect(r.code).to.equal(2);
      expect(r.stderr).to.contain(`cannot listen on 127.0.0.1:${port}`);
    } finally {
      busy.close();
    }
  });
});
