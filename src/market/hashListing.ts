import { hashStruct, hashTypedData, type Hash } from "viem";
import { orderMessage, seaportDomain, seaportOrderTypes, type OrderComponents, type SignedListing } from "./orderTypes.js";

/**
 * The Seaport order hash of the components (the EIP-712 struct hash, what `getOrderHash` returns and
 * `getOrderStatus`/`cancel` key on).
 *
 * @example
 * const orderHash = hashListing(listing.parameters);
 */
export function hashListing(components: OrderComponents): Hash {
  return hashStruct({ data: orderMessage(components), primaryType: "OrderComponents", types: seaportOrderTypes });
}

/** The EIP-712 digest the offerer signs for a listing on `chainId` at its Seaport. */
export function listingDigest(listing: Pick<SignedListing, "parameters" | "seaport">, chainId: number): Hash {
  return hashTypedData({
    domain: seaportDomain(chainId, listing.seaport),
    types: seaportOrderTypes,
    primaryType: "OrderComponents",
    message: orderMessage(listing.parameters),
  });
}
