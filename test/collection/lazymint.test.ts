/**
 * Lazy minting on MintkitCollection: EIP-712 vouchers signed with viem, redemption, payment, and the
 * security cases (replay across uid / chain / contract, window, signer checks, ERC-1271, malleability,
 * reentrancy).
 */
import { expect } from "chai";
import { network } from "hardhat";
import { encodeFunctionData, getAddress, hashTypedData, keccak256, parseEther, toHex, zeroAddress } from "viem";
import { benchConfig, malleate, signVoucher, voucher, voucherDomain, VOUCHER_TYPES, type Voucher } from "./helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, alice, bob, carol, minter] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!, wallets[4]!];
const A = alice.account.address;
const B = bob.account.address;
const C = carol.account.address;
const O = owner.account.address;
const chainId = await publicClient.getChainId();
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const PRICE = parseEther("0.01");
const as = (w: typeof alice) => ({ account: w.account });
const pay = (w: typeof alice, value: bigint) => ({ account: w.account, value });

async function fixture() {
  const c = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
  const other = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
  const token = await viem.deployContract("MockERC20");
  return { c, other, token };
}

async function signed(c: { address: `0x${string}` }, overrides: Partial<Voucher> = {}, signer = owner) {
  const v = voucher(overrides);
  return { v, sig: await signVoucher(signer, c.address, chainId, v) };
}

