import type { Hash } from "viem";
import { VerifyError } from "../errors/VerifyError.js";
import { getStandardJsonInput } from "./getStandardJsonInput.js";
import { requestService, sleep } from "./requestService.js";
import type { VerificationMatch, VerificationResult, VerificationTarget, VerifyRequestOptions } from "./types.js";

/** Sourcify's public server API. */
export const sourcifyApiUrl = "https://sourcify.dev/server";

export interface VerifyOnSourcifyParameters extends VerifyRequestOptions {
  /** What to verify (`resolveVerificationTarget`). For a clone, the implementation is verified. */
  readonly target: Pick<VerificationTarget, "address" | "contractName" | "chainId">;
  /** Sourcify server base URL (default https://sourcify.dev/server). */
  readonly apiUrl?: string;
  /** The creation transaction, so Sourcify can also match the creation code without looking it up. */
  readonly creationTransactionHash?: Hash;
}

export type VerifyOnSourcifyReturnType = VerificationResult;

interface SourcifyErrorBody {
  readonly customCode: string;
  readonly message: string;
}
interface SourcifyContractBody {
  readonly match: "exact_match" | "match" | null;
}
interface SourcifyJobBody {
  readonly isJobCompleted: boolean;
  readonly verificationId: string;
  readonly contract?: SourcifyContractBody;
  readonly error?: SourcifyErrorBody;
}

/**
 * Submits the exact standard JSON input of a mintkit contract to Sourcify's API v2
 * (`POST /v2/verify/{chainId}/{address}` with `stdJsonInput`, `compilerVersion`, `contractIdentifier`), then
 * polls the job (`GET /v2/verify/{verificationId}`) until it completes or `timeout` passes (then `pending`).
 * Already verified contracts (HTTP 409 `already_verified`) are reported, not an error.
 * @throws VerifyError `VERIFY_BYTECODE_MISMATCH`, `VERIFY_NO_CODE`, `VERIFY_FAILED` (Sourcify's reason),
 *   `VERIFY_RATE_LIMITED`, `VERIFY_SERVICE_UNREACHABLE`, `VERIFY_UNEXPECTED_RESPONSE`.
 * @example
 * const target = await resolveVerificationTarget(publicClient, { address });
 * const { status, match } = await verifyOnSourcify({ target });
 */
export async function verifyOnSourcify(parameters: VerifyOnSourcifyParameters): Promise<VerifyOnSourcifyReturnType> {
  const { target, creationTransactionHash } = parameters;
  const apiUrl = (parameters.apiUrl ?? sourcifyApiUrl).replace(/\/+$/, "");
  const { input, compilerVersion, contractIdentifier } = await getStandardJsonInput(target.contractName);
  const base = { service: "sourcify" as const, address: target.address, contractName: target.contractName };
  const submitted = await requestService({
    service: "sourcify",
    apiUrl,
    url: `${apiUrl}/v2/verify/${target.chainId}/${target.address}`,
    init: {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ stdJsonInput: input, compilerVersion, contractIdentifier, ...(creationTransactionHash ? { creationTransactionHash } : {}) }),
    },
    options: parameters,
  });
  const body = submitted.body as Partial<SourcifyErrorBody & { verificationId: string }>;
  if (isError(body)) {
    if (body.customCode === "already_verified") {
      return { ...base, status: "already-verified", ...(await lookupMatch(apiUrl, target, parameters)), message: body.message };
    }
    throw jobError(body, target, apiUrl);
  }
  if (submitted.status !== 202 && submitted.status !== 200) throw unexpected(apiUrl, submitted.status, body);
  if (typeof body.verificationId !== "string") throw unexpected(apiUrl, submitted.status, body);
  const id = body.verificationId;
  const deadline = Date.now() + (parameters.timeout ?? 120_000);
  for (;;) {
    const polled = await requestService({ service: "sourcify", apiUrl, url: `${apiUrl}/v2/verify/${encodeURIComponent(id)}`, options: parameters });
    if (isError(polled.body) && polled.status >= 400) throw jobError(polled.body, target, apiUrl);
    const job = polled.body as Partial<SourcifyJobBody>;
    if (typeof job.isJobCompleted !== "boolean") throw unexpected(apiUrl, polled.status, job);
    if (job.isJobCompleted) {
      if (job.error) {
        if (job.error.customCode === "already_verified") {
          return { ...base, status: "already-verified", id, ...(await lookupMatch(apiUrl, target, parameters)), message: job.error.message };
        }
        throw jobError(job.error, target, apiUrl);
      }
      const match = toMatch(job.contract?.match ?? null);
      if (!match) throw unexpected(apiUrl, polled.status, job);
      return { ...base, status: "verified", match, id, message: `Verified on Sourcify (${job.contract?.match}).` };
    }
    if (Date.now() >= deadline) {
      return { ...base, status: "pending", id, message: `Sourcify has not finished; check ${apiUrl}/v2/verify/${id} later.` };
    }
    await sleep(parameters.pollingInterval ?? 3000);
  }
}

