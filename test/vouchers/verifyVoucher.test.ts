/**
 * verifyVoucher (off-chain checks against the chain), simulateRedeem and redeemVoucher (decoded reverts),
 * on Hardhat's in-process chain, for the ERC-721 collection and the ERC-1155 editions, with EOA and
 * ERC-1271 signers.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { createPublicClient, createWalletClient, getAddress, http, keccak256, parseEther, toHex, type Address, type Hex } from "viem";
import { privateKeyToAccount, toAccount } from "viem/accounts";
import {
  MINTER_ROLE,
  createVoucher,
  isVoucherError,
  recoverVoucherSigner,
  redeemVoucher,
  signVoucher,
  simulateRedeem,
  verifyVoucher,
  verifyVoucherSignature,
  type Voucher,
  type VoucherErrorCode,
} from "../../src/index.js";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";
import { malleate } from "../helpers/vouchers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, buyer, minter, stranger, walletKey] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!, wallets[4]!];
const OWNER = getAddress(owner.account.address);
const BUYER = getAddress(buyer.account.address);
const MINTER = getAddress(minter.account.address);
const STRANGER = getAddress(stranger.account.address);
const chainId = await publicClient.getChainId();
const PRICE = parseEther("0.01");

async function fixture() {
  const collection = await viem.deployContract("MintkitCollection", [benchConfig(OWNER)]);
  const other = await viem.deployContract("MintkitCollection", [benchConfig(OWNER)]);
  const editions = await viem.deployContract("MintkitEditions", [editionsConfig(OWNER)]);
  const token = await viem.deployContract("MockERC20");
  const wallet = await viem.deployContract("MockERC1271Wallet", [walletKey.account.address, false]);
  const rejecting = await viem.deployContract("MockERC1271Wallet", [walletKey.account.address, true]);
  for (const account of [MINTER, wallet.address, rejecting.address]) {
    await collection.write.grantRole([MINTER_ROLE, account]);
    await editions.write.grantRole([MINTER_ROLE, account]);
  }
  return { collection, other, editions, token, wallet, rejecting };
}

/** Signs `voucher` for `contract` with `by` (default the owner), for this chain unless `forChainId`. */
async function sign(contract: Address, fields: Partial<Voucher> & { uid: bigint }, by = owner, forChainId = chainId) {
  const voucher = createVoucher(fields, { allowFreeBearer: true });
  const signature = await signVoucher(by, { voucher, contract, chainId: forChainId });
  return { voucher, signature, signer: getAddress(by.account.address), contract };
}

const codes = (result: { problems: readonly { code: string }[] }) => result.problems.map((p) => p.code);

async function expectVoucherError(promise: Promise<unknown>, code: VoucherErrorCode, hint?: RegExp) {
  try {
    await promise;
  } catch (error) {
    expect(isVoucherError(error), String(error)).to.equal(true);
    expect((error as { code: string }).code, (error as Error).message).to.equal(code);
    if (hint) expect((error as { hint: string }).hint).to.match(hint);
    return error;
  }
  expect.fail(`expected a VoucherError ${code}`);
}

