import { CredentialError } from "../errors/CredentialError.js";
import type { NonceConsumeResult, NonceRecord, NonceStore } from "./nonceStore.js";

/** Options of {@link createMemoryNonceStore}. */
export interface CreateMemoryNonceStoreParameters {
  /**
   * Used nonces and expired records are kept this many seconds after their expiry, then forgotten (a
   * forgotten nonce is `unknown`, still refused). Default 86400.
   */
  readonly retainSeconds?: number;
}

/**
 * A nonce store in memory, for one verifier process (a server, a browser tab). Browser-safe. Nonces are
 * lost when the process ends: a restarted verifier refuses presentations for nonces it issued before.
 * @example
 * const store = createMemoryNonceStore();
 * const nonce = createNonce();
 * await store.issue({ nonce, audience: "https://shop.example", expiresAt: Math.floor(Date.now() / 1000) + 600 });
 * const result = await verifyPresentation(client, presentation, { trustedIssuers, audience: "https://shop.example", nonceStore: store });
 */
export function createMemoryNonceStore(parameters: CreateMemoryNonceStoreParameters = {}): NonceStore {
  const retain = parameters.retainSeconds ?? 86_400;
  const records = new Map<string, { record: NonceRecord; used: boolean }>();
  const prune = (now: number) => {
    for (const [nonce, entry] of records) if (now >= entry.record.expiresAt + retain) records.delete(nonce);
  };
  return {
    async issue(record) {
      assertRecord(record);
      if (records.has(record.nonce)) {
        throw new CredentialError("CREDENTIAL_NONCE_EXISTS", "This nonce was already issued: nonces are never reissued.", {
          hint: "Issue a fresh one with createNonce().",
          details: {},
        });
      }
      records.set(record.nonce, { record, used: false });
    },
    async consume(nonce, now): Promise<NonceConsumeResult> {
      prune(now);
      const entry = records.get(nonce);
      if (entry === undefined) return "unknown";
      if (entry.used) return "reused";
      if (now >= entry.record.expiresAt) return "expired";
      entry.used = true;
      return "ok";
    },
  };
}

/** Refuses records a store cannot keep (an empty nonce, an expiry that is not unix seconds). */
export function assertRecord(record: NonceRecord): void {
  const problems: string[] = [];
  if (typeof record.nonce !== "string" || record.nonce.length === 0 || record.nonce.length > 256) problems.push("nonce must be a string of 1 to 256 characters");
  if (typeof record.audience !== "string") problems.push("audience must be a string");
  if (!Number.isSafeInteger(record.expiresAt) || record.expiresAt < 0) problems.push("expiresAt must be unix seconds");
  if (problems.length > 0) {
    throw new CredentialError("CREDENTIAL_INVALID_NONCE", `The nonce record is invalid: ${problems.join("; ")}.`, {
      hint: "Issue nonces made by createNonce(), with an expiry in unix seconds.",
      details: { problems },
    });
  }
}
