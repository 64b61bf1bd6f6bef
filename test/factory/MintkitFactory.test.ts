/**
 * MintkitFactory: EIP-1167 clones of the collection and editions implementations, created and initialized
 * in one transaction at creator-bound deterministic addresses.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, parseEther, toBytes, type Address } from "viem";
import { collectionConfig, editionsConfig, eip1167Code } from "./helpers.js";
import { createVoucher, signVoucher } from "../../src/index.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const [creator, other, buyer] = await viem.getWalletClients();
if (!creator || !other || !buyer) throw new Error("three accounts needed");
const chainId = await publicClient.getChainId();

const SALT = keccak256(toBytes("mintkit-test:salt"));

async function deployFactory() {
  const collectionImpl = await viem.deployContract("MintkitCollection", [collectionConfig(creator!.account.address)]);
  const editionsImpl = await viem.deployContract("MintkitEditions", [editionsConfig(creator!.account.address)]);
  const factory = await viem.deployContract("MintkitFactory", [collectionImpl.address, editionsImpl.address]);
  return { collectionImpl, editionsImpl, factory };
}

/** Creates a collection clone from `from` and returns its address, read from the event. */
async function createCollection(
  factory: Awaited<ReturnType<typeof deployFactory>>["factory"],
  from = creator!,
  salt = SALT,
  owner: Address = from.account.address,
) {
  const hash = await factory.write.createCollection([collectionConfig(owner), salt], { account: from.account });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [event] = await factory.getEvents.CollectionCreated({}, { blockHash: receipt.blockHash });
  if (!event?.args.clone) throw new Error("no CollectionCreated");
  return { hash, address: event.args.clone };
}

async function createEditions(factory: Awaited<ReturnType<typeof deployFactory>>["factory"], from = creator!, salt = SALT) {
  const hash = await factory.write.createEditions([editionsConfig(from.account.address), salt], { account: from.account });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [event] = await factory.getEvents.EditionsCreated({}, { blockHash: receipt.blockHash });
  if (!event?.args.clone) throw new Error("no EditionsCreated");
  return { hash, address: event.args.clone };
}

