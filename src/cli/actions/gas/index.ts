/** The work of `mintkit gas <operation>` (loaded lazily by the command). */
export { estimate } from "./estimate.js";
export { redeem } from "./redeem.js";
export { deploy, type DeployGasOptions } from "./deploy.js";
export { cancel, credentialIssue, credentialReissue, credentialRevoke, type CredentialGasOptions } from "./credential.js";
export { compare, fees, plan } from "./plan.js";
export { buy, checkIn, type CheckInGasOptions } from "./market.js";
export type { GasOptions } from "./support.js";
