import { IpfsError, type RemoteService } from "../../errors/IpfsError.js";
import { MintkitError } from "../../errors/MintkitError.js";

/** Retry policy of the remote clients. Browser-safe. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3: at most 4 attempts). 0 disables retries. */
  readonly retries?: number;
  /** Backoff before the first retry in ms (default 500); doubled for each further retry, with jitter. */
  readonly minDelayMs?: number;
  /** Longest wait between attempts in ms (default 30,000). A `Retry-After` longer than this gives up at once. */
  readonly maxDelayMs?: number;
  /** Called before each retry with the wait chosen (e.g. for a CLI "retrying in 2 s" line). */
  readonly onRetry?: (event: RetryEvent) => void;
}

/** One retry about to happen. */
export interface RetryEvent {
  /** The attempt that failed (1 = the first). */
  readonly attempt: number;
  /** Wait before the next attempt, in ms (at least the server's `Retry-After`). */
  readonly delayMs: number;
  /** Why: `timeout`, `rate-limited` (429) or `unavailable` (5xx, network error). */
  readonly reason: "timeout" | "rate-limited" | "unavailable";
  /** HTTP status of the failed attempt, when there was one. */
  readonly status?: number;
  readonly url: string;
}

/** What went wrong with one attempt, as the retry loop sees it. @internal */
export type RemoteFailure =
  | { readonly kind: "unauthorized"; readonly status: number; readonly message: string }
  | { readonly kind: "rate-limited"; readonly status: 429; readonly retryAfterMs: number | undefined; readonly message: string }
  | { readonly kind: "unavailable"; readonly status?: number; readonly message: string }
  | { readonly kind: "rejected"; readonly status: number; readonly message: string };

/** @internal */
export interface RetryContext {
  readonly service: RemoteService;
  /** The endpoint, for errors (no credentials). */
  readonly url: string;
  readonly retry?: RetryOptions;
  /** Time limit of each attempt in ms. */
  readonly timeoutMs: number;
  /** Aborts the whole operation (no retry). */
  readonly signal?: AbortSignal;
  /** Maps an error thrown by an attempt to a failure; undefined = not a transport failure, rethrown as is. */
  readonly classify: (err: unknown) => RemoteFailure | undefined | Promise<RemoteFailure | undefined>;
}

/**
 * Runs `attempt` with a per-attempt timeout and bounded retries: 429 (waiting at least
 * `Retry-After`), 5xx, network errors and timeouts are retried with exponential backoff; 401/403 and
 * other 4xx are not. Ends with a typed `IpfsError` naming the URL. Browser-safe.
 * @internal
 */
export async function withRetry<T>(attempt: (signal: AbortSignal) => Promise<T>, ctx: RetryContext): Promise<T> {
  const retries = Math.max(0, Math.floor(ctx.retry?.retries ?? 3));
  const minDelay = Math.max(0, ctx.retry?.minDelayMs ?? 500);
  const maxDelay = Math.max(minDelay, ctx.retry?.maxDelayMs ?? 30_000);
  let last: RemoteFailure | "timeout" = "timeout";
  let lastCause: unknown;

  for (let n = 0; n <= retries; n++) {
    ctx.signal?.throwIfAborted();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error(`timed out after ${ctx.timeoutMs} ms`)), ctx.timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout.signal]) : timeout.signal;
    try {
      return await attempt(signal);
    } catch (err) {
      if (ctx.signal?.aborted) throw ctx.signal.reason ?? err;
      lastCause = err;
      if (timeout.signal.aborted) {
        last = "timeout";
      } else {
        if (err instanceof MintkitError) throw err;
        const failure = await ctx.classify(err);
        if (!failure) throw err;
        last = failure;
        if (failure.kind === "unauthorized" || failure.kind === "rejected") throw toError(failure, ctx, n + 1, err);
        if (failure.kind === "rate-limited" && failure.retryAfterMs !== undefined && failure.retryAfterMs > maxDelay) {
          throw toError(failure, ctx, n + 1, err);
        }
      }
    } finally {
      clearTimeout(timer);
    }
    if (n === retries) break;
    const backoff = Math.min(maxDelay, minDelay * 2 ** n);
    const jittered = backoff / 2 + Math.random() * (backoff / 2);
    const delayMs = Math.round(
      last !== "timeout" && last.kind === "rate-limited" && last.retryAfterMs !== undefined
        ? Math.max(last.retryAfterMs, jittered)
        : jittered,
    );
    ctx.retry?.onRetry?.({
      attempt: n + 1,
      delayMs,
      reason: last === "timeout" ? "timeout" : last.kind === "rate-limited" ? "rate-limited" : "unavailable",
      ...(last !== "timeout" && last.status !== undefined ? { status: last.status } : {}),
      url: ctx.url,
    });
    await sleep(delayMs, ctx.signal);
  }
  throw toError(last, ctx, retries + 1, lastCause);
}

