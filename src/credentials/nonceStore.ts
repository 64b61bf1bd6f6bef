/**
 * One-time presentation nonces: what a verifier issued, until when, and whether it was used. Browser-safe
 * (types only). Implementations: {@link createMemoryNonceStore} (browser and Node) and, in `mintkit/node`,
 * `createFileNonceStore` (safe against two processes consuming the same nonce).
 */

/** What `consume` found: `ok` (issued, unexpired, now marked used) or why the nonce is refused. */
export type NonceConsumeResult =
  /** The nonce was issued, had not expired and was not used: it is now used. */
  | "ok"
  /** The nonce was never issued by this store. */
  | "unknown"
  /** The nonce was already used once. */
  | "reused"
  /** The nonce was issued, but its expiry has passed. */
  | "expired";

/** An issued nonce. */
export interface NonceRecord {
  readonly nonce: string;
  /** The audience the nonce was issued for (the verifier's own name). */
  readonly audience: string;
  /** Unix seconds after which the nonce is refused (`now >= expiresAt`). */
  readonly expiresAt: number;
}

/** Where a verifier records the nonces it issued and consumed. */
export interface NonceStore {
  /** Records `record.nonce` as issued. Rejects when the nonce was already issued (nonces are never reissued). */
  issue(record: NonceRecord): Promise<void>;
  /**
   * Marks `nonce` used, atomically: of two concurrent calls for the same nonce, exactly one gets `ok`.
   * `now` is unix seconds (compared with the record's `expiresAt`).
   */
  consume(nonce: string, now: number): Promise<NonceConsumeResult>;
}
