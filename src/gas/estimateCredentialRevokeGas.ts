import type { Address } from "viem";
import { credentialWriteGas } from "./credentialWriteGas.js";
import type { GasAccount, GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of revoking credential `tokenId` with `reason` on a CredentialRegistry (`revoke(tokenId, reason)`),
 * simulated on the target chain as `account` (the credential's issuer or an admin). The reason is logged, so
 * its length counts (calldata and the event): estimate with the real one. One flag in the record's
 * existing slot: no state case and no headroom. A credential already revoked is `GAS_SIMULATION_REVERTED`
 * (`AlreadyRevoked`).
 *
 * @example
 * const { gas } = await estimateCredentialRevokeGas(publicClient, { registry, tokenId, reason: "left the company", account: issuer });
 */
export async function estimateCredentialRevokeGas(
  client: GasClient,
  parameters: { readonly registry: Address; readonly tokenId: bigint; readonly reason?: string; readonly account: GasAccount },
): Promise<GasEstimate> {
  const registry = toAddress("registry", parameters.registry);
  return credentialWriteGas(
    client,
    "credentialRevoke",
    registry,
    parameters.account,
    { functionName: "revoke", args: [parameters.tokenId, parameters.reason ?? ""] },
    [],
  );
}