/** Parses a `Retry-After` header (seconds, or an HTTP date) into ms. @internal */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A short reason for a network-level error (`ECONNREFUSED`, `fetch failed` …). @internal */
export function networkReason(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const cause = (err as { cause?: unknown }).cause as { code?: unknown; message?: unknown } | undefined;
  if (err.name === "TypeError" || typeof cause?.code === "string") {
    const code = typeof cause?.code === "string" ? cause.code : undefined;
    const detail = typeof cause?.message === "string" ? cause.message : err.message;
    return code ? `${code}: ${detail}` : detail;
  }
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return `${code}: ${err.message}`;
  return undefined;
}

function toError(failure: RemoteFailure | "timeout", ctx: RetryContext, attempts: number, cause: unknown): IpfsError {
  const { service, url } = ctx;
  const name = service === "kubo" ? "The Kubo RPC API" : "The pinning service";
  if (failure === "timeout") {
    return new IpfsError("IPFS_REMOTE_TIMEOUT", `${name} at ${url} did not answer within ${ctx.timeoutMs} ms (${attempts} attempt(s)).`, {
      hint: "Check that the service is up and not overloaded, or raise `timeoutMs`; the operation is idempotent, so run it again.",
      details: { service, url, attempts, timeoutMs: ctx.timeoutMs },
      cause,
    });
  }
  switch (failure.kind) {
    case "unauthorized":
      return new IpfsError("IPFS_REMOTE_UNAUTHORIZED", `${name} at ${url} refused the credentials (HTTP ${failure.status}).`, {
        hint:
          service === "kubo"
            ? "Check the `auth` option (Bearer token or Basic user/password) against Kubo's API.Authorizations or your reverse proxy; requests without credentials are refused when auth is configured."
            : "Check the access token (`accessToken`): it may be wrong, expired or lack the pinning scope. Create a new one in the provider's dashboard.",
        details: { service, url, status: failure.status },
        cause,
      });
    case "rejected":
      return new IpfsError("IPFS_REMOTE_REJECTED", `${name} at ${url} rejected the request (HTTP ${failure.status}): ${failure.message}`, {
        hint: "The request itself was refused, so it is not retried: check the arguments (CID, name, sizes) and the service's limits.",
        details: { service, url, status: failure.status, message: failure.message },
        cause,
      });
    case "rate-limited":
      return new IpfsError("IPFS_REMOTE_RATE_LIMITED", `${name} at ${url} is rate-limiting requests (HTTP 429, ${attempts} attempt(s)).`, {
        hint:
          failure.retryAfterMs !== undefined
            ? `The service asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s: run the operation again later (it resumes), or raise retry.maxDelayMs.`
            : "Wait a moment and run the operation again (it resumes), or lower the concurrency.",
        details: { service, url, attempts, ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }) },
        cause,
      });
    case "unavailable":
      return new IpfsError(
        "IPFS_REMOTE_UNAVAILABLE",
        `${name} at ${url} is unavailable after ${attempts} attempt(s): ${failure.message}`,
        {
          hint:
            service === "kubo"
              ? "Check that Kubo is running (`ipfs daemon`) and that the URL points at its RPC API (default http://127.0.0.1:5001); then run the operation again — blocks already sent are not sent twice."
              : "Check the endpoint URL and the provider's status page, then run the operation again (an existing pin of the CID is reused).",
          details: { service, url, attempts, ...(failure.status === undefined ? {} : { status: failure.status }), reason: failure.message },
          cause,
        },
      );
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
