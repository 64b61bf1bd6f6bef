import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** Typed `details` for each credential error code. Browser-safe; never contains claim values or salts. */
export interface CredentialErrorDetailsByCode {
  /** A schema field is not `"<type> <name>"` with a supported Solidity type and a valid name. */
  CREDENTIAL_INVALID_SCHEMA: { readonly problems: readonly string[] };
  /** Claims (values, types, names or salts) are invalid: every problem is listed. */
  CREDENTIAL_INVALID_CLAIMS: { readonly problems: readonly string[] };
  /** A holder claims file is invalid: every problem is listed. */
  CREDENTIAL_INVALID_CLAIMS_FILE: { readonly problems: readonly string[] };
  /** A presentation (object or file) is invalid: every problem is listed. */
  CREDENTIAL_INVALID_PRESENTATION: { readonly problems: readonly string[] };
  /** A disclosure asks for claims the holder does not have. */
  CREDENTIAL_UNKNOWN_CLAIM: { readonly unknown: readonly string[]; readonly available: readonly string[] };
  /** A disclosure must reveal at least one claim. */
  CREDENTIAL_NOTHING_DISCLOSED: Record<string, never>;
  /** A date is not a real calendar date (`YYYY-MM-DD`), or the birth date is after the issue date. */
  CREDENTIAL_INVALID_DATE: { readonly value: string; readonly reason: string };
  /** An age threshold is not an integer from 0 to 99 (ISO mDL `age_over_NN`). */
  CREDENTIAL_INVALID_AGE: { readonly age: number };
  /** There is no account to sign the presentation with. */
  CREDENTIAL_NO_SIGNER: Record<string, never>;
  /** A predicate (`"age>=21"`, `"score in 600..850"`) is not one mintkit can prove. */
  CREDENTIAL_INVALID_PREDICATE: { readonly predicate: string; readonly reason: string };
  /** The holder's value does not satisfy the predicate: no proof exists. */
  CREDENTIAL_PREDICATE_FALSE: { readonly predicate: string };
  /** The claims file has no commitment (`<claim>#poseidon`) or no blinding for the claim a predicate is about. */
  CREDENTIAL_NOT_PROVABLE: { readonly claim: string; readonly reason: string };
  /** The circuit artifacts (wasm, zkey) could not be loaded, or snarkjs failed. */
  CREDENTIAL_PROVER_FAILED: { readonly reason: string };
  /** A nonce record cannot be stored (empty or oversized nonce, expiry not unix seconds). */
  CREDENTIAL_INVALID_NONCE: { readonly problems: readonly string[] };
  /** The nonce was already issued: a nonce store never issues the same nonce twice. */
  CREDENTIAL_NONCE_EXISTS: { readonly path?: string };
  /** A file-backed nonce store cannot be read or written (permissions, a corrupt record). */
  CREDENTIAL_NONCE_STORE_FAILED: { readonly path: string; readonly reason: string };
  /** The signer cannot present this credential: not its holder, no such credential, or a claims file for another root. */
  CREDENTIAL_NOT_PRESENTABLE: { readonly tokenId: string; readonly reason: string };
}

export type CredentialErrorCode = keyof CredentialErrorDetailsByCode;

/** Errors of the credentials layer (`src/credentials`): claims, claims files, disclosures, presentations. */
export class CredentialError<TCode extends CredentialErrorCode = CredentialErrorCode> extends MintkitError<
  TCode,
  CredentialErrorDetailsByCode[TCode]
> {
  override name = "CredentialError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<CredentialErrorDetailsByCode[TCode]> & {
      readonly details: CredentialErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "docs/design.md (4. Credentials)", ...options });
  }
}

/** True when `err` is a `CredentialError`, optionally with the given code. */
export function isCredentialError<TCode extends CredentialErrorCode>(
  err: unknown,
  code?: TCode,
): err is CredentialError<TCode> {
  return err instanceof CredentialError && (code === undefined || err.code === code);
}
