import type { Address, Chain, Hash, PublicClient, Transport } from "viem";
import { VerifyError, isVerifyError } from "../errors/VerifyError.js";
import { resolveVerificationTarget } from "./resolveVerificationTarget.js";
import type { VerificationResult, VerificationService, VerificationTarget, VerifyRequestOptions } from "./types.js";
import { checkEtherscanParameters, verifyOnEtherscan } from "./verifyOnEtherscan.js";
import { sourcifyApiUrl, verifyOnSourcify } from "./verifyOnSourcify.js";

export interface VerifyContractParameters extends VerifyRequestOptions {
  /** A mintkit core contract, or a collection / editions / registry the factory cloned. */
  readonly address: Address;
  /** Verify on Sourcify (`true`: https://sourcify.dev/server). */
  readonly sourcify?: boolean | { readonly apiUrl?: string };
  /** Verify on an Etherscan-compatible API (Etherscan v2 by default, or a Blockscout `/api`). */
  readonly etherscan?: { readonly apiUrl?: string; readonly apiKey?: string };
  /** The creation transaction, passed on to Sourcify. */
  readonly creationTransactionHash?: Hash;
}

/** One service's outcome: its result, or the typed error it ended with. */
export type VerificationOutcome =
  | { readonly service: VerificationService; readonly ok: true; readonly result: VerificationResult }
  | { readonly service: VerificationService; readonly ok: false; readonly error: VerifyError };

export interface VerifyContractReturnType {
  readonly target: VerificationTarget;
  /** One entry per service asked, in the order Sourcify, Etherscan. */
  readonly outcomes: readonly VerificationOutcome[];
  /** True when every service verified the contract (now or before), or is still working on it (`pending`). */
  readonly ok: boolean;
}

/**
 * Verifies a mintkit contract's sources on Sourcify and/or an Etherscan-compatible explorer: reads what is at
 * `address` (`resolveVerificationTarget`: a clone means its implementation is verified, and Etherscan is asked
 * to mark the clone as a proxy), then submits the exact standard JSON input the build used to each service and
 * waits for the result. One service failing does not stop the other; each outcome is typed. Parameter
 * problems (no service, a bad URL, Etherscan without an API key) throw before anything is sent.
 * @throws VerifyError `VERIFY_INVALID_PARAMETER`, `VERIFY_API_KEY_MISSING`, and the target's errors
 *   (`VERIFY_NO_CODE`, `VERIFY_NOT_MINTKIT_CONTRACT`, `VERIFY_BYTECODE_MISMATCH`).
 * @example
 * const { outcomes, ok } = await verifyContract(publicClient, {
 *   address: collection,
 *   sourcify: true,
 *   etherscan: { apiKey: process.env.ETHERSCAN_API_KEY },
 * });
 */
export async function verifyContract(
  client: PublicClient<Transport, Chain | undefined>,
  parameters: VerifyContractParameters,
): Promise<VerifyContractReturnType> {
  const { sourcify, etherscan, address, creationTransactionHash, ...options } = parameters;
  if (!sourcify && !etherscan) {
    throw new VerifyError("VERIFY_INVALID_PARAMETER", "No verification service was chosen.", {
      hint: "Ask for Sourcify (sourcify: true / --sourcify) and/or an Etherscan-compatible explorer (etherscan: { apiKey } / --etherscan).",
      details: { field: "services", value: "none", reason: "neither sourcify nor etherscan" },
    });
  }
  if (etherscan) checkEtherscanParameters(etherscan);
  const target = await resolveVerificationTarget(client, { address });
  const outcomes: VerificationOutcome[] = [];
  if (sourcify) {
    const apiUrl = typeof sourcify === "object" ? (sourcify.apiUrl ?? sourcifyApiUrl) : sourcifyApiUrl;
    outcomes.push(await settle("sourcify", () => verifyOnSourcify({ ...options, target, apiUrl, ...(creationTransactionHash ? { creationTransactionHash } : {}) })));
  }
  if (etherscan) outcomes.push(await settle("etherscan", () => verifyOnEtherscan({ ...options, ...etherscan, target })));
  return { target, outcomes, ok: outcomes.every((o) => o.ok) };
}

async function settle(service: VerificationService, run: () => Promise<VerificationResult>): Promise<VerificationOutcome> {
  try {
    return { service, ok: true, result: await run() };
  } catch (err) {
    if (isVerifyError(err)) return { service, ok: false, error: err };
    throw err;
  }
}
