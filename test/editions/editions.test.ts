/**
 * MintkitEditions (ERC-1155): deployment and clones, ERC-165, minting (every path and every revert), the
 * max supply rule, burning, transfers and acceptance checks, metadata (URI, ERC-4906, freeze, ERC-7572),
 * royalties (ERC-2981), roles and ownership, and re-entrancy through the receiver hooks.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { decodeEventLog, encodeFunctionData, getAddress, keccak256, toHex, zeroAddress, type Address, type Hex } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { BASE_URI, CONTRACT_URI, editionsConfig, substituteId, walletClients } from "./helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const [owner, minter, alice, bob, operator, stranger] = walletClients(await viem.getWalletClients(), 6);
const OWNER = getAddress(owner.account.address);
const ALICE = getAddress(alice.account.address);
const BOB = getAddress(bob.account.address);

const fresh = (): Address => privateKeyToAddress(generatePrivateKey());
const MAX_U256 = 2n ** 256n - 1n;
const U96 = 2n ** 96n - 1n;
const MAX_SUPPLY_LIMIT = 2n ** 64n - 2n;
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const ADMIN_ROLE = ("0x" + "00".repeat(32)) as Hex;
const TOKEN_URI = "ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

async function deployFixture() {
  const c = await viem.deployContract("MintkitEditions", [editionsConfig(OWNER)]);
  await c.write.grantRole([MINTER_ROLE, minter.account.address]);
  return { c };
}

async function receiverFixture() {
  const { c } = await deployFixture();
  const receiver = await viem.deployContract("EditionsReceiverMock");
  return { c, receiver };
}

const setup = (over: Partial<{ id: bigint; maxSupply: bigint; uri: string; royaltyReceiver: Address; royaltyBps: bigint }> = {}) => ({
  id: 0n,
  maxSupply: 0n,
  uri: "",
  royaltyReceiver: zeroAddress as Address,
  royaltyBps: 0n,
  ...over,
});

/** Asserts that `p` rejects with a message matching `re` (deployments cannot use the revert helpers). */
async function expectRejected(p: Promise<unknown>, re: RegExp) {
  let error: unknown;
  try {
    await p;
  } catch (e) {
    error = e;
  }
  expect(error, "expected a rejection").to.not.equal(undefined);
  expect(String((error as Error).message)).to.match(re);
}

