import type { Address, Hex } from "viem";
import { credentialWriteGas } from "./credentialWriteGas.js";
import { holderCases } from "./gasCases.js";
import type { GasAccount, GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/** What {@link estimateCredentialIssueGas} estimates: `issue(to, schemaId, claimsRoot, expiry, burnAuth)`. */
export interface EstimateCredentialIssueGasParameters {
  /** The CredentialRegistry. */
  readonly registry: Address;
  /** The holder. */
  readonly to: Address;
  readonly schemaId: number;
  /** The claims root (`commitClaims(claims).root`). */
  readonly claimsRoot: Hex;
  /** Unix seconds, in the future; 0 (default) for never. */
  readonly expiry?: number;
  /** ERC-5484 burn authorization: 0 IssuerOnly, 1 OwnerOnly, 2 Both, 3 Neither (default 0). */
  readonly burnAuth?: number;
  /** The issuer who sends it (the owner or an ISSUER_ROLE holder). */
  readonly account: GasAccount;
}

/**
 * Gas of issuing a soulbound credential on a CredentialRegistry, simulated on the target chain as the
 * issuer. `cases` says whether the holder gets a first credential (its per-holder word is written from
 * zero: +17.1k) or already has one. No headroom: a holder's word never returns to zero (it keeps the serial
 * of its next credential), and the record is a fresh slot whatever else is issued first.
 *
 * @example
 * const { gas, gasLimit } = await estimateCredentialIssueGas(publicClient, { registry, to: holder, schemaId: 1, claimsRoot: root, account: issuer });
 */
export async function estimateCredentialIssueGas(client: GasClient, parameters: EstimateCredentialIssueGasParameters): Promise<GasEstimate> {
  const registry = toAddress("registry", parameters.registry);
  const to = toAddress("to", parameters.to);
  const args = [to, parameters.schemaId, parameters.claimsRoot, parameters.expiry ?? 0, parameters.burnAuth ?? 0] as const;
  const cases = await holderCases(client, registry, [to], "registry");
  return credentialWriteGas(client, "credentialIssue", registry, parameters.account, { functionName: "issue", args }, cases);
}
