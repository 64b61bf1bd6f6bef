import { erc20Abi, zeroAddress, type Address } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import type { SignedListing } from "../market/orderTypes.js";
import type { Voucher } from "../vouchers/voucherTypes.js";
import { contractKind } from "./contractKind.js";
import {
  COLD_SLOAD_GAS,
  NO_HEADROOM,
  SLOT_CREATED_GAS,
  SLOT_OPENED_GAS,
  toHeadroom,
  type Headroom,
  type HeadroomItem,
} from "./headroom.js";
import { readHolderBalances } from "./gasCases.js";
import { listingFlows, readPayeeBalances } from "./listingCases.js";
import { maxRangeRecords, readRangeHeads } from "./readRangeHeads.js";
import type { GasClient } from "./simulateGas.js";
import type { GasOperation } from "./types.js";

/** What {@link headroomFor} needs to know about the transaction: its operation and the state it touches. */
export type HeadroomForParameters =
  | {
      readonly operation: "mint" | "mintWithURI" | "mintBatch" | "transfer";
      /** The MintkitCollection. */
      readonly contract: Address;
      /** The recipient. */
      readonly to: Address;
    }
  | { readonly operation: "airdrop"; readonly contract: Address; readonly recipients: readonly Address[] }
  | { readonly operation: "editionsMintNew" | "editionsMintExisting"; readonly contract: Address; readonly to: Address; readonly id: bigint }
  | {
      readonly operation: "redeem";
      readonly contract: Address;
      readonly voucher: Voucher;
      /** Who sends the redemption (the recipient when the voucher names none). */
      readonly from: Address;
    }
  | {
      readonly operation: "fulfillListing";
      /** The signed Seaport listing being filled. */
      readonly listing: SignedListing;
      /** The buyer (who sends the fulfilment and receives the token). */
      readonly from: Address;
    }
  | {
      readonly operation: Exclude<
        GasOperation,
        "mint" | "mintWithURI" | "mintBatch" | "transfer" | "airdrop" | "editionsMintNew" | "editionsMintExisting" | "redeem" | "fulfillListing"
      >;
    };

/** Gas of the explicit-id lookup a later reservation can force: up to two bitmap words, a range record and the owner slot, cold. */
const RANGE_LOOKUP_GAS = 4n * COLD_SLOAD_GAS + 400n;

/**
 * The headroom a transaction's gas limit needs above its minimal limit (the gas it needs on the chain as it
 * is now), from what can move before it is included, read from the chain:
 * - a recipient that holds tokens now may hold none by then (`fresh-holder`, +17,100 per recipient): its
 *   balance is written from zero. A recipient holding none is already estimated that way;
 * - a next-id ERC-721 voucher of several tokens takes whatever id is next at inclusion: the batch may open a
 *   256-id word of the batch bitmap (`new-bitmap-word`, +17,100 per word now used) or split into one more
 *   range record (`extra-range-record`, +44,200);
 * - an explicit-id ERC-721 voucher: a later `reserve` makes the contract look the id up in the batch bitmap
 *   (`cold-range-lookup`, +8,800);
 * - an ERC-20 price: the payee may hold none of the currency by then (`fresh-payee`, +17,100);
 * - a Seaport listing filled: the buyer may hold none of the collection (or id) by then (`fresh-holder`),
 *   and each ERC-20 recipient (seller, royalty, marketplace fee) holding the currency now may hold none
 *   (`fresh-payee`, +17,100 each). ETH recipients need none: an account that exists now cannot become empty
 *   again (spending its balance sets its nonce), and one that is empty now is already priced as created.
 *
 * What moves the other way (a uid word someone else opens, a holder who gets a first token) only makes the
 * transaction cheaper; what makes it revert (a batch's expected first id taken, a spent uid) is no gas
 * question. Deploys, credential writes and cancellations need no headroom: every slot they write is either
 * fresh whatever happens (a new clone, a new credential record, a ticket's check-in record) or can only
 * become cheaper (a credential holder's word never returns to zero: it keeps the holder's serial; a
 * cancelled order's status slot).
 *
 * @example
 * const headroom = await headroomFor(publicClient, { operation: "redeem", contract, voucher, from: buyer });
 * headroom.items; // [{ case: "fresh-holder", gas: 17100n, description: "…" }]
 */
export async function headroomFor(client: GasClient, parameters: HeadroomForParameters): Promise<Headroom> {
  switch (parameters.operation) {
    case "mint":
    case "mintWithURI":
    case "mintBatch":
    case "transfer":
      return toHeadroom(await holderItems(client, parameters.contract, [parameters.to]));
    case "airdrop":
      return toHeadroom(await holderItems(client, parameters.contract, parameters.recipients));
    case "editionsMintExisting":
      return toHeadroom(await holderItems(client, parameters.contract, [parameters.to], parameters.id));
    case "editionsMintNew":
      return NO_HEADROOM; // a new id: the recipient's balance of it is zero now and at inclusion
    case "redeem":
      return toHeadroom(await redeemItems(client, parameters.contract, parameters.voucher, parameters.from));
    case "fulfillListing":
      return toHeadroom(await fulfilItems(client, parameters.listing, parameters.from));
    default:
      return NO_HEADROOM;
  }
}

