import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** Typed `details` for each keystore error code. Never holds secrets. */
export interface KeystoreErrorDetailsByCode {
  /** The password does not open the keystore (MAC mismatch). */
  KEYSTORE_WRONG_PASSWORD: { readonly name?: string; readonly address?: string };
  /** No keystore with that name or address in the keystore folder. */
  KEYSTORE_NOT_FOUND: { readonly account: string; readonly dir: string };
  /** A keystore with that name already exists (it is never overwritten). */
  KEYSTORE_EXISTS: { readonly name: string; readonly path: string };
  /** The keystore JSON is not Web3 Secret Storage v3, or uses an unsupported cipher/KDF. */
  KEYSTORE_INVALID_FILE: { readonly path?: string; readonly reason: string };
  /** A private key is not 32 bytes of hex. */
  KEYSTORE_INVALID_KEY: { readonly reason: string };
  /** A keystore name has characters that cannot be a file name. */
  KEYSTORE_INVALID_NAME: { readonly name: string };
  /** No password was given and none can be asked for (no TTY). */
  KEYSTORE_NO_PASSWORD: { readonly account: string };
  /** Reading or writing the keystore folder failed. */
  KEYSTORE_IO_FAILED: { readonly path: string; readonly operation: "read" | "write" | "list" };
}

export type KeystoreErrorCode = keyof KeystoreErrorDetailsByCode;

/** Errors of the encrypted keystore (`src/keystore`, Node only). */
export class KeystoreError<TCode extends KeystoreErrorCode = KeystoreErrorCode> extends MintkitError<
  TCode,
  KeystoreErrorDetailsByCode[TCode]
> {
  override name = "KeystoreError";
  declare readonly details: KeystoreErrorDetailsByCode[TCode];

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<KeystoreErrorDetailsByCode[TCode]> & {
      readonly details: KeystoreErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "README.md (The CLI: keys)", ...options });
  }
}

/** True when `err` is a `KeystoreError`, optionally with the given code. */
export function isKeystoreError<TCode extends KeystoreErrorCode>(
  err: unknown,
  code?: TCode,
): err is KeystoreError<TCode> {
  return err instanceof KeystoreError && (code === undefined || err.code === code);
}
