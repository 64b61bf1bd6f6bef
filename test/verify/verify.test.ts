/**
 * Source verification against loopback servers speaking Sourcify's API v2 and the Etherscan API (v2 and
 * Blockscout's `/api`), on Hardhat's in-process chain. The servers compile what they receive with solc-js and
 * compare it with `eth_getCode` (helpers/verifierCheck.ts), so "verified" here means the shipped input really
 * reproduces the code on the chain.
 */
import { execFileSync } from "node:child_process";
import { expect } from "chai";
import { network } from "hardhat";
import { decodeAbiParameters, getAddress, type Address, type PublicClient } from "viem";
import {
  createCollection,
  ensureCoreContracts,
  getCoreContracts,
  getStandardJsonInput,
  installDeterministicDeployer,
  isVerifyError,
  resolveCollectionConfig,
  resolveVerificationTarget,
  verifyContract,
  verifyOnEtherscan,
  verifyOnSourcify,
  type DeployClients,
  type VerificationTarget,
} from "../../src/node.js";
import { compilations, serverCompilerVersion } from "./helpers/verifierCheck.js";
import { startEtherscan, startSourcify, type EtherscanServer, type LoopbackServer } from "./helpers/servers.js";

const { viem } = await network.create();
const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
const [wallet] = await viem.getWalletClients();
const clients = { publicClient, walletClient: wallet } as unknown as DeployClients;
await installDeterministicDeployer(clients);
const core = await ensureCoreContracts(clients);
const me = wallet!.account.address;
const collection = await createCollection({
  ...clients,
  factory: core.factory.address,
  config: resolveCollectionConfig({ name: "Art", symbol: "ART", royaltyBps: "500" }, { creator: me }),
});
const implementation = getAddress(getCoreContracts().MintkitCollection.address);
/** Fast polling and retries for the tests (Retry-After: 0 comes from the servers anyway). */
const fast = { pollingInterval: 5, retryDelay: 5 } as const;

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("source verification (library)", function () {
  this.timeout(180_000);
  let sourcify: LoopbackServer;
  let etherscan: EtherscanServer;
  // The compile cache is per process and other files (the CLI's verify and deploy tests) fill it too:
  // count this file's solc runs from here.
  let compilationsBefore = 0;
  before(() => {
    compilationsBefore = compilations.count;
  });
  beforeEach(async () => {
    sourcify = await startSourcify(publicClient);
    etherscan = await startEtherscan(publicClient, { apiKey: "KEY123" });
  });
  afterEach(async () => {
    await sourcify.close();
    await etherscan.close();
  });

  it("ships the exact standard JSON input the build used (same build as src/contracts, sources as on disk)", async () => {
    const out = execFileSync(process.execPath, ["scripts/generate-verify-inputs.mjs", "--check"], { encoding: "utf8" });
    expect(out).to.contain("up to date");
    const { input, compilerVersion, contractIdentifier } = await getStandardJsonInput("MintkitCollection");
    expect(compilerVersion).to.equal(serverCompilerVersion);
    expect(contractIdentifier).to.equal("project/contracts/token/MintkitCollection.sol:MintkitCollection");
    expect(Object.keys(input.sources)).to.include("project/contracts/token/MintkitCollection.sol");
    // Only what the contract imports: no test or bench sources.
    expect(Object.keys(input.sources).filter((s) => /\/test\/|bench\//.test(s))).to.deep.equal([]);
    expect(input.settings).to.deep.include({ evmVersion: "prague", optimizer: { enabled: true, runs: 200 } });
  });

  it("resolves a clone to its implementation, a core contract to its build constructor arguments", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: collection.address });
    expect(target).to.deep.include({ address: implementation, contractName: "MintkitCollection", clone: { address: getAddress(collection.address) } });
    const factory = await resolveVerificationTarget(publicClient, { address: core.factory.address });
    expect(factory.contractName).to.equal("MintkitFactory");
    expect(factory.clone).to.equal(undefined);
    const [a, b, c] = decodeAbiParameters([{ type: "address" }, { type: "address" }, { type: "address" }], factory.constructorArguments);
    expect([a, b, c]).to.deep.equal([implementation, core.editionsImplementation.address, core.credentialRegistryImplementation.address].map((x) => getAddress(x)));
    const eoa = await rejection(resolveVerificationTarget(publicClient, { address: me }));
    expect(isVerifyError(eoa, "VERIFY_NO_CODE")).to.equal(true);
    const other = await rejection(resolveVerificationTarget(publicClient, { address: "0x4e59b44847b379578588920ca78fbf26c0b4956c" }));
    expect(isVerifyError(other, "VERIFY_NOT_MINTKIT_CONTRACT")).to.equal(true);
    expect((other as Error).message).to.contain("hardhat verify");
  });

  it("Sourcify: a clone's implementation verifies as an exact match, then is reported already verified", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: collection.address });
    const result = await verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast });
    expect(result).to.deep.include({ service: "sourcify", status: "verified", match: "full", address: implementation });
    expect(sourcify.verified.get(implementation.toLowerCase())).to.equal("exact_match");
    const post = sourcify.received.find((r) => r.method === "POST")!;
    expect(post.path).to.equal(`/v2/verify/31337/${implementation}`);
    expect(post.body).to.deep.include({ compilerVersion: "0.8.30+commit.73712a01", contractIdentifier: "project/contracts/token/MintkitCollection.sol:MintkitCollection" });
    const again = await verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast });
    expect(again).to.deep.include({ status: "already-verified", match: "full" });
  });

  it("Sourcify: polls a pending job until it completes, or reports pending after the timeout", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: collection.address });
    sourcify.pendingPolls = 3;
    const pending = await verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast, timeout: 0 });
    expect(pending.status).to.equal("pending");
    expect(pending.id).to.match(/^[0-9a-f-]{36}$/);
    const result = await verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast });
    expect(result.status).to.equal("verified");
    expect(sourcify.received.filter((r) => r.path === `/v2/verify/${result.id}`)).to.have.length(4);
  });

  it("Sourcify: sources that do not compile to the code on chain are a bytecode mismatch", async () => {
    // The collection's sources submitted for the factory's address: the server compiles them and compares.
    const err = await rejection(
      verifyOnSourcify({ target: { address: core.factory.address, contractName: "MintkitCollection", chainId: 31337 }, apiUrl: sourcify.url, ...fast }),
    );
    expect(isVerifyError(err, "VERIFY_BYTECODE_MISMATCH")).to.equal(true);
    expect((err as { details: { reason: string } }).details.reason).to.contain("no_match");
  });

  it("Sourcify: retries HTTP 429 and 5xx, then gives up with a typed error; an unreachable server is typed too", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: collection.address });
    sourcify.failNext.push(429, 503);
    const result = await verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast });
    expect(result.status).to.be.oneOf(["verified", "already-verified"]);
    expect(sourcify.received.filter((r) => r.method === "POST")).to.have.length(3);
    sourcify.failNext.push(429, 429, 429, 429);
    const limited = await rejection(verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast }));
    expect(isVerifyError(limited, "VERIFY_RATE_LIMITED")).to.equal(true);
    expect((limited as Error).message).to.contain("4 attempts");
    sourcify.failNext.push(502, 502, 502, 502);
    const down = await rejection(verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast }));
    expect(isVerifyError(down, "VERIFY_SERVICE_UNREACHABLE")).to.equal(true);
    await sourcify.close();
    const gone = await rejection(verifyOnSourcify({ target, apiUrl: sourcify.url, ...fast, retryCount: 1 }));
    expect(isVerifyError(gone, "VERIFY_SERVICE_UNREACHABLE")).to.equal(true);
    expect((gone as Error).message).to.contain("cannot be reached");
    sourcify = await startSourcify(publicClient); // for afterEach
  });

  it("Etherscan v2: verifies the implementation with its constructor arguments, marks the clone as a proxy, then reports already verified", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: collection.address });
    etherscan.pendingPolls = 2;
    const result = await verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast });
    expect(result).to.deep.include({ service: "etherscan", status: "verified", address: implementation, message: "Pass - Verified" });
    expect(result.proxy).to.deep.include({ status: "marked", address: getAddress(collection.address), implementation });
    const submit = etherscan.received.find((r) => r.query.action === "verifysourcecode")!;
    expect(submit.query).to.deep.include({ chainid: "31337", module: "contract", apikey: "KEY123" });
    expect(submit.body).to.deep.include({
      codeformat: "solidity-standard-json-input",
      contractname: "project/contracts/token/MintkitCollection.sol:MintkitCollection",
      compilerversion: "v0.8.30+commit.73712a01",
      contractaddress: implementation,
    });
    expect(etherscan.received.filter((r) => r.query.action === "checkverifystatus")).to.have.length(3);
    const again = await verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast });
    expect(again.status).to.equal("already-verified");
  });

  it("Etherscan v2: the factory verifies with the constructor arguments of its creation transaction", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: core.factory.address });
    const result = await verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast });
    expect(result.status).to.equal("verified");
    // Wrong constructor arguments are refused by the explorer (it compares with the creation transaction).
    const wrong: VerificationTarget = { ...target, constructorArguments: `0x${"00".repeat(96)}` };
    etherscan.verified.clear();
    const err = await rejection(verifyOnEtherscan({ target: wrong, apiUrl: etherscan.url, apiKey: "KEY123", ...fast }));
    expect(isVerifyError(err, "VERIFY_BYTECODE_MISMATCH")).to.equal(true);
  });

  it("Etherscan: no API key is refused before anything is sent; a rejected key and rate limits are typed", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: collection.address });
    let called = 0;
    const countingFetch: typeof fetch = (...args) => {
      called++;
      return fetch(...args);
    };
    const missing = await rejection(verifyOnEtherscan({ target, fetch: countingFetch, ...fast }));
    expect(isVerifyError(missing, "VERIFY_API_KEY_MISSING")).to.equal(true);
    expect((missing as Error).message).to.contain("ETHERSCAN_API_KEY");
    expect(called).to.equal(0);
    const rejected = await rejection(verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "WRONG", ...fast }));
    expect(isVerifyError(rejected, "VERIFY_API_KEY_REJECTED")).to.equal(true);
    etherscan.rateLimitNext = 2;
    const result = await verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast });
    expect(result.status).to.equal("verified");
    etherscan.rateLimitNext = 10;
    const limited = await rejection(verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast, retryCount: 2 }));
    expect(isVerifyError(limited, "VERIFY_RATE_LIMITED")).to.equal(true);
  });

  it("Etherscan: a contract the explorer has not indexed yet is resubmitted until it is, within the timeout", async () => {
    const target = await resolveVerificationTarget(publicClient, { address: core.factory.address });
    etherscan.unindexedNext = 2;
    const result = await verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast });
    expect(result.status).to.equal("verified");
    expect(etherscan.received.filter((r) => r.query.action === "verifysourcecode")).to.have.length(3);
    etherscan.verified.clear();
    etherscan.unindexedNext = 100;
    const err = await rejection(verifyOnEtherscan({ target, apiUrl: etherscan.url, apiKey: "KEY123", ...fast, timeout: 50 }));
    expect(isVerifyError(err, "VERIFY_NO_CODE")).to.equal(true);
  });

  it("deploy --verify's helper reports a failed service without throwing and sets the exit code", async () => {
    const { verifyDeployed } = await import("../../src/cli/actions/verify.js");
    const ctx = { publicClient, chainId: 31337 } as unknown as Parameters<typeof verifyDeployed>[0];
    const closed = await startSourcify(publicClient);
    await closed.close();
    const saved = process.exitCode;
    try {
      const r = await verifyDeployed(ctx, collection.address, { sourcify: true, sourcifyUrl: closed.url, pollInterval: "0" }, { json: true, throwIfAllFailed: false });
      const data = r.data as { results: { ok: boolean; error?: { code: string; exitCode: number } }[] };
      expect(data.results[0]).to.deep.include({ ok: false });
      expect(data.results[0]!.error).to.deep.include({ code: "VERIFY_SERVICE_UNREACHABLE", exitCode: 1 });
      expect(process.exitCode).to.equal(1);
    } finally {
      process.exitCode = saved;
    }
  });

  it("verifyContract: Sourcify and a Blockscout-style API (no key) in one call; one failing service does not stop the other", async () => {
    const blockscout = await startEtherscan(publicClient, { path: "/api" });
    try {
      const both = await verifyContract(publicClient, { address: collection.address, sourcify: { apiUrl: sourcify.url }, etherscan: { apiUrl: blockscout.url }, ...fast });
      expect(both.ok).to.equal(true);
      expect(both.outcomes.map((o) => (o.ok ? o.result.status : o.error.code))).to.deep.equal(["verified", "verified"]);
      const closed = blockscout.url;
      await blockscout.close();
      const mixed = await verifyContract(publicClient, { address: collection.address, sourcify: { apiUrl: sourcify.url }, etherscan: { apiUrl: closed }, ...fast, retryCount: 0 });
      expect(mixed.ok).to.equal(false);
      expect(mixed.outcomes.map((o) => (o.ok ? o.result.status : o.error.code))).to.deep.equal(["already-verified", "VERIFY_SERVICE_UNREACHABLE"]);
    } finally {
      await blockscout.close().catch(() => undefined);
    }
    expect(compilations.count - compilationsBefore).to.be.at.most(2); // one solc run per contract for the whole file
  });
});
export type { Address };
