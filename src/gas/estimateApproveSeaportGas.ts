import { getAddress, type Address } from "viem";
import { readContract } from "viem/actions";
import { GasError } from "../errors/GasError.js";
import { approveSeaportCall } from "../market/approveSeaport.js";
import { SEAPORT_V1_6_ADDRESS } from "../market/seaportAddresses.js";
import { marketTokenAbi } from "../market/tokenAbi.js";
import { estimateFields } from "./gasLimitFor.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/** What {@link estimateApproveSeaportGas} estimates: a seller's one-time approval of Seaport for a collection. */
export interface EstimateApproveSeaportGasParameters {
  /** The ERC-721 or ERC-1155 collection. */
  readonly collection: Address;
  /** The seller (the token owner). */
  readonly account: GasAccount;
  /** The operator to approve (default: Seaport 1.6). */
  readonly operator?: Address;
}

/**
 * Gas of the approval `approveSeaport` sends (`setApprovalForAll(operator, true)`), simulated as the seller. It
 * writes the approval slot from zero, whatever else happens: no headroom. An approval already set is refused
 * with `GAS_INVALID_PARAMETER` (`approveSeaport` sends nothing then).
 *
 * @example
 * const { gas, gasLimit } = await estimateApproveSeaportGas(publicClient, { collection, account: seller });
 */
export async function estimateApproveSeaportGas(client: GasClient, parameters: EstimateApproveSeaportGasParameters): Promise<GasEstimate> {
  const collection = toAddress("collection", parameters.collection);
  const operator = getAddress(parameters.operator ?? SEAPORT_V1_6_ADDRESS);
  const owner = accountAddress(parameters.account);
  if (await readContract(client, { address: collection, abi: marketTokenAbi, functionName: "isApprovedForAll", args: [owner, operator] })) {
    throw new GasError("GAS_INVALID_PARAMETER", `${owner} already approved ${operator} for ${collection}: approveSeaport sends nothing.`, {
      hint: "Nothing to estimate: Seaport may move this account's tokens of the collection already.",
      details: { parameter: "collection", value: collection, reason: "the approval is already set" },
    });
  }
  const sim = await simulateTransaction(
    client,
    "approve Seaport",
    { ...approveSeaportCall(operator), address: collection, abi: marketTokenAbi, account: parameters.account },
    { measureUsed: true },
  );
  return {
    operation: "approveSeaport",
    ...(await estimateFields(client, sim, { operation: "approveSeaport" })),
    cases: [],
    contract: collection,
    account: owner,
    value: 0n,
    quantity: 0n,
  };
}
