import type { Address } from "viem";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";
import { GasError } from "../errors/GasError.js";
import { estimateFields } from "./gasLimitFor.js";
import type { GasCase } from "./headroom.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import type { GasEstimate, GasOperation } from "./types.js";

type CredentialCall =
  | { readonly functionName: "issue"; readonly args: readonly [Address, number, `0x${string}`, number, number] }
  | { readonly functionName: "revoke"; readonly args: readonly [bigint, string] }
  | { readonly functionName: "reissue"; readonly args: readonly [bigint, Address] };

/**
 * Internal: simulates one CredentialRegistry write as `account` and builds its {@link GasEstimate}. A caller
 * without the issuer role (or, for revoke, neither the credential's issuer nor an admin) is `GAS_NOT_MINTER`
 * with the role to grant; any other revert is `GAS_SIMULATION_REVERTED` naming the registry's error.
 */
export async function credentialWriteGas(
  client: GasClient,
  operation: Extract<GasOperation, "credentialIssue" | "credentialRevoke" | "credentialReissue">,
  registry: Address,
  account: GasAccount,
  call: CredentialCall,
  cases: readonly GasCase[],
): Promise<GasEstimate> {
  let sim;
  try {
    const base = { address: registry, abi: credentialRegistryAbi, account } as const;
    const options = { measureUsed: true } as const;
    sim =
      call.functionName === "issue"
        ? await simulateTransaction(client, operation, { ...base, functionName: "issue", args: call.args }, options)
        : call.functionName === "revoke"
          ? await simulateTransaction(client, operation, { ...base, functionName: "revoke", args: call.args }, options)
          : await simulateTransaction(client, operation, { ...base, functionName: "reissue", args: call.args }, options);
  } catch (err) {
    if (err instanceof GasError && err.code === "GAS_NOT_MINTER") {
      const who = accountAddress(account);
      throw new GasError("GAS_NOT_MINTER", `${who} may not ${call.functionName} credentials on ${registry}.`, {
        hint: "Estimate as an account holding ISSUER_ROLE (the owner holds it), or the credential's issuer or an admin for a revoke: grantRole(ISSUER_ROLE, account).",
        details: { contract: registry, account: who },
        cause: err,
      });
    }
    throw err;
  }
  return {
    operation,
    ...(await estimateFields(client, sim, { operation })),
    cases,
    contract: registry,
    account: accountAddress(account),
    value: 0n,
    quantity: call.functionName === "revoke" ? 0n : 1n,
  };
}
