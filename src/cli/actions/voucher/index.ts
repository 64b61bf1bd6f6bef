/** The work of `mintkit voucher sign|verify|redeem|cancel` (loaded lazily by the command). */
export { sign, type SignOptions } from "./sign.js";
export { verify, type VerifyOptions } from "./verify.js";
export { redeem, type RedeemOptions } from "./redeem.js";
export { cancel, type CancelOptions } from "./cancel.js";
