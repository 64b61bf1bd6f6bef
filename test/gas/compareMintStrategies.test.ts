/**
 * compareMintStrategies: single vs batch vs lazy vs ERC-1155 for one job, from simulations; for small jobs
 * each strategy is then executed and its total gasUsed held within 2% of the projection.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { keccak256, toHex, type Address, type Hash } from "viem";
import {
  compareMintStrategies,
  createVoucher,
  getFeeTiers,
  isGasError,
  sampleRecipients,
  signVoucher,
  type MintStrategy,
  type MintStrategyComparison,
  type MintStrategyReport,
} from "../../src/index.js";
import { collectionConfig, editionsConfig } from "../factory/helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, stranger] = [wallets[0]!, wallets[1]!];
const O = owner.account.address;
const chainId = await publicClient.getChainId();

async function contractsFixture() {
  const collection = await viem.deployContract("MintkitCollection", [{ ...collectionConfig(O), maxSupply: 0n }]);
  const editions = await viem.deployContract("MintkitEditions", [editionsConfig(O)]);
  // One existing holder / id, so repeat mints are simulated rather than bounded.
  await collection.write.mint([stranger.account.address]);
  await editions.write.mint([stranger.account.address, 1n, 1n, 0n, "0x"]);
  return { collection, editions };
}

const byName = (c: MintStrategyComparison, s: MintStrategy): MintStrategyReport => c.strategies.find((r) => r.strategy === s)!;

async function totalGasUsed(hashes: Hash[]): Promise<bigint> {
  let total = 0n;
  for (const hash of hashes) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).to.equal("success");
    total += receipt.gasUsed;
  }
  return total;
}

const pct = (estimate: bigint, actual: bigint) => (Math.abs(Number(estimate - actual)) / Number(actual)) * 100;

describe("compareMintStrategies", function () {
  it("10,000 tokens to one holder: every strategy simulated, batch far cheaper than single mints", async function () {
    const { collection, editions } = await networkHelpers.loadFixture(contractsFixture);
    const fees = await getFeeTiers(publicClient);
    const report = await compareMintStrategies(publicClient, {
      count: 10_000,
      recipients: [sampleRecipients(1, "one-holder")[0]!],
      account: O,
      collection: collection.address,
      editions: editions.address,
      voucherSigner: owner,
      fees,
      price: { ethPrice: 3200, currency: "USD" },
    });
    expect(report.holders).to.equal("one");
    expect(report.strategies.map((s) => s.strategy)).to.deep.equal(["single", "batch", "lazy", "erc1155"]);
    for (const s of report.strategies) {
      expect(s.available, `${s.strategy}: ${s.unavailableReason}`).to.equal(true);
      expect(s.cost?.tiers.standard.fiat?.currency).to.equal("USD");
      expect(s.steps.reduce((n, st) => n + st.transactions * st.tokensEach, 0n)).to.equal(10_000n);
      expect(s.steps[0]!.simulated).to.equal(true);
    }
    const [single, batch, lazy, erc1155] = (["single", "batch", "lazy", "erc1155"] as const).map((s) => byName(report, s));
    expect(single!.transactions).to.equal(10_000n);
    expect(batch!.transactions).to.equal(2n);
    expect(erc1155!.transactions).to.equal(1n);
    expect(lazy!.paidBy).to.equal("buyers");
    expect(single!.totalGas > batch!.totalGas * 20n).to.equal(true);
    expect(Number(batch!.gasPerToken)).to.be.within(1_500, 2_500);
    expect(report.cheapest).to.equal("erc1155"); // N copies of one id: one transaction
    expect(erc1155!.notes.join(" ")).to.match(/copies of one id/);
    console.log(`      one holder × 10,000: ${report.strategies.map((s) => `${s.strategy} ${s.totalGas} gas in ${s.transactions} tx`).join("; ")}`);
  });

  it("20 holders: each strategy's projection is within 2% of executing it", async function () {
    const { collection, editions } = await networkHelpers.loadFixture(contractsFixture);
    const recipients = sampleRecipients(20, "many");
    const report = await compareMintStrategies(publicClient, {
      count: 20,
      recipients,
      account: O,
      collection: collection.address,
      editions: editions.address,
      voucherSigner: owner,
    });
    expect(report.holders).to.equal("many");
    const deviations: string[] = [];
    const check = (s: MintStrategy, used: bigint) => {
      const projected = byName(report, s).totalGas;
      deviations.push(`${s} ${projected} vs ${used} (${pct(projected, used).toFixed(3)}%)`);
      expect(pct(projected, used), `${s}: projected ${projected}, used ${used}`).to.be.lessThan(2);
    };

    // Each strategy runs from the state the comparison simulated (loadFixture reverts to it).
    check("single", await totalGasUsed(await Promise.all(recipients.map((r) => collection.write.mint([r])))));
    await networkHelpers.loadFixture(contractsFixture);
    check("batch", await totalGasUsed([await collection.write.airdrop([recipients, await collection.read.nextTokenId()])]));
    await networkHelpers.loadFixture(contractsFixture);
    // Lazy: one voucher per holder; uids in separate bitmap words, as the projection assumes.
    const redeems: Hash[] = [];
    for (const [i, r] of recipients.entries()) {
      const voucher = createVoucher({ to: r, uid: BigInt(10_000 + i * 256) });
      const signature = await signVoucher(owner, { voucher, contract: collection.address, chainId });
      redeems.push(await collection.write.redeem([voucher, O, signature]));
    }
    check("lazy", await totalGasUsed(redeems));
    await networkHelpers.loadFixture(contractsFixture);
    const id = await editions.read.nextTokenId();
    const mints: Hash[] = [await editions.write.mint([recipients[0]!, id, 1n, 0n, "0x"])];
    for (const r of recipients.slice(1)) mints.push(await editions.write.mint([r, id, 1n, 0n, "0x"]));
    check("erc1155", await totalGasUsed(mints));
    console.log(`      20 holders: ${deviations.join("; ")}`);
  });

  it("30 tokens to one holder by single mints: within 2% (repeat mints simulated on an existing holder)", async function () {
    const { collection } = await networkHelpers.loadFixture(contractsFixture);
    const holder = sampleRecipients(1, "single-one")[0]!;
    const report = await compareMintStrategies(publicClient, { count: 30, recipients: [holder], account: O, collection: collection.address });
    const single = byName(report, "single");
    expect(single.steps.map((s) => s.simulated)).to.deep.equal([true, false]);
    const hashes: Hash[] = [];
    for (let i = 0; i < 30; i++) hashes.push(await collection.write.mint([holder]));
    const used = await totalGasUsed(hashes);
    expect(pct(single.totalGas, used), `projected ${single.totalGas} (${single.steps.map((s) => `${s.transactions}×${s.gasEach}`).join(" + ")}), used ${used}`).to.be.lessThan(2);
    await networkHelpers.loadFixture(contractsFixture);
    const batch = byName(report, "batch");
    const batchUsed = await totalGasUsed([await collection.write.mintBatch([holder, 30n, await collection.read.nextTokenId()])]);
    expect(pct(batch.totalGas, batchUsed)).to.be.lessThan(2);
  });

  it("reports strategies it cannot simulate as unavailable, with the reason", async function () {
    const { collection } = await networkHelpers.loadFixture(contractsFixture);
    const report = await compareMintStrategies(publicClient, { count: 5, recipients: [O], account: O, collection: collection.address });
    expect(byName(report, "lazy").available).to.equal(false);
    expect(byName(report, "lazy").unavailableReason).to.match(/voucherSigner/);
    expect(byName(report, "erc1155").available).to.equal(false);
    expect(byName(report, "erc1155").unavailableReason).to.match(/editions/);
    expect(report.cheapest).to.equal("batch");
    // A creator without the minter role: the creator-paid strategies are unavailable, named by the error.
    const denied = await compareMintStrategies(publicClient, { count: 5, recipients: [O], account: stranger.account.address, collection: collection.address });
    expect(byName(denied, "single").available).to.equal(false);
    expect(byName(denied, "single").unavailableReason).to.match(/may not mint/);
    expect(denied.cheapest).to.equal(undefined);
  });

  it("refuses a recipient list that is neither one holder nor one per token", async function () {
    const { collection } = await networkHelpers.loadFixture(contractsFixture);
    const err = await compareMintStrategies(publicClient, {
      count: 5,
      recipients: sampleRecipients(3) as Address[],
      account: O,
      collection: collection.address,
    }).catch((e: unknown) => e);
    expect(isGasError(err, "GAS_INVALID_PARAMETER"), String(err)).to.equal(true);
    const bad = await compareMintStrategies(publicClient, { count: 1, recipients: [O], account: O, collection: keccak256(toHex("x")).slice(0, 42) as Address }).catch((e: unknown) => e);
    expect(isGasError(bad), String(bad)).to.equal(true);
  });
});
