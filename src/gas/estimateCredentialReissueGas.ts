import type { Address } from "viem";
import { credentialWriteGas } from "./credentialWriteGas.js";
import { holderCases } from "./gasCases.js";
import type { GasAccount, GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of reissuing credential `tokenId` to `newHolder` after a key loss (`reissue(tokenId, newHolder)`: the
 * old one revoked, the same credential issued to the new wallet, both linked), simulated on the target chain
 * as `account` (the credential's issuer holding the issuer role, or an admin). `cases` says whether the new
 * holder gets a first credential (+17.1k). No headroom, as for an issue.
 *
 * @example
 * const { gas } = await estimateCredentialReissueGas(publicClient, { registry, tokenId, newHolder, account: issuer });
 */
export async function estimateCredentialReissueGas(
  client: GasClient,
  parameters: { readonly registry: Address; readonly tokenId: bigint; readonly newHolder: Address; readonly account: GasAccount },
): Promise<GasEstimate> {
  const registry = toAddress("registry", parameters.registry);
  const newHolder = toAddress("newHolder", parameters.newHolder);
  const cases = await holderCases(client, registry, [newHolder], "registry");
  return credentialWriteGas(client, "credentialReissue", registry, parameters.account, { functionName: "reissue", args: [parameters.tokenId, newHolder] }, cases);
}
