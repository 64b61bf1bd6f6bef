import type { Address } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import { estimateFields } from "./gasLimitFor.js";
import { holderCases } from "./gasCases.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of an ERC-721 `transferFrom(from, to, tokenId)` on a MintkitCollection, simulated on the target chain
 * as `account` (default `from`; an approved account or operator otherwise). In a MintkitCollection the
 * first transfer of a token inside an untouched batch costs about what any transfer costs.
 *
 * @example
 * const { gas } = await estimateTransferGas(publicClient, { collection, from: holder, to: buyer, tokenId: 42n });
 */
export async function estimateTransferGas(
  client: GasClient,
  parameters: {
    readonly collection: Address;
    readonly from: Address;
    readonly to: Address;
    readonly tokenId: bigint;
    readonly account?: GasAccount;
  },
): Promise<GasEstimate> {
  const collection = toAddress("collection", parameters.collection);
  const from = toAddress("from", parameters.from);
  const to = toAddress("to", parameters.to);
  const account = parameters.account ?? from;
  const sim = await simulateTransaction(client, "transfer", {
    address: collection,
    abi: mintkitCollectionAbi,
    functionName: "transferFrom",
    args: [from, to, parameters.tokenId],
    account,
  }, { measureUsed: true });
  return {
    operation: "transfer",
    ...(await estimateFields(client, sim, { operation: "transfer", contract: collection, to })),
    cases: await holderCases(client, collection, [to], "collection"),
    contract: collection,
    account: accountAddress(account),
    value: 0n,
    quantity: 1n,
  };
}
