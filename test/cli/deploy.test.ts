import { expect } from "chai";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createPublicClient, http, type PublicClient } from "viem";
import { getCoreContracts } from "../../src/deploy/coreContracts.js";
import { startSourcify, type LoopbackServer } from "../verify/helpers/servers.js";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

interface DeployJson {
  kind: string;
  name: string;
  address: string;
  reused: boolean;
  transactionHash: string | null;
  gasUsed: string;
  totalGasUsed: string;
  cost: string;
  costEth: string;
  chainId: number;
  royaltyBps: string;
  maxSupply: string | null;
  factory: string;
  coreDeployed: { name: string; transactionHash: string }[];
}

describe("mintkit deploy", () => {
  let chain: Chain;
  before(async () => {
    chain = await startChain();
  });
  after(async () => {
    await chain.close();
  });

  it("deploys the core contracts and a collection, records only the collection, prints address/tx/gas/cost; a re-run reuses it", async () => {
    const cwd = tempDir();
    const args = ["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "My Art", "ART", "--royalty-bps", "500", "--max-supply", "3"];
    const r = await runCli(args, { cwd });
    expect(r.code, r.stderr).to.equal(0);
    const out = r.json<DeployJson>();
    expect(out).to.include({ kind: "collection", name: "My Art", reused: false, chainId: 31337, royaltyBps: "500", maxSupply: "3" });
    expect(out.address).to.match(/^0x[0-9a-fA-F]{40}$/);
    expect(out.transactionHash).to.match(/^0x[0-9a-f]{64}$/);
    expect(out.coreDeployed.map((c) => c.name)).to.deep.equal(["MintkitCollection", "MintkitEditions", "CredentialRegistry", "MintkitFactory"]);
    expect(out.factory).to.equal(getCoreContracts().MintkitFactory.address);
    // The printed cost is everything the run paid: the core contracts deployed now plus the clone.
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    let paid = 0n;
    for (const hash of [...out.coreDeployed.map((c) => c.transactionHash), out.transactionHash!]) {
      const receipt = await publicClient.getTransactionReceipt({ hash: hash as `0x${string}` });
      paid += receipt.gasUsed * receipt.effectiveGasPrice;
    }
    expect(BigInt(out.cost)).to.equal(paid);
    expect(BigInt(out.totalGasUsed) > BigInt(out.gasUsed)).to.equal(true);
    const record = JSON.parse(await readFile(path.join(cwd, "deployments", "31337.json"), "utf8"));
    expect(record.contracts).to.equal(undefined); // only user contracts are recorded
    expect(record.collections["My Art"]).to.include({ address: out.address, salt: "My Art:ART" });

    const again = await runCli(args, { cwd });
    expect(again.code, again.stderr).to.equal(0);
    expect(again.json<DeployJson>()).to.include({ address: out.address, reused: true, transactionHash: null, cost: "0" });
    expect(again.json<DeployJson>().coreDeployed).to.deep.equal([]);

    const text = await runCli(["--rpc-url", chain.rpcUrl, "deploy", "editions", "Prints", "PRT", "--base-uri", "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku/{id}.json"], { cwd });
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/Editions "Prints" deployed at 0x[0-9a-fA-F]{40}/);
    expect(text.stdout).to.match(/gas used \d+/);
    expect(text.stdout).to.match(/cost {5}[\d.]+ ETH/);
    const after = JSON.parse(await readFile(path.join(cwd, "deployments", "31337.json"), "utf8"));
    expect(Object.keys(after.editions)).to.deep.equal(["Prints"]);
  });

  it("a second folder finds the core contracts by address: no redeploy, its cost is the clone's alone", async () => {
    const first = tempDir();
    const r = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "One", "ONE"], { cwd: first });
    expect(r.code, r.stderr).to.equal(0);
    const second = tempDir(); // no deployments/ at all
    const s = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Two", "TWO"], { cwd: second });
    expect(s.code, s.stderr).to.equal(0);
    const out = s.json<DeployJson>();
    expect(out.coreDeployed).to.deep.equal([]);
    expect(out.factory).to.equal(r.json<DeployJson>().factory);
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const receipt = await publicClient.getTransactionReceipt({ hash: out.transactionHash as `0x${string}` });
    expect(BigInt(out.cost)).to.equal(receipt.gasUsed * receipt.effectiveGasPrice);
    expect(receipt.gasUsed < 400_000n).to.equal(true); // a clone, not ~8.6M gas of implementations and factory
    const text = await runCli(["--rpc-url", chain.rpcUrl, "deploy", "collection", "Three", "THR"], { cwd: tempDir() });
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/Collection "Three" deployed at 0x[0-9a-fA-F]{40}/);
    expect(text.stdout).not.to.match(/Mintkit\w+ deployed at/); // no core contract paid for
  });

  it("a chain without the deterministic deployer: exit 1, DEPLOY_NO_DEPLOYER with what to do, nothing sent or written", async () => {
    const bare = await startChain({ deterministicDeployer: false });
    try {
      const cwd = tempDir();
      const r = await runCli(["--rpc-url", bare.rpcUrl, "--json", "deploy", "collection", "Art", "ART"], { cwd });
      expect(r.code, r.stderr).to.equal(1);
      const error = r.errorJson().error;
      expect(error.code).to.equal("DEPLOY_NO_DEPLOYER");
      expect(error.hint).to.contain("mintkit dev");
      const publicClient = createPublicClient({ transport: http(bare.rpcUrl) });
      expect(await publicClient.getTransactionCount({ address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" })).to.equal(0);
      expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
    } finally {
      await bare.close();
    }
  });

  it("invalid address, checksum or royalty over the bound: exit 2, nothing sent, deployments untouched", async () => {
    const cwd = tempDir();
    const cases: Array<[string[], string, RegExp]> = [
      [["--owner", "0x1234"], "CLI_INVALID_ADDRESS", /--owner is not a valid address/],
      [["--royalty-receiver", "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"], "CLI_INVALID_ADDRESS", /wrong checksum/],
      [["--royalty-bps", "1001"], "CLI_INVALID_INPUT", /over the bound of 1000 bps/],
      [["--max-supply", "lots"], "CLI_INVALID_INPUT", /--max-supply must be a non-negative integer/],
    ];
    for (const [extra, code, message] of cases) {
      const r = await runCli(["--rpc-url", chain.rpcUrl, "deploy", "collection", "Bad", "BAD", ...extra], { cwd });
      expect(r.code, r.stderr).to.equal(2);
      expect(r.stderr).to.match(message);
      expect(r.stderr).to.contain(`Code: ${code}`);
      const j = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Bad", "BAD", ...extra], { cwd });
      expect(j.errorJson().error.code).to.equal(code);
    }
    expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
  });

  it("RPC down: exit 3 with a hint to run `mintkit dev`; deployments untouched", async () => {
    const cwd = tempDir();
    const r = await runCli(["--rpc-url", "http://127.0.0.1:9", "deploy", "collection", "Art", "ART"], { cwd });
    expect(r.code).to.equal(3);
    expect(r.stderr).to.contain("No JSON-RPC answer from http://127.0.0.1:9");
    expect(r.stderr).to.contain("mintkit dev");
    expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
  });

  it("RPC timing out: exit 3", async () => {
    const net = await import("node:net");
    const sockets: import("node:net").Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s)); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as import("node:net").AddressInfo;
    try {
      const r = await runCli(["--rpc-url", `http://127.0.0.1:${port}`, "--json", "deploy", "collection", "Art", "ART"], {
        env: { MINTKIT_RPC_TIMEOUT: "500" },
      });
      expect(r.code).to.equal(3);
      expect(r.errorJson().error).to.include({ code: "CLI_RPC_UNREACHABLE", exitCode: 3 });
      expect(r.errorJson().error.message).to.contain("timed out");
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it("refuses Hardhat's dev keys on a non-local chain id (exit 2), and says how to sign instead", async () => {
    const foreign = await startChain({ chainId: 5 });
    try {
      const cwd = tempDir();
      const r = await runCli(["--rpc-url", foreign.rpcUrl, "deploy", "collection", "Art", "ART"], { cwd });
      expect(r.code).to.equal(2);
      expect(r.stderr).to.contain("CLI_NO_ACCOUNT");
      const d = await runCli(["--rpc-url", foreign.rpcUrl, "--dev-account", "0", "--json", "deploy", "collection", "Art", "ART"], { cwd });
      expect(d.code).to.equal(2);
      expect(d.errorJson().error.code).to.equal("CLI_DEV_ACCOUNT_REFUSED");
      expect(d.errorJson().error.hint).to.contain("--account");
      expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
    } finally {
      await foreign.close();
    }
  });

  describe("re-running deploy (what is on chain, conflicts listed)", () => {
    const rpc = () => ["--rpc-url", chain.rpcUrl, "--json"];
    const recordOf = async (cwd: string) => readFile(path.join(cwd, "deployments", "31337.json"), "utf8");
    const nonce = () => createPublicClient({ transport: http(chain.rpcUrl) }).getTransactionCount({ address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" });

    it("prints the settings on chain (changed since), not the ones asked; nothing sent", async () => {
      const cwd = tempDir();
      const first = await runCli([...rpc(), "deploy", "collection", "Rerun", "RR", "--royalty-bps", "500"], { cwd });
      expect(first.code, first.stderr).to.equal(0);
      const receiver = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
      const set = await runCli([...rpc(), "royalty", "set", "Rerun", "--bps", "100", "--receiver", receiver], { cwd });
      expect(set.code, set.stderr).to.equal(0);
      const before = await nonce();
      const again = await runCli([...rpc(), "deploy", "collection", "Rerun", "RR"], { cwd });
      expect(again.code, again.stderr).to.equal(0);
      expect(again.json<DeployJson & { royaltyReceiver: string }>()).to.include({ reused: true, royaltyBps: "100", royaltyReceiver: receiver, cost: "0" });
      const text = await runCli(["--rpc-url", chain.rpcUrl, "deploy", "collection", "Rerun"], { cwd });
      expect(text.code, text.stderr).to.equal(0);
      expect(text.stdout).to.contain("already exists at").and.to.contain(`royalty  100 bps to ${receiver}`);
      expect(await nonce()).to.equal(before);
    });

    it("options that differ from the deployed contract (same name, or same salt) are DEPLOY_CONFLICT listing each difference; exit 2, nothing sent or written", async () => {
      const cwd = tempDir();
      const first = await runCli([...rpc(), "deploy", "collection", "Fixed", "FIX", "--max-supply", "10", "--royalty-bps", "250"], { cwd });
      expect(first.code, first.stderr).to.equal(0);
      const record = await recordOf(cwd);
      const before = await nonce();
      const r = await runCli([...rpc(), "deploy", "collection", "Fixed", "OTHER", "--max-supply", "20", "--royalty-bps", "250"], { cwd });
      expect(r.code, r.stderr).to.equal(2);
      const error = r.errorJson().error as { code: string; message: string; hint: string; details: { differences: unknown[] } };
      expect(error.code).to.equal("DEPLOY_CONFLICT");
      expect(error.details.differences).to.deep.equal([
        { field: "symbol", onChain: "FIX", asked: "OTHER" },
        { field: "maxSupply", onChain: "10", asked: "20" },
      ]);
      expect(error.message).to.contain('maxSupply: "10" on chain vs "20" asked');
      expect(error.hint).to.contain("Nothing was sent");
      // Another folder (no record), same salt: the contract at the salt's address is compared the same way.
      const other = tempDir();
      const bySalt = await runCli([...rpc(), "deploy", "collection", "Fixed", "FIX", "--royalty-bps", "0"], { cwd: other });
      expect(bySalt.code, bySalt.stderr).to.equal(2);
      expect(bySalt.errorJson().error.details).to.deep.include({ differences: [{ field: "royaltyBps", onChain: "250", asked: "0" }] });
      expect(existsSync(path.join(other, "deployments"))).to.equal(false);
      expect(await nonce()).to.equal(before);
      expect(await recordOf(cwd)).to.equal(record);
    });

    it("deploy credentials is idempotent by name: the second run finds it, sends nothing; a different --symbol is a conflict", async () => {
      const cwd = tempDir();
      const first = await runCli([...rpc(), "deploy", "credentials", "--name", "Diplomas", "--symbol", "DIP"], { cwd });
      expect(first.code, first.stderr).to.equal(0);
      const address = first.json<DeployJson>().address;
      const before = await nonce();
      const again = await runCli([...rpc(), "deploy", "credentials", "--name", "Diplomas"], { cwd });
      expect(again.code, again.stderr).to.equal(0);
      expect(again.json<DeployJson & { symbol: string }>()).to.include({ address, reused: true, symbol: "DIP", cost: "0" });
      const conflict = await runCli([...rpc(), "deploy", "credentials", "--name", "Diplomas", "--symbol", "XYZ"], { cwd });
      expect(conflict.code, conflict.stderr).to.equal(2);
      expect(conflict.errorJson().error.code).to.equal("DEPLOY_CONFLICT");
      expect(await nonce()).to.equal(before);
      const record = JSON.parse(await recordOf(cwd));
      expect(Object.keys(record.credentialRegistries)).to.deep.equal(["Diplomas"]);
      expect(record.credentialRegistries.Diplomas).to.include({ address, symbol: "DIP", salt: "Diplomas:DIP" });
    });

    it("a deployments record that is a folder or of the wrong shape stops the deploy before anything is sent, and is left as it was", async () => {
      const cwd = tempDir();
      const { mkdirSync, writeFileSync, readFileSync } = await import("node:fs");
      mkdirSync(path.join(cwd, "deployments", "31337.json"), { recursive: true });
      const before = await nonce();
      const folder = await runCli([...rpc(), "deploy", "collection", "T4", "T4"], { cwd });
      expect(folder.code, folder.stderr).to.equal(2);
      expect(folder.errorJson().error.message).to.contain("is a folder, not a file").and.not.to.contain("EISDIR");
      const shaped = tempDir();
      const text = JSON.stringify({ chainId: 31337, collections: ["Art"] });
      mkdirSync(path.join(shaped, "deployments"));
      writeFileSync(path.join(shaped, "deployments", "31337.json"), text);
      const wrong = await runCli([...rpc(), "deploy", "credentials", "--name", "W"], { cwd: shaped });
      expect(wrong.code, wrong.stderr).to.equal(2);
      expect(wrong.errorJson().error).to.include({ code: "DEPLOY_INVALID_RECORD" });
      expect(readFileSync(path.join(shaped, "deployments", "31337.json"), "utf8")).to.equal(text);
      expect(await nonce()).to.equal(before);
    });

    it("refuses javascript:/data:text/html/non-URI base and contract URIs, a 101-character name and --dev-account 20 before sending", async () => {
      const cwd = tempDir();
      const before = await nonce();
      const cases: string[][] = [
        ["deploy", "collection", "J1", "J1", "--base-uri", "javascript:alert(1)//"],
        ["deploy", "collection", "J4", "J4", "--base-uri", "not a uri with spaces"],
        ["deploy", "editions", "E2", "E2", "--base-uri", "data:text/html;base64,PHNjcmlwdD4="],
        ["deploy", "credentials", "--name", "C3", "--contract-uri", "data:text/html,<b>x</b>"],
        ["deploy", "collection", "N".repeat(101), "N"],
      ];
      for (const args of cases) {
        const r = await runCli([...rpc(), ...args], { cwd });
        expect(r.code, `${args.join(" ").slice(0, 80)}: ${r.stderr}`).to.equal(2);
        expect(r.errorJson().error.code).to.equal("DEPLOY_INVALID_CONFIG");
      }
      const dev = await runCli(["--rpc-url", chain.rpcUrl, "--dev-account", "20", "deploy", "collection", "D", "D"], { cwd });
      expect(dev.code, dev.stderr).to.equal(2);
      expect(dev.stderr).to.contain("Hardhat's dev accounts are 0 to 19");
      expect(await nonce()).to.equal(before);
      expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
    });
  });

  describe("deploy … --verify (loopback Sourcify)", function () {
    this.timeout(300_000);
    let sourcify: LoopbackServer;
    before(async () => {
      sourcify = await startSourcify(createPublicClient({ transport: http(chain.rpcUrl) }) as PublicClient);
    });
    after(async () => sourcify?.close());

    it("deploys, then verifies the contract's sources: the outcome is printed with the deployment; exit 0", async () => {
      const cwd = tempDir();
      const verify = ["--verify", "--sourcify", "--api-url", sourcify.url, "--poll-interval", "0"];
      const r = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "collection", "Verified", "VER", ...verify], { cwd });
      expect(r.code, r.stderr).to.equal(0);
      const out = r.json<DeployJson & { verification: { address: string; clone: boolean; results: { service: string; status: string }[] } }>();
      expect(out.verification).to.deep.include({ address: out.address, clone: true });
      expect(out.verification.results.map((x) => [x.service, x.status])).to.deep.equal([["sourcify", "verified"]]);
      expect(sourcify.received.some((x) => x.method === "POST")).to.equal(true);
      const text = await runCli(["--rpc-url", chain.rpcUrl, "deploy", "credentials", "--name", "Verified creds", ...verify], { cwd });
      expect(text.code, text.stderr).to.equal(0);
      expect(text.stdout).to.match(/Credential registry "Verified creds" \(CRED\) created at/);
      expect(text.stdout).to.match(/✓ Sourcify: CredentialRegistry 0x[0-9a-fA-F]{40} (already )?verified/);
    });

    it("bad verification options are refused before anything is sent (exit 2)", async () => {
      const cwd = tempDir();
      const before = await createPublicClient({ transport: http(chain.rpcUrl) }).getTransactionCount({ address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" });
      const r = await runCli(["--rpc-url", chain.rpcUrl, "--json", "deploy", "editions", "Unverified", "UNV", "--verify", "--api-url", "not a url"], { cwd });
      expect(r.code, r.stderr).to.equal(2);
      expect(r.errorJson().error.code).to.equal("CLI_INVALID_INPUT");
      expect(await createPublicClient({ transport: http(chain.rpcUrl) }).getTransactionCount({ address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" })).to.equal(before);
      expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
    });
  });
});