describe("MintkitEditions", function () {
  describe("deployment and initialize", function () {
    it("constructor applies the config and emits OwnershipTransferred", async function () {
      const cfg = editionsConfig(OWNER, { primarySaleRecipient: BOB });
      const c = await viem.deployContract("MintkitEditions", [cfg]);
      expect(await c.read.owner()).to.equal(OWNER);
      expect(await c.read.name()).to.equal(cfg.name);
      expect(await c.read.symbol()).to.equal(cfg.symbol);
      expect(await c.read.baseURI()).to.equal(BASE_URI);
      expect(await c.read.contractURI()).to.equal(CONTRACT_URI);
      expect(await c.read.primarySaleRecipient()).to.equal(BOB);
      expect(await c.read.royaltyInfo([1n, 10_000n])).to.deep.equal([OWNER, 500n]);
      expect(await c.read.metadataFrozen()).to.equal(false);
      expect(await c.read.nextTokenId()).to.equal(1n);
      const events = await c.getEvents.OwnershipTransferred({}, { fromBlock: 0n });
      expect(events.map((e) => [e.args.previousOwner, e.args.newOwner])).to.deep.equal([[zeroAddress, OWNER]]);
    });

    it("empty optional fields: no name, no URIs, no royalty, sales to the owner", async function () {
      const c = await viem.deployContract("MintkitEditions", [
        editionsConfig(OWNER, { name: "", symbol: "", baseURI: "", contractURI: "", royaltyReceiver: zeroAddress, royaltyBps: 0n }),
      ]);
      expect(await c.read.name()).to.equal("");
      expect(await c.read.uri([1n])).to.equal("");
      expect(await c.read.contractURI()).to.equal("");
      expect(await c.read.royaltyInfo([1n, 10_000n])).to.deep.equal([zeroAddress, 0n]);
      expect(await c.read.primarySaleRecipient()).to.equal(OWNER);
    });

    it("a long (>255 byte) base URI round-trips", async function () {
      const long = "ipfs://" + "b".repeat(300) + "/{id}.json";
      const c = await viem.deployContract("MintkitEditions", [editionsConfig(OWNER, { baseURI: long })]);
      expect(await c.read.uri([5n])).to.equal(long);
    });

    it("constructor rejects a default royalty above 10% or without receiver", async function () {
      await expectRejected(viem.deployContract("MintkitEditions", [editionsConfig(OWNER, { royaltyBps: 1_001n })]), /RoyaltyTooHigh\(1001, 1000\)/);
      await expectRejected(
        viem.deployContract("MintkitEditions", [editionsConfig(OWNER, { royaltyReceiver: zeroAddress, royaltyBps: 100n })]),
        /InvalidRoyaltyReceiver/,
      );
    });

    it("a directly deployed contract (the clones' implementation) can never be initialized", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(
        c.write.initialize([editionsConfig(ALICE)], { account: alice.account }),
        c,
        "AlreadyInitialized",
      );
    });

    it("a clone initializes exactly once, in the factory's transaction, and works", async function () {
      const { c: impl } = await networkHelpers.loadFixture(deployFixture);
      const cloner = await viem.deployContract("EditionsCloner");
      const hash = await cloner.write.cloneAndInitialize([impl.address, editionsConfig(ALICE, { name: "Clone" })]);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const log = receipt.logs.find((l) => getAddress(l.address) === getAddress(cloner.address))!;
      const instance = decodeEventLog({ abi: cloner.abi, ...log }).args.instance as Address;
      const clone = await viem.getContractAt("MintkitEditions", instance);
      expect(await clone.read.owner()).to.equal(ALICE);
      expect(await clone.read.name()).to.equal("Clone");
      expect(await clone.read.hasRole([MINTER_ROLE, minter.account.address])).to.equal(false); // own storage
      await viem.assertions.revertWithCustomError(clone.write.initialize([editionsConfig(BOB)]), clone, "AlreadyInitialized");
      await clone.write.mint([BOB, 1n, 2n, 10n, "0x"], { account: alice.account });
      expect(await clone.read.balanceOf([BOB, 1n])).to.equal(2n);
      expect(await impl.read.exists([1n])).to.equal(false);
    });

    it("an uninitialized clone can be initialized once by anyone, then never again", async function () {
      const { c: impl } = await networkHelpers.loadFixture(deployFixture);
      const cloner = await viem.deployContract("EditionsCloner");
      const hash = await cloner.write.cloneOnly([impl.address]);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const instance = decodeEventLog({ abi: cloner.abi, data: receipt.logs[0]!.data, topics: receipt.logs[0]!.topics }).args.instance as Address;
      const clone = await viem.getContractAt("MintkitEditions", instance);
      expect(await clone.read.owner()).to.equal(zeroAddress);
      expect(await clone.read.name()).to.equal("");
      expect(await clone.read.uri([1n])).to.equal("");
      await viem.assertions.emitWithArgs(
        clone.write.initialize([editionsConfig(BOB)], { account: stranger.account }),
        clone,
        "OwnershipTransferred",
        [zeroAddress, BOB],
      );
      await viem.assertions.revertWithCustomError(
        clone.write.initialize([editionsConfig(ALICE)], { account: stranger.account }),
        clone,
        "AlreadyInitialized",
      );
      // A clone initialized with no owner is still initialized.
      const hash2 = await cloner.write.cloneAndInitialize([impl.address, editionsConfig(zeroAddress, { royaltyReceiver: BOB })]);
      const r2 = await publicClient.waitForTransactionReceipt({ hash: hash2 });
      const log2 = r2.logs.find((l) => getAddress(l.address) === getAddress(cloner.address))!;
      const ownerless = await viem.getContractAt("MintkitEditions", decodeEventLog({ abi: cloner.abi, ...log2 }).args.instance as Address);
      expect(await ownerless.read.owner()).to.equal(zeroAddress);
      await viem.assertions.revertWithCustomError(ownerless.write.initialize([editionsConfig(BOB)]), ownerless, "AlreadyInitialized");
    });
  });

  describe("ERC-165", function () {
    it("supports 1155, metadata URI, 2981, 4906, AccessControl, ERC-173, ERC-165; not 0xffffffff", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      for (const id of ["0xd9b67a26", "0x0e89341c", "0x2a55205a", "0x49064906", "0x7965db0b", "0x7f5828d0", "0x01ffc9a7"] as const) {
        expect(await c.read.supportsInterface([id]), id).to.equal(true);
      }
      for (const id of ["0xffffffff", "0x80ac58cd", "0x5b5e139f"] as const) {
        expect(await c.read.supportsInterface([id]), id).to.equal(false);
      }
    });
  });

  describe("mint (creates an id on first mint)", function () {
    it("creates a capped id, mints, emits TransferSingle; views agree", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const to = fresh();
      await viem.assertions.emitWithArgs(c.write.mint([to, 7n, 3n, 10n, "0x"]), c, "TransferSingle", [
        OWNER,
        zeroAddress,
        getAddress(to),
        7n,
        3n,
      ]);
      expect(await c.read.balanceOf([to, 7n])).to.equal(3n);
      expect(await c.read.totalSupply([7n])).to.equal(3n);
      expect(await c.read.totalMinted([7n])).to.equal(3n);
      expect(await c.read.maxSupply([7n])).to.equal(10n);
      expect(await c.read.exists([7n])).to.equal(true);
      expect(await c.read.exists([8n])).to.equal(false);
    });

    it("more copies of an existing id with maxSupply 0 or the recorded cap; other caps revert", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 1n, 5n, "0x"]);
      await c.write.mint([ALICE, 1n, 1n, 0n, "0x"]);
      await c.write.mint([BOB, 1n, 1n, 5n, "0x"]);
      expect(await c.read.totalSupply([1n])).to.equal(3n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([ALICE, 1n, 1n, 6n, "0x"]), c, "MaxSupplyMismatch", [
        1n,
        5n,
        6n,
      ]);
      // An uncapped id reports cap 0; a nonzero cap for it mismatches.
      await c.write.mint([ALICE, 2n, 1n, 0n, "0x"]);
      expect(await c.read.maxSupply([2n])).to.equal(0n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([ALICE, 2n, 1n, 9n, "0x"]), c, "MaxSupplyMismatch", [
        2n,
        0n,
        9n,
      ]);
    });

    it("enforces the cap on copies ever minted (burns do not make room)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 3n, 4n, "0x"]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([ALICE, 1n, 2n, 0n, "0x"]), c, "TokenMaxSupplyExceeded", [
        1n,
        4n,
        3n,
        2n,
      ]);
      await c.write.mint([ALICE, 1n, 1n, 0n, "0x"]);
      await c.write.burn([ALICE, 1n, 2n], { account: alice.account });
      expect(await c.read.totalSupply([1n])).to.equal(2n);
      expect(await c.read.totalMinted([1n])).to.equal(4n);
      await viem.assertions.revertWithCustomError(c.write.mint([ALICE, 1n, 1n, 0n, "0x"]), c, "TokenMaxSupplyExceeded");
      // Exceeding on creation too, and a huge amount never wraps.
      await viem.assertions.revertWithCustomError(c.write.mint([ALICE, 9n, 6n, 5n, "0x"]), c, "TokenMaxSupplyExceeded");
      await viem.assertions.revertWithCustomError(c.write.mint([ALICE, 9n, MAX_U256, 5n, "0x"]), c, "TokenMaxSupplyExceeded");
      expect(await c.read.exists([9n])).to.equal(false);
    });

    it("uncapped ids stop at 2^96 - 1 copies; the largest cap is 2^64 - 2", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, U96, 0n, "0x"]);
      expect(await c.read.totalSupply([1n])).to.equal(U96);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([ALICE, 1n, 1n, 0n, "0x"]), c, "TokenMaxSupplyExceeded", [
        1n,
        0n,
        U96,
        1n,
      ]);
      await c.write.mint([ALICE, 2n, MAX_SUPPLY_LIMIT, MAX_SUPPLY_LIMIT, "0x"]);
      expect(await c.read.maxSupply([2n])).to.equal(MAX_SUPPLY_LIMIT);
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.mint([ALICE, 3n, 1n, MAX_SUPPLY_LIMIT + 1n, "0x"]),
        c,
        "InvalidMaxSupply",
        [MAX_SUPPLY_LIMIT + 1n],
      );
    });

    it("id 0 is never a token", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([ALICE, 0n, 1n, 0n, "0x"]), c, "InvalidTokenId", [0n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.mintBatch([ALICE, [0n], [1n], [0n], "0x"]),
        c,
        "InvalidTokenId",
        [0n],
      );
    });

    it("to = zero: reverts with copies; with 0 copies it creates and broadcasts the id (ERC-1155 §creation)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([zeroAddress, 1n, 1n, 0n, "0x"]), c, "ERC1155InvalidReceiver", [
        zeroAddress,
      ]);
      await viem.assertions.emitWithArgs(c.write.mint([zeroAddress, 1n, 0n, 50n, "0x"]), c, "TransferSingle", [
        OWNER,
        zeroAddress,
        zeroAddress,
        1n,
        0n,
      ]);
      expect(await c.read.exists([1n])).to.equal(true);
      expect(await c.read.maxSupply([1n])).to.equal(50n);
      expect(await c.read.totalSupply([1n])).to.equal(0n);
    });

    it("only minters (owner or MINTER_ROLE) may mint", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 1n, 0n, "0x"], { account: minter.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.mint([ALICE, 2n, 1n, 0n, "0x"], { account: stranger.account }),
        c,
        "AccessControlUnauthorizedAccount",
        [getAddress(stranger.account.address), MINTER_ROLE],
      );
      await viem.assertions.revertWithCustomError(
        c.write.mintBatch([ALICE, [2n], [1n], [0n], "0x"], { account: stranger.account }),
        c,
        "AccessControlUnauthorizedAccount",
      );
      await viem.assertions.revertWithCustomError(
        c.write.createToken([setup(), ALICE, 1n, "0x"], { account: stranger.account }),
        c,
        "AccessControlUnauthorizedAccount",
      );
    });
  });

  describe("mintBatch", function () {
    it("creates new ids and adds to existing ones in one TransferBatch", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 1n, 10n, "0x"]);
      const to = fresh();
      const hash = c.write.mintBatch([to, [1n, 2n, 3n], [2n, 5n, 1n], [0n, 5n, 0n], "0x"]);
      await viem.assertions.emitWithArgs(hash, c, "TransferBatch", [OWNER, zeroAddress, getAddress(to), [1n, 2n, 3n], [2n, 5n, 1n]]);
      expect(await c.read.balanceOfBatch([[to, to, to, ALICE], [1n, 2n, 3n, 1n]])).to.deep.equal([2n, 5n, 1n, 1n]);
      expect(await c.read.maxSupply([2n])).to.equal(5n);
      expect(await c.read.maxSupply([3n])).to.equal(0n);
      expect(await c.read.totalSupply([1n])).to.equal(3n);
    });

    it("a repeated new id in one batch: the first entry creates it, the rest follow the existing-id rule", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([ALICE, [4n, 4n], [2n, 3n], [5n, 0n], "0x"]);
      expect(await c.read.balanceOf([ALICE, 4n])).to.equal(5n);
      await viem.assertions.revertWithCustomError(c.write.mintBatch([ALICE, [5n, 5n], [3n, 3n], [5n, 5n], "0x"]), c, "TokenMaxSupplyExceeded");
      await viem.assertions.revertWithCustomError(c.write.mintBatch([ALICE, [6n, 6n], [1n, 1n], [5n, 6n], "0x"]), c, "MaxSupplyMismatch");
    });

    it("enforces caps, array lengths and the zero receiver", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 1n, 2n, "0x"]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.mintBatch([ALICE, [2n, 1n], [1n, 2n], [0n, 0n], "0x"]),
        c,
        "TokenMaxSupplyExceeded",
        [1n, 2n, 1n, 2n],
      );
      expect(await c.read.exists([2n])).to.equal(false); // the whole batch reverted
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintBatch([ALICE, [1n, 2n], [1n], [0n, 0n], "0x"]), c, "ERC1155InvalidArrayLength", [
        2n,
        1n,
      ]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintBatch([ALICE, [1n, 2n], [1n, 1n], [0n], "0x"]), c, "ERC1155InvalidArrayLength", [
        2n,
        1n,
      ]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintBatch([zeroAddress, [3n], [1n], [0n], "0x"]), c, "ERC1155InvalidReceiver", [
        zeroAddress,
      ]);
      await viem.assertions.revertWithCustomError(c.write.mintBatch([ALICE, [3n], [1n], [MAX_SUPPLY_LIMIT + 1n], "0x"]), c, "InvalidMaxSupply");
    });
  });

  describe("createToken and the next-id counter", function () {
    it("id 0 takes the next id; sets cap, URI (URI event) and royalty (TokenRoyaltyUpdated)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const hash = await c.write.createToken([setup({ maxSupply: 100n, uri: TOKEN_URI, royaltyReceiver: BOB, royaltyBps: 750n }), ALICE, 5n, "0x"]);
      await viem.assertions.emitWithArgs(hash, c, "URI", [TOKEN_URI, 1n]);
      await viem.assertions.emitWithArgs(hash, c, "TokenRoyaltyUpdated", [1n, BOB, 750n]);
      await viem.assertions.emitWithArgs(hash, c, "TransferSingle", [OWNER, zeroAddress, ALICE, 1n, 5n]);
      expect(await c.read.uri([1n])).to.equal(TOKEN_URI);
      expect(await c.read.maxSupply([1n])).to.equal(100n);
      expect(await c.read.royaltyInfo([1n, 10_000n])).to.deep.equal([BOB, 750n]);
      expect(await c.read.nextTokenId()).to.equal(2n);
      // The next one gets id 2 and falls back to the template and default royalty.
      expect((await c.simulate.createToken([setup(), ALICE, 1n, "0x"])).result).to.equal(2n);
      await c.write.createToken([setup(), ALICE, 1n, "0x"]);
      expect(await c.read.uri([2n])).to.equal(BASE_URI);
      expect(await c.read.royaltyInfo([2n, 10_000n])).to.deep.equal([OWNER, 500n]);
    });

    it("setNextTokenId moves the counter past a run of explicit ids (admin, forward only)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([ALICE, [1n, 2n, 3n, 4n, 5n], [1n, 1n, 1n, 1n, 1n], [0n, 0n, 0n, 0n, 0n], "0x"]);
      expect(await c.read.nextTokenId()).to.equal(6n);
      await viem.assertions.emitWithArgs(c.write.setNextTokenId([100n]), c, "NextTokenIdUpdated", [100n]);
      expect(await c.read.nextTokenId()).to.equal(100n);
      expect((await c.simulate.createToken([setup(), ALICE, 1n, "0x"])).result).to.equal(100n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setNextTokenId([100n]), c, "InvalidTokenId", [100n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setNextTokenId([7n]), c, "InvalidTokenId", [7n]);
      await viem.assertions.revertWithCustomError(c.write.setNextTokenId([200n], { account: stranger.account }), c, "AccessControlUnauthorizedAccount");
    });

    it("the counter skips ids created explicitly; explicit creation of a counter id reverts", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 1n, 0n, "0x"]);
      await c.write.mint([ALICE, 2n, 1n, 0n, "0x"]);
      await c.write.mint([ALICE, 4n, 1n, 0n, "0x"]);
      expect(await c.read.nextTokenId()).to.equal(3n);
      await c.write.createToken([setup(), ALICE, 1n, "0x"]); // 3
      expect(await c.read.exists([3n])).to.equal(true);
      expect(await c.read.nextTokenId()).to.equal(5n);
      await c.write.createToken([setup(), ALICE, 1n, "0x"]); // 5
      expect(await c.read.balanceOf([ALICE, 5n])).to.equal(1n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.createToken([setup({ id: 4n }), ALICE, 1n, "0x"]), c, "TokenExists", [
        4n,
      ]);
      await c.write.createToken([setup({ id: 1_000_000n, maxSupply: 1n }), ALICE, 1n, "0x"]);
      expect(await c.read.maxSupply([1_000_000n])).to.equal(1n);
    });

    it("creation broadcast without copies; validates royalty and cap", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(c.write.createToken([setup({ maxSupply: 3n }), zeroAddress, 0n, "0x"]), c, "TransferSingle", [
        OWNER,
        zeroAddress,
        zeroAddress,
        1n,
        0n,
      ]);
      await viem.assertions.revertWithCustomError(c.write.createToken([setup(), zeroAddress, 1n, "0x"]), c, "ERC1155InvalidReceiver");
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.createToken([setup({ royaltyReceiver: BOB, royaltyBps: 1_001n }), ALICE, 1n, "0x"]),
        c,
        "RoyaltyTooHigh",
        [1_001n, 1_000n],
      );
      await viem.assertions.revertWithCustomError(
        c.write.createToken([setup({ royaltyBps: 10n }), ALICE, 1n, "0x"]),
        c,
        "InvalidRoyaltyReceiver",
      );
      await viem.assertions.revertWithCustomError(c.write.createToken([setup({ maxSupply: 1n }), ALICE, 2n, "0x"]), c, "TokenMaxSupplyExceeded");
    });
  });

  describe("burn and burnBatch", function () {
    it("holder burns; approved operator burns; totalSupply follows; events", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([ALICE, [1n, 2n], [5n, 5n], [0n, 0n], "0x"]);
      await viem.assertions.emitWithArgs(c.write.burn([ALICE, 1n, 2n], { account: alice.account }), c, "TransferSingle", [
        ALICE,
        ALICE,
        zeroAddress,
        1n,
        2n,
      ]);
      await c.write.setApprovalForAll([operator.account.address, true], { account: alice.account });
      await viem.assertions.emitWithArgs(
        c.write.burnBatch([ALICE, [1n, 2n], [3n, 1n]], { account: operator.account }),
        c,
        "TransferBatch",
        [getAddress(operator.account.address), ALICE, zeroAddress, [1n, 2n], [3n, 1n]],
      );
      expect(await c.read.balanceOfBatch([[ALICE, ALICE], [1n, 2n]])).to.deep.equal([0n, 4n]);
      expect(await c.read.totalSupply([1n])).to.equal(0n);
      expect(await c.read.totalSupply([2n])).to.equal(4n);
      expect(await c.read.exists([1n])).to.equal(true); // created ids stay created
    });

    it("reverts: not approved, insufficient balance, zero sender, array lengths", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 2n, 0n, "0x"]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.burn([ALICE, 1n, 1n], { account: bob.account }), c, "ERC1155MissingApprovalForAll", [
        BOB,
        ALICE,
      ]);
      await viem.assertions.revertWithCustomError(c.write.burnBatch([ALICE, [1n], [1n]], { account: bob.account }), c, "ERC1155MissingApprovalForAll");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.burn([ALICE, 1n, 3n], { account: alice.account }), c, "ERC1155InsufficientBalance", [
        ALICE,
        2n,
        3n,
        1n,
      ]);
      await viem.assertions.revertWithCustomError(c.write.burnBatch([ALICE, [1n, 1n], [2n, 1n]], { account: alice.account }), c, "ERC1155InsufficientBalance");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.burn([zeroAddress, 1n, 0n]), c, "ERC1155InvalidSender", [zeroAddress]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.burnBatch([ALICE, [1n], [1n, 1n]], { account: alice.account }), c, "ERC1155InvalidArrayLength", [
        1n,
        2n,
      ]);
    });
  });

  describe("transfers, approvals and acceptance checks", function () {
    it("safeTransferFrom by holder and operator; ApprovalForAll; TransferSingle", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 5n, 0n, "0x"]);
      await c.write.safeTransferFrom([ALICE, BOB, 1n, 2n, "0x"], { account: alice.account });
      await viem.assertions.emitWithArgs(
        c.write.setApprovalForAll([operator.account.address, true], { account: alice.account }),
        c,
        "ApprovalForAll",
        [ALICE, getAddress(operator.account.address), true],
      );
      expect(await c.read.isApprovedForAll([ALICE, operator.account.address])).to.equal(true);
      await viem.assertions.emitWithArgs(
        c.write.safeTransferFrom([ALICE, BOB, 1n, 1n, "0x"], { account: operator.account }),
        c,
        "TransferSingle",
        [getAddress(operator.account.address), ALICE, BOB, 1n, 1n],
      );
      expect(await c.read.balanceOfBatch([[ALICE, BOB], [1n, 1n]])).to.deep.equal([2n, 3n]);
      expect(await c.read.totalSupply([1n])).to.equal(5n);
      await c.write.setApprovalForAll([operator.account.address, false], { account: alice.account });
      await viem.assertions.revertWithCustomError(
        c.write.safeTransferFrom([ALICE, BOB, 1n, 1n, "0x"], { account: operator.account }),
        c,
        "ERC1155MissingApprovalForAll",
      );
    });

    it("safeBatchTransferFrom; TransferBatch; self-transfer keeps the balance", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([ALICE, [1n, 2n], [5n, 6n], [0n, 0n], "0x"]);
      await viem.assertions.emitWithArgs(
        c.write.safeBatchTransferFrom([ALICE, BOB, [1n, 2n], [1n, 6n], "0x"], { account: alice.account }),
        c,
        "TransferBatch",
        [ALICE, ALICE, BOB, [1n, 2n], [1n, 6n]],
      );
      expect(await c.read.balanceOfBatch([[ALICE, ALICE, BOB, BOB], [1n, 2n, 1n, 2n]])).to.deep.equal([4n, 0n, 1n, 6n]);
      await c.write.safeTransferFrom([ALICE, ALICE, 1n, 4n, "0x"], { account: alice.account });
      expect(await c.read.balanceOf([ALICE, 1n])).to.equal(4n);
    });

    it("transfer reverts: zero receiver, zero sender, insufficient balance, lengths, zero operator", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 1n, 1n, 0n, "0x"]);
      const a = { account: alice.account };
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeTransferFrom([ALICE, zeroAddress, 1n, 1n, "0x"], a), c, "ERC1155InvalidReceiver", [
        zeroAddress,
      ]);
      await viem.assertions.revertWithCustomError(c.write.safeBatchTransferFrom([ALICE, zeroAddress, [1n], [1n], "0x"], a), c, "ERC1155InvalidReceiver");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeTransferFrom([zeroAddress, BOB, 1n, 0n, "0x"], a), c, "ERC1155InvalidSender", [
        zeroAddress,
      ]);
      await viem.assertions.revertWithCustomError(c.write.safeBatchTransferFrom([zeroAddress, BOB, [1n], [0n], "0x"], a), c, "ERC1155InvalidSender");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeTransferFrom([ALICE, BOB, 1n, 2n, "0x"], a), c, "ERC1155InsufficientBalance", [
        ALICE,
        1n,
        2n,
        1n,
      ]);
      await viem.assertions.revertWithCustomError(c.write.safeBatchTransferFrom([ALICE, BOB, [1n, 1n], [1n, 1n], "0x"], a), c, "ERC1155InsufficientBalance");
      await viem.assertions.revertWithCustomError(c.write.safeBatchTransferFrom([ALICE, BOB, [1n], [1n, 1n], "0x"], a), c, "ERC1155InvalidArrayLength");
      await viem.assertions.revertWithCustomError(c.write.safeBatchTransferFrom([BOB, ALICE, [1n], [0n], "0x"], a), c, "ERC1155MissingApprovalForAll");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setApprovalForAll([zeroAddress, true], a), c, "ERC1155InvalidOperator", [zeroAddress]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.balanceOfBatch([[ALICE], [1n, 2n]]), c, "ERC1155InvalidArrayLength", [2n, 1n]);
    });

    it("a receiver contract sees operator, from, id, value and data on mint and transfer", async function () {
      const { c, receiver } = await networkHelpers.loadFixture(receiverFixture);
      await c.write.mint([receiver.address, 3n, 4n, 10n, "0xc0ffee"], { account: minter.account });
      expect(await receiver.read.lastOperator()).to.equal(getAddress(minter.account.address));
      expect(await receiver.read.lastFrom()).to.equal(zeroAddress);
      expect(await receiver.read.lastId()).to.equal(3n);
      expect(await receiver.read.lastValue()).to.equal(4n);
      expect(await receiver.read.lastData()).to.equal("0xc0ffee");
      expect(await receiver.read.supplySeenInCallback()).to.equal(4n); // state final before the hook
      await c.write.mintBatch([receiver.address, [5n, 6n], [1n, 2n], [0n, 0n], "0xbeef"]);
      expect(await receiver.read.batchLength()).to.equal(2n);
      expect(await receiver.read.lastData()).to.equal("0xbeef");
      await c.write.mint([ALICE, 3n, 1n, 0n, "0x"]);
      await c.write.safeTransferFrom([ALICE, receiver.address, 3n, 1n, "0x01"], { account: alice.account });
      expect(await receiver.read.lastFrom()).to.equal(ALICE);
      expect(await receiver.read.lastOperator()).to.equal(ALICE);
      await c.write.mint([ALICE, 5n, 1n, 0n, "0x"]);
      await c.write.safeBatchTransferFrom([ALICE, receiver.address, [3n, 5n], [0n, 1n], "0x02"], { account: alice.account });
      expect(await receiver.read.batchLength()).to.equal(2n);
      expect(await c.read.balanceOf([receiver.address, 3n])).to.equal(5n);
    });

    it("rejecting receivers: wrong value and empty revert -> ERC1155InvalidReceiver; a reason bubbles up", async function () {
      const { c, receiver } = await networkHelpers.loadFixture(receiverFixture);
      const erc20 = await viem.deployContract("MockERC20"); // a contract without the hooks
      await c.write.mint([ALICE, 1n, 5n, 0n, "0x"]);
      const a = { account: alice.account };
      const cases: Array<[number, string | null]> = [
        [1, null],
        [2, null],
        [3, "EditionsReceiverMock: rejected"],
      ];
      for (const [mode, reason] of cases) {
        await receiver.write.setMode([mode]);
        const calls = [
          c.write.mint([receiver.address, 1n, 1n, 0n, "0x"]),
          c.write.mintBatch([receiver.address, [1n], [1n], [0n], "0x"]),
          c.write.createToken([setup(), receiver.address, 1n, "0x"]),
          c.write.safeTransferFrom([ALICE, receiver.address, 1n, 1n, "0x"], a),
          c.write.safeBatchTransferFrom([ALICE, receiver.address, [1n], [1n], "0x"], a),
        ];
        for (const call of calls) {
          if (reason === null) await viem.assertions.revertWithCustomErrorWithArgs(call, c, "ERC1155InvalidReceiver", [getAddress(receiver.address)]);
          else await viem.assertions.revertWith(call, reason);
        }
      }
      await viem.assertions.revertWithCustomError(c.write.mint([erc20.address, 1n, 1n, 0n, "0x"]), c, "ERC1155InvalidReceiver");
      await viem.assertions.revertWithCustomError(c.write.mintBatch([erc20.address, [1n], [1n], [0n], "0x"]), c, "ERC1155InvalidReceiver");
      await viem.assertions.revertWithCustomError(c.write.safeTransferFrom([ALICE, erc20.address, 1n, 1n, "0x"], a), c, "ERC1155InvalidReceiver");
      // The ERC-1271 mock wallet is a valid receiver.
      const wallet = await viem.deployContract("MockERC1271Wallet", [ALICE, false]);
      await c.write.mint([wallet.address, 1n, 1n, 0n, "0x"]);
      expect(await c.read.balanceOf([wallet.address, 1n])).to.equal(1n);
    });
  });

  describe("re-entrancy through the receiver hooks", function () {
    it("a re-entering minter-receiver cannot exceed the cap during mint (state is final before the hook)", async function () {
      const { c, receiver } = await networkHelpers.loadFixture(receiverFixture);
      await c.write.grantRole([MINTER_ROLE, receiver.address]);
      const again = encodeFunctionData({ abi: c.abi, functionName: "mint", args: [receiver.address, 1n, 1n, 0n, "0x"] });
      await receiver.write.arm([c.address, again, 0n, true]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([receiver.address, 1n, 3n, 3n, "0x"]), c, "TokenMaxSupplyExceeded", [
        1n,
        3n,
        3n,
        1n,
      ]);
      // Within the cap the nested mint is just another mint.
      await receiver.write.arm([c.address, again, 0n, true]);
      await c.write.mint([receiver.address, 1n, 2n, 3n, "0x"]);
      expect(await c.read.totalSupply([1n])).to.equal(3n);
      expect(await c.read.balanceOf([receiver.address, 1n])).to.equal(3n);
    });

    it("a re-entering receiver cannot exceed caps during mintBatch", async function () {
      const { c, receiver } = await networkHelpers.loadFixture(receiverFixture);
      await c.write.grantRole([MINTER_ROLE, receiver.address]);
      const again = encodeFunctionData({ abi: c.abi, functionName: "mintBatch", args: [receiver.address, [1n, 2n], [1n, 1n], [0n, 0n], "0x"] });
      await receiver.write.arm([c.address, again, 0n, true]);
      await viem.assertions.revertWithCustomError(c.write.mintBatch([receiver.address, [1n, 2n], [2n, 1n], [2n, 5n], "0x"]), c, "TokenMaxSupplyExceeded");
      expect(await c.read.exists([1n])).to.equal(false);
    });

    it("a non-minter receiver re-entering mint is refused, and the refusal bubbles", async function () {
      const { c, receiver } = await networkHelpers.loadFixture(receiverFixture);
      const again = encodeFunctionData({ abi: c.abi, functionName: "mint", args: [receiver.address, 1n, 100n, 0n, "0x"] });
      await receiver.write.arm([c.address, again, 0n, true]);
      await viem.assertions.revertWithCustomError(c.write.mint([receiver.address, 1n, 1n, 0n, "0x"]), c, "AccessControlUnauthorizedAccount");
    });
  });

  describe("metadata", function () {
    it("uri: template with {id} until a per-id URI is set; clients substitute 64 lowercase hex chars", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      expect(await c.read.uri([255n])).to.equal(BASE_URI);
      expect(substituteId(BASE_URI, 255n)).to.equal(
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/00000000000000000000000000000000000000000000000000000000000000ff.json",
      );
      const hash = await c.write.setTokenURI([255n, TOKEN_URI]);
      await viem.assertions.emitWithArgs(hash, c, "URI", [TOKEN_URI, 255n]);
      await viem.assertions.emitWithArgs(hash, c, "MetadataUpdate", [255n]);
      expect(await c.read.uri([255n])).to.equal(TOKEN_URI);
      expect(await c.read.uri([256n])).to.equal(BASE_URI);
      // Clearing goes back to the template, and the URI event says so.
      const clear = await c.write.setTokenURI([255n, ""]);
      await viem.assertions.emitWithArgs(clear, c, "URI", [BASE_URI, 255n]);
      await viem.assertions.emitWithArgs(clear, c, "MetadataUpdate", [255n]);
      expect(await c.read.uri([255n])).to.equal(BASE_URI);
    });

    it("setBaseURI emits BatchMetadataUpdate(1, max); setContractURI emits ContractURIUpdated", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const next = "ipfs://bafybeib3gtkk2hxrvvjyqmbt6rvrhxsd5i7yp4ywbzqp6wxlecnqzbn2iy/{id}.json";
      await viem.assertions.emitWithArgs(c.write.setBaseURI([next]), c, "BatchMetadataUpdate", [1n, MAX_U256]);
      expect(await c.read.baseURI()).to.equal(next);
      expect(await c.read.uri([9n])).to.equal(next);
      await viem.assertions.emit(c.write.setContractURI(["ipfs://new"]), c, "ContractURIUpdated");
      expect(await c.read.contractURI()).to.equal("ipfs://new");
      // The four strings share one SSTORE2 blob: rewriting one keeps the others.
      expect(await c.read.baseURI()).to.equal(next);
      expect(await c.read.name()).to.equal("mintkit Editions");
      expect(await c.read.symbol()).to.equal("MKE");
      await c.write.setContractURI([""]);
      expect(await c.read.contractURI()).to.equal("");
      expect(await c.read.uri([9n])).to.equal(next);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setBaseURI(["x".repeat(65_536)]), c, "StringTooLong", [65_536n]);
    });

    it("freezeMetadata: event, irreversible, blocks base and per-id URI changes, not new ids or contractURI", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.setTokenURI([1n, TOKEN_URI]);
      await viem.assertions.emit(c.write.freezeMetadata(), c, "MetadataFrozen");
      expect(await c.read.metadataFrozen()).to.equal(true);
      await viem.assertions.revertWithCustomError(c.write.setBaseURI(["x/{id}"]), c, "MetadataIsFrozen");
      await viem.assertions.revertWithCustomError(c.write.setTokenURI([1n, "x"]), c, "MetadataIsFrozen");
      await viem.assertions.revertWithCustomError(c.write.setTokenURI([1n, ""]), c, "MetadataIsFrozen");
      await viem.assertions.revertWithCustomError(c.write.freezeMetadata(), c, "MetadataIsFrozen");
      await c.write.createToken([setup({ id: 2n, uri: "ipfs://second" }), ALICE, 1n, "0x"]);
      expect(await c.read.uri([2n])).to.equal("ipfs://second");
      await c.write.setContractURI(["ipfs://still-editable"]);
      // The counter still works after the freeze (the flag shares its slot): id 1 has a URI but was never created.
      expect((await c.simulate.createToken([setup(), ALICE, 1n, "0x"])).result).to.equal(1n);
      await c.write.createToken([setup(), ALICE, 1n, "0x"]);
      expect(await c.read.nextTokenId()).to.equal(3n);
      expect(await c.read.metadataFrozen()).to.equal(true);
    });

    it("metadata setters are admin-only", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const s = { account: stranger.account };
      for (const call of [
        c.write.setBaseURI(["x"], s),
        c.write.setTokenURI([1n, "x"], s),
        c.write.setContractURI(["x"], s),
        c.write.freezeMetadata(s),
        c.write.setDefaultRoyalty([BOB, 1n], s),
        c.write.setTokenRoyalty([1n, BOB, 1n], s),
        c.write.setPrimarySaleRecipient([BOB], s),
      ]) {
        await viem.assertions.revertWithCustomErrorWithArgs(call, c, "AccessControlUnauthorizedAccount", [
          getAddress(stranger.account.address),
          ADMIN_ROLE,
        ]);
      }
      // A minter is not an admin.
      await viem.assertions.revertWithCustomError(c.write.setBaseURI(["x"], { account: minter.account }), c, "AccessControlUnauthorizedAccount");
      // An admin (granted DEFAULT_ADMIN_ROLE) is.
      await c.write.grantRole([ADMIN_ROLE, BOB]);
      await c.write.setBaseURI(["y/{id}"], { account: bob.account });
      expect(await c.read.baseURI()).to.equal("y/{id}");
    });
  });

  describe("royalties (ERC-2981) and primary sales", function () {
    it("default royalty, per-id override, back to default; events", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(c.write.setDefaultRoyalty([BOB, 1_000n]), c, "DefaultRoyaltyUpdated", [BOB, 1_000n]);
      expect(await c.read.royaltyInfo([3n, 1_000_000n])).to.deep.equal([BOB, 100_000n]);
      await viem.assertions.emitWithArgs(c.write.setTokenRoyalty([3n, ALICE, 250n]), c, "TokenRoyaltyUpdated", [3n, ALICE, 250n]);
      expect(await c.read.royaltyInfo([3n, 1_000_000n])).to.deep.equal([ALICE, 25_000n]);
      expect(await c.read.royaltyInfo([4n, 1_000_000n])).to.deep.equal([BOB, 100_000n]);
      // A per-id receiver with 0 bps means "no royalty for this id".
      await c.write.setTokenRoyalty([4n, ALICE, 0n]);
      expect(await c.read.royaltyInfo([4n, 1_000_000n])).to.deep.equal([ALICE, 0n]);
      await c.write.setTokenRoyalty([3n, zeroAddress, 0n]);
      expect(await c.read.royaltyInfo([3n, 1_000_000n])).to.deep.equal([BOB, 100_000n]);
      await c.write.setDefaultRoyalty([zeroAddress, 0n]);
      expect(await c.read.royaltyInfo([3n, 1_000_000n])).to.deep.equal([zeroAddress, 0n]);
      expect(await c.read.MAX_ROYALTY_BPS()).to.equal(1_000n);
    });

    it("royalty above 10% or without receiver reverts (default and per id)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setDefaultRoyalty([BOB, 1_001n]), c, "RoyaltyTooHigh", [1_001n, 1_000n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setTokenRoyalty([1n, BOB, 10_000n]), c, "RoyaltyTooHigh", [10_000n, 1_000n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setDefaultRoyalty([zeroAddress, 1n]), c, "InvalidRoyaltyReceiver", [
        zeroAddress,
      ]);
      await viem.assertions.revertWithCustomError(c.write.setTokenRoyalty([1n, zeroAddress, 1n]), c, "InvalidRoyaltyReceiver");
    });

    it("primary-sale recipient: set, event, zero = owner", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      expect(await c.read.primarySaleRecipient()).to.equal(OWNER);
      await viem.assertions.emitWithArgs(c.write.setPrimarySaleRecipient([BOB]), c, "PrimarySaleRecipientUpdated", [BOB]);
      expect(await c.read.primarySaleRecipient()).to.equal(BOB);
      await c.write.setPrimarySaleRecipient([zeroAddress]);
      expect(await c.read.primarySaleRecipient()).to.equal(OWNER);
      // Unset, it follows ownership; set, it stays.
      await c.write.transferOwnership([ALICE]);
      await c.write.acceptOwnership({ account: alice.account });
      expect(await c.read.primarySaleRecipient()).to.equal(ALICE);
      await c.write.setPrimarySaleRecipient([BOB], { account: alice.account });
      await c.write.transferOwnership([OWNER], { account: alice.account });
      await c.write.acceptOwnership();
      expect(await c.read.primarySaleRecipient()).to.equal(BOB);
      expect(await c.read.metadataFrozen()).to.equal(false); // flags in the owner slot stay apart
    });
  });

  describe("ownership and roles", function () {
    it("owner holds every role implicitly; grant/revoke MINTER_ROLE; ownership transfer moves the powers", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      expect(await c.read.hasRole([MINTER_ROLE, OWNER])).to.equal(true);
      expect(await c.read.hasRole([ADMIN_ROLE, OWNER])).to.equal(true);
      await viem.assertions.emitWithArgs(c.write.grantRole([MINTER_ROLE, ALICE]), c, "RoleGranted", [MINTER_ROLE, ALICE, OWNER]);
      await c.write.mint([BOB, 1n, 1n, 0n, "0x"], { account: alice.account });
      await c.write.revokeRole([MINTER_ROLE, ALICE]);
      await viem.assertions.revertWithCustomError(c.write.mint([BOB, 1n, 1n, 0n, "0x"], { account: alice.account }), c, "AccessControlUnauthorizedAccount");
      await viem.assertions.emitWithArgs(c.write.transferOwnership([ALICE]), c, "OwnershipTransferStarted", [OWNER, ALICE]);
      await viem.assertions.emitWithArgs(c.write.acceptOwnership({ account: alice.account }), c, "OwnershipTransferred", [OWNER, ALICE]);
      expect(await c.read.owner()).to.equal(ALICE);
      await c.write.mint([BOB, 1n, 1n, 0n, "0x"], { account: alice.account });
      await viem.assertions.revertWithCustomError(c.write.mint([BOB, 1n, 1n, 0n, "0x"]), c, "AccessControlUnauthorizedAccount");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferOwnership([BOB]), c, "OwnableUnauthorizedAccount", [OWNER]);
      await viem.assertions.revertWithCustomError(c.write.transferOwnership([zeroAddress], { account: alice.account }), c, "OwnableInvalidOwner");
    });

    it("role plumbing: constants, getRoleAdmin, renounceRole (self only), RoleRevoked, EIP-5267 domain", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      expect(await c.read.MINTER_ROLE()).to.equal(MINTER_ROLE);
      expect(await c.read.DEFAULT_ADMIN_ROLE()).to.equal(ADMIN_ROLE);
      expect(await c.read.MAX_SUPPLY_LIMIT()).to.equal(MAX_SUPPLY_LIMIT);
      expect(await c.read.getRoleAdmin([MINTER_ROLE])).to.equal(ADMIN_ROLE);
      await viem.assertions.revertWithCustomError(
        c.write.renounceRole([MINTER_ROLE, minter.account.address], { account: stranger.account }),
        c,
        "AccessControlBadConfirmation",
      );
      await viem.assertions.emitWithArgs(
        c.write.renounceRole([MINTER_ROLE, minter.account.address], { account: minter.account }),
        c,
        "RoleRevoked",
        [MINTER_ROLE, getAddress(minter.account.address), getAddress(minter.account.address)],
      );
      expect(await c.read.hasRole([MINTER_ROLE, minter.account.address])).to.equal(false);
      await viem.assertions.revertWithCustomError(c.write.grantRole([MINTER_ROLE, ALICE], { account: stranger.account }), c, "AccessControlUnauthorizedAccount");
      const [, domainName, version, chainId, verifyingContract] = await c.read.eip712Domain();
      expect([domainName, version, chainId, verifyingContract]).to.deep.equal([
        "mintkit",
        "1",
        BigInt(await publicClient.getChainId()),
        getAddress(c.address),
      ]);
    });

    it("ownership transfer keeps the counter and the freeze flag (packed in the owner slot)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.createToken([setup(), ALICE, 1n, "0x"]);
      await c.write.freezeMetadata();
      await c.write.transferOwnership([ALICE]);
      await c.write.acceptOwnership({ account: alice.account });
      expect(await c.read.metadataFrozen()).to.equal(true);
      expect(await c.read.nextTokenId()).to.equal(2n);
      await c.write.renounceOwnership({ account: alice.account });
      expect(await c.read.owner()).to.equal(zeroAddress);
      expect(await c.read.nextTokenId()).to.equal(2n);
      expect(await c.read.metadataFrozen()).to.equal(true);
      // Granted minters keep minting after the renounce.
      await c.write.createToken([setup(), ALICE, 1n, "0x"], { account: minter.account });
      expect(await c.read.nextTokenId()).to.equal(3n);
      await viem.assertions.revertWithCustomError(c.write.initialize([editionsConfig(BOB)]), c, "AlreadyInitialized");
    });
  });
});

