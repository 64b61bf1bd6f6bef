/**
 * Gas limits that survive the chain moving between the estimate and the send. For each race, another
 * transaction moves the state after the estimate; the transaction is then sent from a snapshot twice:
 * with the estimate's `minimumGasLimit` (what mintkit sent before: it runs out of gas when the move made
 * it dearer) and with its `gasLimit` (minimum + headroom: it succeeds). Plus the state cases the
 * estimators read from the chain, and the storage slot they read the batch bitmap at.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { parseEther, type Address, type Hash, type Hex } from "viem";
import {
  createCollection,
  createVoucher,
  estimateCancelVouchersGas,
  estimateCredentialIssueGas,
  estimateDeployGas,
  estimateMintBatchGas,
  estimateMintGas,
  estimateRedeemGas,
  gasLimitFor,
  headroomFor,
  isGasError,
  mintkitCollectionAbi,
  resolveCollectionConfig,
  sampleRecipients,
  signVoucher,
  SLOT_OPENED_GAS,
  type GasEstimate,
  type Voucher,
} from "../../src/index.js";
import { readRangeHeads } from "../../src/gas/readRangeHeads.js";
import { collectionConfig, editionsConfig } from "../factory/helpers.js";

const { viem } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, buyer, rival, holder] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!];
const O = owner.account.address;
const chainId = await publicClient.getChainId();

const snapshot = async () => (await publicClient.request({ method: "evm_snapshot" as "eth_chainId" })) as unknown as string;
const revert = async (id: string) => publicClient.request({ method: "evm_revert" as "eth_chainId", params: [id] as unknown as undefined });

/**
 * Sends, and returns the receipt's status and gasUsed. Hardhat's EDR refuses a transaction that runs out
 * of gas when it is sent ("Transaction ran out of gas"): that is `"out-of-gas"`; any other error is thrown.
 */