describe("verifyVoucher / simulateRedeem / redeemVoucher", function () {
  describe("valid vouchers", function () {
    it("an EOA minter's voucher on the collection: valid, simulated, redeemed with its token ids and gas", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n, quantity: 3n, price: PRICE }, minter);
      const result = await verifyVoucher(publicClient, signed);
      expect(result.problems).to.deep.equal([]);
      expect(result.valid).to.equal(true);
      expect(result.kind).to.equal("erc721");
      expect(result.chainId).to.equal(chainId);

      const simulation = await simulateRedeem(publicClient, { ...signed, account: buyer.account });
      expect(simulation.tokenIds).to.deep.equal([1n, 2n, 3n]);
      expect(simulation.value).to.equal(PRICE * 3n);
      expect(simulation.recipient).to.equal(BUYER);
      expect(simulation.gas > 0n).to.equal(true);

      const before = await publicClient.getBalance({ address: OWNER });
      const redeemed = await redeemVoucher(buyer, publicClient, signed);
      expect(redeemed.tokenIds).to.deep.equal([1n, 2n, 3n]);
      expect(redeemed.kind).to.equal("erc721");
      expect(redeemed.recipient).to.equal(BUYER);
      expect(redeemed.gasUsed > 0n && redeemed.gasUsed <= simulation.gas).to.equal(true);
      const receipt = await publicClient.getTransactionReceipt({ hash: redeemed.transactionHash });
      expect(receipt.gasUsed).to.equal(redeemed.gasUsed);
      for (const id of [1n, 2n, 3n]) expect(await collection.read.ownerOf([id])).to.equal(BUYER);
      expect(await publicClient.getBalance({ address: OWNER })).to.equal(before + PRICE * 3n);
    });

    it("an ERC-1271 contract wallet's voucher (signed by its key): valid off-chain, redeemed on-chain", async function () {
      const { collection, wallet } = await networkHelpers.loadFixture(fixture);
      const voucher = createVoucher({ uid: 7n }, { allowFreeBearer: true });
      const signature = await signVoucher(walletKey, { voucher, contract: collection.address, chainId });
      const signed = { voucher, signature, signer: wallet.address, contract: collection.address };
      // Off-chain ECDSA alone finds the key, not the wallet: ERC-1271 needs the chain.
      expect(await recoverVoucherSigner({ voucher, signature, contract: collection.address, chainId })).to.equal(
        getAddress(walletKey.account.address),
      );
      expect(await verifyVoucherSignature(publicClient, signed)).to.equal(true);
      const result = await verifyVoucher(publicClient, signed);
      expect(result.problems).to.deep.equal([]);
      const redeemed = await redeemVoucher(buyer, publicClient, signed);
      expect(redeemed.tokenIds).to.deep.equal([1n]);
      expect(await collection.read.ownerOf([1n])).to.equal(BUYER);
    });

    it("an editions voucher creating an id with 5 copies: one token id, quantity 5", async function () {
      const { editions } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(editions.address, { uid: 3n, quantity: 5n, maxSupply: 10n });
      const result = await verifyVoucher(publicClient, signed);
      expect(result.problems).to.deep.equal([]);
      expect(result.kind).to.equal("erc1155");
      const simulation = await simulateRedeem(publicClient, { ...signed, account: buyer.account.address });
      expect(simulation.kind).to.equal("erc1155");
      expect(simulation.tokenIds).to.deep.equal([1n]);
      const redeemed = await redeemVoucher(buyer, publicClient, signed);
      expect(redeemed.tokenIds).to.deep.equal([1n]);
      expect(redeemed.quantity).to.equal(5n);
      expect(await editions.read.balanceOf([BUYER, 1n])).to.equal(5n);
    });

    it("an ERC-20 priced voucher: unapproved -> VOUCHER_INSUFFICIENT_ALLOWANCE saying to approve; approved -> paid and minted", async function () {
      const { collection, token } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 4n, quantity: 2n, price: 250n, currency: token.address });
      expect((await verifyVoucher(publicClient, signed)).problems).to.deep.equal([]);
      await token.write.mint([BUYER, 1_000n]);
      const error = await expectVoucherError(
        simulateRedeem(publicClient, { ...signed, account: buyer.account }),
        "VOUCHER_INSUFFICIENT_ALLOWANCE",
        /approve\(/i,
      );
      expect((error as { details: { needed: string; spender: string } }).details).to.include({
        needed: "500",
        spender: getAddress(collection.address),
      });
      await expectVoucherError(redeemVoucher(buyer, publicClient, signed), "VOUCHER_INSUFFICIENT_ALLOWANCE");
      expect(await collection.read.nextTokenId()).to.equal(1n); // nothing sent

      await token.write.approve([collection.address, 500n], { account: buyer.account });
      await expectVoucherError(
        simulateRedeem(publicClient, { ...signed, account: buyer.account, value: 1n }),
        "VOUCHER_WRONG_PAYMENT",
        /send no ETH/,
      );
      const redeemed = await redeemVoucher(buyer, publicClient, signed);
      expect(redeemed.tokenIds).to.deep.equal([1n, 2n]);
      expect(await token.read.balanceOf([OWNER])).to.equal(500n);
      expect(await token.read.balanceOf([BUYER])).to.equal(500n);
    });

    it("an ERC-20 priced voucher the redeemer cannot pay: VOUCHER_INSUFFICIENT_TOKEN_BALANCE", async function () {
      const { collection, token } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 4n, price: 250n, currency: token.address });
      await token.write.mint([BUYER, 100n]);
      await token.write.approve([collection.address, 250n], { account: buyer.account });
      await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_INSUFFICIENT_TOKEN_BALANCE");
    });
  });

  describe("each refusal has its own code, off-chain and on-chain", function () {
    it("expired: VOUCHER_EXPIRED from verify and from the simulated revert", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const now = (await publicClient.getBlock()).timestamp;
      const signed = await sign(collection.address, { uid: 1n, validUntil: now - 1n });
      const result = await verifyVoucher(publicClient, signed);
      expect(codes(result)).to.deep.equal(["VOUCHER_EXPIRED"]);
      expect(result.valid).to.equal(false);
      expect(result.problems[0]!.hint).to.match(/new voucher/);
      await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_EXPIRED");
    });

    it("not yet valid, then valid after time passes", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const now = (await publicClient.getBlock()).timestamp;
      const signed = await sign(collection.address, { uid: 1n, validFrom: now + 3600n, validUntil: now + 7200n });
      expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_NOT_YET_VALID"]);
      const error = await expectVoucherError(redeemVoucher(buyer, publicClient, signed), "VOUCHER_NOT_YET_VALID", /Redeem at or after/);
      expect((error as { details: { validFrom: string } }).details.validFrom).to.equal(String(now + 3600n));
      await networkHelpers.time.increase(3600);
      expect((await verifyVoucher(publicClient, signed)).valid).to.equal(true);
      await redeemVoucher(buyer, publicClient, signed);
      await networkHelpers.time.increase(7200);
      expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_EXPIRED", "VOUCHER_ALREADY_REDEEMED"]);
    });

    it("the window is judged for the next block (latest timestamp + 1), as the contract will see it", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const T = (await publicClient.getBlock()).timestamp + 100n;
      await networkHelpers.time.increaseTo(T);
      expect((await publicClient.getBlock()).timestamp).to.equal(T);
      // Ends at the latest block's second: any redeem lands at T + 1 or later, past it.
      const endsNow = await sign(collection.address, { uid: 1n, validUntil: T });
      const ended = await verifyVoucher(publicClient, endsNow);
      expect(codes(ended)).to.deep.equal(["VOUCHER_EXPIRED"]);
      expect(ended.problems[0]!.details).to.deep.equal({ validUntil: String(T), now: String(T) });
      // Opens two seconds on: still closed for the next block.
      const opensLater = await sign(collection.address, { uid: 2n, validFrom: T + 2n });
      expect(codes(await verifyVoucher(publicClient, opensLater))).to.deep.equal(["VOUCHER_NOT_YET_VALID"]);
      // Open exactly during the next block's second (from = until = T + 1): valid, and the contract agrees.
      const nextSecond = await sign(collection.address, { uid: 3n, validFrom: T + 1n, validUntil: T + 1n });
      expect((await verifyVoucher(publicClient, nextSecond)).problems).to.deep.equal([]);
      // Sent as is (an eth_call at `latest` runs at time T, so no pre-simulation), mined at T + 1.
      await networkHelpers.time.setNextBlockTimestamp(T + 1n);
      const hash = await collection.write.redeem([nextSecond.voucher, nextSecond.signer, nextSecond.signature], {
        account: buyer.account,
        gas: 1_000_000n,
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).to.equal("success");
      expect((await publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp).to.equal(T + 1n);
      expect(await collection.read.ownerOf([1n])).to.equal(BUYER);
    });

    it("an empty window (ends before it opens): VOUCHER_EMPTY_WINDOW", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n, validFrom: 2_000_000_000n, validUntil: 1_900_000_000n });
      expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_EMPTY_WINDOW"]);
    });

    it("replayed: the second redemption is VOUCHER_ALREADY_REDEEMED, nothing sent", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 9n });
      await redeemVoucher(buyer, publicClient, signed);
      expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_ALREADY_REDEEMED"]);
      const nonce = await publicClient.getTransactionCount({ address: BUYER });
      await expectVoucherError(redeemVoucher(buyer, publicClient, signed), "VOUCHER_ALREADY_REDEEMED", /new uid/);
      expect(await publicClient.getTransactionCount({ address: BUYER })).to.equal(nonce);
    });

    it("signed for another chain: VOUCHER_WRONG_CHAIN (named by the file, or found among well-known chains); on-chain an invalid signature", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const mainnet = await sign(collection.address, { uid: 1n }, owner, 1);
      const byProbe = await verifyVoucher(publicClient, mainnet);
      expect(codes(byProbe)).to.deep.equal(["VOUCHER_WRONG_CHAIN"]);
      expect(byProbe.problems[0]!.details).to.deep.equal({ signedFor: 1, chainId });
      const declared = await sign(collection.address, { uid: 1n }, owner, 999_999);
      expect(codes(await verifyVoucher(publicClient, { ...declared, signedFor: { chainId: 999_999 } }))).to.deep.equal([
        "VOUCHER_WRONG_CHAIN",
      ]);
      // Not declared and not a well-known chain: just an invalid signature.
      expect(codes(await verifyVoucher(publicClient, declared))).to.deep.equal(["VOUCHER_INVALID_SIGNATURE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...mainnet, account: buyer.account }), "VOUCHER_INVALID_SIGNATURE");
    });

    it("signed for another contract: VOUCHER_WRONG_CONTRACT when the voucher names it, else an invalid signature", async function () {
      const { collection, other } = await networkHelpers.loadFixture(fixture);
      const forOther = await sign(other.address, { uid: 1n });
      const atCollection = { ...forOther, contract: collection.address };
      const result = await verifyVoucher(publicClient, { ...atCollection, signedFor: { chainId, contract: other.address } });
      expect(codes(result)).to.deep.equal(["VOUCHER_WRONG_CONTRACT"]);
      expect(result.problems[0]!.hint).to.contain(getAddress(other.address));
      expect(codes(await verifyVoucher(publicClient, atCollection))).to.deep.equal(["VOUCHER_INVALID_SIGNATURE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...atCollection, account: buyer.account }), "VOUCHER_INVALID_SIGNATURE");
      expect((await verifyVoucher(publicClient, forOther)).valid).to.equal(true);
    });

    it("signed by another minter than the one named: VOUCHER_WRONG_SIGNER (and not a minter, if so)", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const byOwner = await sign(collection.address, { uid: 1n });
      const namesMinter = await verifyVoucher(publicClient, { ...byOwner, signer: MINTER });
      expect(codes(namesMinter)).to.deep.equal(["VOUCHER_WRONG_SIGNER"]);
      expect(namesMinter.problems[0]!.details).to.deep.equal({ signer: MINTER, recovered: OWNER });
      expect(codes(await verifyVoucher(publicClient, { ...byOwner, signer: STRANGER }))).to.deep.equal([
        "VOUCHER_WRONG_SIGNER",
        "VOUCHER_SIGNER_NOT_MINTER",
      ]);
      await expectVoucherError(
        simulateRedeem(publicClient, { ...byOwner, signer: MINTER, account: buyer.account }),
        "VOUCHER_INVALID_SIGNATURE",
      );
    });

    it("a signer without the minter role: VOUCHER_SIGNER_NOT_MINTER with the grant in the hint", async function () {
      const { collection, editions } = await networkHelpers.loadFixture(fixture);
      for (const contract of [collection.address, editions.address]) {
        const signed = await sign(contract, { uid: 1n }, stranger);
        const result = await verifyVoucher(publicClient, signed);
        expect(codes(result)).to.deep.equal(["VOUCHER_SIGNER_NOT_MINTER"]);
        expect(result.problems[0]!.hint).to.match(/MINTER_ROLE/);
        await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_SIGNER_NOT_MINTER");
      }
    });

    it("a tampered field (price lowered after signing): VOUCHER_INVALID_SIGNATURE", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n, price: PRICE });
      const tampered = { ...signed, voucher: { ...signed.voucher, price: 1n } };
      expect(codes(await verifyVoucher(publicClient, tampered))).to.deep.equal(["VOUCHER_INVALID_SIGNATURE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...tampered, account: buyer.account }), "VOUCHER_INVALID_SIGNATURE");
    });

    it("the malleable high-s twin of a valid signature is refused, as the contract refuses it", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n });
      const twin = { ...signed, signature: malleate(signed.signature) };
      expect(await recoverVoucherSigner({ ...twin, chainId })).to.equal(undefined);
      expect(codes(await verifyVoucher(publicClient, twin))).to.deep.equal(["VOUCHER_INVALID_SIGNATURE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...twin, account: buyer.account }), "VOUCHER_INVALID_SIGNATURE");
    });

    it("an ERC-1271 wallet that refuses the signature, or that is not a minter", async function () {
      const { collection, rejecting } = await networkHelpers.loadFixture(fixture);
      const voucher = createVoucher({ uid: 1n }, { allowFreeBearer: true });
      const signature = await signVoucher(walletKey, { voucher, contract: collection.address, chainId });
      const refused = { voucher, signature, signer: rejecting.address, contract: collection.address };
      expect(codes(await verifyVoucher(publicClient, refused))).to.deep.equal(["VOUCHER_INVALID_SIGNATURE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...refused, account: buyer.account }), "VOUCHER_INVALID_SIGNATURE");
      const unlisted = await viem.deployContract("MockERC1271Wallet", [walletKey.account.address, false]);
      const notMinter = { ...refused, signer: unlisted.address };
      expect(codes(await verifyVoucher(publicClient, notMinter))).to.deep.equal(["VOUCHER_SIGNER_NOT_MINTER"]);
    });

    it("an ERC-1271 wallet whose isValidSignature writes state: refused off-chain, as the contract's STATICCALL refuses it", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      // Hand-assembled wallet: SSTORE(0, 1), then answers the ERC-1271 magic value to anything.
      const runtime = "6001600055" + "7f1626ba7e" + "00".repeat(28) + "600052" + "60206000f3";
      const initcode = `0x602e80600b6000396000f3${runtime}` as Hex;
      expect(runtime.length / 2).to.equal(0x2e);
      const hash = await owner.deployContract({ abi: [], bytecode: initcode });
      const writer = getAddress((await publicClient.waitForTransactionReceipt({ hash })).contractAddress!);
      await collection.write.grantRole([MINTER_ROLE, writer]);
      // A plain eth_call lets it write and answer the magic value…
      const voucher = createVoucher({ uid: 1n }, { allowFreeBearer: true });
      const signature = await signVoucher(walletKey, { voucher, contract: collection.address, chainId });
      const plain = await publicClient.call({
        to: writer,
        data: "0x1626ba7e0000000000000000000000000000000000000000000000000000000000000000",
      });
      expect(plain.data?.slice(0, 10)).to.equal("0x1626ba7e");
      // …but the contract asks with STATICCALL, where the write reverts: so does verify.
      const signed = { voucher, signature, signer: writer, contract: collection.address };
      expect(await verifyVoucherSignature(publicClient, signed)).to.equal(false);
      expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_INVALID_SIGNATURE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_INVALID_SIGNATURE");
    });

    it("wrong ETH payment: VOUCHER_WRONG_PAYMENT with the exact amount in the hint", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n, price: PRICE, quantity: 2n });
      const error = await expectVoucherError(
        simulateRedeem(publicClient, { ...signed, account: buyer.account, value: PRICE }),
        "VOUCHER_WRONG_PAYMENT",
        new RegExp(`exactly ${PRICE * 2n} wei`),
      );
      expect((error as { details: object }).details).to.deep.equal({ expected: String(PRICE * 2n), sent: String(PRICE), currency: "ETH" });
    });

    it("a redeemer with too little ETH: VOUCHER_INSUFFICIENT_FUNDS", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n, price: parseEther("1000000") });
      await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_INSUFFICIENT_FUNDS");
    });

    it("priced with no payee after the owner renounced: VOUCHER_NO_PAYEE", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      await collection.write.renounceOwnership();
      const signed = await sign(collection.address, { uid: 1n, price: PRICE }, minter);
      expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_NO_PAYEE"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_NO_PAYEE");
    });

    it("collection supply and field rules: max supply, maxSupply field, one token per reserved id", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const tooMany = await sign(collection.address, { uid: 1n, quantity: 10_001n });
      expect(codes(await verifyVoucher(publicClient, tooMany))).to.deep.equal(["VOUCHER_MAX_SUPPLY_EXCEEDED"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...tooMany, account: buyer.account }), "VOUCHER_MAX_SUPPLY_EXCEEDED");
      const withCap = await sign(collection.address, { uid: 2n, maxSupply: 5n });
      expect(codes(await verifyVoucher(publicClient, withCap))).to.deep.equal(["VOUCHER_MAX_SUPPLY_NOT_SUPPORTED"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...withCap, account: buyer.account }), "VOUCHER_MAX_SUPPLY_NOT_SUPPORTED");
      const unreserved = await sign(collection.address, { uid: 3n, tokenId: 50n });
      expect(codes(await verifyVoucher(publicClient, unreserved))).to.deep.equal(["VOUCHER_TOKEN_NOT_RESERVED"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...unreserved, account: buyer.account }), "VOUCHER_TOKEN_NOT_RESERVED");
      await collection.write.reserve([2n]);
      const reserved = await sign(collection.address, { uid: 4n, tokenId: 2n });
      expect((await verifyVoucher(publicClient, reserved)).problems).to.deep.equal([]);
      expect((await redeemVoucher(buyer, publicClient, reserved)).tokenIds).to.deep.equal([2n]);
      const twoOfReserved = await sign(collection.address, { uid: 5n, tokenId: 1n, quantity: 2n });
      expect(codes(await verifyVoucher(publicClient, twoOfReserved))).to.deep.equal(["VOUCHER_QUANTITY_NOT_ONE"]);
    });

    it("editions caps: an existing capped id with too few copies left, a mismatching cap", async function () {
      const { editions } = await networkHelpers.loadFixture(fixture);
      await redeemVoucher(buyer, publicClient, await sign(editions.address, { uid: 1n, tokenId: 5n, quantity: 8n, maxSupply: 10n }));
      const tooMany = await sign(editions.address, { uid: 2n, tokenId: 5n, quantity: 3n });
      const result = await verifyVoucher(publicClient, tooMany);
      expect(codes(result)).to.deep.equal(["VOUCHER_MAX_SUPPLY_EXCEEDED"]);
      expect(result.problems[0]!.details).to.deep.equal({ tokenId: "5", maxSupply: "10", available: "2", requested: "3" });
      const error = await expectVoucherError(simulateRedeem(publicClient, { ...tooMany, account: buyer.account }), "VOUCHER_MAX_SUPPLY_EXCEEDED");
      expect((error as { details: object }).details).to.deep.equal({ tokenId: "5", maxSupply: "10", available: "2", requested: "3" });
      const otherCap = await sign(editions.address, { uid: 3n, tokenId: 5n, maxSupply: 20n });
      expect(codes(await verifyVoucher(publicClient, otherCap))).to.deep.equal(["VOUCHER_MAX_SUPPLY_MISMATCH"]);
      await expectVoucherError(simulateRedeem(publicClient, { ...otherCap, account: buyer.account }), "VOUCHER_MAX_SUPPLY_MISMATCH");
      const otherUri = await sign(editions.address, { uid: 4n, tokenId: 5n, uri: "ipfs://another" });
      await expectVoucherError(simulateRedeem(publicClient, { ...otherUri, account: buyer.account }), "VOUCHER_URI_MISMATCH");
    });

    it("a royalty over the bound: VOUCHER_INVALID_ROYALTY, both kinds", async function () {
      const { collection, editions } = await networkHelpers.loadFixture(fixture);
      for (const contract of [collection.address, editions.address]) {
        const signed = await sign(contract, { uid: 1n, royaltyReceiver: OWNER, royaltyBps: 1_001n });
        expect(codes(await verifyVoucher(publicClient, signed))).to.deep.equal(["VOUCHER_INVALID_ROYALTY"]);
        await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_INVALID_ROYALTY");
      }
    });

    it("lists every problem at once, each with its own code; the simulation names the first the contract meets", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n, quantity: 0n, validUntil: 1n, currency: STRANGER, price: 1n }, stranger);
      expect(codes(await verifyVoucher(publicClient, signed)).sort()).to.deep.equal(
        ["VOUCHER_ZERO_QUANTITY", "VOUCHER_EXPIRED", "VOUCHER_SIGNER_NOT_MINTER", "VOUCHER_CURRENCY_NOT_CONTRACT"].sort(),
      );
      await expectVoucherError(simulateRedeem(publicClient, { ...signed, account: buyer.account }), "VOUCHER_ZERO_QUANTITY");
    });
  });

  describe("signing", function () {
    it("a wallet giving v as 0/1 gets a 27/28 signature back, which recovers (the contracts' ecrecover needs 27/28)", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const key = privateKeyToAccount(keccak256(toHex("mintkit v01 wallet")));
      const v01Wallet = toAccount({
        address: key.address,
        signMessage: (args) => key.signMessage(args),
        signTransaction: (tx) => key.signTransaction(tx),
        signTypedData: async (args) => {
          const sig = await key.signTypedData(args);
          return `${sig.slice(0, 130)}${sig.endsWith("1b") ? "00" : "01"}` as Hex;
        },
      });
      const voucher = createVoucher({ uid: 1n }, { allowFreeBearer: true });
      const client = createWalletClient({ account: v01Wallet, transport: http("http://127.0.0.1:9") }); // never reached
      const signature = await signVoucher(client, { voucher, contract: collection.address, chainId });
      expect(["1b", "1c"]).to.include(signature.slice(130));
      expect(await recoverVoucherSigner({ voucher, signature, contract: collection.address, chainId })).to.equal(key.address);
      const raw = `${signature.slice(0, 130)}${signature.endsWith("1b") ? "00" : "01"}` as Hex;
      expect(await recoverVoucherSigner({ voucher, signature: raw, contract: collection.address, chainId })).to.equal(undefined);
    });
  });

  describe("bad input and faults", function () {
    it("malformed fields are problems, not exceptions", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n });
      const bad = {
        ...signed,
        voucher: { ...signed.voucher, quantity: -1n, validUntil: 1n << 64n, to: "0x1234" as Address },
        signature: "0xzz" as Hex,
      };
      const result = await verifyVoucher(publicClient, bad);
      expect(result.valid).to.equal(false);
      expect(result.problems.map((p) => (p.details as { path: string }).path).sort()).to.deep.equal(
        ["voucher.quantity", "voucher.validUntil", "voucher.to", "signature"].sort(),
      );
      expect(codes(result).every((c) => c === "VOUCHER_INVALID_FIELD")).to.equal(true);
    });

    it("no contract at the address, or not a mintkit token contract", async function () {
      const { token } = await networkHelpers.loadFixture(fixture);
      const atEoa = await sign(STRANGER, { uid: 1n });
      expect(codes(await verifyVoucher(publicClient, atEoa))).to.deep.equal(["VOUCHER_CONTRACT_NOT_FOUND"]);
      const atToken = await sign(token.address, { uid: 1n });
      expect(codes(await verifyVoucher(publicClient, atToken))).to.deep.equal(["VOUCHER_NOT_A_VOUCHER_CONTRACT"]);
    });

    it("an unreachable chain: VOUCHER_RPC_FAILED (verify, simulate)", async function () {
      const { collection } = await networkHelpers.loadFixture(fixture);
      const signed = await sign(collection.address, { uid: 1n });
      const down = createPublicClient({ transport: http("http://127.0.0.1:9", { retryCount: 0, timeout: 2_000 }) });
      await expectVoucherError(verifyVoucher(down, signed), "VOUCHER_RPC_FAILED", /RPC URL/);
      await expectVoucherError(simulateRedeem(down, { ...signed, account: BUYER }), "VOUCHER_RPC_FAILED");
    });
  });
});