describe("MintkitFactory", function () {
  describe("construction", function () {
    it("records both implementations", async function () {
      const { factory, collectionImpl, editionsImpl } = await networkHelpers.loadFixture(deployFactory);
      expect(await factory.read.collectionImplementation()).to.equal(getAddress(collectionImpl.address));
      expect(await factory.read.editionsImplementation()).to.equal(getAddress(editionsImpl.address));
    });

    it("rejects an implementation address without code", async function () {
      const { factory, collectionImpl } = await networkHelpers.loadFixture(deployFactory);
      const noCode = other.account.address;
      await viem.assertions.revertWithCustomErrorWithArgs(
        viem.deployContract("MintkitFactory", [collectionImpl.address, noCode]),
        factory,
        "ImplementationNotDeployed",
        [getAddress(noCode)],
      );
    });
  });

  describe("createCollection", function () {
    it("deploys an EIP-1167 clone at the predicted address and emits CollectionCreated", async function () {
      const { factory, collectionImpl } = await networkHelpers.loadFixture(deployFactory);
      const predicted = await factory.read.predictCollectionAddress([creator.account.address, SALT]);
      expect(await publicClient.getCode({ address: predicted })).to.equal(undefined);

      await viem.assertions.emitWithArgs(
        factory.write.createCollection([collectionConfig(creator.account.address), SALT]),
        factory,
        "CollectionCreated",
        [getAddress(creator.account.address), predicted, getAddress(collectionImpl.address)],
      );
      expect(await publicClient.getCode({ address: predicted })).to.equal(eip1167Code(collectionImpl.address));
    });

    it("initializes the clone with the config in the same transaction", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const { address } = await createCollection(factory);
      const clone = await viem.getContractAt("MintkitCollection", address);
      expect(await clone.read.owner()).to.equal(getAddress(creator.account.address));
      expect(await clone.read.name()).to.equal("mintkit Bench");
      expect(await clone.read.symbol()).to.equal("MKB");
      expect(await clone.read.contractURI()).to.equal(collectionConfig(creator.account.address).contractURI);
      expect(await clone.read.maxSupply()).to.equal(10_000n);
      const [receiver, amount] = await clone.read.royaltyInfo([1n, 10_000n]);
      expect(receiver).to.equal(getAddress(creator.account.address));
      expect(amount).to.equal(500n);
    });

    it("lets the creator name another owner", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const { address } = await createCollection(factory, creator, SALT, other.account.address);
      const clone = await viem.getContractAt("MintkitCollection", address);
      expect(await clone.read.owner()).to.equal(getAddress(other.account.address));
    });

    it("gives the same salt from another creator another address", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const mine = await factory.read.predictCollectionAddress([creator.account.address, SALT]);
      const theirs = await factory.read.predictCollectionAddress([other.account.address, SALT]);
      expect(mine).to.not.equal(theirs);

      const a = await createCollection(factory, creator);
      const b = await createCollection(factory, other);
      expect(a.address).to.equal(mine);
      expect(b.address).to.equal(theirs);
    });

    it("cannot be front-run into the creator's address: another caller's clone lands elsewhere", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const mine = await factory.read.predictCollectionAddress([creator.account.address, SALT]);
      // `other` sends the creator's exact call (same config, same salt) first.
      const squat = await createCollection(factory, other, SALT, creator.account.address);
      expect(squat.address).to.not.equal(mine);
      const real = await createCollection(factory, creator);
      expect(real.address).to.equal(mine);
    });

    it("reverts when a creator reuses a salt", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      await createCollection(factory);
      await viem.assertions.revertWithCustomError(
        factory.write.createCollection([collectionConfig(creator.account.address), SALT]),
        factory,
        "FailedDeployment",
      );
    });

    it("refuses to re-initialize a clone", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const { address } = await createCollection(factory);
      const clone = await viem.getContractAt("MintkitCollection", address);
      await viem.assertions.revertWithCustomError(
        clone.write.initialize([collectionConfig(other.account.address)], { account: other.account }),
        clone,
        "AlreadyInitialized",
      );
      expect(await clone.read.owner()).to.equal(getAddress(creator.account.address));
    });

    it("refuses to initialize the implementation", async function () {
      const { collectionImpl } = await networkHelpers.loadFixture(deployFactory);
      await viem.assertions.revertWithCustomError(
        collectionImpl.write.initialize([collectionConfig(other.account.address)], { account: other.account }),
        collectionImpl,
        "AlreadyInitialized",
      );
    });
  });

  describe("a collection clone", function () {
    it("mints, batch-mints and transfers, with its own state", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const a = await viem.getContractAt("MintkitCollection", (await createCollection(factory, creator)).address);
      const b = await viem.getContractAt("MintkitCollection", (await createCollection(factory, other)).address);

      await a.write.mint([buyer.account.address]);
      await a.write.mintBatch([buyer.account.address, 10n, 2n]);
      expect(await a.read.balanceOf([buyer.account.address])).to.equal(11n);
      expect(await a.read.ownerOf([11n])).to.equal(getAddress(buyer.account.address));
      expect(await a.read.tokenURI([1n])).to.equal(`${collectionConfig(creator.account.address).baseURI}1.json`);
      await a.write.transferFrom([buyer.account.address, other.account.address, 5n], { account: buyer.account });
      expect(await a.read.ownerOf([5n])).to.equal(getAddress(other.account.address));

      expect(await b.read.totalSupply()).to.equal(0n);
      expect(await b.read.balanceOf([buyer.account.address])).to.equal(0n);
    });

    it("only lets its own owner mint", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const clone = await viem.getContractAt("MintkitCollection", (await createCollection(factory)).address);
      await viem.assertions.revertWithCustomError(
        clone.write.mint([buyer.account.address], { account: other.account }),
        clone,
        "AccessControlUnauthorizedAccount",
      );
    });

    it("redeems a voucher signed for the clone's address, paying the owner", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const clone = await viem.getContractAt("MintkitCollection", (await createCollection(factory)).address);
      const price = parseEther("0.01");
      const v = createVoucher({ uid: 1n, price });
      const signature = await signVoucher(creator, { voucher: v, contract: clone.address, chainId });
      await viem.assertions.balancesHaveChanged(
        clone.write.redeem([v, creator.account.address, signature], { account: buyer.account, value: price }),
        [{ address: creator.account.address, amount: price }],
      );
      expect(await clone.read.ownerOf([1n])).to.equal(getAddress(buyer.account.address));
      expect(await clone.read.isVoucherRedeemed([1n])).to.equal(true);
    });

    it("rejects a voucher signed for the implementation or another clone (domain binds the address)", async function () {
      const { factory, collectionImpl } = await networkHelpers.loadFixture(deployFactory);
      const clone = await viem.getContractAt("MintkitCollection", (await createCollection(factory)).address);
      const sibling = (await createCollection(factory, creator, keccak256(toBytes("another")))).address;
      const v = createVoucher({ uid: 1n });
      for (const verifyingContract of [collectionImpl.address, sibling]) {
        const signature = await signVoucher(creator, { voucher: v, contract: verifyingContract, chainId });
        await viem.assertions.revertWithCustomError(
          clone.write.redeem([v, creator.account.address, signature], { account: buyer.account }),
          clone,
          "VoucherInvalidSignature",
        );
      }
    });
  });

  describe("createEditions", function () {
    it("deploys an initialized editions clone at the predicted address and emits EditionsCreated", async function () {
      const { factory, editionsImpl } = await networkHelpers.loadFixture(deployFactory);
      const predicted = await factory.read.predictEditionsAddress([creator.account.address, SALT]);
      await viem.assertions.emitWithArgs(
        factory.write.createEditions([editionsConfig(creator.account.address), SALT]),
        factory,
        "EditionsCreated",
        [getAddress(creator.account.address), predicted, getAddress(editionsImpl.address)],
      );
      expect(await publicClient.getCode({ address: predicted })).to.equal(eip1167Code(editionsImpl.address));
      const clone = await viem.getContractAt("MintkitEditions", predicted);
      expect(await clone.read.owner()).to.equal(getAddress(creator.account.address));
      expect(await clone.read.name()).to.equal("mintkit Editions");
    });

    it("uses a separate address space from collections", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const collection = await factory.read.predictCollectionAddress([creator.account.address, SALT]);
      const editions = await factory.read.predictEditionsAddress([creator.account.address, SALT]);
      expect(collection).to.not.equal(editions);
      await createCollection(factory);
      const { address } = await createEditions(factory);
      expect(address).to.equal(editions);
    });

    it("mints a new capped id through the clone", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      const clone = await viem.getContractAt("MintkitEditions", (await createEditions(factory)).address);
      await clone.write.mint([buyer.account.address, 1n, 10n, 100n, "0x"]);
      expect(await clone.read.balanceOf([buyer.account.address, 1n])).to.equal(10n);
      expect(await clone.read.maxSupply([1n])).to.equal(100n);
    });

    it("refuses to re-initialize the clone or initialize the implementation", async function () {
      const { factory, editionsImpl } = await networkHelpers.loadFixture(deployFactory);
      const clone = await viem.getContractAt("MintkitEditions", (await createEditions(factory)).address);
      for (const target of [clone, editionsImpl]) {
        await viem.assertions.revertWithCustomError(
          target.write.initialize([editionsConfig(other.account.address)], { account: other.account }),
          target,
          "EditionsAlreadyInitialized",
        );
      }
    });

    it("reverts when a creator reuses a salt", async function () {
      const { factory } = await networkHelpers.loadFixture(deployFactory);
      await createEditions(factory);
      await viem.assertions.revertWithCustomError(
        factory.write.createEditions([editionsConfig(creator.account.address), SALT]),
        factory,
        "FailedDeployment",
      );
    });
  });

  it("keeps creation within the deploy target (<= 350,000 gas for a collection)", async function () {
    const { factory } = await networkHelpers.loadFixture(deployFactory);
    const { hash } = await createCollection(factory);
    const { gasUsed } = await publicClient.getTransactionReceipt({ hash });
    expect(Number(gasUsed)).to.be.at.most(350_000);
  });
});
