import type { Address } from "viem";
import { VerifyError, isVerifyError } from "../errors/VerifyError.js";
import { getStandardJsonInput } from "./getStandardJsonInput.js";
import { requestService, sleep } from "./requestService.js";
import type { ProxyMarking, VerificationResult, VerificationTarget, VerifyRequestOptions } from "./types.js";

/** Etherscan's API v2: one endpoint for every chain it indexes (the chain goes in `chainid`). */
export const etherscanApiUrl = "https://api.etherscan.io/v2/api";

export interface VerifyOnEtherscanParameters extends VerifyRequestOptions {
  /** What to verify (`resolveVerificationTarget`); with `clone`, the clone is also marked as a proxy. */
  readonly target: VerificationTarget;
  /** An Etherscan-compatible API: Etherscan v2 (default) or a Blockscout instance's `/api`. */
  readonly apiUrl?: string;
  /** Required by Etherscan (any host with "etherscan" in its name); Blockscout needs none. */
  readonly apiKey?: string;
}

export type VerifyOnEtherscanReturnType = VerificationResult;

interface EtherscanBody {
  readonly status: string;
  readonly message: string;
  readonly result: string;
}

/**
 * Submits the exact standard JSON input of a mintkit contract to an Etherscan-compatible API
 * (`module=contract&action=verifysourcecode`, `codeformat=solidity-standard-json-input`, `contractname`
 * `path:Name`, `compilerversion` `v0.8.x+commit.…`, the constructor arguments, `chainid` for Etherscan v2),
 * then polls `checkverifystatus` until it passes, fails or `timeout` passes (then `pending`). For a clone it
 * then asks the explorer to link the clone to its implementation (`verifyproxycontract`, polled with
 * `checkproxyverification`); an explorer that refuses is reported in `proxy`, not an error. A contract the explorer
 * has not indexed yet ("Unable to locate ContractCode", e.g. right after a deploy) is resubmitted until `timeout`.
 * @throws VerifyError `VERIFY_API_KEY_MISSING`, `VERIFY_API_KEY_REJECTED`, `VERIFY_BYTECODE_MISMATCH`,
 *   `VERIFY_NO_CODE`, `VERIFY_FAILED`, `VERIFY_RATE_LIMITED`, `VERIFY_SERVICE_UNREACHABLE`, `VERIFY_UNEXPECTED_RESPONSE`.
 * @example
 * const result = await verifyOnEtherscan({ target, apiKey: process.env.ETHERSCAN_API_KEY });
 */
export async function verifyOnEtherscan(parameters: VerifyOnEtherscanParameters): Promise<VerifyOnEtherscanReturnType> {
  const { target } = parameters;
  const api = etherscanClient(parameters);
  const { input, compilerVersion, contractIdentifier } = await getStandardJsonInput(target.contractName);
  const args = target.constructorArguments.replace(/^0x/, "");
  const base = { service: "etherscan" as const, address: target.address, contractName: target.contractName };
  const form = {
    contractaddress: target.address,
    sourceCode: JSON.stringify(input),
    codeformat: "solidity-standard-json-input",
    contractname: contractIdentifier,
    compilerversion: `v${compilerVersion}`,
    // Etherscan's historical spelling, and the corrected one newer APIs read.
    constructorArguements: args,
    constructorArguments: args,
  };
  // A contract deployed seconds ago may not be indexed yet: "Unable to locate ContractCode" is retried until `timeout`.
  const deadline = Date.now() + (parameters.timeout ?? 120_000);
  let submitted = await api.call("verifysourcecode", form);
  while (submitted.status !== "1" && /^Unable to locate ContractCode/i.test(submitted.result) && Date.now() < deadline) {
    await sleep(parameters.pollingInterval ?? 3000);
    submitted = await api.call("verifysourcecode", form);
  }
  let result: VerificationResult;
  if (submitted.status !== "1") {
    if (isAlreadyVerified(submitted.result)) result = { ...base, status: "already-verified", message: submitted.result };
    else throw api.failure(submitted.result, target.address);
  } else {
    result = await pollVerification(api, submitted.result, base, parameters);
  }
  if (target.clone && result.status !== "pending") {
    return { ...result, proxy: await markProxy(api, target.clone.address, target.address, parameters) };
  }
  return result;
}