describe("MintkitEditions 1.0 fixes (issue 9)", function () {
  it("royaltyInfo does not overflow for sale prices above (2^256-1)/bps (Math.mulDiv, as the collection)", async function () {
    const { c } = await networkHelpers.loadFixture(deployFixture);
    const MAX = 2n ** 256n - 1n;
    await c.write.setDefaultRoyalty([ALICE, 1_000n]);
    // MAX * 1000 overflows 256 bits: before mulDiv this reverted with a panic (0x11)
    expect(await c.read.royaltyInfo([1n, MAX])).to.deep.equal([ALICE, (MAX * 1_000n) / 10_000n]);
    expect(await c.read.royaltyInfo([1n, MAX / 999n])).to.deep.equal([ALICE, ((MAX / 999n) * 1_000n) / 10_000n]);
    expect(await c.read.royaltyInfo([1n, 12_345n])).to.deep.equal([ALICE, 1_234n]); // rounds down as before
  });

  it("balanceOfBatch's length error is ERC-6093's (idsLength, valuesLength): ids first, as OpenZeppelin reports it", async function () {
    const { c } = await networkHelpers.loadFixture(deployFixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      c.read.balanceOfBatch([[ALICE, BOB, ALICE], [1n]]),
      c,
      "ERC1155InvalidArrayLength",
      [1n, 3n],
    );
  });

  it("errors carry no contract-name prefix: one name per problem in both token contracts", async function () {
    const { c } = await networkHelpers.loadFixture(deployFixture);
    const collection = await viem.deployContract("MintkitCollection", [
      { owner: OWNER, name: "", symbol: "", baseURI: "", contractURI: "", maxSupply: 0n, royaltyReceiver: zeroAddress, royaltyBps: 0n, primarySaleRecipient: zeroAddress },
    ]);
    const names = (abi: readonly { type: string; name?: string }[]) => abi.filter((i) => i.type === "error").map((i) => i.name!);
    const editionsErrors = names(c.abi);
    expect(editionsErrors.filter((n) => n.startsWith("Editions") || n.startsWith("Collection"))).to.deep.equal([]);
    for (const shared of ["AlreadyInitialized", "RoyaltyTooHigh", "MetadataIsFrozen", "StringTooLong"]) {
      expect(editionsErrors, shared).to.include(shared);
      expect(names(collection.abi), shared).to.include(shared);
    }
    await viem.assertions.revertWithCustomErrorWithArgs(c.write.setDefaultRoyalty([ALICE, 1_001n]), c, "RoyaltyTooHigh", [1_001n, 1_000n]);
  });
});