describe("MintkitCollection lazy mint (vouchers)", function () {
  describe("digest", function () {
    it("voucherDigest equals viem's EIP-712 hash (domain mintkit/1/chainId/contract), all fields set", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const vs = [
        voucher(),
        voucher({
          to: A, tokenId: 7n, quantity: 3n, uri: "ipfs://bafy/some token.json", price: 123n, currency: B, payee: C,
          royaltyReceiver: A, royaltyBps: 250n, maxSupply: 9n, validFrom: 5n, validUntil: 2n ** 64n - 1n, uid: 2n ** 256n - 1n,
        }),
        voucher({ uri: "x".repeat(200) }),
      ];
      for (const v of vs) {
        const expected = hashTypedData({ domain: voucherDomain(chainId, c.address), types: VOUCHER_TYPES, primaryType: "Voucher", message: v });
        expect(await c.read.voucherDigest([v])).to.equal(expected);
      }
    });
  });

  describe("redeem", function () {
    it("priced voucher with no payee after the owner renounced: VoucherNoPayee, never a payment to address(0); a free one works", async function () {
      const { c, token } = await networkHelpers.loadFixture(fixture);
      await c.write.grantRole([MINTER_ROLE, minter.account.address]);
      await c.write.renounceOwnership();
      const priced = await signed(c, { price: PRICE, uid: 1n }, minter);
      await viem.assertions.revertWithCustomError(c.write.redeem([priced.v, minter.account.address, priced.sig], pay(alice, PRICE)), c, "VoucherNoPayee");
      await token.write.mint([A, 1_000n]);
      await token.write.approve([c.address, 1_000n], as(alice));
      const inToken = await signed(c, { price: 10n, currency: token.address, uid: 2n }, minter);
      await viem.assertions.revertWithCustomError(c.write.redeem([inToken.v, minter.account.address, inToken.sig], as(alice)), c, "VoucherNoPayee");
      const free = await signed(c, { uid: 3n }, minter);
      await c.write.redeem([free.v, minter.account.address, free.sig], as(alice));
      expect(await c.read.ownerOf([1n])).to.equal(getAddress(A));
    });

    it("base-URI voucher: mints the next id to the redeemer, pays the owner, events, uid spent", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      await c.write.mint([C]);
      const { v, sig } = await signed(c, { price: PRICE, uid: 42n });
      expect(await c.read.isVoucherRedeemed([42n])).to.equal(false);
      const before = await publicClient.getBalance({ address: O });
      const tx = c.write.redeem([v, O, sig], pay(alice, PRICE));
      await viem.assertions.emitWithArgs(tx, c, "VoucherRedeemed", [42n, getAddress(O), getAddress(A), 2n, 1n]);
      await viem.assertions.emitWithArgs(tx, c, "Transfer", [zeroAddress, getAddress(A), 2n]);
      expect(await publicClient.getBalance({ address: O })).to.equal(before + PRICE);
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(A));
      expect(await c.read.tokenURI([2n])).to.match(/\/2\.json$/);
      expect(await c.read.isVoucherRedeemed([42n])).to.equal(true);
      expect(await c.read.isVoucherRedeemed([43n])).to.equal(false);
      expect(await c.read.totalSupply()).to.equal(2n);
      const next = await signed(c, { uid: 1n });
      const { result } = await c.simulate.redeem([next.v, O, next.sig], { account: B });
      expect(result).to.equal(3n); // returns the first id minted
    });

    it("a voucher naming `to` mints to it whoever redeems; quantity > 1 mints consecutive ids, pays price x quantity to the named payee", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c, { to: B, quantity: 3n, price: PRICE, payee: C });
      await viem.assertions.balancesHaveChanged(c.write.redeem([v, O, sig], pay(alice, 3n * PRICE)), [
        { address: C, amount: 3n * PRICE },
      ]);
      for (const id of [1n, 2n, 3n]) expect(await c.read.ownerOf([id])).to.equal(getAddress(B));
      expect(await c.read.balanceOf([A])).to.equal(0n);
      expect(await c.read.balanceOf([B])).to.equal(3n);
    });

    it("the configured primary-sale recipient receives payment when the voucher names no payee", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      await c.write.setPrimarySaleRecipient([C]);
      const { v, sig } = await signed(c, { price: PRICE });
      await viem.assertions.balancesHaveChanged(c.write.redeem([v, O, sig], pay(alice, PRICE)), [{ address: C, amount: PRICE }]);
    });

    it("ERC-20 price: pulled from the redeemer to the payee; ETH alongside is refused", async function () {
      const { c, token } = await networkHelpers.loadFixture(fixture);
      await token.write.mint([A, 1_000n]);
      await token.write.approve([c.address, 10_000n], as(alice));
      const { v, sig } = await signed(c, { price: 150n, quantity: 2n, currency: token.address, payee: C });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, O, sig], pay(alice, 1n)), c, "VoucherWrongPayment", [0n, 1n]);
      await c.write.redeem([v, O, sig], as(alice));
      expect(await token.read.balanceOf([C])).to.equal(300n);
      expect(await token.read.balanceOf([A])).to.equal(700n);
      const second = await signed(c, { price: 800n, currency: token.address, uid: 2n });
      await viem.assertions.revertWithCustomError(c.write.redeem([second.v, O, second.sig], as(alice)), token, "ERC20InsufficientBalance");
    });

    it("wrong ETH amount reverts VoucherWrongPayment (too little, too much, ETH on a free voucher)", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c, { price: PRICE, quantity: 2n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, O, sig], pay(alice, PRICE)), c, "VoucherWrongPayment", [2n * PRICE, PRICE]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, O, sig], pay(alice, 3n * PRICE)), c, "VoucherWrongPayment", [2n * PRICE, 3n * PRICE]);
      const free = await signed(c, { uid: 2n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([free.v, O, free.sig], pay(alice, 1n)), c, "VoucherWrongPayment", [0n, 1n]);
    });

    it("a payee refusing ETH makes the redemption revert", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const refusing = await viem.deployContract("CollectionRefusingPayee");
      const { v, sig } = await signed(c, { price: PRICE, payee: refusing.address });
      await viem.assertions.revertWithCustomError(c.write.redeem([v, O, sig], pay(alice, PRICE)), c, "FailedCall");
    });

    it("a price overflowing price x quantity reverts (checked arithmetic)", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c, { price: 2n ** 255n, quantity: 2n });
      await viem.assertions.revert(c.write.redeem([v, O, sig], as(alice)));
    });

    it("uri and royalty fields: per-token URI (MetadataUpdate) and per-token royalty; allowed after the freeze", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      await c.write.freezeMetadata();
      const { v, sig } = await signed(c, { uri: "ipfs://bafyown/meta.json", royaltyReceiver: B, royaltyBps: 750n, quantity: 2n });
      const tx = c.write.redeem([v, O, sig], as(alice));
      await viem.assertions.emitWithArgs(tx, c, "MetadataUpdate", [2n]);
      for (const id of [1n, 2n]) {
        expect(await c.read.tokenURI([id])).to.equal("ipfs://bafyown/meta.json");
        expect(await c.read.royaltyInfo([id, 10_000n])).to.deep.equal([getAddress(B), 750n]);
      }
      await c.write.mint([A]);
      expect(await c.read.royaltyInfo([3n, 10_000n])).to.deep.equal([getAddress(O), 500n]);
    });

    it("a voucher royalty above 10% reverts RoyaltyTooHigh; bps without receiver reverts", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const high = await signed(c, { royaltyReceiver: B, royaltyBps: 1_001n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([high.v, O, high.sig], as(alice)), c, "RoyaltyTooHigh", [1_001n, 1_000n]);
      const noReceiver = await signed(c, { royaltyBps: 100n, uid: 2n });
      await viem.assertions.revertWithCustomError(c.write.redeem([noReceiver.v, O, noReceiver.sig], as(alice)), c, "ERC2981InvalidTokenRoyaltyReceiver");
    });

    it("maxSupply must be 0 on ERC-721; quantity 0 refused", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const m = await signed(c, { maxSupply: 5n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([m.v, O, m.sig], as(alice)), c, "VoucherMaxSupplyNotSupported", [5n]);
      const z = await signed(c, { quantity: 0n, uid: 2n });
      await viem.assertions.revertWithCustomError(c.write.redeem([z.v, O, z.sig], as(alice)), c, "VoucherZeroQuantity");
    });

    it("max supply is enforced for vouchers", async function () {
      const c = await viem.deployContract("MintkitCollection", [benchConfig(O, { maxSupply: 3n })]);
      await c.write.mint([A]);
      const { v, sig } = await signed(c, { quantity: 3n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, O, sig], as(alice)), c, "MaxSupplyExceeded", [3n, 2n, 3n]);
      const ok = await signed(c, { quantity: 2n, uid: 2n });
      await c.write.redeem([ok.v, O, ok.sig], as(alice));
      expect(await c.read.totalSupply()).to.equal(3n);
    });

    it("redeem to a contract checks onERC721Received", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const bad = await viem.deployContract("CollectionRejectingReceiver", [0]);
      const good = await viem.deployContract("CollectionAcceptingReceiver");
      const toBad = await signed(c, { to: bad.address });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([toBad.v, O, toBad.sig], as(alice)), c, "ERC721InvalidReceiver", [getAddress(bad.address)]);
      const toGood = await signed(c, { to: good.address, uid: 2n, quantity: 2n });
      await c.write.redeem([toGood.v, O, toGood.sig], as(alice));
      expect(await good.read.calls()).to.equal(2n);
      expect(await good.read.lastOperator()).to.equal(getAddress(A));
    });
  });

  describe("reserved ids (tokenId != 0)", function () {
    it("mints a reserved id once; refuses unreserved, minted, burned ids and quantity != 1", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      await c.write.mint([C]); // 1
      await c.write.reserve([3n]); // 2, 3, 4
      await c.write.mint([C]); // 5
      expect(await c.read.totalSupply()).to.equal(2n);
      const r3 = await signed(c, { tokenId: 3n, uri: "ipfs://one-of-one" });
      const tx = c.write.redeem([r3.v, O, r3.sig], as(alice));
      await viem.assertions.emitWithArgs(tx, c, "VoucherRedeemed", [1n, getAddress(O), getAddress(A), 3n, 1n]);
      expect(await c.read.ownerOf([3n])).to.equal(getAddress(A));
      expect(await c.read.tokenURI([3n])).to.equal("ipfs://one-of-one");
      expect(await c.read.totalSupply()).to.equal(3n);
      await viem.assertions.revertWithCustomError(c.read.ownerOf([2n]), c, "ERC721NonexistentToken");
      for (const [uid, tokenId] of [[2n, 3n], [3n, 1n], [4n, 5n], [5n, 6n], [6n, 999n]] as const) {
        const s = await signed(c, { tokenId, uid });
        await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([s.v, O, s.sig], as(alice)), c, "TokenNotReserved", [tokenId]);
      }
      await c.write.burn([3n], as(alice));
      const again = await signed(c, { tokenId: 3n, uid: 7n });
      await viem.assertions.revertWithCustomError(c.write.redeem([again.v, O, again.sig], as(alice)), c, "TokenNotReserved");
      const two = await signed(c, { tokenId: 2n, quantity: 2n, uid: 8n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([two.v, O, two.sig], as(alice)), c, "VoucherQuantityNotOne", [2n]);
      const r4 = await signed(c, { tokenId: 4n, uid: 9n, to: B });
      await c.write.redeem([r4.v, O, r4.sig], as(alice));
      expect(await c.read.ownerOf([4n])).to.equal(getAddress(B));
      expect(await c.read.totalSupply()).to.equal(3n); // 1, 5, 4 (3 burned, 2 still reserved)
    });

    it("ids of earlier reservations stay redeemable after later ones; batch-minted and unissued ids between them are refused", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      await c.write.reserve([3n]); // 1, 2, 3
      await c.write.mintBatch([C, 5n, 4n]); // 4..8 (a range record)
      await c.write.reserve([2n]); // 9, 10: the latest reservation
      await c.write.mintBatch([C, 3n, 11n]); // 11..13
      await c.write.mint([C]); // 14
      expect(await c.read.totalSupply()).to.equal(9n);
      let uid = 100n;
      for (const tokenId of [4n, 5n, 8n, 11n, 13n, 14n, 15n, 300n]) {
        const s = await signed(c, { tokenId, uid: uid++ });
        await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([s.v, O, s.sig], as(alice)), c, "TokenNotReserved", [tokenId]);
      }
      for (const tokenId of [2n, 10n]) {
        const s = await signed(c, { tokenId, uid: uid++ });
        await c.write.redeem([s.v, O, s.sig], as(alice));
        expect(await c.read.ownerOf([tokenId])).to.equal(getAddress(A));
      }
      expect(await c.read.totalSupply()).to.equal(11n);
      await c.write.reserve([1n]); // 15: 1, 3 and 9 are now older reservations
      for (const tokenId of [3n, 9n, 15n]) {
        const s = await signed(c, { tokenId, uid: uid++ });
        await c.write.redeem([s.v, O, s.sig], as(bob));
        expect(await c.read.ownerOf([tokenId])).to.equal(getAddress(B));
      }
      expect(await c.read.totalSupply()).to.equal(14n); // 1 is still reserved
      await c.write.burn([9n], as(bob));
      for (const tokenId of [2n, 9n, 15n]) {
        const s = await signed(c, { tokenId, uid: uid++ });
        await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([s.v, O, s.sig], as(alice)), c, "TokenNotReserved", [tokenId]);
      }
      expect([await c.read.totalSupply(), await c.read.totalBurned()]).to.deep.equal([13n, 1n]);
      const one = await signed(c, { tokenId: 1n, uid: uid++ });
      await c.write.redeem([one.v, O, one.sig], as(alice));
      expect(await c.read.totalSupply()).to.equal(14n);
    });

    it("a reserved id deep in a large reservation is found (bounded lookup)", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      await c.write.reserve([1_000n]);
      const s = await signed(c, { tokenId: 777n });
      await c.write.redeem([s.v, O, s.sig], as(alice));
      expect(await c.read.ownerOf([777n])).to.equal(getAddress(A));
      await viem.assertions.revertWithCustomError(c.read.ownerOf([776n]), c, "ERC721NonexistentToken");
    });
  });

  describe("security", function () {
    it("replay: the same uid cannot be spent twice (same or different voucher)", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c, { uid: 5n });
      await c.write.redeem([v, O, sig], as(alice));
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, O, sig], as(bob)), c, "VoucherAlreadyRedeemed", [5n]);
      const other = await signed(c, { uid: 5n, quantity: 2n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([other.v, O, other.sig], as(bob)), c, "VoucherAlreadyRedeemed", [5n]);
    });

    it("replay on another collection contract fails (domain binds verifyingContract)", async function () {
      const { c, other } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c);
      await c.write.redeem([v, O, sig], as(alice));
      await viem.assertions.revertWithCustomErrorWithArgs(other.write.redeem([v, O, sig], as(alice)), other, "VoucherInvalidSignature", [getAddress(O)]);
    });

    it("replay on another chain fails (domain binds chainId): signed for chain 1, and run on a chain with id 999", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const v = voucher();
      const forChain1 = await signVoucher(owner, c.address, 1, v);
      await viem.assertions.revertWithCustomError(c.write.redeem([v, O, forChain1], as(alice)), c, "VoucherInvalidSignature");
      // the same deployment on a second chain with another id: a voucher valid here is refused there
      const other = await network.create({ override: { chainId: 999 } });
      const wallets2 = await other.viem.getWalletClients();
      const [owner2, alice2] = [wallets2[0]!, wallets2[1]!];
      const pc2 = await other.viem.getPublicClient();
      expect(await pc2.getChainId()).to.equal(999);
      const c2 = await other.viem.deployContract("MintkitCollection", [benchConfig(owner2.account.address)]);
      expect(getAddress(c2.address)).to.equal(getAddress(c.address)); // same deployer + nonce: same address
      const sigHere = await signVoucher(owner, c.address, chainId, v);
      await viem.assertions.revertWithCustomError(
        c2.write.redeem([v, owner2.account.address, sigHere], { account: alice2.account }),
        c2,
        "VoucherInvalidSignature",
      );
      await c.write.redeem([v, O, sigHere], as(alice)); // valid on its own chain
    });

    it("window: not yet valid, expired; both bounds inclusive", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const now = BigInt(await networkHelpers.time.latest());
      const early = await signed(c, { validFrom: now + 100n });
      await viem.assertions.revertWithCustomError(c.write.redeem([early.v, O, early.sig], as(alice)), c, "VoucherNotYetValid");
      const late = await signed(c, { validUntil: now - 1n, uid: 2n });
      await viem.assertions.revertWithCustomError(c.write.redeem([late.v, O, late.sig], as(alice)), c, "VoucherExpired");
      await networkHelpers.time.setNextBlockTimestamp(now + 100n);
      await c.write.redeem([early.v, O, early.sig], as(alice)); // exactly validFrom
      const edge = await signed(c, { validFrom: now, validUntil: now + 200n, uid: 3n });
      await networkHelpers.time.setNextBlockTimestamp(now + 200n);
      await c.write.redeem([edge.v, O, edge.sig], as(alice)); // exactly validUntil
      const after = await signed(c, { validUntil: now + 200n, uid: 4n });
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([after.v, O, after.sig], as(alice)), c, "VoucherExpired", [now + 200n, now + 201n]);
    });

    it("wrong signer: a signature by someone else than the claimed signer is refused", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c, {}, alice);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, O, sig], as(bob)), c, "VoucherInvalidSignature", [getAddress(O)]);
      const tampered = { ...v, quantity: 2n };
      const good = await signed(c);
      await viem.assertions.revertWithCustomError(c.write.redeem([tampered, O, good.sig], as(bob)), c, "VoucherInvalidSignature");
      await viem.assertions.revertWithCustomError(c.write.redeem([v, O, "0x1234"], as(bob)), c, "VoucherInvalidSignature");
      // The uid is spent before the signature check, so a refusal must undo it: the same uid still redeems.
      expect(good.v.uid).to.equal(v.uid);
      expect(await c.read.isVoucherRedeemed([v.uid])).to.equal(false);
      await c.write.redeem([good.v, O, good.sig], as(bob));
      expect(await c.read.isVoucherRedeemed([v.uid])).to.equal(true);
    });

    it("a signer without the minter role is refused; granting it makes the voucher valid; revoking refuses again", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const M = minter.account.address;
      const { v, sig } = await signed(c, {}, minter);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([v, M, sig], as(bob)), c, "VoucherSignerNotMinter", [getAddress(M)]);
      await c.write.grantRole([MINTER_ROLE, M]);
      await c.write.redeem([v, M, sig], as(bob));
      await c.write.revokeRole([MINTER_ROLE, M]);
      const s2 = await signed(c, { uid: 2n }, minter);
      await viem.assertions.revertWithCustomError(c.write.redeem([s2.v, M, s2.sig], as(bob)), c, "VoucherSignerNotMinter");
    });

    it("ownership transfer moves signing power: the old owner's vouchers stop working", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c);
      await c.write.transferOwnership([B]);
      await c.write.acceptOwnership(as(bob));
      await viem.assertions.revertWithCustomError(c.write.redeem([v, O, sig], as(alice)), c, "VoucherSignerNotMinter");
      const byB = await signed(c, {}, bob);
      await c.write.redeem([byB.v, B, byB.sig], as(alice));
    });

    it("ERC-1271: a minter contract wallet's signature is accepted; a rejecting wallet is refused", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const wallet = await viem.deployContract("MockERC1271Wallet", [A, false]);
      const rejecting = await viem.deployContract("MockERC1271Wallet", [A, true]);
      await c.write.grantRole([MINTER_ROLE, wallet.address]);
      await c.write.grantRole([MINTER_ROLE, rejecting.address]);
      const { v, sig } = await signed(c, {}, alice); // the wallet's EOA signs
      await c.write.redeem([v, wallet.address, sig], as(bob));
      expect(await c.read.ownerOf([1n])).to.equal(getAddress(B));
      const s2 = await signed(c, { uid: 2n }, alice);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.redeem([s2.v, rejecting.address, s2.sig], as(bob)), c, "VoucherInvalidSignature", [getAddress(rejecting.address)]);
      // a wallet not holding the role is refused even with a valid signature
      const s3 = await signed(c, { uid: 3n }, alice);
      await c.write.revokeRole([MINTER_ROLE, wallet.address]);
      await viem.assertions.revertWithCustomError(c.write.redeem([s3.v, wallet.address, s3.sig], as(bob)), c, "VoucherSignerNotMinter");
    });

    it("a malleable (high-s) twin of a valid signature is refused", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const { v, sig } = await signed(c);
      await viem.assertions.revertWithCustomError(c.write.redeem([v, O, malleate(sig)], as(alice)), c, "VoucherInvalidSignature");
      await c.write.redeem([v, O, sig], as(alice));
    });

    it("reentrancy: a receiver re-entering redeem from onERC721Received is stopped by the guard", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const r = await viem.deployContract("CollectionReentrantReceiver");
      const inner = await signed(c, { to: r.address, uid: 2n });
      await r.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "redeem", args: [inner.v, O, inner.sig] }), true]);
      const outer = await signed(c, { to: r.address, uid: 1n });
      await viem.assertions.revertWithCustomError(c.write.redeem([outer.v, O, outer.sig], as(alice)), c, "ReentrancyGuardReentrantCall");
      // without bubbling, the inner call fails and the outer redemption completes alone
      await r.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "redeem", args: [inner.v, O, inner.sig] }), false]);
      await c.write.redeem([outer.v, O, outer.sig], as(alice));
      expect(await r.read.attempted()).to.equal(true);
      expect(await r.read.succeeded()).to.equal(false);
      expect(await c.read.balanceOf([r.address])).to.equal(1n);
      expect(await c.read.isVoucherRedeemed([2n])).to.equal(false);
      expect(await c.read.nextTokenId()).to.equal(2n);
    });

    it("reentrancy: a minter receiver re-entering mint during safeMint gets the next id; state stays consistent", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const r = await viem.deployContract("CollectionReentrantReceiver");
      await c.write.grantRole([MINTER_ROLE, r.address]);
      await r.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "safeMint", args: [r.address, "0x"] }), true]);
      await c.write.safeMint([r.address, "0x"]);
      expect(await c.read.ownerOf([1n])).to.equal(getAddress(r.address));
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(r.address));
      expect(await c.read.balanceOf([r.address])).to.equal(2n);
      expect(await c.read.totalSupply()).to.equal(2n);
      expect(await r.read.received()).to.equal(2n);
      // re-entering redeem during safeMintBatch: ids stay disjoint
      const v = await signed(c, { to: r.address, uid: 9n, quantity: 2n });
      await r.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "redeem", args: [v.v, O, v.sig] }), true]);
      await c.write.safeMintBatch([r.address, 3n, 3n, "0x"]); // ids 3-5, the redeem inside takes 6-7
      for (let id = 3n; id <= 7n; id++) expect(await c.read.ownerOf([id])).to.equal(getAddress(r.address));
      expect(await c.read.balanceOf([r.address])).to.equal(7n);
      expect(await c.read.nextTokenId()).to.equal(8n);
    });

    it("a non-minter receiver cannot mint by re-entering safeMint", async function () {
      const { c } = await networkHelpers.loadFixture(fixture);
      const r = await viem.deployContract("CollectionReentrantReceiver");
      await r.write.arm([c.address, encodeFunctionData({ abi: c.abi, functionName: "mint", args: [r.address] }), true]);
      await viem.assertions.revertWithCustomError(c.write.safeMint([r.address, "0x"]), c, "AccessControlUnauthorizedAccount");
    });
  });
});