type EtherscanClient = ReturnType<typeof etherscanClient>;

/**
 * Checks an Etherscan-compatible API URL and key before anything is sent: the URL is http(s), and Etherscan
 * (a host with "etherscan" in its name) gets a key. Returns the URL and the trimmed key.
 * @throws VerifyError `VERIFY_INVALID_PARAMETER`, `VERIFY_API_KEY_MISSING`.
 */
export function checkEtherscanParameters(parameters: { readonly apiUrl?: string; readonly apiKey?: string }): { url: URL; apiKey?: string } {
  const apiUrl = parameters.apiUrl ?? etherscanApiUrl;
  let url: URL;
  try {
    url = new URL(apiUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
  } catch {
    throw new VerifyError("VERIFY_INVALID_PARAMETER", `The API URL "${apiUrl}" is not an http(s) URL.`, {
      hint: "Pass the explorer's API endpoint, e.g. https://api.etherscan.io/v2/api or https://eth.blockscout.com/api.",
      details: { field: "apiUrl", value: apiUrl, reason: "not an absolute http(s) URL" },
    });
  }
  const apiKey = parameters.apiKey?.trim() || undefined;
  if (!apiKey && /etherscan/i.test(url.hostname)) {
    throw new VerifyError("VERIFY_API_KEY_MISSING", `Etherscan (${url.origin}) needs an API key to verify sources.`, {
      hint: "Create one at https://etherscan.io/myapikey (one key works for every chain of Etherscan's API v2) and pass it with --etherscan-api-key or the ETHERSCAN_API_KEY environment variable.",
      details: { service: "etherscan", apiUrl: url.origin + url.pathname },
    });
  }
  return apiKey ? { url, apiKey } : { url };
}

function etherscanClient(parameters: VerifyOnEtherscanParameters) {
  const { url, apiKey } = checkEtherscanParameters(parameters);
  const shownUrl = url.origin + url.pathname;
  const chainId = String(parameters.target.chainId);
  const query = (action: string, extra: Record<string, string> = {}) => {
    const u = new URL(url);
    for (const [k, v] of Object.entries({ chainid: chainId, module: "contract", action, ...extra, ...(apiKey ? { apikey: apiKey } : {}) })) u.searchParams.set(k, v);
    return u.toString();
  };
  const parse = (status: number, body: unknown): EtherscanBody => {
    const b = body as Partial<EtherscanBody>;
    if (typeof b?.status !== "string" || typeof b.result !== "string") {
      throw new VerifyError("VERIFY_UNEXPECTED_RESPONSE", `The API at ${shownUrl} answered HTTP ${status} with something that is not Etherscan's API.`, {
        hint: "Check --api-url: Etherscan's is https://api.etherscan.io/v2/api, a Blockscout instance's is https://<host>/api.",
        details: { service: "etherscan", apiUrl: shownUrl, status, body: JSON.stringify(body).slice(0, 200) },
      });
    }
    return b as EtherscanBody;
  };
  const isRateLimited = (body: unknown) => {
    const b = body as Partial<EtherscanBody>;
    return b?.status === "0" && typeof b.result === "string" && /rate limit/i.test(b.result);
  };
  return {
    apiUrl: shownUrl,
    /** POST an action with a form body. */
    async call(action: string, form: Record<string, string>): Promise<EtherscanBody> {
      const r = await requestService({
        service: "etherscan",
        apiUrl: shownUrl,
        url: query(action),
        init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() },
        isRateLimited,
        options: parameters,
      });
      return parse(r.status, r.body);
    },
    /** GET a status action. */
    async get(action: string, params: Record<string, string>): Promise<EtherscanBody> {
      const r = await requestService({ service: "etherscan", apiUrl: shownUrl, url: query(action, params), isRateLimited, options: parameters });
      return parse(r.status, r.body);
    },
    /** The typed error for a NOTOK answer. */
    failure(reason: string, address: Address): VerifyError {
      if (/api.?key/i.test(reason)) {
        return new VerifyError("VERIFY_API_KEY_REJECTED", `${shownUrl} refused the API key: ${reason}`, {
          hint: "Check the key (--etherscan-api-key / ETHERSCAN_API_KEY): it is the one shown at https://etherscan.io/myapikey, for the explorer you call.",
          details: { service: "etherscan", apiUrl: shownUrl, reason },
        });
      }
      if (/^Unable to locate ContractCode/i.test(reason)) {
        return new VerifyError("VERIFY_NO_CODE", `${shownUrl} finds no contract at ${address} on chain ${chainId}.`, {
          hint: "The explorer may not have indexed the deployment yet: wait a minute and run the command again; check the network.",
          details: { service: "etherscan", address, chainId: Number(chainId) },
        });
      }
      if (/^Fail - Unable to verify|does NOT match/i.test(reason)) {
        return new VerifyError("VERIFY_BYTECODE_MISMATCH", `The explorer compiled the sources and they do not match the code at ${address}: ${reason}`, {
          hint: "The contract on chain was not built from this mintkit version's sources: verify with the mintkit version that deployed it.",
          details: { service: "etherscan", address, reason },
        });
      }
      return new VerifyError("VERIFY_FAILED", `${shownUrl} did not verify ${address}: ${reason}`, {
        hint: "Read the explorer's reason above; run the command again once it is fixed (verification is idempotent).",
        details: { service: "etherscan", address, reason },
      });
    },
  };
}

