/** Seaport 1.6 listings: build, sign, verify, fulfil, cancel. Browser-safe. */
export { SEAPORT_V1_6_ADDRESS, CONDUIT_CONTROLLER_ADDRESS, NO_CONDUIT_KEY, SEAPORT_DOMAIN_NAME, SEAPORT_DOMAIN_VERSION } from "./seaportAddresses.js";
export { seaportAbi } from "./generated/seaportAbi.js";
export {
  ItemType,
  OrderType,
  seaportOrderTypes,
  seaportDomain,
  type ItemTypeValue,
  type OrderTypeValue,
  type OfferItem,
  type ConsiderationItem,
  type OrderComponents,
  type SignedListing,
} from "./orderTypes.js";
export { hashListing, listingDigest } from "./hashListing.js";
export { assertSeaport, domainSeparatorOf } from "./assertSeaport.js";
export { readTokenKind, type TokenKind } from "./readTokenKind.js";
export { createListing, type CreateListingParameters, type CreateListingReturnType, type ListingBreakdown } from "./createListing.js";
export { approveSeaport, type ApproveSeaportParameters, type ApproveSeaportReturnType } from "./approveSeaport.js";
export { signListing, type SignListingParameters } from "./signListing.js";
export { listingToJson, serializeListing, type ListingJson, type OfferItemJson, type ConsiderationItemJson } from "./serializeListing.js";
export { parseListing } from "./parseListing.js";
export { verifyListing, unsupportedReason, type VerifyListingParameters, type VerifyListingReturnType } from "./verifyListing.js";
export {
  fulfillListing,
  fulfilCall,
  assertBuyerCanPay,
  type FulfillListingParameters,
  type FulfillListingReturnType,
  type FulfilPath,
} from "./fulfillListing.js";
export { cancelListing, type CancelListingParameters, type CancelListingReturnType } from "./cancelListing.js";
export { explainFulfilError, fulfilAbi } from "./decodeSeaportError.js";
export { marketProblem, type MarketProblem } from "./marketProblem.js";
