/**
 * MintkitEditions lazy minting: EIP-712 vouchers ({LazyMint}) creating and topping up ids, the voucher
 * field rules for existing ids, payment in ETH and ERC-20, and the security properties (replay across uids,
 * contracts and chains; window; signer checks incl. ERC-1271; malleable signatures; re-entrancy).
 */
import { expect } from "chai";
import { network } from "hardhat";
import { encodeFunctionData, getAddress, keccak256, parseEther, toHex, zeroAddress, type Address, type Hex } from "viem";
import { editionsConfig, malleate, signVoucher, voucher, voucherDigest, type Voucher, walletClients } from "./helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const [owner, minter, buyer, alice, payee, stranger] = walletClients(await viem.getWalletClients(), 6);
const chainId = await publicClient.getChainId();
const OWNER = getAddress(owner.account.address);
const BUYER = getAddress(buyer.account.address);
const ALICE = getAddress(alice.account.address);
const PAYEE = getAddress(payee.account.address);
const MINTER = getAddress(minter.account.address);
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const TOKEN_URI = "ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
const PRICE = parseEther("0.01");

async function deployFixture() {
  const c = await viem.deployContract("MintkitEditions", [editionsConfig(OWNER)]);
  await c.write.grantRole([MINTER_ROLE, MINTER]);
  return { c };
}

type Editions = Awaited<ReturnType<typeof deployFixture>>["c"];

/** Signs `v` with `signer` for `c` and redeems it from `buyer` (or `from`), sending `value`. */
async function redeem(c: Editions, v: Voucher, opts: { signer?: typeof owner; value?: bigint; from?: typeof buyer } = {}) {
  const signer = opts.signer ?? owner;
  const sig = await signVoucher(signer, c.address, chainId, v);
  return c.write.redeem([v, signer.account.address, sig], { account: (opts.from ?? buyer).account, value: opts.value ?? 0n });
}