async function outcome(send: () => Promise<Hash>): Promise<{ status: "success" | "reverted" | "out-of-gas"; gasUsed: bigint }> {
  let hash: Hash;
  try {
    hash = await send();
  } catch (err) {
    if (/ran out of gas/i.test(String(err))) return { status: "out-of-gas", gasUsed: 0n };
    throw err;
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return { status: receipt.status, gasUsed: receipt.gasUsed };
}

/** From the same snapshot: the send with the minimal limit, then the send with the headroom limit. */
async function raceOutcomes(estimate: GasEstimate, send: (gas: bigint) => Promise<Hash>) {
  const id = await snapshot();
  const minimal = await outcome(() => send(estimate.minimumGasLimit));
  await revert(id);
  const safe = await outcome(() => send(estimate.gasLimit));
  return { minimal, safe };
}

async function signed(contract: Address, fields: Partial<Voucher> & Pick<Voucher, "uid">) {
  const voucher = createVoucher({ validUntil: 0n, ...fields }, { allowFreeBearer: true });
  const signature: Hex = await signVoucher(owner, { voucher, contract, chainId });
  return { voucher, signature };
}

describe("headroom: the limit survives the state moving before inclusion", function () {
  it("the next id crosses into a new bitmap word: a 5-token next-id voucher opens it", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Race word")]);
    await c.write.mintBatch([holder.account.address, 10n, 1n]); // ids 1-10: a head in word 0
    const { voucher, signature } = await signed(c.address, { to: buyer.account.address, quantity: 5n, uid: 1n });
    const estimate = await estimateRedeemGas(publicClient, { contract: c.address, voucher, signer: O, signature, from: buyer.account.address });
    expect(estimate.cases.map((x) => x.case)).to.include("batch-used-word");
    expect(estimate.headroom.items.map((i) => i.case)).to.deep.equal(["new-bitmap-word"]);
    // Someone mints up to id 255 first: the voucher's batch now starts at 256, in a word no batch opened.
    await c.write.mintBatch([holder.account.address, 245n, 11n]);
    const { minimal, safe } = await raceOutcomes(estimate, (gas) =>
      buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [voucher, O, signature], gas }),
    );
    expect(minimal.status, "the minimal limit runs out of gas").to.equal("out-of-gas");
    expect(safe.status).to.equal("success");
    expect(safe.gasUsed - estimate.gas).to.equal(SLOT_OPENED_GAS); // exactly the word the headroom kept room for
    expect(safe.gasUsed <= estimate.gasLimit).to.equal(true);
  });

  it("a holder empties its balance before the mint to it lands: the balance is written from zero", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Race holder")]);
    await c.write.mint([holder.account.address]); // token 1: the holder is not fresh when estimated
    const estimate = await estimateMintGas(publicClient, { collection: c.address, to: holder.account.address, account: O });
    expect(estimate.cases.map((x) => x.case)).to.deep.equal(["existing-holder"]);
    expect(estimate.headroom.items.map((i) => i.case)).to.deep.equal(["fresh-holder"]);
    await holder.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [holder.account.address, rival.account.address, 1n] });
    const { minimal, safe } = await raceOutcomes(estimate, (gas) => c.write.mint([holder.account.address], { gas }));
    expect(minimal.status, "the minimal limit runs out of gas").to.equal("out-of-gas");
    expect(safe.status).to.equal("success");
    expect(safe.gasUsed - estimate.gas).to.equal(SLOT_OPENED_GAS);
  });

  it("a redeemer who sold its tokens redeems: fresh holder again, and the limit holds", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Race redeemer")]);
    const first = await signed(c.address, { to: buyer.account.address, uid: 1n });
    await buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [first.voucher, O, first.signature] });
    const { voucher, signature } = await signed(c.address, { to: buyer.account.address, uid: 2n, price: parseEther("0.01") });
    const estimate = await estimateRedeemGas(publicClient, { contract: c.address, voucher, signer: O, signature, from: buyer.account.address });
    expect(estimate.cases.map((x) => x.case)).to.deep.equal(["uid-used-word", "existing-holder"]);
    await buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [buyer.account.address, rival.account.address, 1n] });
    const { minimal, safe } = await raceOutcomes(estimate, (gas) =>
      buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [voucher, O, signature], value: estimate.value, gas }),
    );
    expect(minimal.status, "the minimal limit runs out of gas").to.equal("out-of-gas");
    expect(safe.status).to.equal("success");
    expect(safe.gasUsed - estimate.gas).to.equal(SLOT_OPENED_GAS);
  });

  it("someone else opens the uid's word first: the move only makes the redemption cheaper", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Race uid")]);
    const warm = await signed(c.address, { to: buyer.account.address, uid: 0n });
    await buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [warm.voucher, O, warm.signature] });
    const { voucher, signature } = await signed(c.address, { to: buyer.account.address, uid: 512n });
    const estimate = await estimateRedeemGas(publicClient, { contract: c.address, voucher, signer: O, signature, from: buyer.account.address });
    expect(estimate.redeemCase).to.equal("uid-new-word");
    expect(estimate.cases[0]).to.include({ case: "uid-new-word", gas: SLOT_OPENED_GAS });
    const other = await signed(c.address, { to: rival.account.address, uid: 513n });
    await rival.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [other.voucher, O, other.signature] });
    const { minimal, safe } = await raceOutcomes(estimate, (gas) =>
      buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [voucher, O, signature], gas }),
    );
    expect(minimal.status).to.equal("success");
    expect(safe.status).to.equal("success");
    expect(estimate.gas - safe.gasUsed).to.equal(SLOT_OPENED_GAS);
  });

  it("an explicit-id voucher after a later reservation: the id is looked up in the batch bitmap, within the headroom", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Race reserve")]);
    await c.write.mintBatch([holder.account.address, 10n, 1n]);
    await c.write.reserve([5n]); // ids 11-15
    const { voucher, signature } = await signed(c.address, { to: buyer.account.address, tokenId: 11n, uid: 1n });
    const estimate = await estimateRedeemGas(publicClient, { contract: c.address, voucher, signer: O, signature, from: buyer.account.address });
    expect(estimate.redeemCase).to.equal("explicit-id");
    const lookup = estimate.headroom.items.find((i) => i.case === "cold-range-lookup");
    expect(lookup, "the explicit id keeps room for the bitmap lookup").to.not.equal(undefined);
    await c.write.reserve([3n]); // id 11 is no longer in the latest reservation
    const { minimal, safe } = await raceOutcomes(estimate, (gas) =>
      buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [voucher, O, signature], gas }),
    );
    expect(minimal.status, "the lookup's cold reads exceed the minimal limit").to.equal("out-of-gas");
    expect(safe.status).to.equal("success");
    expect(safe.gasUsed <= estimate.gasLimit).to.equal(true);
    expect(safe.gasUsed - estimate.gas <= lookup!.gas).to.equal(true);
  });
});

