/**
 * `mintkit batch` believes the chain and publishes: the flow "restart the dev chain, redeploy the
 * collection (same address), run the same batch again" must not print "already complete", and on a chain
 * other than 31337/1337 the batch directory must be published before any token URI is set.
 * Needs `npm run build` first (the binary runs dist/).
 */
import { expect } from "chai";
import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../../src/contracts/mintkitCollection.js";
import { devAccount0, emptyCollectionConfig, makeMediaFolder } from "../batch/helpers.js";
import { fundedKey } from "../helpers/fundedKey.js";
import { startKuboServer } from "../ipfs/remote/helpers/kuboServer.js";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

async function deployCollection(chain: Chain, owner: Address = devAccount0.address): Promise<Address> {
  const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
  const wallet = createWalletClient({ account: devAccount0, transport: http(chain.rpcUrl) });
  const hash = await wallet.deployContract({
    abi: mintkitCollectionAbi,
    bytecode: mintkitCollectionBytecode,
    args: [emptyCollectionConfig(owner)],
    account: devAccount0,
    chain: null,
  });
  return (await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })).contractAddress!;
}

async function totalSupply(chain: Chain, collection: Address): Promise<bigint> {
  const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
  return publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "totalSupply" });
}

describe("mintkit batch (CLI): a restarted dev chain, and publishing on a real chain", function () {
  this.timeout(180_000);

  it("dev chain restarted + redeployed: the same command reports the journal stale (exit 1), never 'already complete'; --restart mints", async () => {
    const cwd = tempDir();
    const folder = makeMediaFolder(4, `${cwd}/art`);
    let chain = await startChain();
    const collection = await deployCollection(chain);
    const first = await runCli(["--rpc-url", chain.rpcUrl, "batch", collection, folder], { cwd });
    expect(first.code, first.stderr).to.equal(0);
    await chain.close();

    chain = await startChain(); // a fresh dev chain: nothing of the first one is left
    try {
      expect(await deployCollection(chain)).to.equal(collection);
      const again = await runCli(["--rpc-url", chain.rpcUrl, "--json", "batch", collection, folder], { cwd });
      expect(again.stdout).not.to.contain("already complete");
      expect(again.code).to.equal(1);
      const error = again.errorJson().error;
      expect(error.code).to.equal("BATCH_JOURNAL_STALE");
      expect(error.hint).to.contain("--restart");
      expect(await totalSupply(chain, collection)).to.equal(0n);

      const restarted = await runCli(["--rpc-url", chain.rpcUrl, "batch", collection, folder, "--restart"], { cwd });
      expect(restarted.code, restarted.stderr).to.equal(0);
      expect(restarted.stdout).to.contain("Minted 4 tokens");
      expect(await totalSupply(chain, collection)).to.equal(4n);
    } finally {
      await chain.close();
    }
  });

  it("publish <collection> and publish <journal> publish what the batch uploaded (dev chain, Kubo)", async () => {
    const chain = await startChain();
    const kubo = await startKuboServer();
    try {
      const cwd = tempDir();
      const folder = makeMediaFolder(3, `${cwd}/art`);
      const collection = await deployCollection(chain);
      const minted = await runCli(["--rpc-url", chain.rpcUrl, "--json", "batch", collection, folder], { cwd });
      expect(minted.code, minted.stderr).to.equal(0);
      const { dirCid, journal } = minted.json<{ dirCid: string; journal: string }>();
      expect(kubo.pins.size).to.equal(0); // dev chain, no provider: nothing published

      const byCollection = await runCli(["--rpc-url", chain.rpcUrl, "--json", "publish", collection, "--kubo-url", kubo.url], { cwd });
      expect(byCollection.code, byCollection.stderr).to.equal(0);
      expect(byCollection.json<{ source: string; root: string }>()).to.deep.include({ source: "collection", root: dirCid });
      expect(kubo.pins.has(dirCid)).to.equal(true);

      const byJournal = await runCli(["--json", "publish", journal, "--check", "--kubo-url", kubo.url], { cwd });
      expect(byJournal.code, byJournal.stderr).to.equal(0);
      expect(byJournal.json<{ source: string; retrievable: boolean }>()).to.deep.include({ source: "journal", retrievable: true });
    } finally {
      await kubo.close();
      await chain.close();
    }
  });

  it("chain id 8453: refused without a provider (exit 4, says how to publish); with --kubo-url the directory is pushed and pinned before minting", async () => {
    const chain = await startChain({ chainId: 8453 });
    const kubo = await startKuboServer();
    try {
      const cwd = tempDir();
      const folder = makeMediaFolder(3, `${cwd}/art`);
      const creator = await fundedKey(chain.rpcUrl); // dev keys are refused off the dev chain ids
      const collection = await deployCollection(chain, creator.account.address);
      const env = { MINTKIT_PRIVATE_KEY: creator.key };
      const refused = await runCli(["--rpc-url", chain.rpcUrl, "--json", "batch", collection, folder], { cwd, env });
      expect(refused.code).to.equal(4);
      const error = refused.errorJson().error;
      expect(error.code).to.equal("IPFS_NOT_PUBLISHED");
      expect(error.hint).to.contain("--kubo-url").and.to.contain("--no-publish").and.to.contain("mintkit.config.json");
      expect(await totalSupply(chain, collection)).to.equal(0n);

      const published = await runCli(["--rpc-url", chain.rpcUrl, "--json", "batch", collection, folder, "--kubo-url", kubo.url], { cwd, env });
      expect(published.code, published.stderr).to.equal(0);
      const out = published.json<{ dirCid: string; tokenIds: string[]; published: { kubo: { pinned: boolean } } }>();
      expect(out.tokenIds).to.have.length(3);
      expect(out.published.kubo.pinned).to.equal(true);
      expect(kubo.pins.has(out.dirCid)).to.equal(true);
      expect(await totalSupply(chain, collection)).to.equal(3n);
    } finally {
      await kubo.close();
      await chain.close();
    }
  });
});
