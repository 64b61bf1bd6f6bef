/**
 * Seaport 1.6 listings on Hardhat's in-process chain, with Seaport and its ConduitController installed at
 * their canonical addresses: build (royalty from royaltyInfo, marketplace fee), sign (EOA and ERC-1271),
 * verify (one code per problem), fulfil (basic-order path, balances exact), cancel one or all, and the
 * bad input refused before anything is signed.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, parseEther, zeroAddress, type Address } from "viem";
import {
  SEAPORT_V1_6_ADDRESS,
  approveSeaport,
  cancelListing,
  createListing,
  domainSeparatorOf,
  explainFulfilError,
  fulfilAbi,
  fulfilCall,
  fulfillListing,
  isMarketError,
  parseListing,
  seaportAbi,
  serializeListing,
  signListing,
  verifyListing,
  type MarketErrorCode,
  type SignedListing,
} from "../../src/index.js";
import { installSeaport } from "../../src/node.js";
import { PRICE, benchConfig, editionsConfig } from "./fixture.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, seller, buyer, artist, market, walletKey] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!, wallets[4]!, wallets[5]!];
const install = await installSeaport({ publicClient, walletClient: owner });
const addr = (w: typeof owner) => getAddress(w.account.address);
const [OWNER, SELLER, BUYER, ARTIST, MARKET] = [owner, seller, buyer, artist, market].map(addr) as [Address, Address, Address, Address, Address];
const chainId = await publicClient.getChainId();

async function rejects(promise: Promise<unknown>, code: MarketErrorCode): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(isMarketError(error, code), `expected ${code}, got ${String((error as Error).message)}`).to.equal(true);
    return error as Error;
  }
  expect.fail(`expected ${code}, nothing was thrown`);
}

async function fixture() {
  const collection = await viem.deployContract("MintkitCollection", [benchConfig(OWNER, { royaltyReceiver: ARTIST, royaltyBps: 500n })]);
  await collection.write.mint([SELLER]);
  await collection.write.mint([SELLER]);
  const tokenId = 1n;
  expect(getAddress(await collection.read.ownerOf([tokenId]))).to.equal(SELLER);
  const editions = await viem.deployContract("MintkitEditions", [editionsConfig(OWNER)]);
  const usd = await viem.deployContract("MockERC20");
  return { collection, editions, usd, tokenId };
}

async function listed(collection: Address, tokenId: bigint, extra: Partial<Parameters<typeof createListing>[1]> = {}) {
  const now = (await publicClient.getBlock()).timestamp;
  const draft = await createListing(publicClient, {
    seller: SELLER,
    collection,
    tokenId,
    price: PRICE,
    endTime: now + 7n * 86_400n,
    fee: { recipient: MARKET, bps: 250 },
    ...extra,
  });
  await approveSeaport(seller, publicClient, { collection });
  return { draft, listing: await signListing(seller, draft) };
}

const codes = (r: { problems: readonly { code: string }[] }) => r.problems.map((p) => p.code);

describe("market: Seaport 1.6 listings", () => {
  it("installs Seaport 1.6 and the ConduitController at their canonical addresses, with this chain's domain", async () => {
    expect(install.installed).to.equal(true);
    expect(install.seaport).to.equal(SEAPORT_V1_6_ADDRESS);
    const [version, domainSeparator, conduitController] = await publicClient.readContract({
      address: SEAPORT_V1_6_ADDRESS,
      abi: seaportAbi,
      functionName: "information",
    });
    expect(version).to.equal("1.6");
    expect(domainSeparator).to.equal(domainSeparatorOf(chainId, SEAPORT_V1_6_ADDRESS));
    expect(getAddress(conduitController)).to.equal("0x00000000F9490004C11Cef243f5400493c00Ad63");
    expect(await publicClient.readContract({ address: SEAPORT_V1_6_ADDRESS, abi: seaportAbi, functionName: "name" })).to.equal("Seaport");
    const again = await installSeaport({ publicClient, walletClient: owner });
    expect(again.installed).to.equal(false);
    expect(again.transactionHashes).to.deep.equal([]);
  });

  it("lists an ERC-721 with the royalty from royaltyInfo and a fee; a buyer fills it by the basic-order path", async () => {
    const { collection, tokenId } = await networkHelpers.loadFixture(fixture);
    const { draft, listing } = await listed(collection.address, tokenId);
    const [, royalty] = await collection.read.royaltyInfo([tokenId, PRICE]);
    expect(draft.royalty).to.deep.equal({ receiver: ARTIST, amount: royalty });
    expect(royalty).to.equal(PRICE / 20n);
    expect(draft.fee).to.deep.equal({ recipient: MARKET, amount: (PRICE * 250n) / 10_000n });
    expect(draft.sellerProceeds).to.equal(PRICE - royalty - (PRICE * 250n) / 10_000n);
    expect(listing.parameters.consideration.map((c) => c.recipient)).to.deep.equal([SELLER, ARTIST, MARKET]);

    const json = serializeListing(listing);
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).to.include.members(["parameters", "signature", "protocol_address"]);
    const back = parseListing(json);
    expect(back).to.deep.equal(listing);
    expect((await verifyListing(publicClient, { listing: back })).valid).to.equal(true);

    const before = await Promise.all([SELLER, ARTIST, MARKET].map((a) => publicClient.getBalance({ address: a })));
    const result = await fulfillListing(buyer, publicClient, { listing: back });
    expect(result.path).to.equal("fulfillBasicOrder_efficient_6GL6yc");
    expect(result.price).to.equal(PRICE);
    const after = await Promise.all([SELLER, ARTIST, MARKET].map((a) => publicClient.getBalance({ address: a })));
    expect(after[0]! - before[0]!).to.equal(draft.sellerProceeds);
    expect(after[1]! - before[1]!).to.equal(royalty);
    expect(after[2]! - before[2]!).to.equal((PRICE * 250n) / 10_000n);
    expect(getAddress(await collection.read.ownerOf([tokenId]))).to.equal(BUYER);
    const again = await verifyListing(publicClient, { listing: back });
    expect(codes(again)).to.include.members(["MARKET_FILLED", "MARKET_SELLER_NOT_HOLDER"]);
    await rejects(fulfillListing(buyer, publicClient, { listing: back }), "MARKET_FILLED");
  });

  it("verify: one code per problem (signature, counter, cancelled, approval, holder, expired, not started, chain, Seaport)", async () => {
    const { collection, tokenId } = await networkHelpers.loadFixture(fixture);
    const { listing } = await listed(collection.address, tokenId);
    const tampered: SignedListing = { ...listing, parameters: { ...listing.parameters, salt: listing.parameters.salt + 1n } };
    expect(codes(await verifyListing(publicClient, { listing: tampered }))).to.deep.equal(["MARKET_BAD_SIGNATURE"]);
    expect(codes(await verifyListing(publicClient, { listing: { ...listing, chainId: 1 } }))).to.deep.equal(["MARKET_WRONG_CHAIN"]);
    expect(codes(await verifyListing(publicClient, { listing: { ...listing, seaport: "0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC" } }))).to.deep.equal([
      "MARKET_WRONG_SEAPORT",
    ]);

    await collection.write.setApprovalForAll([SEAPORT_V1_6_ADDRESS, false], { account: seller.account });
    expect(codes(await verifyListing(publicClient, { listing }))).to.deep.equal(["MARKET_NOT_APPROVED"]);
    await rejects(fulfillListing(buyer, publicClient, { listing }), "MARKET_NOT_APPROVED");
    await collection.write.setApprovalForAll([SEAPORT_V1_6_ADDRESS, true], { account: seller.account });

    await collection.write.transferFrom([SELLER, OWNER, tokenId], { account: seller.account });
    expect(codes(await verifyListing(publicClient, { listing }))).to.deep.equal(["MARKET_SELLER_NOT_HOLDER"]);
    await collection.write.transferFrom([OWNER, SELLER, tokenId], { account: owner.account });

    const now = (await publicClient.getBlock()).timestamp;
    const later = await listed(collection.address, tokenId, { startTime: now + 3600n, endTime: now + 7200n });
    expect(codes(await verifyListing(publicClient, { listing: later.listing }))).to.deep.equal(["MARKET_NOT_STARTED"]);
    await networkHelpers.time.increaseTo(now + 7200n);
    expect(codes(await verifyListing(publicClient, { listing: later.listing }))).to.deep.equal(["MARKET_EXPIRED"]);
    expect(codes(await verifyListing(publicClient, { listing }))).to.deep.equal([]);

    // A Seaport revert is decoded in one place: too little ETH sent is Seaport's InsufficientNativeTokensSupplied.
    const short = await publicClient
      .simulateContract({ ...fulfilCall(listing), address: SEAPORT_V1_6_ADDRESS, abi: fulfilAbi, account: buyer.account, value: PRICE - 1n } as never)
      .catch((error: unknown) => error);
    const decoded = await explainFulfilError(publicClient, short, { listing, seaport: SEAPORT_V1_6_ADDRESS, account: BUYER, value: PRICE - 1n });
    expect(decoded?.code).to.equal("MARKET_FULFILL_REVERTED");
    expect((decoded?.details as { errorName?: string }).errorName).to.equal("InsufficientNativeTokensSupplied");

    const cancelled = await cancelListing(seller, publicClient, { listing });
    expect(cancelled.orderHash).to.equal((await verifyListing(publicClient, { listing })).orderHash);
    expect(codes(await verifyListing(publicClient, { listing }))).to.deep.equal(["MARKET_CANCELLED"]);
    await rejects(fulfillListing(buyer, publicClient, { listing }), "MARKET_CANCELLED");
    const onCancelled = await publicClient
      .simulateContract({ ...fulfilCall(listing), address: SEAPORT_V1_6_ADDRESS, abi: fulfilAbi, account: buyer.account, value: PRICE } as never)
      .catch((error: unknown) => error);
    expect((await explainFulfilError(publicClient, onCancelled, { listing, seaport: SEAPORT_V1_6_ADDRESS, account: BUYER, value: PRICE }))?.code).to.equal(
      "MARKET_CANCELLED",
    );

    const fresh = await listed(collection.address, tokenId);
    const all = await cancelListing(seller, publicClient, {});
    // Seaport 1.6 raises the counter by a quasi-random amount (the previous block hash's high 128 bits).
    expect(all.newCounter! > fresh.listing.parameters.counter).to.equal(true);
    expect(codes(await verifyListing(publicClient, { listing: fresh.listing }))).to.deep.equal(["MARKET_COUNTER_CHANGED"]);
    await rejects(fulfillListing(buyer, publicClient, { listing: fresh.listing }), "MARKET_COUNTER_CHANGED");
  });

  it("bad input is refused before anything is signed", async () => {
    const { collection, usd, tokenId } = await networkHelpers.loadFixture(fixture);
    const now = (await publicClient.getBlock()).timestamp;
    const base = { seller: SELLER, collection: collection.address, tokenId, price: PRICE, endTime: now + 86_400n };
    await rejects(createListing(publicClient, { ...base, seller: BUYER }), "MARKET_SELLER_NOT_HOLDER");
    await rejects(createListing(publicClient, { ...base, price: 0n }), "MARKET_FREE_LISTING");
    const free = await createListing(publicClient, { ...base, price: 0n, allowFree: true });
    expect(free.components.consideration.map((c) => c.startAmount)).to.deep.equal([0n]);
    await rejects(createListing(publicClient, { ...base, endTime: now - 1n }), "MARKET_EXPIRED");
    await rejects(createListing(publicClient, { ...base, currency: ARTIST }), "MARKET_CURRENCY_NOT_CONTRACT");
    await rejects(createListing(publicClient, { ...base, seaport: usd.address }), "MARKET_SEAPORT_NOT_DEPLOYED");
    await rejects(createListing(publicClient, { ...base, collection: usd.address }), "MARKET_NOT_A_TOKEN");
    await rejects(createListing(publicClient, { ...base, fee: { recipient: MARKET, bps: 9_600 } }), "MARKET_FEES_EXCEED_PRICE");
    await rejects(createListing(publicClient, { ...base, quantity: 2n }), "MARKET_INVALID_INPUT");
    const draft = await createListing(publicClient, base);
    await rejects(signListing(seller, { ...draft, chainId: 1 }), "MARKET_WRONG_CHAIN");
  });

  it("an ERC-20 listing: the buyer's balance and allowance shortfalls are said before sending, with the amount missing", async () => {
    const { collection, usd, tokenId } = await networkHelpers.loadFixture(fixture);
    const { listing, draft } = await listed(collection.address, tokenId, { currency: usd.address });
    expect(draft.currency).to.equal(getAddress(usd.address));
    await usd.write.mint([BUYER, PRICE - 5n]);
    const short = await rejects(fulfillListing(buyer, publicClient, { listing }), "MARKET_INSUFFICIENT_TOKEN_BALANCE");
    expect((short as unknown as { details: { missing: string } }).details.missing).to.equal("5");
    await usd.write.mint([BUYER, 5n]);
    await usd.write.approve([SEAPORT_V1_6_ADDRESS, PRICE - 1n], { account: buyer.account });
    const allowance = await rejects(fulfillListing(buyer, publicClient, { listing }), "MARKET_INSUFFICIENT_ALLOWANCE");
    expect((allowance as unknown as { details: { missing: string } }).details.missing).to.equal("1");
    await usd.write.approve([SEAPORT_V1_6_ADDRESS, PRICE], { account: buyer.account });
    const result = await fulfillListing(buyer, publicClient, { listing });
    expect(result.path).to.equal("fulfillBasicOrder_efficient_6GL6yc");
    expect(await usd.read.balanceOf([ARTIST])).to.equal(PRICE / 20n);
    expect(await usd.read.balanceOf([SELLER])).to.equal(draft.sellerProceeds);
    expect(getAddress(await collection.read.ownerOf([tokenId]))).to.equal(BUYER);
  });

  it("a buyer without enough ETH is told how much is missing before anything is sent", async () => {
    const { collection, tokenId } = await networkHelpers.loadFixture(fixture);
    const { listing } = await listed(collection.address, tokenId, { price: parseEther("20000") });
    const error = await rejects(fulfillListing(buyer, publicClient, { listing }), "MARKET_INSUFFICIENT_FUNDS");
    const { balance, missing } = (error as unknown as { details: { balance: string; missing: string } }).details;
    expect(BigInt(missing)).to.equal(parseEther("20000") - BigInt(balance));
  });

  it("lists ERC-1155 copies, and sells for an ERC-1271 contract wallet", async () => {
    const { editions, collection } = await networkHelpers.loadFixture(fixture);
    const wallet = await viem.deployContract("MockERC1271Wallet", [walletKey.account.address, false]);
    await editions.write.mint([SELLER, 7n, 5n, 0n, "0x"]);
    const { listing, draft } = await listed(editions.address, 7n, { quantity: 3n, fee: undefined });
    expect(draft.kind).to.equal("erc1155");
    await fulfillListing(buyer, publicClient, { listing });
    expect(await editions.read.balanceOf([BUYER, 7n])).to.equal(3n);

    await collection.write.mint([wallet.address]);
    const tokenId = 3n;
    await wallet.write.execute([collection.address, 0n, encodeApproval()], { account: walletKey.account });
    const now = (await publicClient.getBlock()).timestamp;
    const walletDraft = await createListing(publicClient, { seller: wallet.address, collection: collection.address, tokenId, price: PRICE, endTime: now + 86_400n });
    expect(walletDraft.approved).to.equal(true);
    const signed = await signListing(walletKey, walletDraft);
    expect((await verifyListing(publicClient, { listing: signed })).valid).to.equal(true);
    const forged = await signListing(buyer, walletDraft);
    expect(codes(await verifyListing(publicClient, { listing: forged }))).to.deep.equal(["MARKET_BAD_SIGNATURE"]);
    await rejects(fulfillListing(buyer, publicClient, { listing: forged }), "MARKET_BAD_SIGNATURE");
    const before = await publicClient.getBalance({ address: wallet.address });
    await fulfillListing(buyer, publicClient, { listing: signed });
    expect(getAddress(await collection.read.ownerOf([tokenId]))).to.equal(BUYER);
    expect((await publicClient.getBalance({ address: wallet.address })) - before).to.equal(walletDraft.sellerProceeds);
  });
});

function encodeApproval(): `0x${string}` {
  // setApprovalForAll(Seaport, true)
  return `0xa22cb465${SEAPORT_V1_6_ADDRESS.slice(2).toLowerCase().padStart(64, "0")}${"1".padStart(64, "0")}`;
}
void zeroAddress;