describe("gasLimitFor: a node's estimate plus the headroom, for the send paths", function () {
  it("redeem with eth_estimateGas as the estimate: the limit survives a holder emptying its balance", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Send path")]);
    await c.write.mint([buyer.account.address]);
    const { voucher, signature } = await signed(c.address, { to: buyer.account.address, uid: 3n });
    const args = [voucher, O, signature] as const;
    const nodeEstimate = await publicClient.estimateContractGas({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args, account: buyer.account.address });
    const limit = await gasLimitFor(publicClient, { operation: "redeem", contract: c.address, voucher, from: buyer.account.address, estimate: nodeEstimate });
    expect(limit.minimumGasLimit).to.equal(nodeEstimate);
    expect(limit.gasLimit).to.equal(nodeEstimate + SLOT_OPENED_GAS);
    expect(limit.worstCaseCost!.wei).to.equal(limit.gasLimit * limit.worstCaseCost!.maxFeePerGas);
    await buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "transferFrom", args: [buyer.account.address, rival.account.address, 1n] });
    const minimal = await outcome(() => buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args, gas: nodeEstimate }));
    // The node's estimate alone (what redeemVoucher sends today) runs out of gas after the move.
    expect(minimal.status).to.equal("out-of-gas");
    const safe = await outcome(() => buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args, gas: limit.gasLimit }));
    expect(safe.status).to.equal("success");
  });

  it("operations with nothing to move need no headroom; a bad estimate is a typed error", async function () {
    const none = await headroomFor(publicClient, { operation: "credentialRevoke" });
    expect(none).to.deep.equal({ gas: 0n, items: [] });
    const err = await gasLimitFor(publicClient, { operation: "deployCollection", estimate: 0n }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_INVALID_PARAMETER")).to.equal(true);
  });
});

