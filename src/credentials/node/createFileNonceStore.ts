/**
 * A nonce store in a folder, for verifiers that run as separate processes (the `mintkit` CLI). NODE-ONLY:
 * exported from `mintkit/node`.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { CredentialError } from "../../errors/CredentialError.js";
import { writeFileAtomic } from "../../fs/writeFileAtomic.js";
import { assertRecord } from "../createMemoryNonceStore.js";
import type { NonceConsumeResult, NonceRecord, NonceStore } from "../nonceStore.js";

/** Options of {@link createFileNonceStore}. */
export interface CreateFileNonceStoreParameters {
  /** The folder holding one `<sha256(nonce)>.issued` and, once consumed, one `.used` file per nonce. */
  readonly dir: string;
}

/**
 * A nonce store in `dir`: issuing a nonce creates `<sha256(nonce)>.issued` (JSON record), consuming it
 * creates `<sha256(nonce)>.used` with an exclusive create (`O_CREAT | O_EXCL`), which the filesystem grants
 * to exactly one of two processes racing for the same nonce. Files are named by hash, so a nonce never
 * becomes a path. Nothing is deleted: a used nonce stays used.
 * @example
 * const store = createFileNonceStore({ dir: ".mintkit/nonces" });
 * const result = await verifyPresentation(client, presentation, { trustedIssuers, audience, nonceStore: store });
 */
export function createFileNonceStore(parameters: CreateFileNonceStoreParameters): NonceStore {
  const dir = path.resolve(parameters.dir);
  const file = (nonce: string, ext: "issued" | "used") => path.join(dir, `${createHash("sha256").update(nonce, "utf8").digest("hex")}.${ext}`);
  return {
    async issue(record) {
      assertRecord(record);
      const target = file(record.nonce, "issued");
      await mkdir(dir, { recursive: true, mode: 0o700 }).catch((err: unknown) => {
        throw storeFailed(dir, err);
      });
      const text = `${JSON.stringify({ nonce: record.nonce, audience: record.audience, expiresAt: record.expiresAt })}\n`;
      try {
        await writeFileAtomic(target, text, { mode: 0o600, noClobber: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") {
          throw new CredentialError("CREDENTIAL_NONCE_EXISTS", "This nonce was already issued: nonces are never reissued.", {
            hint: "Issue a fresh one with createNonce().",
            details: { path: target },
          });
        }
        throw storeFailed(target, err);
      }
    },
    async consume(nonce, now): Promise<NonceConsumeResult> {
      if (typeof nonce !== "string" || nonce.length === 0 || nonce.length > 256) return "unknown";
      const issuedPath = file(nonce, "issued");
      let text: string;
      try {
        text = await readFile(issuedPath, "utf8");
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return "unknown";
        throw storeFailed(issuedPath, err);
      }
      const record = parseRecord(text, issuedPath);
      // A torn or foreign record is never read as a valid nonce.
      if (record.nonce !== nonce) throw storeFailed(issuedPath, new Error("the record names another nonce"));
      const usedPath = file(nonce, "used");
      try {
        await writeFileAtomic(usedPath, `${JSON.stringify({ usedAt: now })}\n`, { mode: 0o600, noClobber: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") return "reused";
        throw storeFailed(usedPath, err);
      }
      // An expired nonce is spent too: it can never be accepted later.
      return now >= record.expiresAt ? "expired" : "ok";
    },
  };
}

function parseRecord(text: string, file: string): NonceRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw storeFailed(file, new Error("the record is not JSON (a torn write?)"));
  }
  const r = value as Partial<NonceRecord> | null;
  if (r === null || typeof r !== "object" || typeof r.nonce !== "string" || typeof r.audience !== "string" || !Number.isSafeInteger(r.expiresAt)) {
    throw storeFailed(file, new Error("the record is not { nonce, audience, expiresAt }"));
  }
  return r as NonceRecord;
}

function storeFailed(file: string, err: unknown): CredentialError<"CREDENTIAL_NONCE_STORE_FAILED"> {
  const reason = describeFsError(err);
  return new CredentialError("CREDENTIAL_NONCE_STORE_FAILED", `The nonce store cannot use ${file}: ${reason}.`, {
    hint: "Check the folder's permissions; a corrupt record can be deleted (its nonce is then refused as unknown), then issue a new nonce.",
    details: { path: file, reason },
    cause: err,
  });
}

/** A file-system error in words (never Node's raw `ENOTDIR: not a directory, open '…'`). */
function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOTDIR":
      return "a part of that path is a file where a folder should be";
    case "EISDIR":
      return "that path is a folder where a file should be";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "the disk is full";
    default:
      return err instanceof Error && code === undefined ? err.message : `the file system refused (${code ?? String(err)})`;
  }
}