async function pollVerification(
  api: EtherscanClient,
  guid: string,
  base: Pick<VerificationResult, "service" | "address" | "contractName">,
  options: VerifyRequestOptions,
): Promise<VerificationResult> {
  const deadline = Date.now() + (options.timeout ?? 120_000);
  for (;;) {
    const r = await api.get("checkverifystatus", { guid });
    if (r.result === "Pass - Verified") return { ...base, status: "verified", id: guid, message: r.result };
    if (isAlreadyVerified(r.result)) return { ...base, status: "already-verified", id: guid, message: r.result };
    if (!/pending/i.test(r.result)) throw api.failure(r.result, base.address);
    if (Date.now() >= deadline) {
      return { ...base, status: "pending", id: guid, message: `Still "${r.result}" at ${api.apiUrl}; check the GUID ${guid} later.` };
    }
    await sleep(options.pollingInterval ?? 3000);
  }
}

/** Asks the explorer to link an EIP-1167 clone to its implementation; never throws (the outcome is reported). */
async function markProxy(api: EtherscanClient, address: Address, implementation: Address, options: VerifyRequestOptions): Promise<ProxyMarking> {
  const base = { address, implementation };
  try {
    const submitted = await api.call("verifyproxycontract", { address, expectedimplementation: implementation });
    if (submitted.status !== "1") return { ...base, status: "not-marked", message: submitted.result };
    const deadline = Date.now() + (options.timeout ?? 120_000);
    for (;;) {
      const r = await api.get("checkproxyverification", { guid: submitted.result });
      if (r.status === "1") return { ...base, status: "marked", message: r.result };
      if (!/pending/i.test(r.result)) return { ...base, status: "not-marked", message: r.result };
      if (Date.now() >= deadline) return { ...base, status: "pending", message: r.result };
      await sleep(options.pollingInterval ?? 3000);
    }
  } catch (err) {
    if (isVerifyError(err)) return { ...base, status: "not-marked", message: err.shortMessage };
    throw err;
  }
}

function isAlreadyVerified(result: string): boolean {
  return /already verified/i.test(result);
}
