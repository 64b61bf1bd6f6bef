/**
 * Interop with @opensea/seaport-js 4 (the client OpenSea's own tools use), both ways, on Seaport 1.6 at its
 * canonical address: an order made and signed by mintkit is fulfilled by seaport-js, and an order made by
 * seaport-js is verified and fulfilled by mintkit. The royalty receiver gets exactly royaltyInfo(price).
 */
import { Seaport } from "@opensea/seaport-js";
import { expect } from "chai";
import { BrowserProvider } from "ethers";
import { network } from "hardhat";
import { getAddress, type Address } from "viem";
import { approveSeaport, createListing, fulfillListing, listingToJson, parseListing, signListing, verifyListing } from "../../src/index.js";
import { installSeaport } from "../../src/node.js";
import { PRICE, benchConfig } from "./fixture.js";

const connection = await network.create();
const { viem, networkHelpers } = connection;
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, seller, buyer, artist] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!];
await installSeaport({ publicClient, walletClient: owner });
const addr = (w: typeof owner) => getAddress(w.account.address);
const [OWNER, SELLER, BUYER, ARTIST] = [owner, seller, buyer, artist].map(addr) as [Address, Address, Address, Address];
const provider = new BrowserProvider(connection.provider as never);
// seaport-js is CommonJS and types its ethers as the CommonJS build: the same ethers at run time.
const seaportAs = async (address: Address) => new Seaport((await provider.getSigner(address)) as never);

async function fixture() {
  const collection = await viem.deployContract("MintkitCollection", [benchConfig(OWNER, { royaltyReceiver: ARTIST, royaltyBps: 500n })]);
  await collection.write.mint([SELLER]);
  return { collection, tokenId: 1n };
}

describe("market: interop with @opensea/seaport-js", () => {
  it("an order made and signed by mintkit is fulfilled by seaport-js", async () => {
    const { collection, tokenId } = await networkHelpers.loadFixture(fixture);
    const now = (await publicClient.getBlock()).timestamp;
    const draft = await createListing(publicClient, { seller: SELLER, collection: collection.address, tokenId, price: PRICE, endTime: now + 86_400n });
    await approveSeaport(seller, publicClient, { collection: collection.address });
    const listing = await signListing(seller, draft);
    const order = listingToJson(listing);

    const seaport = await seaportAs(BUYER);
    expect(await seaport.getOrderHash(order.parameters as never)).to.equal((await verifyListing(publicClient, { listing })).orderHash);
    const [, royalty] = await collection.read.royaltyInfo([tokenId, PRICE]);
    const artistBefore = await publicClient.getBalance({ address: ARTIST });
    const sellerBefore = await publicClient.getBalance({ address: SELLER });
    const { executeAllActions } = await seaport.fulfillOrder({ order: order as never, accountAddress: BUYER });
    await (await executeAllActions()).wait();
    expect(getAddress(await collection.read.ownerOf([tokenId]))).to.equal(BUYER);
    expect((await publicClient.getBalance({ address: ARTIST })) - artistBefore).to.equal(royalty);
    expect((await publicClient.getBalance({ address: SELLER })) - sellerBefore).to.equal(PRICE - royalty);
  });

  it("an order made by seaport-js is verified and fulfilled by mintkit", async () => {
    const { collection, tokenId } = await networkHelpers.loadFixture(fixture);
    const [, royalty] = await collection.read.royaltyInfo([tokenId, PRICE]);
    const now = (await publicClient.getBlock()).timestamp;
    const seaport = await seaportAs(SELLER);
    const { executeAllActions } = await seaport.createOrder(
      {
        offer: [{ itemType: 2, token: collection.address, identifier: tokenId.toString() }],
        consideration: [{ amount: PRICE.toString(), recipient: SELLER }],
        fees: [{ recipient: ARTIST, basisPoints: 500 }],
        startTime: now.toString(),
        endTime: (now + 86_400n).toString(),
      },
      SELLER,
    );
    const order = await executeAllActions(); // approves Seaport for the collection, then signs
    const listing = parseListing(JSON.stringify(order));
    const verified = await verifyListing(publicClient, { listing });
    expect(verified.problems).to.deep.equal([]);
    expect(verified.price).to.equal(PRICE);
    expect(verified.orderHash).to.equal(await seaport.getOrderHash(order.parameters));

    const artistBefore = await publicClient.getBalance({ address: ARTIST });
    const sellerBefore = await publicClient.getBalance({ address: SELLER });
    const result = await fulfillListing(buyer, publicClient, { listing });
    expect(result.path).to.equal("fulfillBasicOrder_efficient_6GL6yc");
    expect(getAddress(await collection.read.ownerOf([tokenId]))).to.equal(BUYER);
    expect((await publicClient.getBalance({ address: ARTIST })) - artistBefore).to.equal(royalty);
    expect((await publicClient.getBalance({ address: SELLER })) - sellerBefore).to.equal(PRICE - royalty);
  });
});
