/** Lazy-mint vouchers: the EIP-712 design shared with the contracts, signing, verification, redemption. Browser-safe. */
export {
  voucherTypes,
  voucherDomain,
  VOUCHER_DOMAIN_NAME,
  VOUCHER_DOMAIN_VERSION,
  type Voucher,
} from "./voucherTypes.js";
export {
  createVoucher,
  isFreeBearerVoucher,
  DEFAULT_VOUCHER_VALIDITY_SECONDS,
  type CreateVoucherOptions,
} from "./createVoucher.js";
export { hashVoucher } from "./hashVoucher.js";
export { signVoucher } from "./signVoucher.js";
export { validateVoucher, type VoucherFieldProblem } from "./validateVoucher.js";
export { recoverVoucherSigner } from "./recoverVoucherSigner.js";
export { verifyVoucherSignature } from "./verifyVoucherSignature.js";
export {
  verifyVoucher,
  MINTER_ROLE,
  type VerifyVoucherParameters,
  type VerifyVoucherResult,
  type VoucherContractKind,
} from "./verifyVoucher.js";
export { voucherProblem, type VoucherProblem } from "./voucherProblem.js";
export { decodeRedeemError, type RedeemErrorContext } from "./decodeRedeemError.js";
export {
  simulateRedeem,
  voucherTotalPrice,
  type RedeemVoucherParameters,
  type SimulateRedeemParameters,
  type SimulateRedeemResult,
} from "./simulateRedeem.js";
export { redeemVoucher, type RedeemVoucherResult } from "./redeemVoucher.js";
export {
  prepareCancelVouchers,
  type CancelVouchersCall,
  type PrepareCancelVouchersParameters,
  type PrepareCancelVouchersReturnType,
} from "./prepareCancelVouchers.js";
export { voucherContractAbi } from "./voucherContractAbi.js";
export { SIGNED_VOUCHER_TYPE, SIGNED_VOUCHER_VERSION, type SignedVoucher } from "./signedVoucher.js";
export { serializeSignedVoucher } from "./serializeSignedVoucher.js";
export { parseSignedVoucher } from "./parseSignedVoucher.js";