/** The match Sourcify records for an already verified contract (`GET /v2/contract/{chainId}/{address}`). */
async function lookupMatch(
  apiUrl: string,
  target: VerifyOnSourcifyParameters["target"],
  options: VerifyRequestOptions,
): Promise<{ match?: VerificationMatch }> {
  const { status, body } = await requestService({ service: "sourcify", apiUrl, url: `${apiUrl}/v2/contract/${target.chainId}/${target.address}`, options });
  const match = status === 200 ? toMatch((body as Partial<SourcifyContractBody>).match ?? null) : undefined;
  return match ? { match } : {};
}

function toMatch(match: string | null): VerificationMatch | undefined {
  return match === "exact_match" ? "full" : match === "match" ? "partial" : undefined;
}

function isError(body: unknown): body is SourcifyErrorBody {
  return typeof body === "object" && body !== null && typeof (body as SourcifyErrorBody).customCode === "string";
}

function jobError(error: SourcifyErrorBody, target: VerifyOnSourcifyParameters["target"], apiUrl: string): VerifyError {
  const reason = `${error.customCode}: ${error.message}`;
  if (error.customCode === "no_match" || /bytecode/i.test(error.customCode)) {
    return new VerifyError("VERIFY_BYTECODE_MISMATCH", `Sourcify compiled ${target.contractName} and it does not match the code at ${target.address}.`, {
      hint: "The contract on chain was not built from this mintkit version's sources: verify with the mintkit version that deployed it.",
      details: { service: "sourcify", address: target.address, reason },
    });
  }
  if (error.customCode === "contract_not_deployed") {
    return new VerifyError("VERIFY_NO_CODE", `Sourcify finds no contract at ${target.address} on chain ${target.chainId}.`, {
      hint: "Sourcify reads the chain through its own RPC: check that the chain is one Sourcify supports and that the deployment is mined.",
      details: { service: "sourcify", address: target.address, chainId: target.chainId },
    });
  }
  return new VerifyError("VERIFY_FAILED", `Sourcify at ${apiUrl} did not verify ${target.contractName} at ${target.address}: ${error.message}`, {
    hint: error.customCode === "unsupported_chain" ? "Sourcify does not support this chain: use an Etherscan-compatible explorer (--etherscan)." : "Read Sourcify's reason above; run the command again once it is fixed.",
    details: { service: "sourcify", address: target.address, reason },
  });
}

function unexpected(apiUrl: string, status: number, body: unknown): VerifyError {
  return new VerifyError("VERIFY_UNEXPECTED_RESPONSE", `Sourcify at ${apiUrl} answered HTTP ${status} with something that is not its API v2.`, {
    hint: "Check --api-url: it is the Sourcify server's base URL (e.g. https://sourcify.dev/server), whose API v2 is under /v2.",
    details: { service: "sourcify", apiUrl, status, body: JSON.stringify(body).slice(0, 200) },
  });
}
