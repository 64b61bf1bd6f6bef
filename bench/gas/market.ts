/**
 * Seaport 1.6 (issue 12): `market_fulfill_721_eth_with_royalty`, the whole transaction in which a buyer fills
 * a listing of one ERC-721 token (mintkit's collection, the bench config: 500 bps royalty) for 1 ETH, whose
 * consideration pays the seller, the royalty receiver (royaltyInfo(price)) and a 250 bps marketplace fee.
 * The same signed order is filled by mintkit's `fulfillListing` and by @opensea/seaport-js 4's
 * `fulfillOrder`, each from the same snapshot; the gas of each receipt is the row.
 *
 * Seaport and its ConduitController are installed at their canonical addresses (`installSeaport`, mainnet's
 * creation code) inside the measurement's snapshot. Gas is exact: the order's fields are constants (times
 * around the pinned genesis, a fixed salt), the signature is deterministic (RFC 6979) and the buyer is a
 * fresh address; block timestamps do not enter the gas.
 */
import { Seaport } from "@opensea/seaport-js";
import { BrowserProvider, JsonRpcSigner } from "ethers";
import { parseEther, zeroAddress } from "viem";
import { createListing, fulfillListing, listingToJson, signListing } from "../../src/index.js";
import { installSeaport } from "../../src/node.js";
import { COLLECTION, GENESIS_TIMESTAMP, freshAddress } from "./config.js";
import type { Measurement } from "./measurements.js";

const PRICE = parseEther("1");
const FEE_BPS = 250;

export const MARKET_FULFILL: Measurement = {
  key: "market_fulfill_721_eth_with_royalty",
  title: "Seaport: buy a 721 listing (ETH, royalty + fee)",
  methodology:
    "receipt gas of the buyer's transaction filling one Seaport 1.6 listing (one ERC-721 of mintkit's collection for 1 ETH; " +
    "consideration: seller, royalty receiver = royaltyInfo(1 ETH) = 500 bps, 250 bps marketplace fee; no conduit, zone 0, " +
    "EOA signature). mintkit: fulfillListing (fulfillBasicOrder_efficient_6GL6yc). seaport_js: @opensea/seaport-js 4.3 " +
    "fulfillOrder of the same order (it picks fulfillBasicOrder). Same snapshot for both; the buyer is a fresh address.",
  async run(ctx) {
    const { chain, owner, holder } = ctx;
    return chain.isolated(async () => {
      const publicClient = chain.publicClient;
      await installSeaport({ publicClient, walletClient: owner });
      const { address: collection } = await chain.viem.deployContract("MintkitCollection", [{ ...COLLECTION, owner: owner.account.address, royaltyReceiver: owner.account.address, primarySaleRecipient: zeroAddress }]);
      const token = await chain.viem.getContractAt("MintkitCollection", collection);
      await token.write.mint([holder.account.address], { account: owner.account });
      const tokenId = 1n;
      const draft = await createListing(publicClient, {
        seller: holder.account.address,
        collection,
        tokenId,
        price: PRICE,
        startTime: GENESIS_TIMESTAMP - 86_400n,
        endTime: GENESIS_TIMESTAMP + 10n * 365n * 86_400n,
        fee: { recipient: freshAddress("market fee recipient"), bps: FEE_BPS },
        salt: 0x6d696e746b6974n,
      });
      if (draft.royalty === undefined) throw new Error("the bench collection pays no royalty");
      await token.write.setApprovalForAll([draft.seaport, true], { account: holder.account });
      const listing = await signListing(holder, draft);
      const buyerAddress = freshAddress("market buyer");
      const buyer = await chain.impersonate(buyerAddress);

      const row: Record<string, number> = {};
      await chain.isolated(async () => {
        const result = await fulfillListing(buyer, publicClient, { listing });
        row.mintkit = Number(result.gasUsed);
      });
      await chain.isolated(async () => {
        const provider = new BrowserProvider(chain.connection.provider as never);
        // The buyer is impersonated (not in eth_accounts), so its signer is made directly.
        const seaport = new Seaport(new JsonRpcSigner(provider, buyerAddress) as never);
        const { executeAllActions } = await seaport.fulfillOrder({ order: listingToJson(listing) as never, accountAddress: buyerAddress });
        const receipt = await (await executeAllActions()).wait();
        if (receipt === null || receipt.status !== 1) throw new Error("seaport-js's fulfilment failed");
        row.seaport_js = Number(receipt.gasUsed);
      });
      return row;
    });
  },
  target: (results) => {
    const peer = results["market_fulfill_721_eth_with_royalty"]?.["seaport_js"];
    return peer === undefined ? undefined : { limit: peer, text: "<= seaport-js" };
  },
};
