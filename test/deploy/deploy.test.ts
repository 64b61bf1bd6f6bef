import { expect } from "chai";
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { network } from "hardhat";
import { getAddress, getContractAddress, keccak256, parseTransaction, recoverTransactionAddress, zeroAddress, type Address, type Hex } from "viem";
import {
  createCollection,
  createEditions,
  credentialRegistryAbi,
  checkDeployInput,
  deployCredentialRegistry,
  diffDeployedConfig,
  deterministicDeployerAddress,
  deterministicDeployerCode,
  deterministicDeployerSigner,
  deterministicDeployerTransaction,
  ensureCoreContracts,
  getCoreContracts,
  installDeterministicDeployer,
  isDeployError,
  mintkitFactoryAbi,
  mintkitCollectionAbi,
  mintkitEditionsAbi,
  readDeployedConfig,
  readDeployments,
  resolveCollectionConfig,
  resolveCredentialRegistryConfig,
  resolveEditionsConfig,
  saltFromText,
  withRecordedContract,
  writeDeployments,
  type DeployClients,
} from "../../src/node.js";

const { viem } = await network.create();

async function clients(index = 0, v = viem): Promise<DeployClients> {
  const publicClient = await v.getPublicClient();
  const wallets = await v.getWalletClients();
  return { publicClient, walletClient: wallets[index]! } as unknown as DeployClients;
}

