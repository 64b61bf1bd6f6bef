/**
 * src/chain: the one write path (simulate → write → wait → status), the revert decoder and the cause walker,
 * on Hardhat's in-process chain with a real collection made through the factory.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { BaseError, createPublicClient, getAddress, http, type Address } from "viem";
import {
  createCollection,
  decodeRevert,
  ensureCoreContracts,
  formatRevert,
  installDeterministicDeployer,
  isChainError,
  isRevertError,
  isTransportError,
  MintkitError,
  mintkitCollectionAbi,
  resolveCollectionConfig,
  walkCause,
  writeAndWait,
  type WriteClients,
} from "../../src/index.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const [owner, stranger] = await viem.getWalletClients();
const asOwner = { publicClient, walletClient: owner } as unknown as WriteClients;
const asStranger = { publicClient, walletClient: stranger } as unknown as WriteClients;

describe("src/chain", () => {
  let collection: Address;
  before(async () => {
    await installDeterministicDeployer(asOwner);
    const { factory } = await ensureCoreContracts(asOwner);
    const config = resolveCollectionConfig({ name: "Chain", symbol: "CHN", maxSupply: 1 }, { creator: owner!.account.address });
    ({ address: collection } = await createCollection({ ...asOwner, factory: factory.address, config }));
  });

  it("writeAndWait: a successful write returns the simulated result, the receipt and its fee", async () => {
    const to = getAddress(stranger!.account.address);
    const out = await writeAndWait(asOwner, { address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [to] });
    expect(out.receipt.status).to.equal("success");
    expect(out.result).to.equal(1n);
    expect(out.gasUsed).to.equal(out.receipt.gasUsed);
    expect(out.fee).to.equal(out.receipt.gasUsed * out.receipt.effectiveGasPrice);
    expect(await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [1n] })).to.equal(
      to,
    );
  });

  it("writeAndWait: a revert is decoded before anything is sent (CHAIN_TX_REVERTED), or goes to the caller's onRevert", async () => {
    const nonce = await publicClient.getTransactionCount({ address: owner!.account.address });
    const err = await writeAndWait(asOwner, {
      address: collection,
      abi: mintkitCollectionAbi,
      functionName: "mint",
      args: [owner!.account.address],
      action: "mint #2",
    }).catch((e: unknown) => e);
    expect(isChainError(err, "CHAIN_TX_REVERTED"), String(err)).to.equal(true);
    const details = (err as MintkitError<string, { errorName?: string; errorArgs?: string[] }>).details!;
    expect(details.errorName).to.equal("MaxSupplyExceeded");
    expect((err as MintkitError).shortMessage).to.match(/^mint #2 reverted: MaxSupplyExceeded\(1, 0, 1\)\.$/);
    expect(await publicClient.getTransactionCount({ address: owner!.account.address })).to.equal(nonce);

    class Mine extends Error {}
    const custom = await writeAndWait(asStranger, {
      address: collection,
      abi: mintkitCollectionAbi,
      functionName: "setContractURI",
      args: ["ipfs://x"],
      onRevert: (revert) => new Mine(revert.errorName),
    }).catch((e: unknown) => e);
    expect(custom).to.be.instanceOf(Mine);
    expect((custom as Error).message).to.match(/Unauthorized/);
  });

  it("decodeRevert / formatRevert / isRevertError read viem's error; isTransportError an RPC that does not answer", async () => {
    const err = await publicClient
      .simulateContract({ address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [owner!.account.address], account: owner!.account })
      .catch((e: unknown) => e);
    const revert = decodeRevert(err);
    expect(revert).to.deep.include({ errorName: "MaxSupplyExceeded", errorArgs: ["1", "0", "1"] });
    expect(formatRevert(revert)).to.equal("MaxSupplyExceeded(1, 0, 1)");
    expect(isRevertError(err)).to.equal(true);
    expect(isTransportError(err)).to.equal(false);

    const down = createPublicClient({ transport: http("http://127.0.0.1:9", { retryCount: 0, timeout: 2_000 }) });
    const unreachable = await down.getChainId().catch((e: unknown) => e);
    expect(isTransportError(unreachable)).to.equal(true);
    expect(isRevertError(unreachable)).to.equal(false);
    expect(decodeRevert(unreachable)).to.deep.equal({});
  });

  it("walkCause: first match or the deepest cause, for any error, cycles cut; MintkitError.walk and viem's agree", () => {
    const root = new Error("root");
    const mid = new BaseError("mid", { cause: root });
    const top = new MintkitError("X_TEST", "top", { hint: "none", cause: mid });
    expect(walkCause(top)).to.equal(root);
    expect(top.walk()).to.equal(root);
    expect(walkCause(top, (e) => e === mid)).to.equal(mid);
    expect(walkCause(top, () => false)).to.equal(null);
    expect(walkCause("not an error")).to.equal("not an error");
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(walkCause(b, (e) => e === "never")).to.equal(null);
  });
});
