import type { Address, Hex } from "viem";
import { SEAPORT_DOMAIN_NAME, SEAPORT_DOMAIN_VERSION } from "./seaportAddresses.js";

/** Seaport's `ItemType`. */
export const ItemType = { NATIVE: 0, ERC20: 1, ERC721: 2, ERC1155: 3, ERC721_WITH_CRITERIA: 4, ERC1155_WITH_CRITERIA: 5 } as const;
export type ItemTypeValue = (typeof ItemType)[keyof typeof ItemType];

/** Seaport's `OrderType`. */
export const OrderType = { FULL_OPEN: 0, PARTIAL_OPEN: 1, FULL_RESTRICTED: 2, PARTIAL_RESTRICTED: 3, CONTRACT: 4 } as const;
export type OrderTypeValue = (typeof OrderType)[keyof typeof OrderType];

/** What the offerer gives. */
export interface OfferItem {
  readonly itemType: number;
  readonly token: Address;
  readonly identifierOrCriteria: bigint;
  readonly startAmount: bigint;
  readonly endAmount: bigint;
}

/** What the offerer (and others: royalty, fee) receive. */
export interface ConsiderationItem extends OfferItem {
  readonly recipient: Address;
}

/** The order as the offerer signs it (Seaport's `OrderComponents`). */
export interface OrderComponents {
  readonly offerer: Address;
  readonly zone: Address;
  readonly offer: readonly OfferItem[];
  readonly consideration: readonly ConsiderationItem[];
  readonly orderType: number;
  readonly startTime: bigint;
  readonly endTime: bigint;
  readonly zoneHash: Hex;
  readonly salt: bigint;
  readonly conduitKey: Hex;
  readonly counter: bigint;
}

/**
 * A signed Seaport order with where it is valid: the components (with `totalOriginalConsiderationItems`,
 * which Seaport's `OrderParameters` carry), the signature, the Seaport contract and the chain.
 */
export interface SignedListing {
  readonly parameters: OrderComponents & { readonly totalOriginalConsiderationItems: bigint };
  readonly signature: Hex;
  /** The Seaport contract the order is for (`protocol_address`). */
  readonly seaport: Address;
  /** The chain it was signed for; `undefined` for an order file that does not say (OpenSea's carries it in the URL). */
  readonly chainId: number | undefined;
}

/** Seaport 1.6's EIP-712 types for an order. */
export const seaportOrderTypes = {
  OrderComponents: [
    { name: "offerer", type: "address" },
    { name: "zone", type: "address" },
    { name: "offer", type: "OfferItem[]" },
    { name: "consideration", type: "ConsiderationItem[]" },
    { name: "orderType", type: "uint8" },
    { name: "startTime", type: "uint256" },
    { name: "endTime", type: "uint256" },
    { name: "zoneHash", type: "bytes32" },
    { name: "salt", type: "uint256" },
    { name: "conduitKey", type: "bytes32" },
    { name: "counter", type: "uint256" },
  ],
  OfferItem: [
    { name: "itemType", type: "uint8" },
    { name: "token", type: "address" },
    { name: "identifierOrCriteria", type: "uint256" },
    { name: "startAmount", type: "uint256" },
    { name: "endAmount", type: "uint256" },
  ],
  ConsiderationItem: [
    { name: "itemType", type: "uint8" },
    { name: "token", type: "address" },
    { name: "identifierOrCriteria", type: "uint256" },
    { name: "startAmount", type: "uint256" },
    { name: "endAmount", type: "uint256" },
    { name: "recipient", type: "address" },
  ],
} as const;

/** Seaport 1.6's EIP-712 domain on `chainId` at `seaport`. */
export function seaportDomain(chainId: number, seaport: Address) {
  return { name: SEAPORT_DOMAIN_NAME, version: SEAPORT_DOMAIN_VERSION, chainId, verifyingContract: seaport } as const;
}

/** The components as viem's typed-data message (items copied into mutable arrays). */
export function orderMessage(components: OrderComponents) {
  return {
    offerer: components.offerer,
    zone: components.zone,
    offer: components.offer.map((item) => ({ ...item, itemType: item.itemType })),
    consideration: components.consideration.map((item) => ({ ...item })),
    orderType: components.orderType,
    startTime: components.startTime,
    endTime: components.endTime,
    zoneHash: components.zoneHash,
    salt: components.salt,
    conduitKey: components.conduitKey,
    counter: components.counter,
  };
}
