import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/**
 * Typed `details` for each access error code (tickets and access passes, `src/access`). Browser-safe.
 * These are errors in the input or the environment; a door's refusal of a well-formed proof is not an
 * error but a `verifyAccess` result with a reason code (`AccessRefusalReason`).
 */
export interface AccessErrorDetailsByCode {
  /** A challenge (or its parameters) is invalid: every problem is listed. */
  ACCESS_INVALID_CHALLENGE: { readonly problems: readonly string[] };
  /** A payload or challenge text cannot be decoded (damaged, truncated, not mintkit's, another version). */
  ACCESS_MALFORMED_PAYLOAD: { readonly reason: string };
  /** A payload is larger than a phone camera reads reliably from a QR code. */
  ACCESS_PAYLOAD_TOO_LARGE: { readonly size: number; readonly limit: number };
  /** No QR code could be read from an image (damaged, blurred, not a QR code, not a PNG). */
  ACCESS_QR_UNREADABLE: { readonly reason: string };
  /** There is no account to sign the proof with. */
  ACCESS_NO_SIGNER: Record<string, never>;
  /** The check-in store cannot be opened on this runtime (`node:sqlite` needs Node >= 22.13). */
  ACCESS_STORE_UNAVAILABLE: { readonly nodeVersion: string };
  /** The check-in store file stayed locked by another process longer than the busy timeout. */
  ACCESS_STORE_LOCKED: { readonly path: string; readonly busyTimeoutMs: number };
  /** The check-in store file is not a mintkit check-in database (corrupt, or another file). */
  ACCESS_STORE_CORRUPT: { readonly path: string; readonly reason: string };
  /** The check-in store failed otherwise (permissions, disk full, closed). */
  ACCESS_STORE_FAILED: { readonly path: string; readonly reason: string };
}

export type AccessErrorCode = keyof AccessErrorDetailsByCode;

/** Errors of the access layer (`src/access`): challenges, proofs, payloads, QR codes, check-in stores. */
export class AccessError<TCode extends AccessErrorCode = AccessErrorCode> extends MintkitError<
  TCode,
  AccessErrorDetailsByCode[TCode]
> {
  override name = "AccessError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<AccessErrorDetailsByCode[TCode]> & { readonly details: AccessErrorDetailsByCode[TCode] },
  ) {
    super(code, shortMessage, { docsPath: "docs/access.md", ...options });
  }
}

/** True when `err` is an `AccessError`, optionally with the given code. */
export function isAccessError<TCode extends AccessErrorCode>(err: unknown, code?: TCode): err is AccessError<TCode> {
  return err instanceof AccessError && (code === undefined || err.code === code);
}
