/** The work of `mintkit gas <operation>` (loaded lazily by the command). */
export { estimate } from "./estimate.js";
export { redeem } from "./redeem.js";
export { deploy, type DeployGasOptions } from "./deploy.js";
export { cancel, credentialIssue, credentialReissue, credentialRevoke, type CredentialGasOptions } from "./credential.js";
export { compare, fees, plan } from "./plan.js";
export { approve, buy, checkIn, listingCancel, type CheckInGasOptions, type ListingGasOptions } from "./market.js";
export type { GasOptions } from "./support.js";