describe("the case the user is in, read from the chain", function () {
  it("mintBatch says whether it opens a new 256-id word of the batch bitmap (+17.1k), read at ERC721Batch's slot", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Words")]);
    const to = sampleRecipients(1, "words")[0]!;
    const opening = await estimateMintBatchGas(publicClient, { collection: c.address, to, quantity: 10, account: O });
    expect(opening.cases.map((x) => x.case)).to.deep.equal(["batch-new-word", "fresh-holder"]);
    expect((await readRangeHeads(publicClient, c.address, 1n, 10n))[0]!.word).to.equal(0n);
    await c.write.mintBatch([holder.account.address, 10n, 1n]);
    // The slot the library reads holds the head bit the batch just set (bit 1: id 1).
    expect((await readRangeHeads(publicClient, c.address, 1n, 10n))[0]!.word).to.equal(2n);
    const used = await estimateMintBatchGas(publicClient, { collection: c.address, to, quantity: 10, account: O });
    expect(used.cases.map((x) => x.case)).to.deep.equal(["batch-used-word", "fresh-holder"]);
    expect(opening.gas - used.gas).to.equal(SLOT_OPENED_GAS);
  });

  it("estimateRedeemGas prices the real redeemer: the voucher's recipient by default, a bearer voucher needs from", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Redeemer")]);
    const named = await signed(c.address, { to: buyer.account.address, uid: 1n });
    const byDefault = await estimateRedeemGas(publicClient, { contract: c.address, ...named, signer: O });
    expect(byDefault.account).to.equal(buyer.account.address);
    expect(byDefault.cases.map((x) => x.case)).to.deep.equal(["uid-new-word", "fresh-holder"]);
    const bearer = await signed(c.address, { uid: 2n });
    const err = await estimateRedeemGas(publicClient, { contract: c.address, ...bearer, signer: O }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_INVALID_PARAMETER")).to.equal(true);
    expect((err as { details: { parameter: string } }).details.parameter).to.equal("from");
  });

  it("cancelVouchers counts the spent and cancelled bitmap words it opens; a credential issue names a first-time holder", async function () {
    const c = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Cancel words")]);
    const fresh = await estimateCancelVouchersGas(publicClient, { contract: c.address, uids: [1n, 2n, 300n], account: O });
    expect(fresh.cases).to.deep.equal([{ case: "uid-new-word", gas: 4n * SLOT_OPENED_GAS, description: "opens 4 bitmap word(s) of spent or cancelled uids (+17.1k each)" }]);
    const redeemed = await signed(c.address, { to: buyer.account.address, uid: 1n });
    await buyer.writeContract({ address: c.address, abi: mintkitCollectionAbi, functionName: "redeem", args: [redeemed.voucher, O, redeemed.signature] });
    const half = await estimateCancelVouchersGas(publicClient, { contract: c.address, uids: [2n], account: O });
    expect(half.cases.map((x) => [x.case, x.gas])).to.deep.equal([["uid-new-word", SLOT_OPENED_GAS], ["uid-used-word", 0n]]);
    expect(fresh.headroom.gas).to.equal(0n);

    const registry = await viem.deployContract("CredentialRegistry", [{ owner: O, name: "Cases", symbol: "C", baseURI: "", contractURI: "" }]);
    await registry.write.registerSchema(["KYC", ["bool age_over_18"]]);
    const root = `0x${"ab".repeat(32)}` as Hex;
    const first = await estimateCredentialIssueGas(publicClient, { registry: registry.address, to: holder.account.address, schemaId: 1, claimsRoot: root, account: O });
    await registry.write.issue([holder.account.address, 1, root, 0, 0]);
    const second = await estimateCredentialIssueGas(publicClient, { registry: registry.address, to: holder.account.address, schemaId: 1, claimsRoot: root, account: O });
    expect([first.cases[0]!.case, second.cases[0]!.case]).to.deep.equal(["fresh-holder", "existing-holder"]);
    expect(first.gas - second.gas).to.equal(SLOT_OPENED_GAS);
    const notIssuer = await estimateCredentialIssueGas(publicClient, { registry: registry.address, to: holder.account.address, schemaId: 1, claimsRoot: root, account: rival.account.address }).catch((e: unknown) => e);
    expect(isGasError(notIssuer, "GAS_NOT_MINTER")).to.equal(true);
    expect(String((notIssuer as Error).message)).to.match(/ISSUER_ROLE/);
  });

  it("estimateDeployGas takes the deploy's own options: each config estimated within 2% of the library's deploy", async function () {
    const collectionImpl = await viem.deployContract("MintkitCollection", [collectionConfig(O, "Implementation")]);
    const editionsImpl = await viem.deployContract("MintkitEditions", [editionsConfig(O, "Implementation")]);
    const registryImpl = await viem.deployContract("CredentialRegistry", [{ owner: O, name: "Implementation", symbol: "CRED", baseURI: "", contractURI: "" }]);
    const factory = await viem.deployContract("MintkitFactory", [collectionImpl.address, editionsImpl.address, registryImpl.address]);
    const plain = { name: "Plain", symbol: "PLN" };
    const rich = {
      name: "Rich",
      symbol: "RCH",
      baseURI: `ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy/metadata/with/a/long/path/`,
      contractURI: `ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy`,
      royaltyBps: 750,
      maxSupply: 10_000,
      primarySaleRecipient: rival.account.address,
    };
    const used: Record<string, { estimate: GasEstimate; gasUsed: bigint }> = {};
    for (const [label, input] of [["plain", plain], ["rich", rich]] as const) {
      const estimate = await estimateDeployGas(publicClient, { kind: "collection", config: input, factory: factory.address, salt: label, account: O });
      const created = await createCollection({
        publicClient,
        walletClient: owner,
        factory: factory.address,
        config: resolveCollectionConfig(input, { creator: O }),
        salt: label,
      });
      expect(created.reused).to.equal(false);
      expect(created.gasUsed! <= estimate.gasLimit).to.equal(true);
      expect(Math.abs(Number(estimate.gas - created.gasUsed!)) / Number(created.gasUsed!)).to.be.lessThan(0.02);
      used[label] = { estimate, gasUsed: created.gasUsed! };
    }
    // The options matter: one config's estimate would be far off the other's deploy (and too low a limit).
    expect(Number(used.rich!.gasUsed - used.plain!.estimate.gas) / Number(used.rich!.gasUsed)).to.be.greaterThan(0.05);
    expect(used.plain!.estimate.gasLimit < used.rich!.gasUsed).to.equal(true);
  });
});
