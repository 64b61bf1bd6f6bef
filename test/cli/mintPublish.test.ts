/**
 * `mintkit mint` publishes as part of minting: on a chain other than 31337/1337 it refuses to set a token
 * URI on content only this machine has, unless a provider is configured (then it publishes and waits) or
 * --no-publish is given. Needs `npm run build` first.
 */
import { expect } from "chai";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../../src/contracts/mintkitCollection.js";
import { devAccount0, emptyCollectionConfig } from "../batch/helpers.js";
import { fundedKey } from "../helpers/fundedKey.js";
import { startKuboServer } from "../ipfs/remote/helpers/kuboServer.js";
import { startPinningServer } from "../ipfs/remote/helpers/pinningServer.js";
import { png1x1 } from "./helpers/media.js";
import { runCli, startChain, tempDir } from "./helpers/cli.js";

describe("mintkit mint: publishing on a real chain", function () {
  this.timeout(120_000);

  it("chain 8453: refused without a provider (nothing minted); with Kubo + a pinning service: pinned, then minted; --no-publish is explicit", async () => {
    const chain = await startChain({ chainId: 8453 });
    const kubo = await startKuboServer();
    const pinning = await startPinningServer({ token: "tok" });
    try {
      const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
      const wallet = createWalletClient({ account: devAccount0, transport: http(chain.rpcUrl) });
      const creator = await fundedKey(chain.rpcUrl); // dev keys are refused off the dev chain ids
      const hash = await wallet.deployContract({ abi: mintkitCollectionAbi, bytecode: mintkitCollectionBytecode, args: [emptyCollectionConfig(creator.account.address)], account: devAccount0, chain: null });
      const collection = (await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })).contractAddress as Address;
      const supply = () => publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "totalSupply" });

      const cwd = tempDir();
      await writeFile(path.join(cwd, "art.png"), png1x1);
      await writeFile(path.join(cwd, "token"), "tok\n");
      const env = { MINTKIT_PRIVATE_KEY: creator.key };
      const base = ["--rpc-url", chain.rpcUrl, "--json", "mint", "art.png", "--collection", collection, "--name", "Sunrise"];

      const refused = await runCli(base, { cwd, env });
      expect(refused.code).to.equal(4);
      expect(refused.errorJson().error.code).to.equal("IPFS_NOT_PUBLISHED");
      expect(await supply()).to.equal(0n);

      await writeFile(path.join(cwd, "mintkit.config.json"), JSON.stringify({ publish: { kuboUrl: kubo.url, pinningEndpoint: pinning.endpoint, pinningTokenFile: "token" } }));
      const minted = await runCli(base, { cwd, env });
      expect(minted.code, minted.stderr).to.equal(0);
      const out = minted.json<{ metadataCid: string; remote: { metadata: { pinning: { status: string; origins: string[] }; kubo: { pinned: boolean } } } }>();
      expect(out.remote.metadata.pinning.status).to.equal("pinned");
      expect(out.remote.metadata.pinning.origins.length).to.be.greaterThan(0);
      expect(out.remote.metadata.kubo.pinned).to.equal(true);
      expect(await supply()).to.equal(1n);

      const unpublished = await runCli([...base, "--no-publish"], { cwd, env });
      expect(unpublished.code, unpublished.stderr).to.equal(0);
      expect(unpublished.json<{ remote?: unknown }>().remote).to.equal(undefined);
      expect(await supply()).to.equal(2n);
    } finally {
      await pinning.close();
      await kubo.close();
      await chain.close();
    }
  });
});
