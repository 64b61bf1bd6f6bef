import type { ConsiderationItem, OfferItem, SignedListing } from "./orderTypes.js";

/** An item as OpenSea's Orders API writes it: amounts and ids as decimal strings. */
export interface OfferItemJson {
  readonly itemType: number;
  readonly token: string;
  readonly identifierOrCriteria: string;
  readonly startAmount: string;
  readonly endAmount: string;
}
export interface ConsiderationItemJson extends OfferItemJson {
  readonly recipient: string;
}

/**
 * A signed order in the JSON shape of OpenSea's Orders API (what `@opensea/seaport-js` calls an
 * `OrderWithCounter`, plus `protocol_address`), with `chain_id` added by mintkit (OpenSea carries the
 * chain in the URL).
 */
export interface ListingJson {
  readonly parameters: {
    readonly offerer: string;
    readonly zone: string;
    readonly offer: readonly OfferItemJson[];
    readonly consideration: readonly ConsiderationItemJson[];
    readonly orderType: number;
    readonly startTime: string;
    readonly endTime: string;
    readonly zoneHash: string;
    readonly salt: string;
    readonly conduitKey: string;
    readonly totalOriginalConsiderationItems: number;
    readonly counter: string;
  };
  readonly signature: string;
  readonly protocol_address: string;
  readonly chain_id?: number;
}

const offerJson = (item: OfferItem): OfferItemJson => ({
  itemType: item.itemType,
  token: item.token,
  identifierOrCriteria: item.identifierOrCriteria.toString(),
  startAmount: item.startAmount.toString(),
  endAmount: item.endAmount.toString(),
});

/**
 * The listing as OpenSea Orders API JSON: `{ parameters, signature, protocol_address, chain_id }`.
 *
 * @example
 * await writeFile("order.json", JSON.stringify(listingToJson(listing), null, 2));
 */
export function listingToJson(listing: SignedListing): ListingJson {
  const p = listing.parameters;
  return {
    parameters: {
      offerer: p.offerer,
      zone: p.zone,
      offer: p.offer.map(offerJson),
      consideration: p.consideration.map((item: ConsiderationItem) => ({ ...offerJson(item), recipient: item.recipient })),
      orderType: p.orderType,
      startTime: p.startTime.toString(),
      endTime: p.endTime.toString(),
      zoneHash: p.zoneHash,
      salt: p.salt.toString(),
      conduitKey: p.conduitKey,
      totalOriginalConsiderationItems: Number(p.totalOriginalConsiderationItems),
      counter: p.counter.toString(),
    },
    signature: listing.signature,
    protocol_address: listing.seaport,
    ...(listing.chainId === undefined ? {} : { chain_id: listing.chainId }),
  };
}

/** `listingToJson` as indented text (what `mintkit list --out` writes). */
export function serializeListing(listing: SignedListing): string {
  return `${JSON.stringify(listingToJson(listing), null, 2)}\n`;
}
