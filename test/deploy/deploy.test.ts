import { expect } from "chai";
import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { network } from "hardhat";
import { getAddress, zeroAddress, type Address } from "viem";
import {
  createCollection,
  createEditions,
  ensureCoreContracts,
  isDeployError,
  mintkitCollectionAbi,
  mintkitEditionsAbi,
  readDeployments,
  resolveCollectionConfig,
  resolveEditionsConfig,
  saltFromText,
  writeDeployments,
  type DeployClients,
} from "../../src/node.js";

const { viem } = await network.create();

async function clients(index = 0): Promise<DeployClients> {
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  return { publicClient, walletClient: wallets[index]! } as unknown as DeployClients;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("deploy library", () => {
  it("ensureCoreContracts deploys once, then reuses everything from the record (no transaction)", async () => {
    const c = await clients();
    const steps: string[] = [];
    const first = await ensureCoreContracts({ ...c, onStep: (s) => void steps.push(`${s.name}:${s.reused}`) });
    expect(steps).to.deep.equal(["MintkitCollection:false", "MintkitEditions:false", "MintkitFactory:false"]);
    expect(first.factory.gasUsed! > 0n).to.equal(true);
    const nonce = await c.publicClient.getTransactionCount({ address: c.walletClient.account.address });
    const again = await ensureCoreContracts({ ...c, record: first.record });
    expect([again.collectionImplementation.reused, again.editionsImplementation.reused, again.factory.reused]).to.deep.equal([true, true, true]);
    expect(again.factory.address).to.equal(first.factory.address);
    expect(await c.publicClient.getTransactionCount({ address: c.walletClient.account.address })).to.equal(nonce);
  });

  it("redeploys the factory when it does not point at the recorded implementations, and contracts without code", async () => {
    const c = await clients();
    const first = await ensureCoreContracts(c);
    const other = await ensureCoreContracts(c); // fresh implementations + factory
    const mixed = structuredClone(first.record);
    mixed.contracts.MintkitFactory = other.record.contracts.MintkitFactory;
    const fixed = await ensureCoreContracts({ ...c, record: mixed });
    expect(fixed.collectionImplementation.reused).to.equal(true);
    expect(fixed.factory.reused).to.equal(false);
    const gone = structuredClone(first.record);
    gone.contracts.MintkitEditions = { address: "0x000000000000000000000000000000000000dEaD" };
    const redeployed = await ensureCoreContracts({ ...c, record: gone });
    expect(redeployed.editionsImplementation.reused).to.equal(false);
    expect(redeployed.factory.reused).to.equal(false);
  });

  it("creates a collection at the predicted address once, then finds it; editions likewise", async () => {
    const c = await clients();
    const { factory } = await ensureCoreContracts(c);
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
      config: resolveEditionsConfig({ name: "Prints", baseURI: "ipfs://x/{id}.json" }, { creator: me }),
      salt: "prints-1",
    });
    expect(await c.publicClient.readContract({ address: ed.address, abi: mintkitEditionsAbi, functionName: "owner" })).to.equal(getAddress(me));
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
    expect(record).to.deep.equal({ chainId: 31337, network: "local", contracts: {}, collections: {} });
    record.collections.Art = { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", creator: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", salt: "Art:ART" };
    const file = await writeDeployments(record, { cwd });
    expect(JSON.parse(await readFile(file, "utf8"))).to.deep.equal(record);
    await mkdir(path.join(cwd, "deployments"), { recursive: true });
    await writeFile(path.join(cwd, "deployments", "5.json"), "{ not json");
    const err = await readDeployments(5, { cwd }).catch((e: unknown) => e);
    expect(isDeployError(err, "DEPLOY_INVALID_RECORD")).to.equal(true);
    await writeFile(path.join(cwd, "deployments", "6.json"), JSON.stringify({ chainId: 7, contracts: {} }));
    expect(isDeployError(await readDeployments(6, { cwd }).catch((e: unknown) => e), "DEPLOY_INVALID_RECORD")).to.equal(true);
  });
});