describe("MintkitEditions lazy mint (vouchers)", function () {
  describe("creating ids", function () {
    it("tokenId 0 creates the next id with the voucher's cap, URI and royalty; events", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const v = voucher({ tokenId: 0n, quantity: 3n, maxSupply: 10n, uri: TOKEN_URI, royaltyReceiver: ALICE, royaltyBps: 800n, uid: 1n });
      const hash = await redeem(c, v);
      await viem.assertions.emitWithArgs(hash, c, "VoucherRedeemed", [1n, OWNER, BUYER, 1n, 3n]);
      await viem.assertions.emitWithArgs(hash, c, "TransferSingle", [BUYER, zeroAddress, BUYER, 1n, 3n]);
      await viem.assertions.emitWithArgs(hash, c, "URI", [TOKEN_URI, 1n]);
      await viem.assertions.emitWithArgs(hash, c, "TokenRoyaltyUpdated", [1n, ALICE, 800n]);
      expect(await c.read.balanceOf([BUYER, 1n])).to.equal(3n);
      expect(await c.read.maxSupply([1n])).to.equal(10n);
      expect(await c.read.uri([1n])).to.equal(TOKEN_URI);
      expect(await c.read.royaltyInfo([1n, 10_000n])).to.deep.equal([ALICE, 800n]);
      expect(await c.read.isVoucherRedeemed([1n])).to.equal(true);
      expect(await c.read.isVoucherRedeemed([2n])).to.equal(false);
      // The next "next id" voucher gets id 2, with the template and default royalty.
      await redeem(c, voucher({ uid: 2n }));
      expect(await c.read.balanceOf([BUYER, 2n])).to.equal(1n);
      expect(await c.read.maxSupply([2n])).to.equal(0n);
      expect(await c.read.royaltyInfo([2n, 10_000n])).to.deep.equal([OWNER, 500n]);
    });

    it("a nonzero new tokenId creates that id; the counter skips it later", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await redeem(c, voucher({ tokenId: 1n, maxSupply: 2n, uid: 10n }));
      expect(await c.read.maxSupply([1n])).to.equal(2n);
      await redeem(c, voucher({ tokenId: 0n, uid: 11n }));
      expect(await c.read.balanceOf([BUYER, 2n])).to.equal(1n);
    });

    it("`to` set: tokens go there, not to the redeemer; the operator is the redeemer", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(redeem(c, voucher({ to: ALICE, quantity: 2n })), c, "TransferSingle", [BUYER, zeroAddress, ALICE, 1n, 2n]);
      expect(await c.read.balanceOf([ALICE, 1n])).to.equal(2n);
      expect(await c.read.balanceOf([BUYER, 1n])).to.equal(0n);
    });

    it("a minter (not only the owner) signs; after the freeze a voucher still creates an id with its URI", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.freezeMetadata();
      await viem.assertions.emitWithArgs(redeem(c, voucher({ uri: TOKEN_URI }), { signer: minter }), c, "VoucherRedeemed", [1n, MINTER, BUYER, 1n, 1n]);
      expect(await c.read.uri([1n])).to.equal(TOKEN_URI);
    });

    it("royalty above 10%, a royalty without receiver, a bad cap: creation reverts", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ royaltyReceiver: ALICE, royaltyBps: 1_001n })), c, "RoyaltyTooHigh", [
        1_001n,
        1_000n,
      ]);
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ royaltyBps: 5n })), c, "InvalidRoyaltyReceiver");
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ tokenId: 5n, maxSupply: 2n ** 64n })), c, "InvalidMaxSupply");
      expect(await c.read.isVoucherRedeemed([1n])).to.equal(false);
    });
  });

  describe("existing ids and max supply", function () {
    it("tops up an existing id; cap 0 or equal accepted; other cap -> MaxSupplyMismatch", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([ALICE, 7n, 1n, 5n, "0x"]);
      await redeem(c, voucher({ tokenId: 7n, quantity: 2n, maxSupply: 0n, uid: 1n }));
      await redeem(c, voucher({ tokenId: 7n, quantity: 1n, maxSupply: 5n, uid: 2n }));
      expect(await c.read.totalSupply([7n])).to.equal(4n);
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ tokenId: 7n, maxSupply: 6n, uid: 3n })), c, "MaxSupplyMismatch", [
        7n,
        5n,
        6n,
      ]);
    });

    it("max supply enforced: one voucher over the cap, and vouchers that together exceed it", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ quantity: 4n, maxSupply: 3n, uid: 1n })), c, "TokenMaxSupplyExceeded", [
        1n,
        3n,
        0n,
        4n,
      ]);
      await redeem(c, voucher({ tokenId: 1n, quantity: 2n, maxSupply: 3n, uid: 2n }));
      await redeem(c, voucher({ tokenId: 1n, quantity: 1n, uid: 3n }));
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ tokenId: 1n, quantity: 1n, uid: 4n })), c, "TokenMaxSupplyExceeded", [
        1n,
        3n,
        3n,
        1n,
      ]);
      expect(await c.read.isVoucherRedeemed([4n])).to.equal(false);
    });

    it("an existing id: URI must be empty or the id's own; royalty zeros or the id's own", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await redeem(c, voucher({ tokenId: 3n, uri: TOKEN_URI, royaltyReceiver: ALICE, royaltyBps: 300n, uid: 1n }));
      await redeem(c, voucher({ tokenId: 3n, uri: TOKEN_URI, royaltyReceiver: ALICE, royaltyBps: 300n, uid: 2n }));
      await redeem(c, voucher({ tokenId: 3n, uid: 3n }));
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ tokenId: 3n, uri: "ipfs://other", uid: 4n })), c, "URIMismatch", [3n]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        redeem(c, voucher({ tokenId: 3n, royaltyReceiver: ALICE, royaltyBps: 301n, uid: 5n })),
        c,
        "RoyaltyMismatch",
        [3n],
      );
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ tokenId: 3n, royaltyReceiver: BUYER, royaltyBps: 300n, uid: 6n })), c, "RoyaltyMismatch");
      // An id on the template has no own URI: a voucher naming one does not match.
      await c.write.mint([ALICE, 4n, 1n, 0n, "0x"]);
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ tokenId: 4n, uri: TOKEN_URI, uid: 7n })), c, "URIMismatch");
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ tokenId: 4n, royaltyReceiver: OWNER, royaltyBps: 500n, uid: 8n })), c, "RoyaltyMismatch");
      expect(await c.read.totalSupply([3n])).to.equal(3n);
    });
  });

  describe("replay, window and signature checks", function () {
    it("a uid is spendable once (VoucherAlreadyRedeemed), even with other fields", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const v = voucher({ uid: 42n });
      const sig = await signVoucher(owner, c.address, chainId, v);
      await c.write.redeem([v, OWNER, sig], { account: buyer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, OWNER, sig], { account: buyer.account }), c, "VoucherAlreadyRedeemed", [42n]);
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ uid: 42n, quantity: 2n })), c, "VoucherAlreadyRedeemed");
    });

    it("a voucher signed for another contract is refused", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const other = await viem.deployContract("MintkitEditions", [editionsConfig(OWNER)]);
      const v = voucher({ uid: 1n });
      const sigForOther = await signVoucher(owner, other.address, chainId, v);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, OWNER, sigForOther], { account: buyer.account }), c, "VoucherInvalidSignature", [
        OWNER,
      ]);
      await other.write.redeem([v, OWNER, sigForOther], { account: buyer.account }); // valid where it belongs
    });

    it("a voucher signed for another chain id is refused; the digest binds the chain", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const v = voucher({ uid: 1n });
      expect(await c.read.voucherDigest([v])).to.equal(voucherDigest(c.address, chainId, v));
      const otherChainDigest = voucherDigest(c.address, chainId + 1, v);
      expect(otherChainDigest).to.not.equal(await c.read.voucherDigest([v]));
      const sigOtherChain = await signVoucher(owner, c.address, chainId + 1, v);
      await viem.assertions.revertWithCustomError(c.write.redeem([v, OWNER, sigOtherChain], { account: buyer.account }), c, "VoucherInvalidSignature");
    });

    it("window: not yet valid, valid at both inclusive ends, expired", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const now = BigInt(await networkHelpers.time.latest());
      const from = now + 100n;
      const until = now + 200n;
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ validFrom: from, validUntil: until, uid: 1n })), c, "VoucherNotYetValid");
      const v1 = voucher({ validFrom: from, validUntil: until, uid: 1n });
      const s1 = await signVoucher(owner, c.address, chainId, v1);
      await networkHelpers.time.setNextBlockTimestamp(from);
      await c.write.redeem([v1, OWNER, s1], { account: buyer.account });
      const v2 = voucher({ validFrom: from, validUntil: until, uid: 2n });
      const s2 = await signVoucher(owner, c.address, chainId, v2);
      await networkHelpers.time.setNextBlockTimestamp(until);
      await c.write.redeem([v2, OWNER, s2], { account: buyer.account });
      const v3 = voucher({ validFrom: from, validUntil: until, uid: 3n });
      const s3 = await signVoucher(owner, c.address, chainId, v3);
      await networkHelpers.time.setNextBlockTimestamp(until + 1n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v3, OWNER, s3], { account: buyer.account }), c, "VoucherExpired", [until, until + 1n]);
    });

    it("wrong signer, signer without minter role, zero quantity", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const v = voucher({ uid: 1n });
      const byStranger = await signVoucher(stranger, c.address, chainId, v);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, OWNER, byStranger], { account: buyer.account }), c, "VoucherInvalidSignature", [
        OWNER,
      ]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.redeem([v, stranger.account.address, byStranger], { account: buyer.account }),
        c,
        "VoucherSignerNotMinter",
        [getAddress(stranger.account.address)],
      );
      // A revoked minter's vouchers die with the role.
      const byMinter = await signVoucher(minter, c.address, chainId, v);
      await c.write.revokeRole([MINTER_ROLE, MINTER]);
      await viem.assertions.revertWithCustomError(c.write.redeem([v, MINTER, byMinter], { account: buyer.account }), c, "VoucherSignerNotMinter");
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ quantity: 0n, uid: 2n })), c, "VoucherZeroQuantity");
    });

    it("the high-s twin of a valid signature is refused", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const v = voucher({ uid: 1n });
      const sig = await signVoucher(owner, c.address, chainId, v);
      await viem.assertions.revertWithCustomError(c.write.redeem([v, OWNER, malleate(sig)], { account: buyer.account }), c, "VoucherInvalidSignature");
      await c.write.redeem([v, OWNER, sig], { account: buyer.account });
    });

    it("ERC-1271: a minter wallet's signature is accepted; a rejecting wallet or one without the role is refused", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const wallet = await viem.deployContract("MockERC1271Wallet", [ALICE, false]);
      const rejecting = await viem.deployContract("MockERC1271Wallet", [ALICE, true]);
      const v = voucher({ uid: 1n });
      const sig = await signVoucher(alice, c.address, chainId, v); // the wallet's EOA signs the same digest
      await viem.assertions.revertWithCustomError(c.write.redeem([v, wallet.address, sig], { account: buyer.account }), c, "VoucherSignerNotMinter");
      await c.write.grantRole([MINTER_ROLE, wallet.address]);
      await c.write.grantRole([MINTER_ROLE, rejecting.address]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, rejecting.address, sig], { account: buyer.account }), c, "VoucherInvalidSignature", [
        getAddress(rejecting.address),
      ]);
      await viem.assertions.emitWithArgs(c.write.redeem([v, wallet.address, sig], { account: buyer.account }), c, "VoucherRedeemed", [
        1n,
        getAddress(wallet.address),
        BUYER,
        1n,
        1n,
      ]);
    });
  });

  describe("payment", function () {
    it("ETH: exact price * quantity goes to the primary-sale recipient (default: owner) or the voucher's payee", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.balancesHaveChanged(redeem(c, voucher({ price: PRICE, quantity: 3n, uid: 1n }), { value: 3n * PRICE }), [
        { address: OWNER, amount: 3n * PRICE },
      ]);
      await c.write.setPrimarySaleRecipient([ALICE]);
      await viem.assertions.balancesHaveChanged(redeem(c, voucher({ price: PRICE, uid: 2n }), { value: PRICE }), [{ address: ALICE, amount: PRICE }]);
      await viem.assertions.balancesHaveChanged(redeem(c, voucher({ price: PRICE, payee: PAYEE, uid: 3n }), { value: PRICE }), [
        { address: PAYEE, amount: PRICE },
      ]);
      expect(await publicClient.getBalance({ address: c.address })).to.equal(0n);
    });

    it("ETH: wrong amount -> VoucherWrongPayment", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ price: PRICE, quantity: 2n }), { value: PRICE }), c, "VoucherWrongPayment", [
        2n * PRICE,
        PRICE,
      ]);
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ price: 0n }), { value: 1n }), c, "VoucherWrongPayment");
    });

    it("ERC-20: pulls price * quantity from the redeemer to the payee; ETH alongside is refused", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const usd = await viem.deployContract("MockERC20");
      await usd.write.mint([BUYER, 1_000n]);
      const v = voucher({ price: 100n, quantity: 2n, currency: usd.address, payee: PAYEE, uid: 1n });
      await viem.assertions.revertWithCustomError(redeem(c, v), usd, "ERC20InsufficientAllowance");
      await usd.write.approve([c.address, 1_000n], { account: buyer.account });
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, v, { value: 1n }), c, "VoucherWrongPayment", [0n, 1n]);
      await redeem(c, v);
      expect(await usd.read.balanceOf([PAYEE])).to.equal(200n);
      expect(await usd.read.balanceOf([BUYER])).to.equal(800n);
      expect(await c.read.balanceOf([BUYER, 1n])).to.equal(2n);
    });

    it("no payee, no recipient and no owner: a priced voucher reverts (ETH is never burned); a free one works", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.renounceOwnership();
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ price: PRICE, uid: 1n }), { signer: minter, value: PRICE }), c, "VoucherNoPayee");
      await redeem(c, voucher({ uid: 2n }), { signer: minter });
      expect(await c.read.balanceOf([BUYER, 1n])).to.equal(1n);
    });
  });

  describe("acceptance checks and re-entrancy during redeem", function () {
    it("a contract recipient must accept; a rejecting one reverts the redemption", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const receiver = await viem.deployContract("EditionsReceiverMock");
      await redeem(c, voucher({ to: receiver.address, uid: 1n }));
      expect(await c.read.balanceOf([receiver.address, 1n])).to.equal(1n);
      expect(await receiver.read.lastOperator()).to.equal(BUYER);
      await receiver.write.setMode([1]);
      await viem.assertions.revertWithCustomErrorWithArgs(redeem(c, voucher({ to: receiver.address, uid: 2n })), c, "ERC1155InvalidReceiver", [
        getAddress(receiver.address),
      ]);
      const usd = await viem.deployContract("MockERC20");
      await viem.assertions.revertWithCustomError(redeem(c, voucher({ to: usd.address, uid: 3n })), c, "ERC1155InvalidReceiver");
    });

    it("the receiver re-entering redeem (same or another voucher) hits the re-entrancy guard", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const receiver = await viem.deployContract("EditionsReceiverMock");
      const v1 = voucher({ to: receiver.address, tokenId: 1n, maxSupply: 5n, uid: 1n });
      const s1 = await signVoucher(owner, c.address, chainId, v1);
      const v2 = voucher({ to: receiver.address, tokenId: 1n, quantity: 5n, uid: 2n });
      const s2 = await signVoucher(owner, c.address, chainId, v2);
      for (const [v, s] of [
        [v1, s1],
        [v2, s2],
      ] as Array<[Voucher, Hex]>) {
        await receiver.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "redeem", args: [v, OWNER, s] }), 0n, true]);
        await viem.assertions.revertWithCustomError(c.write.redeem([v1, OWNER, s1], { account: buyer.account }), c, "ReentrancyGuardReentrantCall");
      }
      // Swallowing the failed re-entry: the outer redemption completes alone.
      await receiver.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "redeem", args: [v2, OWNER, s2] }), 0n, false]);
      await c.write.redeem([v1, OWNER, s1], { account: buyer.account });
      expect(await receiver.read.reentrySucceeded()).to.equal(false);
      expect(await c.read.totalSupply([1n])).to.equal(1n);
      expect(await c.read.isVoucherRedeemed([2n])).to.equal(false);
    });

    it("a minter-receiver re-entering mint during redeem cannot exceed the cap", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const receiver = await viem.deployContract("EditionsReceiverMock");
      await c.write.grantRole([MINTER_ROLE, receiver.address]);
      await receiver.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "mint", args: [receiver.address, 1n, 1n, 0n, "0x"] }), 0n, true]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        redeem(c, voucher({ to: receiver.address, tokenId: 1n, quantity: 2n, maxSupply: 2n })),
        c,
        "TokenMaxSupplyExceeded",
        [1n, 2n, 2n, 1n],
      );
      expect(await receiver.read.supplySeenInCallback()).to.equal(0n); // reverted with the rest
    });
  });

  describe("clones", function () {
    it("a clone's voucher domain is the clone's own address", async function () {
      const { c: impl } = await networkHelpers.loadFixture(deployFixture);
      const cloner = await viem.deployContract("EditionsCloner");
      const instance = await cloner.simulate.cloneAndInitialize([impl.address, editionsConfig(OWNER)]).then((r) => r.result as Address);
      await cloner.write.cloneAndInitialize([impl.address, editionsConfig(OWNER)]);
      const clone = await viem.getContractAt("MintkitEditions", instance);
      const v = voucher({ uid: 1n, price: PRICE });
      expect(await clone.read.voucherDigest([v])).to.equal(voucherDigest(clone.address, chainId, v));
      const sigForImpl = await signVoucher(owner, impl.address, chainId, v);
      await viem.assertions.revertWithCustomError(clone.write.redeem([v, OWNER, sigForImpl], { account: buyer.account, value: PRICE }), clone, "VoucherInvalidSignature");
      await viem.assertions.balancesHaveChanged(redeem(clone, v, { value: PRICE }), [{ address: OWNER, amount: PRICE }]);
      expect(await clone.read.balanceOf([BUYER, 1n])).to.equal(1n);
    });
  });
});
