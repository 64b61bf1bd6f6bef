/**
 * Cancellable vouchers (issue 9): `cancelVouchers(uids)` on both token contracts (minter or admin, one
 * event per call), `VoucherCancelled` told apart from `VoucherAlreadyRedeemed` on chain and by
 * `verifyVoucher` / the revert decoder, explicit-id ERC-721 vouchers (no uid read or write; cancelled by
 * their token id with `cancelReservedIds`),
 * cancellation racing a redemption in one block, and the library's defaults (30-day window, free bearer
 * vouchers only on request). Also: an ERC-20 with a transfer fee as voucher currency.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, parseEther, toHex, zeroAddress, type Address, type Hex } from "viem";
import {
  createVoucher,
  DEFAULT_VOUCHER_VALIDITY_SECONDS,
  isVoucherError,
  prepareCancelVouchers,
  signVoucher,
  simulateRedeem,
  verifyVoucher,
  type Voucher,
} from "../../src/index.js";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, minter, admin, buyer, stranger, payee] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!, wallets[4]!, wallets[5]!];
const O = getAddress(owner.account.address);
const BUYER = getAddress(buyer.account.address);
const PAYEE = getAddress(payee.account.address);
const chainId = await publicClient.getChainId();
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;
const as = (w: typeof owner) => ({ account: w.account });

async function fixture() {
  const collection = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
  const editions = await viem.deployContract("MintkitEditions", [editionsConfig(O)]);
  for (const address of [collection.address, editions.address]) {
    const c = await viem.getContractAt("MintkitCollection", address); // CreatorAccess's functions: one ABI
    await c.write.grantRole([MINTER_ROLE, minter.account.address]);
    await c.write.grantRole([ADMIN_ROLE, admin.account.address]);
  }
  return { collection, editions };
}

async function signed(contract: Address, fields: Partial<Voucher> & { uid: bigint }) {
  const voucher = createVoucher({ to: BUYER, ...fields });
  const signature = await signVoucher(owner, { voucher, contract, chainId });
  return { voucher, signature, signer: O, contract };
}

for (const kind of ["collection", "editions"] as const) {
  describe(`cancelVouchers on ${kind === "collection" ? "MintkitCollection" : "MintkitEditions"}`, function () {
    async function load() {
      const f = await networkHelpers.loadFixture(fixture);
      // Both contracts share LazyMint's ABI for these functions.
      const c = await viem.getContractAt("MintkitCollection", f[kind].address);
      return { c };
    }
    const tokenFields = kind === "editions" ? { tokenId: 0n } : {};

    it("a minter, an admin or the owner cancels; the uids' vouchers revert VoucherCancelled; one event per call", async function () {
      const { c } = await load();
      const vouchers = await Promise.all([1n, 2n, 300n].map((uid) => signed(c.address, { uid, ...tokenFields })));
      await viem.assertions.emitWithArgs(c.write.cancelVouchers([[1n, 2n]], as(minter)), c, "VouchersCancelled", [getAddress(minter.account.address), [1n, 2n]]);
      await viem.assertions.emitWithArgs(c.write.cancelVouchers([[300n]], as(admin)), c, "VouchersCancelled", [getAddress(admin.account.address), [300n]]);
      await c.write.cancelVouchers([[]]); // the owner; nothing to cancel is allowed
      for (const v of vouchers) {
        expect(await c.read.isVoucherCancelled([v.voucher.uid])).to.equal(true);
        expect(await c.read.isVoucherRedeemed([v.voucher.uid])).to.equal(true); // spent: never redeemable
        await viem.assertions.revertWithCustomErrorWithArgs(
          c.write.redeem([v.voucher, v.signer, v.signature], as(buyer)),
          c,
          "VoucherCancelled",
          [v.voucher.uid],
        );
      }
      expect(await c.read.isVoucherCancelled([3n])).to.equal(false);
    });

    it("an account that is neither minter nor admin cannot cancel (VoucherCancelNotAuthorized)", async function () {
      const { c } = await load();
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.cancelVouchers([[1n]], as(stranger)),
        c,
        "VoucherCancelNotAuthorized",
        [getAddress(stranger.account.address)],
      );
      expect(await c.read.isVoucherCancelled([1n])).to.equal(false);
    });

    it("redeemed is told apart from cancelled, on chain and by verifyVoucher / simulateRedeem", async function () {
      const { c } = await load();
      const spent = await signed(c.address, { uid: 7n, ...tokenFields });
      await c.write.redeem([spent.voucher, spent.signer, spent.signature], as(buyer));
      const cancelled = await signed(c.address, { uid: 8n, ...tokenFields });
      await c.write.cancelVouchers([[8n, 7n]]); // cancelling a redeemed uid changes nothing
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([spent.voucher, spent.signer, spent.signature], as(buyer)), c, "VoucherCancelled", [7n]);
      const fresh = await signed(c.address, { uid: 9n, ...tokenFields });
      await c.write.redeem([fresh.voucher, fresh.signer, fresh.signature], as(buyer));
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([fresh.voucher, fresh.signer, fresh.signature], as(buyer)), c, "VoucherAlreadyRedeemed", [9n]);

      const codes = async (v: Awaited<ReturnType<typeof signed>>) =>
        (await verifyVoucher(publicClient, v)).problems.map((p) => p.code);
      expect(await codes(cancelled)).to.deep.equal(["VOUCHER_CANCELLED"]);
      expect(await codes(fresh)).to.deep.equal(["VOUCHER_ALREADY_REDEEMED"]);
      const err = await simulateRedeem(publicClient, { ...cancelled, account: buyer.account }).catch((e: unknown) => e);
      expect(isVoucherError(err, "VOUCHER_CANCELLED"), String(err)).to.equal(true);
    });

    it("cancellation racing a redemption in one block: whichever is ordered first wins, never both", async function () {
      for (const cancelFirst of [true, false]) {
        const { c } = await load();
        const v = await signed(c.address, { uid: 42n, ...tokenFields });
        await publicClient.request({ method: "evm_setAutomine", params: [false] } as never);
        let redeemHash: Hex;
        let cancelHash: Hex;
        try {
          // The higher tip is mined first.
          const high = { maxPriorityFeePerGas: parseEther("0.00000005"), maxFeePerGas: parseEther("0.0000001") };
          const low = { maxPriorityFeePerGas: parseEther("0.000000001"), maxFeePerGas: parseEther("0.0000001") };
          redeemHash = await c.write.redeem([v.voucher, v.signer, v.signature], { ...as(buyer), gas: 500_000n, ...(cancelFirst ? low : high) });
          cancelHash = await c.write.cancelVouchers([[42n]], { ...as(minter), gas: 200_000n, ...(cancelFirst ? high : low) });
          await publicClient.request({ method: "evm_mine", params: [] } as never);
        } finally {
          await publicClient.request({ method: "evm_setAutomine", params: [true] } as never);
        }
        const [redeemed, cancelled] = await Promise.all([
          publicClient.getTransactionReceipt({ hash: redeemHash }),
          publicClient.getTransactionReceipt({ hash: cancelHash }),
        ]);
        expect(redeemed.blockNumber).to.equal(cancelled.blockNumber);
        expect(cancelled.status).to.equal("success"); // a cancel always lands
        expect(redeemed.status).to.equal(cancelFirst ? "reverted" : "success");
        expect(await c.read.isVoucherCancelled([42n])).to.equal(true);
        // either way the voucher can never be redeemed again
        await viem.assertions.revertWithCustomError(c.write.redeem([v.voucher, v.signer, v.signature], as(buyer)), c, "VoucherCancelled");
      }
    });
  });
}

describe("explicit-id ERC-721 vouchers (MintkitCollection): the token guards the replay and carries the cancellation", function () {
  async function load() {
    const { collection: c } = await networkHelpers.loadFixture(fixture);
    await c.write.reserve([5n]); // ids 1-5
    return c;
  }
  const codes = async (v: Awaited<ReturnType<typeof signed>>) => (await verifyVoucher(publicClient, v)).problems.map((p) => p.code);

  it("neither spend nor read their uid: the minted (or burned) token refuses a replay", async function () {
    const c = await load();
    const first = await signed(c.address, { uid: 5n, tokenId: 1n });
    await c.write.redeem([first.voucher, first.signer, first.signature], as(buyer));
    expect(await c.read.ownerOf([1n])).to.equal(BUYER);
    expect(await c.read.isVoucherRedeemed([5n])).to.equal(false); // not written
    await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([first.voucher, first.signer, first.signature], as(buyer)), c, "TokenNotReserved", [1n]);
    await c.write.burn([1n], as(buyer));
    await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([first.voucher, first.signer, first.signature], as(buyer)), c, "TokenNotReserved", [1n]);
    // a uid spent (or cancelled) for a next-id voucher does not touch an explicit-id voucher carrying it
    const next = await signed(c.address, { uid: 10n });
    await c.write.redeem([next.voucher, next.signer, next.signature], as(buyer));
    await c.write.cancelVouchers([[11n]]);
    const sameUid = await signed(c.address, { uid: 10n, tokenId: 2n });
    const cancelledUid = await signed(c.address, { uid: 11n, tokenId: 3n });
    expect(await codes(sameUid)).to.deep.equal([]);
    expect(await codes(cancelledUid)).to.deep.equal([]);
    await c.write.redeem([sameUid.voucher, sameUid.signer, sameUid.signature], as(buyer));
    await c.write.redeem([cancelledUid.voucher, cancelledUid.signer, cancelledUid.signature], as(buyer));
    expect([await c.read.ownerOf([2n]), await c.read.ownerOf([3n])]).to.deep.equal([BUYER, BUYER]);
  });

  it("cancelReservedIds (minter, admin or owner): the id's vouchers revert VoucherCancelled(uid), the id is never minted; one event per call", async function () {
    const c = await load();
    const [one, two, four] = await Promise.all([[21n, 1n], [22n, 2n], [24n, 4n]].map(([uid, tokenId]) => signed(c.address, { uid: uid!, tokenId: tokenId! })));
    await viem.assertions.emitWithArgs(c.write.cancelReservedIds([[1n, 2n]], as(minter)), c, "ReservedIdsCancelled", [getAddress(minter.account.address), [1n, 2n]]);
    await viem.assertions.emitWithArgs(c.write.cancelReservedIds([[4n]], as(admin)), c, "ReservedIdsCancelled", [getAddress(admin.account.address), [4n]]);
    await c.write.cancelReservedIds([[]]); // the owner; nothing to cancel is allowed
    for (const v of [one!, two!, four!]) {
      expect(await c.read.isReservedIdCancelled([v.voucher.tokenId])).to.equal(true);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v.voucher, v.signer, v.signature], as(buyer)), c, "VoucherCancelled", [v.voucher.uid]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.ownerOf([v.voucher.tokenId]), c, "ERC721NonexistentToken", [v.voucher.tokenId]);
    }
    // any other voucher for a cancelled id fails too, whatever its uid
    const another = await signed(c.address, { uid: 99n, tokenId: 2n });
    await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([another.voucher, another.signer, another.signature], as(buyer)), c, "VoucherCancelled", [99n]);
    expect(await c.read.isReservedIdCancelled([3n])).to.equal(false);
    expect(await c.read.isVoucherCancelled([21n])).to.equal(false); // uids untouched
    // a cancelled id is neither supply nor burned; the ids left stay redeemable
    const three = await signed(c.address, { uid: 23n, tokenId: 3n });
    await c.write.redeem([three.voucher, three.signer, three.signature], as(buyer));
    expect([await c.read.totalSupply(), await c.read.totalBurned(), await c.read.nextTokenId()]).to.deep.equal([1n, 0n, 6n]);
    await c.write.mint([BUYER]);
    expect(await c.read.totalSupply()).to.equal(2n);
  });

  it("cancelReservedIds: a minted, burned or cancelled id is left as it is; an id not issued reverts TokenNotReserved and nothing is cancelled; strangers are refused", async function () {
    const c = await load();
    await c.write.mintBatch([BUYER, 3n, 6n]); // 6-8 (a range)
    await c.write.mint([BUYER]); // 9
    const five = await signed(c.address, { uid: 5n, tokenId: 5n });
    await c.write.redeem([five.voucher, five.signer, five.signature], as(buyer));
    await c.write.burn([9n], as(buyer));
    await c.write.cancelReservedIds([[1n]]);
    await c.write.cancelReservedIds([[1n, 5n, 7n, 9n]]);
    expect(await c.read.ownerOf([5n])).to.equal(BUYER);
    expect(await c.read.ownerOf([7n])).to.equal(BUYER);
    for (const id of [5n, 7n, 9n]) expect(await c.read.isReservedIdCancelled([id])).to.equal(false);
    await c.write.transferFrom([BUYER, O, 7n], as(buyer)); // a range token's slot is still a token's
    expect(await c.read.ownerOf([7n])).to.equal(O);
    for (const id of [0n, 10n, 1_000n]) {
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.cancelReservedIds([[2n, id]]), c, "TokenNotReserved", [id]);
    }
    expect(await c.read.isReservedIdCancelled([2n])).to.equal(false);
    await viem.assertions.revertWithCustomErrorWithArgs(
      c.write.cancelReservedIds([[2n]], as(stranger)),
      c,
      "VoucherCancelNotAuthorized",
      [getAddress(stranger.account.address)],
    );
    expect([await c.read.totalSupply(), await c.read.totalBurned()]).to.deep.equal([4n, 1n]);
  });

  it("verifyVoucher and simulateRedeem report VOUCHER_CANCELLED for a cancelled id (TOKEN_NOT_RESERVED stays for a minted one)", async function () {
    const c = await load();
    const cancelled = await signed(c.address, { uid: 31n, tokenId: 2n });
    const live = await signed(c.address, { uid: 32n, tokenId: 3n });
    expect(await codes(cancelled)).to.deep.equal([]);
    await c.write.cancelReservedIds([[2n]]);
    const result = await verifyVoucher(publicClient, cancelled);
    expect(result.problems.map((p) => p.code)).to.deep.equal(["VOUCHER_CANCELLED"]);
    expect(result.problems[0]!.details).to.deep.equal({ uid: "31", tokenId: "2" });
    expect(result.problems[0]!.message).to.match(/token id 2 was cancelled/);
    const err = await simulateRedeem(publicClient, { ...cancelled, account: buyer.account }).catch((e: unknown) => e);
    expect(isVoucherError(err, "VOUCHER_CANCELLED"), String(err)).to.equal(true);
    expect(await codes(live)).to.deep.equal([]);
    await c.write.redeem([live.voucher, live.signer, live.signature], as(buyer));
    expect(await codes(live)).to.deep.equal(["VOUCHER_TOKEN_NOT_RESERVED"]);
  });

  it("cancellation racing a redemption in one block: whichever is ordered first wins, never both", async function () {
    for (const cancelFirst of [true, false]) {
      const c = await load();
      const v = await signed(c.address, { uid: 42n, tokenId: 4n });
      await publicClient.request({ method: "evm_setAutomine", params: [false] } as never);
      let redeemHash: Hex;
      let cancelHash: Hex;
      try {
        const high = { maxPriorityFeePerGas: parseEther("0.00000005"), maxFeePerGas: parseEther("0.0000001") };
        const low = { maxPriorityFeePerGas: parseEther("0.000000001"), maxFeePerGas: parseEther("0.0000001") };
        redeemHash = await c.write.redeem([v.voucher, v.signer, v.signature], { ...as(buyer), gas: 500_000n, ...(cancelFirst ? low : high) });
        cancelHash = await c.write.cancelReservedIds([[4n]], { ...as(minter), gas: 200_000n, ...(cancelFirst ? high : low) });
        await publicClient.request({ method: "evm_mine", params: [] } as never);
      } finally {
        await publicClient.request({ method: "evm_setAutomine", params: [true] } as never);
      }
      const [redeemed, cancelled] = await Promise.all([
        publicClient.getTransactionReceipt({ hash: redeemHash }),
        publicClient.getTransactionReceipt({ hash: cancelHash }),
      ]);
      expect(redeemed.blockNumber).to.equal(cancelled.blockNumber);
      expect(cancelled.status).to.equal("success"); // a cancel always lands (a minted id is left as it is)
      expect(redeemed.status).to.equal(cancelFirst ? "reverted" : "success");
      expect(await c.read.isReservedIdCancelled([4n])).to.equal(cancelFirst);
      if (cancelFirst) await viem.assertions.revertWithCustomError(c.read.ownerOf([4n]), c, "ERC721NonexistentToken");
      else expect(await c.read.ownerOf([4n])).to.equal(BUYER);
      // either way the voucher can never be redeemed again
      await viem.assertions.revertWithCustomError(
        c.write.redeem([v.voucher, v.signer, v.signature], as(buyer)),
        c,
        cancelFirst ? "VoucherCancelled" : "TokenNotReserved",
      );
    }
  });
});

describe("prepareCancelVouchers", function () {
  it("cancels by uid, except an ERC-721 voucher naming its token id (by that id); the calls work as sent", async function () {
    const { collection: c, editions: e } = await networkHelpers.loadFixture(fixture);
    await c.write.reserve([2n]); // ids 1, 2
    const next = createVoucher({ to: BUYER, uid: 50n });
    const explicit = [createVoucher({ to: BUYER, uid: 51n, tokenId: 2n }), createVoucher({ to: BUYER, uid: 52n, tokenId: 2n })];
    const calls = await prepareCancelVouchers(publicClient, { contract: c.address, vouchers: [next, ...explicit] });
    expect(calls.map((call) => [call.address, call.functionName, call.args[0]])).to.deep.equal([
      [getAddress(c.address), "cancelVouchers", [50n]],
      [getAddress(c.address), "cancelReservedIds", [2n]],
    ]);
    for (const call of calls) await minter.writeContract(call);
    expect(await c.read.isVoucherCancelled([50n])).to.equal(true);
    expect(await c.read.isReservedIdCancelled([2n])).to.equal(true);
    // ERC-1155: every voucher is cancelled by its uid, whatever its token id
    const onEditions = await prepareCancelVouchers(publicClient, { contract: e.address, vouchers: [createVoucher({ to: BUYER, uid: 60n, tokenId: 7n })] });
    expect(onEditions.map((call) => [call.functionName, call.args[0]])).to.deep.equal([["cancelVouchers", [60n]]]);
    expect(await prepareCancelVouchers(publicClient, { contract: c.address, vouchers: [] })).to.deep.equal([]);
  });
});

describe("createVoucher defaults", function () {
  it("validUntil defaults to 30 days from now (the given now, or the clock); 0 means no end", function () {
    const v = createVoucher({ to: BUYER, uid: 1n }, { now: 1_000n });
    expect(v.validUntil).to.equal(1_000n + 30n * 86_400n);
    expect(DEFAULT_VOUCHER_VALIDITY_SECONDS).to.equal(2_592_000n);
    const clock = BigInt(Math.floor(Date.now() / 1000));
    const byClock = createVoucher({ to: BUYER, uid: 1n });
    expect(Number(byClock.validUntil - clock - DEFAULT_VOUCHER_VALIDITY_SECONDS)).to.be.within(-2, 2);
    expect(createVoucher({ to: BUYER, uid: 1n, validUntil: 0n }).validUntil).to.equal(0n);
  });

  it("a free voucher open to anyone needs allowFreeBearer: true (VOUCHER_FREE_BEARER otherwise)", function () {
    let caught: unknown;
    try {
      createVoucher({ uid: 1n });
    } catch (e) {
      caught = e;
    }
    expect(isVoucherError(caught, "VOUCHER_FREE_BEARER"), String(caught)).to.equal(true);
    expect((caught as Error).message).to.match(/free .*any recipient|anyone/i);
    expect(createVoucher({ uid: 1n }, { allowFreeBearer: true }).to).to.equal(zeroAddress);
    // named recipient, or a price: fine without the flag
    expect(createVoucher({ uid: 1n, to: BUYER }).price).to.equal(0n);
    expect(createVoucher({ uid: 1n, price: 1n }).to).to.equal(zeroAddress);
  });
});

describe("an ERC-20 with a transfer fee as voucher currency", function () {
  it("the buyer pays price × quantity; the payee receives that minus the token's fee (the contract keeps nothing)", async function () {
    const { collection: c } = await networkHelpers.loadFixture(fixture);
    const token = await viem.deployContract("FeeOnTransferERC20", [200n]); // 2% fee on every transfer
    const price = parseEther("10");
    await token.write.mint([BUYER, parseEther("100")]);
    await token.write.approve([c.address, parseEther("100")], as(buyer));
    const v = await signed(c.address, { uid: 1n, price, currency: token.address, payee: PAYEE, quantity: 2n });
    await c.write.redeem([v.voucher, v.signer, v.signature], as(buyer));
    expect(await c.read.balanceOf([BUYER])).to.equal(2n);
    expect(await token.read.balanceOf([BUYER])).to.equal(parseEther("80")); // paid 2 × 10
    expect(await token.read.balanceOf([PAYEE])).to.equal(parseEther("19.6")); // 20 minus the 2% fee
    expect(await token.read.balanceOf([c.address])).to.equal(0n);
  });
});
