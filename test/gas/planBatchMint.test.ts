/**
 * planBatchMint: a 10,000-token mint split into mintBatch transactions under the chain's per-transaction
 * limit (EIP-7825 cap on EDR) and a user cap; every planned chunk is then sent and its receipt compared
 * with the plan. Bad input: clear GasError, nothing sent.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { keccak256, toHex, type Address } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import {
  GasError,
  TRANSACTION_GAS_CAP,
  isGasError,
  mintkitCollectionAbi,
  planBatchMint,
  type BatchMintPlan,
  type GasErrorCode,
} from "../../src/index.js";
import { benchConfig } from "../collection/helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, stranger, minter] = [wallets[0]!, wallets[1]!, wallets[2]!];
const O = owner.account.address;
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const fresh = (): Address => privateKeyToAddress(generatePrivateKey());

async function collectionFixture() {
  const c = await viem.deployContract("MintkitCollection", [benchConfig(O, { maxSupply: 10_000n })]);
  return { c };
}

/** Sends every chunk in order and returns each receipt's gasUsed. */
async function execute(plan: BatchMintPlan, sender = owner): Promise<bigint[]> {
  const used: bigint[] = [];
  for (const chunk of plan.chunks) {
    const hash = await sender.writeContract({
      address: plan.collection,
      abi: mintkitCollectionAbi,
      functionName: "mintBatch",
      args: [plan.to, chunk.quantity, chunk.firstTokenId],
      gas: plan.perTransactionLimit,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    expect(receipt.status).to.equal("success");
    used.push(receipt.gasUsed);
  }
  return used;
}

/** |actual − estimate| / actual, in percent. */
const deviation = (estimate: bigint, actual: bigint) =>
  (Math.abs(Number(estimate - actual)) / Number(actual)) * 100;

function expectWithinPlan(plan: BatchMintPlan, used: bigint[]) {
  plan.chunks.forEach((chunk, i) => {
    const actual = used[i]!;
    expect(deviation(chunk.estimatedGas, actual), `chunk ${i}: estimate ${chunk.estimatedGas}, used ${actual}`).to.be.lessThan(2);
    expect(actual <= plan.perTransactionLimit, `chunk ${i} used ${actual} > limit ${plan.perTransactionLimit}`).to.equal(true);
  });
}

async function expectGasError(promise: Promise<unknown>, code: GasErrorCode): Promise<GasError> {
  try {
    await promise;
  } catch (err) {
    expect(isGasError(err, code), `expected ${code}, got ${String(err)}`).to.equal(true);
    const e = err as GasError;
    expect(e.hint).to.be.a("string").and.not.equal("");
    return e;
  }
  expect.fail(`expected a GasError ${code}`);
}

describe("planBatchMint", function () {
  it("splits 10,000 tokens into 2 transactions under the 2^24 cap, each receipt within 2% of its estimate", async function () {
    const { c } = await networkHelpers.loadFixture(collectionFixture);
    const to = fresh();
    const plan = await planBatchMint(publicClient, { collection: c.address, to, count: 10_000, account: O });

    expect(plan.perTransactionLimit).to.equal(TRANSACTION_GAS_CAP); // EDR's block limit (60M) is above it
    expect(plan.blockGasLimit > TRANSACTION_GAS_CAP).to.equal(true);
    expect(plan.chunks).to.have.length(2);
    expect(plan.chunks.map((ch) => ch.quantity)).to.deep.equal([5_000n, 5_000n]);
    expect(plan.chunks.map((ch) => ch.firstTokenId)).to.deep.equal([1n, 5_001n]);
    expect(plan.chunks[1]!.lastTokenId).to.equal(10_000n);
    for (const chunk of plan.chunks) expect(chunk.estimatedGas <= plan.targetGas).to.equal(true);
    expect(plan.totalEstimatedGas).to.equal(plan.chunks.reduce((s, ch) => s + ch.estimatedGas, 0n));
    // Measured, not assumed: the fitted per-token gas is what the contract costs (~2k per extra token).
    expect(Number(plan.model.gasPerToken)).to.be.within(1_500, 2_500);
    expect(plan.samples.length).to.be.at.least(2);

    const used = await execute(plan);
    expectWithinPlan(plan, used);
    expect(await c.read.totalSupply()).to.equal(10_000n);
    expect(await c.read.balanceOf([to])).to.equal(10_000n);
    console.log(
      `      10,000 tokens: ${plan.chunks.map((ch, i) => `${ch.quantity} est ${ch.estimatedGas} used ${used[i]} (${deviation(ch.estimatedGas, used[i]!).toFixed(3)}%)`).join("; ")}`,
    );
  });

  it("a user cap of 3M gas gives more, smaller transactions, each under the cap", async function () {
    const { c } = await networkHelpers.loadFixture(collectionFixture);
    const to = fresh();
    const plan = await planBatchMint(publicClient, {
      collection: c.address,
      to,
      count: 10_000n,
      account: owner.account,
      maxGasPerTransaction: 3_000_000n,
    });
    expect(plan.perTransactionLimit).to.equal(3_000_000n);
    expect(plan.userGasCap).to.equal(3_000_000n);
    expect(plan.chunks.length).to.be.at.least(7);
    const sizes = plan.chunks.map((ch) => ch.quantity);
    expect(sizes.reduce((a, b) => a + b, 0n)).to.equal(10_000n);
    expect(Number(sizes[0]! - sizes[sizes.length - 1]!)).to.be.at.most(1);
    for (const chunk of plan.chunks) expect(chunk.estimatedGas <= plan.targetGas).to.equal(true);

    const used = await execute(plan);
    expectWithinPlan(plan, used);
    expect(await c.read.totalSupply()).to.equal(10_000n);
    const worst = Math.max(...plan.chunks.map((ch, i) => deviation(ch.estimatedGas, used[i]!)));
    console.log(`      3M cap: ${plan.chunks.length} chunks of ~${sizes[0]}, max deviation ${worst.toFixed(3)}%`);
  });

  it("plans small mints exactly (1 and 3 tokens), for a minter that is not the owner", async function () {
    const { c } = await networkHelpers.loadFixture(collectionFixture);
    await c.write.grantRole([MINTER_ROLE, minter.account.address]);
    for (const count of [1n, 3n]) {
      const plan = await planBatchMint(publicClient, { collection: c.address, to: fresh(), count, account: minter.account });
      expect(plan.chunks).to.have.length(1);
      expect(plan.chunks[0]!.quantity).to.equal(count);
      const used = await execute(plan, minter);
      expect(used[0]).to.equal(plan.chunks[0]!.estimatedGas); // simulated as is: exact
    }
  });

  it("follows the collection's next id and remaining supply", async function () {
    const { c } = await networkHelpers.loadFixture(collectionFixture);
    await c.write.mintBatch([O, 4_995n, 1n]);
    await c.write.mintBatch([O, 4_995n, 4_996n]);
    const plan = await planBatchMint(publicClient, { collection: c.address, to: O, count: 10, account: O });
    expect(plan.nextTokenId).to.equal(9_991n);
    expect(plan.chunks[0]!.firstTokenId).to.equal(9_991n);
    expect(plan.chunks[0]!.lastTokenId).to.equal(10_000n);
  });

  describe("refusals (typed GasError, nothing sent)", function () {
    it("count over the remaining max supply", async function () {
      const { c } = await networkHelpers.loadFixture(collectionFixture);
      await c.write.mintBatch([O, 100n, 1n]);
      const before = await publicClient.getBlockNumber();
      const e = await expectGasError(
        planBatchMint(publicClient, { collection: c.address, to: O, count: 9_901, account: O }),
        "GAS_MAX_SUPPLY_EXCEEDED",
      );
      expect(e.details).to.deep.include({ requested: "9901", available: "9900", maxSupply: "10000" });
      expect(await publicClient.getBlockNumber()).to.equal(before);
      expect(await c.read.totalSupply()).to.equal(100n);
    });

    it("an account without the minter role (found by simulation)", async function () {
      const { c } = await networkHelpers.loadFixture(collectionFixture);
      const e = await expectGasError(
        planBatchMint(publicClient, { collection: c.address, to: O, count: 10_000, account: stranger.account }),
        "GAS_NOT_MINTER",
      );
      expect((e.details as { account: string }).account.toLowerCase()).to.equal(stranger.account.address.toLowerCase());
      expect(await c.read.totalSupply()).to.equal(0n);
    });

    it("a per-transaction cap too low for any mint", async function () {
      const { c } = await networkHelpers.loadFixture(collectionFixture);
      await expectGasError(
        planBatchMint(publicClient, { collection: c.address, to: O, count: 10, account: O, maxGasPerTransaction: 40_000 }),
        "GAS_LIMIT_TOO_LOW",
      );
    });

    it("bad parameters: count, addresses, cap, margin, not a collection", async function () {
      const { c } = await networkHelpers.loadFixture(collectionFixture);
      const base = { collection: c.address, to: O, count: 10, account: O } as const;
      for (const count of [0, -1, 1.5, Number.NaN, 0n]) {
        await expectGasError(planBatchMint(publicClient, { ...base, count }), "GAS_INVALID_PARAMETER");
      }
      await expectGasError(planBatchMint(publicClient, { ...base, to: "0x1234" as Address }), "GAS_INVALID_PARAMETER");
      await expectGasError(
        planBatchMint(publicClient, { ...base, to: "0x0000000000000000000000000000000000000000" }),
        "GAS_INVALID_PARAMETER",
      );
      await expectGasError(planBatchMint(publicClient, { ...base, maxGasPerTransaction: 0 }), "GAS_INVALID_PARAMETER");
      await expectGasError(planBatchMint(publicClient, { ...base, safetyMarginBps: 10_000 }), "GAS_INVALID_PARAMETER");
      const e = await expectGasError(planBatchMint(publicClient, { ...base, collection: fresh() }), "GAS_INVALID_PARAMETER");
      expect(e.details).to.deep.include({ parameter: "collection" });
    });
  });
});
