/**
 * Fee tiers from eth_feeHistory on the local chain, and gas → cost (wei, ETH, a caller-given fiat price).
 */
import { expect } from "chai";
import { network } from "hardhat";
import { parseGwei } from "viem";
import { getFeeTiers, gasToCost, isGasError, type FeeTiers } from "../../src/index.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [alice, bob] = [wallets[0]!, wallets[1]!];

describe("getFeeTiers", function () {
  it("on blocks without transactions: the node's suggested tip for every tier", async function () {
    await networkHelpers.mine(3);
    const fees = await getFeeTiers(publicClient, { blockCount: 3 });
    expect(fees.source).to.equal("node");
    const suggested = await publicClient.estimateMaxPriorityFeePerGas();
    for (const t of ["slow", "standard", "fast"] as const) expect(fees.tiers[t].maxPriorityFeePerGas).to.equal(suggested);
  });

  it("from recent transactions' tips: slow ≤ standard ≤ fast, and the next base fee is the next block's", async function () {
    // Blocks whose transactions pay different tips: 1, 2 and 5 gwei.
    for (const tip of ["1", "2", "5"]) {
      for (let i = 0; i < 3; i++) {
        await alice.sendTransaction({ to: bob.account.address, value: 1n, maxPriorityFeePerGas: parseGwei(tip), maxFeePerGas: parseGwei("100") });
      }
    }
    const fees = await getFeeTiers(publicClient, { blockCount: 9, percentiles: { slow: 10, standard: 50, fast: 90 } });
    expect(fees.source).to.equal("feeHistory");
    expect(fees.tiers.slow.maxPriorityFeePerGas).to.equal(parseGwei("1"));
    expect(fees.tiers.standard.maxPriorityFeePerGas).to.equal(parseGwei("2"));
    expect(fees.tiers.fast.maxPriorityFeePerGas).to.equal(parseGwei("5"));
    for (const t of ["slow", "standard", "fast"] as const) {
      const tier = fees.tiers[t];
      expect(tier.expectedGasPrice).to.equal(fees.nextBaseFeePerGas + tier.maxPriorityFeePerGas);
      expect(tier.maxFeePerGas).to.equal(fees.nextBaseFeePerGas * 2n + tier.maxPriorityFeePerGas);
    }
    expect(fees.newestBlock).to.equal(await publicClient.getBlockNumber());
    // The predicted base fee is the one the next block gets.
    await networkHelpers.mine();
    const next = await publicClient.getBlock();
    expect(next.baseFeePerGas).to.equal(fees.nextBaseFeePerGas);
  });

  it("refuses a bad block count or percentiles", async function () {
    for (const options of [{ blockCount: 0 }, { blockCount: 1.5 }, { percentiles: { slow: 50, standard: 10, fast: 90 } }, { percentiles: { slow: 10, standard: 50, fast: 101 } }]) {
      const err = await getFeeTiers(publicClient, options).catch((e: unknown) => e);
      expect(isGasError(err, "GAS_INVALID_PARAMETER"), String(err)).to.equal(true);
    }
  });
});

describe("gasToCost", function () {
  const fees: FeeTiers = {
    nextBaseFeePerGas: parseGwei("10"),
    tiers: {
      slow: { maxPriorityFeePerGas: parseGwei("1"), maxFeePerGas: parseGwei("21"), expectedGasPrice: parseGwei("11") },
      standard: { maxPriorityFeePerGas: parseGwei("2"), maxFeePerGas: parseGwei("22"), expectedGasPrice: parseGwei("12") },
      fast: { maxPriorityFeePerGas: parseGwei("5"), maxFeePerGas: parseGwei("25"), expectedGasPrice: parseGwei("15") },
    },
    percentiles: { slow: 10, standard: 50, fast: 90 },
    newestBlock: 1n,
    blockCount: 1,
    source: "feeHistory",
  };

  it("prices gas in wei, ETH and a caller-given fiat price per tier", function () {
    const cost = gasToCost(75_000n, fees, { ethPrice: 3200, currency: "USD" });
    expect(cost.tiers.standard.wei).to.equal(900_000n * 10n ** 9n);
    expect(cost.tiers.standard.eth).to.equal("0.0009");
    expect(cost.tiers.standard.maxEth).to.equal("0.00165");
    expect(cost.tiers.standard.fiat).to.deep.equal({ amount: "2.88", display: "2.88", currency: "USD" });
    expect(cost.tiers.slow.fiat?.display).to.equal("2.64");
    expect(cost.tiers.fast.eth).to.equal("0.001125");
    expect(cost.tiers.fast.fiat?.display).to.equal("3.60");
  });

  it("keeps small fiat amounts readable, accepts decimal-string prices, leaves fiat out without a price", function () {
    const tiny = gasToCost(21_000n, { ...fees, tiers: { ...fees.tiers, standard: { ...fees.tiers.standard, expectedGasPrice: 1_000_000n } } }, { ethPrice: "2500.5", currency: "EUR" });
    // 21,000 gas × 0.001 gwei = 2.1e-8 ETH × 2500.5 = 0.0000525105 EUR
    expect(tiny.tiers.standard.fiat?.amount).to.equal("0.00005251");
    expect(tiny.tiers.standard.fiat?.display).to.equal("0.000053");
    expect(gasToCost(1n, fees).tiers.standard.fiat).to.equal(undefined);
  });

  it("refuses a bad price or gas", function () {
    for (const price of [{ ethPrice: -1, currency: "USD" }, { ethPrice: "abc", currency: "USD" }, { ethPrice: 3200, currency: "" }, { ethPrice: Number.NaN, currency: "USD" }]) {
      expect(() => gasToCost(1n, fees, price)).to.throw().that.satisfies((e: unknown) => isGasError(e, "GAS_INVALID_PARAMETER"));
    }
    expect(() => gasToCost(-1n, fees)).to.throw().that.satisfies((e: unknown) => isGasError(e, "GAS_INVALID_PARAMETER"));
  });
});