/** A fresh in-process chain (its own EDR instance), optionally with another chain id. */
async function freshChain(chainId?: number): Promise<DeployClients> {
  const connection = await network.create(chainId === undefined ? undefined : { network: "default", override: { chainId } });
  return clients(0, connection.viem as unknown as typeof viem);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

const nonceOf = (c: DeployClients) => c.publicClient.getTransactionCount({ address: c.walletClient.account.address });
const request = (c: DeployClients) => c.publicClient.request as unknown as (args: { method: string; params: unknown[] }) => Promise<unknown>;

await installDeterministicDeployer(await clients());

describe("deploy library", () => {
  describe("the deterministic deployer", () => {
    it("the presigned transaction is signed by the one-time signer and creates 0x4e59…956C at its nonce 0", async () => {
      const tx = parseTransaction(deterministicDeployerTransaction);
      expect(tx.chainId).to.equal(undefined); // pre-EIP-155: valid on every chain
      const signer = await recoverTransactionAddress({ serializedTransaction: deterministicDeployerTransaction as never });
      expect(signer).to.equal(deterministicDeployerSigner);
      expect(getContractAddress({ from: signer, nonce: 0n })).to.equal(getAddress(deterministicDeployerAddress));
    });

    it("is installed on Hardhat/EDR by its presigned transaction (EDR accepts pre-EIP-155), once", async () => {
      const c = await freshChain();
      expect(await c.publicClient.getCode({ address: deterministicDeployerAddress })).to.equal(undefined);
      const first = await installDeterministicDeployer(c);
      expect(first).to.include({ installed: true, method: "transaction" });
      expect(first.transactionHashes.length).to.equal(2); // funding + presigned
      expect(first.cost > 0n).to.equal(true);
      expect(await c.publicClient.getCode({ address: deterministicDeployerAddress })).to.equal(deterministicDeployerCode);
      const nonce = await nonceOf(c);
      expect(await installDeterministicDeployer(c)).to.include({ installed: false, cost: 0n });
      expect(await nonceOf(c)).to.equal(nonce);
    });

    it("without it, ensureCoreContracts stops with DEPLOY_NO_DEPLOYER and sends nothing", async () => {
      const c = await freshChain();
      const err = await ensureCoreContracts(c).catch((e: unknown) => e);
      expect(isDeployError(err, "DEPLOY_NO_DEPLOYER"), String(err)).to.equal(true);
      expect((err as Error).message).to.contain(getAddress(deterministicDeployerAddress));
      expect(await nonceOf(c)).to.equal(0);
    });
  });

  describe("ensureCoreContracts: one address on every chain", () => {
    it("deploys the implementations and the factory at the computed addresses, identical on chains 31337 and 8453", async () => {
      const expected = getCoreContracts();
      const addresses: Address[][] = [];
      for (const chainId of [31337, 8453]) {
        const c = await freshChain(chainId);
        expect(await c.publicClient.getChainId()).to.equal(chainId);
        await installDeterministicDeployer(c);
        const core = await ensureCoreContracts(c);
        expect(core.deployed.map((d) => d.name)).to.deep.equal(["MintkitCollection", "MintkitEditions", "CredentialRegistry", "MintkitFactory"]);
        const got = [core.collectionImplementation, core.editionsImplementation, core.credentialRegistryImplementation, core.factory].map((r) => r.address);
        expect(got).to.deep.equal(
          [expected.MintkitCollection, expected.MintkitEditions, expected.CredentialRegistry, expected.MintkitFactory].map((e) => getAddress(e.address)),
        );
        expect(core.fee).to.equal(core.deployed.reduce((sum, d) => sum + d.fee!, 0n));
        const impls = await Promise.all(
          (["collectionImplementation", "editionsImplementation", "credentialRegistryImplementation"] as const).map((functionName) =>
            c.publicClient.readContract({ address: core.factory.address, abi: mintkitFactoryAbi, functionName }),
          ),
        );
        expect(impls).to.deep.equal(got.slice(0, 3));
        addresses.push(got);
      }
      expect(addresses[0]).to.deep.equal(addresses[1]);
    });

    it("is idempotent: a second run finds everything by address, checks the code and sends nothing", async () => {
      const c = await freshChain(4242);
      await installDeterministicDeployer(c);
      await ensureCoreContracts(c);
      const nonce = await nonceOf(c);
      const steps: string[] = [];
      const again = await ensureCoreContracts({ ...c, onStep: (s) => void steps.push(`${s.name}:${s.reused}`) });
      expect(steps).to.deep.equal(["MintkitCollection:true", "MintkitEditions:true", "CredentialRegistry:true", "MintkitFactory:true"]);
      expect(again.deployed).to.deep.equal([]);
      expect(again.fee).to.equal(0n);
      expect(await nonceOf(c)).to.equal(nonce);
    });

    it("detects code that is not the build's at a core address (DEPLOY_CODE_MISMATCH) before sending anything", async () => {
      const c = await freshChain();
      await installDeterministicDeployer(c);
      const { MintkitFactory, MintkitEditions } = getCoreContracts();
      // Same length as the real factory, one byte outside the immutables changed.
      const real = MintkitFactory.runtimeTemplate;
      const tampered = `${real.slice(0, 10)}${real.slice(10, 12) === "00" ? "01" : "00"}${real.slice(12)}` as Hex;
      await request(c)({ method: "hardhat_setCode", params: [MintkitFactory.address, tampered] });
      const nonce = await nonceOf(c);
      const err = await ensureCoreContracts(c).catch((e: unknown) => e);
      expect(isDeployError(err, "DEPLOY_CODE_MISMATCH"), String(err)).to.equal(true);
      expect((err as { details: { contract: string; actualCodeHash: string } }).details).to.include({
        contract: "MintkitFactory",
        actualCodeHash: keccak256(tampered),
      });
      expect(await nonceOf(c)).to.equal(nonce); // nothing was deployed first
      // Other code altogether (another contract's runtime) is refused too.
      const d = await freshChain();
      await installDeterministicDeployer(d);
      await request(d)({ method: "hardhat_setCode", params: [MintkitEditions.address, "0x6080604052"] });
      expect(isDeployError(await ensureCoreContracts(d).catch((e: unknown) => e), "DEPLOY_CODE_MISMATCH")).to.equal(true);
    });
  });

  it("creates a collection at the predicted address once, then finds it; editions likewise", async () => {
    const c = await clients();
    const { factory } = await ensureCoreContracts(c);
    expect(factory.address).to.equal(getAddress(getCoreContracts().MintkitFactory.address));
    const me = c.walletClient.account.address;
    const config = resolveCollectionConfig({ name: "Art", symbol: "ART", royaltyBps: "500", maxSupply: 10 }, { creator: me });
    expect(config.royaltyReceiver).to.equal(getAddress(me));
    const made = await createCollection({ ...c, factory: factory.address, config });
    expect(made.reused).to.equal(false);
    expect(made.salt).to.equal("Art:ART");
    expect(made.saltHash).to.equal(saltFromText("Art:ART"));
    expect(made.gasUsed! > 0n && made.fee! > 0n).to.equal(true);
    const [receiver, amount] = await c.publicClient.readContract({
      address: made.address,
      abi: mintkitCollectionAbi,
      functionName: "royaltyInfo",
      args: [1n, 10_000n],
    });
    expect([receiver, amount]).to.deep.equal([getAddress(me), 500n]);
    const again = await createCollection({ ...c, factory: factory.address, config });
    expect(again).to.include({ address: made.address, reused: true });
    expect(again.transactionHash).to.equal(undefined);

    const other = await createCollection({ ...(await clients(1)), factory: factory.address, config });
    expect(other.address).not.to.equal(made.address); // salts are per creator

    const ed = await createEditions({
      ...c,
      factory: factory.address,
      config: resolveEditionsConfig({ name: "Prints", baseURI: "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku/{id}.json" }, { creator: me }),
      salt: "prints-1",
    });
    expect(await c.publicClient.readContract({ address: ed.address, abi: mintkitEditionsAbi, functionName: "owner" })).to.equal(getAddress(me));
  });

  it("deployCredentialRegistry creates the registry through the factory at the predicted address, then finds it", async () => {
    const c = await clients();
    const { factory } = await ensureCoreContracts(c);
    const me = getAddress(c.walletClient.account.address);
    const made = await deployCredentialRegistry({ ...c, config: { name: "Diplomas", symbol: "DIP" } });
    expect(made).to.include({ reused: false, salt: "Diplomas:DIP", creator: me });
    const predicted = await c.publicClient.readContract({
      address: factory.address,
      abi: mintkitFactoryAbi,
      functionName: "predictCredentialRegistryAddress",
      args: [me, saltFromText("Diplomas:DIP")],
    });
    expect(made.address).to.equal(predicted);
    expect(await c.publicClient.readContract({ address: made.address, abi: credentialRegistryAbi, functionName: "owner" })).to.equal(me);
    expect(await c.publicClient.readContract({ address: made.address, abi: credentialRegistryAbi, functionName: "name" })).to.equal("Diplomas");
    const again = await deployCredentialRegistry({ ...c, config: { name: "Diplomas", symbol: "DIP" } });
    expect(again).to.include({ address: made.address, reused: true });
    expect(again.transactionHash).to.equal(undefined);
  });

  it("validates configurations before sending: royalty bound, addresses, checksums, supply, name", () => {
    const creator = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as Address;
    const cases: Array<[Parameters<typeof resolveCollectionConfig>[0], string]> = [
      [{ name: "A", royaltyBps: 1001 }, "royaltyBps"],
      [{ name: "A", royaltyBps: "-1" }, "royaltyBps"],
      [{ name: "A", owner: "0x123" }, "owner"],
      [{ name: "A", owner: "0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266" }, "owner"], // bad checksum
      [{ name: "A", owner: zeroAddress }, "owner"],
      [{ name: "A", royaltyReceiver: "nope" }, "royaltyReceiver"],
      [{ name: "A", maxSupply: 2n ** 40n }, "maxSupply"],
      [{ name: "  " }, "name"],
    ];
    for (const [input, field] of cases) {
      const err = thrown(() => resolveCollectionConfig(input, { creator }));
      expect(isDeployError(err, "DEPLOY_INVALID_CONFIG"), field).to.equal(true);
      expect((err as { details: { field: string } }).details.field).to.equal(field);
    }
  });

  it("reads and writes deployments/<chainId>.json atomically; a corrupt record is a typed error", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "mintkit-deploy-"));
    const record = await readDeployments(31337, { cwd, network: "local" });
    expect(record).to.deep.equal({ chainId: 31337, network: "local", collections: {} });
    record.collections.Art = { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", creator: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", salt: "Art:ART" };
    const file = await writeDeployments(record, { cwd });
    expect(JSON.parse(await readFile(file, "utf8"))).to.deep.equal(record);
    await mkdir(path.join(cwd, "deployments"), { recursive: true });
    await writeFile(path.join(cwd, "deployments", "5.json"), "{ not json");
    const err = await readDeployments(5, { cwd }).catch((e: unknown) => e);
    expect(isDeployError(err, "DEPLOY_INVALID_RECORD")).to.equal(true);
    await writeFile(path.join(cwd, "deployments", "6.json"), JSON.stringify({ chainId: 7, contracts: {} }));
    expect(isDeployError(await readDeployments(6, { cwd }).catch((e: unknown) => e), "DEPLOY_INVALID_RECORD")).to.equal(true);
    // A record written before 1.0 (core contracts in "contracts") reads without them: they are never rewritten.
    await writeFile(path.join(cwd, "deployments", "8.json"), JSON.stringify({ chainId: 8, network: "old", contracts: { MintkitFactory: { address: zeroAddress } }, collections: {} }));
    expect(await readDeployments(8, { cwd })).to.deep.equal({ chainId: 8, network: "old", collections: {} });
  });

  it("the record owns credential registries: typed read/write next to collections; an old record without them still reads", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "mintkit-deploy-"));
    await mkdir(path.join(cwd, "deployments"));
    const art = { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", creator: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", salt: "Art:ART" } as const;
    await writeFile(path.join(cwd, "deployments", "31337.json"), JSON.stringify({ chainId: 31337, network: "local", collections: { Art: art } }));
    const old = await readDeployments(31337, { cwd });
    expect(old.credentialRegistries).to.equal(undefined);
    const registry = { address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", owner: art.creator, symbol: "DIP", creator: art.creator, salt: "Diplomas:DIP" } as const;
    await writeDeployments(withRecordedContract(old, "credentialRegistries", "Diplomas", registry), { cwd });
    const back = await readDeployments(31337, { cwd });
    expect(back.collections.Art).to.deep.equal(art);
    expect(back.credentialRegistries?.Diplomas).to.deep.equal(registry);
  });

  it("a record of the wrong shape, a folder or a truncated file is refused with the file and what to do, and never rewritten", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "mintkit-deploy-"));
    const dir = path.join(cwd, "deployments");
    await mkdir(dir);
    const shapes: Array<[number, string, RegExp]> = [
      [11, JSON.stringify({ chainId: 11, collections: ["Art"] }), /"collections" is not an object/],
      [12, JSON.stringify({ chainId: 12, credentialRegistries: { Reg: { address: 42 } } }), /"credentialRegistries"."Reg" has no valid "address"/],
      [13, JSON.stringify({ chainId: 13, editions: { P: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } }), /"editions"."P" has no valid "address"/],
      [14, '{"chainId":14,"collections":{"Art":', /not valid JSON/],
    ];
    for (const [chainId, text, reason] of shapes) {
      const file = path.join(dir, `${chainId}.json`);
      await writeFile(file, text);
      const err = await readDeployments(chainId, { cwd }).catch((e: unknown) => e);
      expect(isDeployError(err, "DEPLOY_INVALID_RECORD"), String(err)).to.equal(true);
      const e = err as Error & { shortMessage: string; hint: string };
      expect(e.shortMessage).to.contain(file).and.to.match(reason);
      expect(e.hint).to.contain("does not rewrite it");
      expect(await readFile(file, "utf8")).to.equal(text);
    }
    await mkdir(path.join(dir, "15.json"));
    const folder = (await readDeployments(15, { cwd }).catch((e: unknown) => e)) as Error & { shortMessage: string };
    expect(isDeployError(folder, "DEPLOY_INVALID_RECORD")).to.equal(true);
    expect(folder.shortMessage).to.contain("is a folder, not a file");
    expect(folder.shortMessage).not.to.contain("EISDIR");
  });

  it("checkDeployInput refuses javascript:, data:text/html, non-URIs and over-long names; accepts ipfs/https and JSON data contract URIs", () => {
    const refused: Array<[Parameters<typeof checkDeployInput>[0], Parameters<typeof checkDeployInput>[1], string]> = [
      [{ name: "A", baseURI: "javascript:alert(1)//" }, "ERC-721", "baseURI"],
      [{ name: "A", baseURI: "data:text/html,<script>alert(1)</script>" }, "ERC-721", "baseURI"],
      [{ name: "A", baseURI: "data:text/html;base64,PHNjcmlwdD4=" }, "ERC-1155", "baseURI"],
      [{ name: "A", baseURI: "not a uri with spaces" }, "credential", "baseURI"],
      [{ name: "A", contractURI: "javascript:alert(1)" }, "ERC-721", "contractURI"],
      [{ name: "A", contractURI: "data:text/html,<b>x</b>" }, "credential", "contractURI"],
      [{ name: "N".repeat(101) }, "ERC-721", "name"],
    ];
    for (const [input, style, field] of refused) {
      const err = thrown(() => checkDeployInput(input, style));
      expect(isDeployError(err, "DEPLOY_INVALID_CONFIG"), `${JSON.stringify(input).slice(0, 60)}: ${String(err)}`).to.equal(true);
      expect((err as { details: { field: string } }).details.field).to.equal(field);
    }
    const cid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
    checkDeployInput({ name: "N".repeat(100), baseURI: `ipfs://${cid}/`, contractURI: "data:application/json;base64,e30=" }, "ERC-721");
    checkDeployInput({ name: "P", baseURI: `https://example.com/{id}.json` }, "ERC-1155");
    expect(isDeployError(thrown(() => resolveEditionsConfig({ name: "P", baseURI: "javascript:x" }, { creator: zeroAddress.replace(/0$/, "1") as Address })), "DEPLOY_INVALID_CONFIG")).to.equal(true);
    expect(isDeployError(thrown(() => resolveCredentialRegistryConfig({ contractURI: "data:text/html,x" }, { creator: zeroAddress.replace(/0$/, "1") as Address })), "DEPLOY_INVALID_CONFIG")).to.equal(true);
  });

  it("readDeployedConfig reads a clone's settings from the chain; diffDeployedConfig lists only the given fields that differ", async () => {
    const c = await clients();
    const core = await ensureCoreContracts(c);
    const me = c.walletClient.account.address;
    const config = resolveCollectionConfig({ name: "Diffed", symbol: "DIF", royaltyBps: 250, maxSupply: 7, contractURI: "https://example.com/c.json" }, { creator: me });
    const created = await createCollection({ ...c, factory: core.factory.address, config });
    const onChain = await readDeployedConfig({ publicClient: c.publicClient, kind: "collection", address: created.address });
    expect(onChain).to.deep.include({ name: "Diffed", symbol: "DIF", owner: getAddress(me), royaltyBps: 250n, royaltyReceiver: getAddress(me), maxSupply: 7n, contractURI: "https://example.com/c.json", baseURI: "" });
    expect(diffDeployedConfig(onChain, { symbol: "DIF", owner: me.toLowerCase(), royaltyBps: 250n, baseURI: undefined })).to.deep.equal([]);
    expect(diffDeployedConfig(onChain, { royaltyBps: 500n, maxSupply: 7n, symbol: "XYZ" })).to.deep.equal([
      { field: "royaltyBps", onChain: "250", asked: "500" },
      { field: "symbol", onChain: "DIF", asked: "XYZ" },
    ]);
  });
});
