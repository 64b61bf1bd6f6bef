/** Lazy-mint vouchers: the EIP-712 design shared with the contracts, signing and digests. Browser-safe. */
export {
  voucherTypes,
  voucherDomain,
  VOUCHER_DOMAIN_NAME,
  VOUCHER_DOMAIN_VERSION,
  type Voucher,
} from "./voucherTypes.js";
export { createVoucher } from "./createVoucher.js";
export { hashVoucher } from "./hashVoucher.js";
export { signVoucher } from "./signVoucher.js";
