import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** A source-verification service: Sourcify, or an Etherscan-compatible API (Etherscan, Blockscout). */
export type VerificationService = "sourcify" | "etherscan";

/** Typed `details` for each source-verification error code. */
export interface VerifyErrorDetailsByCode {
  /** Etherscan needs an API key and none was given. */
  VERIFY_API_KEY_MISSING: { readonly service: VerificationService; readonly apiUrl: string };
  /** The service refused the API key. */
  VERIFY_API_KEY_REJECTED: { readonly service: VerificationService; readonly apiUrl: string; readonly reason: string };
  /** The service kept answering "rate limited" (HTTP 429 or Etherscan's rate-limit result) after the retries. */
  VERIFY_RATE_LIMITED: { readonly service: VerificationService; readonly apiUrl: string; readonly attempts: number };
  /** The service could not be reached (connection refused, DNS, timeout) or kept failing with HTTP 5xx. */
  VERIFY_SERVICE_UNREACHABLE: {
    readonly service: VerificationService;
    readonly apiUrl: string;
    readonly attempts: number;
    readonly status?: number;
  };
  /** The service compiled the sources and the result does not match the code on chain. */
  VERIFY_BYTECODE_MISMATCH: { readonly service?: VerificationService; readonly address: string; readonly reason: string };
  /** The service says (or the chain shows) that there is no contract at the address. */
  VERIFY_NO_CODE: { readonly service?: VerificationService; readonly address: string; readonly chainId: number };
  /** The code at the address is neither a mintkit core contract nor an EIP-1167 clone of one. */
  VERIFY_NOT_MINTKIT_CONTRACT: { readonly address: string; readonly chainId: number; readonly codeHash: string };
  /** The service refused the submission or failed the verification for another reason (its words in `reason`). */
  VERIFY_FAILED: { readonly service: VerificationService; readonly address: string; readonly reason: string };
  /** The service answered something that is not its documented API (wrong URL?). */
  VERIFY_UNEXPECTED_RESPONSE: { readonly service: VerificationService; readonly apiUrl: string; readonly status: number; readonly body: string };
  /** A parameter is invalid (API URL not http(s), unknown contract name, …). */
  VERIFY_INVALID_PARAMETER: { readonly field: string; readonly value: string; readonly reason: string };
}

export type VerifyErrorCode = keyof VerifyErrorDetailsByCode;

/** Errors of contract source verification (`src/verify`). Docs: docs/verify.md. */
export class VerifyError<TCode extends VerifyErrorCode = VerifyErrorCode> extends MintkitError<TCode, VerifyErrorDetailsByCode[TCode]> {
  override name = "VerifyError";
  declare readonly details: VerifyErrorDetailsByCode[TCode];

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<VerifyErrorDetailsByCode[TCode]> & { readonly details: VerifyErrorDetailsByCode[TCode] },
  ) {
    super(code, shortMessage, { docsPath: "docs/verify.md", ...options });
  }
}

/** True when `err` is a `VerifyError`, optionally with the given code. */
export function isVerifyError<TCode extends VerifyErrorCode>(err: unknown, code?: TCode): err is VerifyError<TCode> {
  return err instanceof VerifyError && (code === undefined || err.code === code);
}
