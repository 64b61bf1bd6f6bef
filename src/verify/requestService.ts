import { VerifyError, type VerificationService } from "../errors/VerifyError.js";
import type { VerifyRequestOptions } from "./types.js";

export interface RequestServiceParameters {
  readonly service: VerificationService;
  /** The API base URL (for messages; never carries the API key). */
  readonly apiUrl: string;
  readonly url: string;
  readonly init?: RequestInit;
  /** A 2xx answer that still means "rate limited" (Etherscan answers HTTP 200 with `Max rate limit reached`). */
  readonly isRateLimited?: (body: unknown) => boolean;
  readonly options?: VerifyRequestOptions;
}

export interface RequestServiceReturnType {
  readonly status: number;
  /** The parsed JSON body. */
  readonly body: unknown;
}

/**
 * One request to a verification service, as JSON, retried with exponential backoff (a `Retry-After` header
 * wins) after HTTP 429, HTTP 5xx, a rate-limit answer or a network error. Other 4xx answers are returned
 * (the service's reason is in the body).
 * @throws VerifyError `VERIFY_RATE_LIMITED`, `VERIFY_SERVICE_UNREACHABLE`, `VERIFY_UNEXPECTED_RESPONSE` (not JSON).
 */
export async function requestService(parameters: RequestServiceParameters): Promise<RequestServiceReturnType> {
  const { service, apiUrl, url, init, isRateLimited, options = {} } = parameters;
  const doFetch = options.fetch ?? globalThis.fetch;
  const retryCount = options.retryCount ?? 3;
  const baseDelay = options.retryDelay ?? 1000;
  let lastStatus: number | undefined;
  let lastError: unknown;
  let rateLimited = false;
  for (let attempt = 0; attempt <= retryCount; attempt++) {
    let retryAfter: number | undefined;
    try {
      const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(options.requestTimeout ?? 30_000) });
      const text = await response.text();
      lastStatus = response.status;
      retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      const body = parseJson(text);
      if (response.status === 429 || (response.ok && body !== undefined && isRateLimited?.(body) === true)) {
        rateLimited = true;
      } else if (response.status >= 500) {
        rateLimited = false;
      } else {
        if (body === undefined) {
          throw new VerifyError("VERIFY_UNEXPECTED_RESPONSE", `${label(service)} at ${apiUrl} answered HTTP ${response.status} with something that is not JSON.`, {
            hint: `Check the API URL: it must be the service's API (${service === "sourcify" ? "e.g. https://sourcify.dev/server" : "e.g. https://api.etherscan.io/v2/api or https://<blockscout>/api"}), not its website.`,
            details: { service, apiUrl, status: response.status, body: text.slice(0, 200) },
          });
        }
        return { status: response.status, body };
      }
    } catch (err) {
      if (err instanceof VerifyError) throw err;
      lastError = err;
      rateLimited = false;
      lastStatus = undefined;
    }
    if (attempt < retryCount) await sleep(retryAfter ?? baseDelay * 2 ** attempt);
  }
  const attempts = retryCount + 1;
  if (rateLimited) {
    throw new VerifyError("VERIFY_RATE_LIMITED", `${label(service)} at ${apiUrl} kept answering "rate limited" (${attempts} attempts).`, {
      hint: "Wait a minute and run the command again (nothing was lost: verification is idempotent), or use an API key with a higher limit.",
      details: { service, apiUrl, attempts },
    });
  }
  throw new VerifyError(
    "VERIFY_SERVICE_UNREACHABLE",
    lastStatus === undefined
      ? `${label(service)} at ${apiUrl} cannot be reached (${attempts} attempts).`
      : `${label(service)} at ${apiUrl} kept failing with HTTP ${lastStatus} (${attempts} attempts).`,
    {
      hint: "Check the network and the API URL (--api-url), or try again later: nothing was submitted twice, running the command again is safe.",
      details: { service, apiUrl, attempts, ...(lastStatus === undefined ? {} : { status: lastStatus }) },
      cause: lastError,
    },
  );
}

/** `Sourcify` / `Etherscan-compatible API` for messages. */
export function label(service: VerificationService): string {
  return service === "sourcify" ? "Sourcify" : "The Etherscan-compatible API";
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in ms (seconds or an HTTP date), capped at 60 s. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 60_000) : undefined;
}
