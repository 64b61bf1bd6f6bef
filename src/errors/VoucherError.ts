import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** Typed `details` for each voucher error code. Browser-safe. */
export interface VoucherErrorDetailsByCode {
  /** There is no account to sign with. */
  VOUCHER_NO_SIGNER: Record<string, never>;
}

export type VoucherErrorCode = keyof VoucherErrorDetailsByCode;

/** Errors of the lazy-mint voucher layer (`src/vouchers`). */
export class VoucherError<TCode extends VoucherErrorCode = VoucherErrorCode> extends MintkitError<
  TCode,
  VoucherErrorDetailsByCode[TCode]
> {
  override name = "VoucherError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<VoucherErrorDetailsByCode[TCode]> & {
      readonly details: VoucherErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "/vouchers", ...options });
  }
}

/** True when `err` is a `VoucherError`, optionally with the given code. */
export function isVoucherError<TCode extends VoucherErrorCode>(err: unknown, code?: TCode): err is VoucherError<TCode> {
  return err instanceof VoucherError && (code === undefined || err.code === code);
}
