import { IpfsError, type RemoteService } from "../../errors/IpfsError.js";
import type { RetryOptions } from "./withRetry.js";

/**
 * Credentials for a remote IPFS service, sent as the `Authorization` header on every request:
 * `{ bearer }` → `Bearer <token>`, `{ basic }` → `Basic base64(user:password)` (Kubo behind a
 * reverse proxy, Infura-style project id/secret), `{ header }` → the value as given.
 * Never printed, never put in error details.
 */
export type RemoteAuth =
  | { readonly bearer: string }
  | { readonly basic: { readonly username: string; readonly password: string } }
  | { readonly header: string };

/** Options shared by the remote clients (Kubo RPC, Pinning Service API). Browser-safe. */
export interface RemoteOptions {
  /** Credentials (see {@link RemoteAuth}). */
  readonly auth?: RemoteAuth;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Time limit of each HTTP request in ms (default 60,000); a timed-out request is retried. */
  readonly timeoutMs?: number;
  /** Retry policy for 429, 5xx, network errors and timeouts. */
  readonly retry?: RetryOptions;
  /** Aborts every request of this client (no retry after an abort). */
  readonly signal?: AbortSignal;
}

/** Default time limit of one request. */
export const DEFAULT_REMOTE_TIMEOUT_MS = 60_000;

/** The `Authorization` header value for `auth`, or undefined. @internal */
export function authorizationHeader(auth: RemoteAuth | undefined): string | undefined {
  if (!auth) return undefined;
  if ("bearer" in auth) return `Bearer ${auth.bearer}`;
  if ("basic" in auth) return `Basic ${base64(`${auth.basic.username}:${auth.basic.password}`)}`;
  return auth.header;
}

/**
 * Splits credentials out of a URL (`http://user:pass@host:5001` → Basic auth), because fetch
 * refuses URLs with credentials, and so that error messages never show them. @internal
 */
export function splitUrlCredentials(
  url: string,
  service: RemoteService,
): { readonly url: URL; readonly auth: RemoteAuth | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL("invalid:");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    const shown = url.replace(/\/\/[^/@]*@/, "//***@");
    throw new IpfsError("IPFS_REMOTE_INVALID_URL", `"${shown}" is not an http(s) URL.`, {
      hint:
        service === "kubo"
          ? "Give the Kubo RPC API address, e.g. http://127.0.0.1:5001 (Kubo's Addresses.API)."
          : "Give the pinning service endpoint from the provider's docs, e.g. https://api.pinata.cloud/psa.",
      details: { service, url: shown },
    });
  }
  let auth: RemoteAuth | undefined;
  if (parsed.username !== "" || parsed.password !== "") {
    auth = {
      basic: { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) },
    };
    parsed.username = "";
    parsed.password = "";
  }
  return { url: parsed, auth };
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