/** A `fresh-holder` item for each distinct recipient holding tokens now (of `id`, for an ERC-1155). */
async function holderItems(client: GasClient, contract: Address, recipients: readonly Address[], id?: bigint): Promise<HeadroomItem[]> {
  const held = await readHolderBalances(client, contract, recipients, id === undefined ? "collection" : "editions", id);
  return held.flatMap(({ holder, balance }) =>
    balance > 0n
      ? [{ case: "fresh-holder" as const, gas: SLOT_OPENED_GAS, description: `${holder} holds ${balance} now; if it holds none at inclusion, its balance is written from zero` }]
      : [],
  );
}

async function redeemItems(client: GasClient, contract: Address, voucher: Voucher, from: Address): Promise<HeadroomItem[]> {
  const kind = await contractKind(client, contract);
  const to = voucher.to === zeroAddress ? from : voucher.to;
  const items: HeadroomItem[] = [];
  if (kind === "editions") {
    // A next id (0) is created by the redemption: the balance is fresh anyway. An existing id: the holder may empty it.
    const exists =
      voucher.tokenId !== 0n &&
      (await readContract(client, { address: contract, abi: mintkitEditionsAbi, functionName: "exists", args: [voucher.tokenId] }));
    if (exists) items.push(...(await holderItems(client, contract, [to], voucher.tokenId)));
  } else {
    items.push(...(await holderItems(client, contract, [to])));
    if (voucher.tokenId !== 0n) {
      items.push({ case: "cold-range-lookup", gas: RANGE_LOOKUP_GAS, description: `a later reserve() moves token ${voucher.tokenId} out of the latest reservation: the contract then looks it up in the batch bitmap` });
    } else if (voucher.quantity > 1n) {
      items.push(...(await batchItems(client, contract, voucher.quantity)));
    }
  }
  if (voucher.currency !== zeroAddress && voucher.price > 0n) {
    const payee = voucher.payee !== zeroAddress ? voucher.payee : await primarySaleRecipient(client, contract, kind);
    const balance = await readContract(client, { address: voucher.currency, abi: erc20Abi, functionName: "balanceOf", args: [payee] });
    if (balance > 0n) items.push({ case: "fresh-payee", gas: SLOT_OPENED_GAS, description: `the payee ${payee} may hold none of ${voucher.currency} at inclusion` });
  }
  return items;
}

/** The buyer's holder slot, and each ERC-20 recipient holding the currency now. */
async function fulfilItems(client: GasClient, listing: SignedListing, buyer: Address): Promise<HeadroomItem[]> {
  const flows = listingFlows(listing, buyer);
  const items = await holderItems(client, flows.token, [buyer], flows.kind === "editions" ? flows.id : undefined);
  if (flows.currency !== zeroAddress) {
    const balances = await readPayeeBalances(client, flows.currency, flows.recipients);
    for (const { payee, balance } of balances) {
      if (balance > 0n) items.push({ case: "fresh-payee", gas: SLOT_OPENED_GAS, description: `the recipient ${payee} may hold none of ${flows.currency} at inclusion` });
    }
  }
  return items;
}

/** A next-id batch of `quantity`: every head word used now may be a fresh one at inclusion, and it may need one more record. */
async function batchItems(client: GasClient, collection: Address, quantity: bigint): Promise<HeadroomItem[]> {
  const next = await readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
  const heads = await readRangeHeads(client, collection, next, quantity);
  const items: HeadroomItem[] = heads
    .filter((h) => h.word !== 0n)
    .map((h) => ({ case: "new-bitmap-word" as const, gas: SLOT_OPENED_GAS, description: `ids from ${h.head} lie in a bitmap word already used; if the next id moves into a new 256-id word, the batch opens it` }));
  const extra = maxRangeRecords(quantity) - BigInt(heads.length);
  if (extra > 0n) {
    items.push({ case: "extra-range-record", gas: extra * 2n * SLOT_CREATED_GAS, description: `if the next id moves, the batch of ${quantity} may be split into ${extra} more range record(s), each with a new bitmap word` });
  }
  return items;
}

async function primarySaleRecipient(client: GasClient, contract: Address, kind: "collection" | "editions"): Promise<Address> {
  return kind === "editions"
    ? readContract(client, { address: contract, abi: mintkitEditionsAbi, functionName: "primarySaleRecipient" })
    : readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "primarySaleRecipient" });
}
