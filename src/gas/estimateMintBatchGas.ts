import type { Address } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress, toQuantity } from "./toQuantity.js";
import { estimateFields } from "./gasLimitFor.js";
import { batchCase, holderCases } from "./gasCases.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of one `mintBatch(to, quantity, expectedFirstId)` transaction on a MintkitCollection, simulated on
 * the target chain as `account`. `expectedFirstId` defaults to the collection's current `nextTokenId`
 * (a different one is simulated as given, and reverts if it is not the next id). For a mint too big for
 * one transaction, use {@link planBatchMint}. `cases` says whether the batch opens a new 256-id word of the
 * batch bitmap (+17.1k; a fixed first id, so this cannot change before inclusion: the contract reverts
 * instead) and whether `to` is a first-time holder (+17.1k).
 *
 * @example
 * const { gas } = await estimateMintBatchGas(publicClient, { collection, to, quantity: 100, account: owner });
 */
export async function estimateMintBatchGas(
  client: GasClient,
  parameters: {
    readonly collection: Address;
    readonly to: Address;
    readonly quantity: bigint | number;
    readonly account: GasAccount;
    /** The id the batch must start at; default: the collection's `nextTokenId` now. */
    readonly expectedFirstId?: bigint | number;
  },
): Promise<GasEstimate> {
  const collection = toAddress("collection", parameters.collection);
  const to = toAddress("to", parameters.to);
  const quantity = toQuantity("quantity", parameters.quantity);
  const expectedFirstId =
    parameters.expectedFirstId !== undefined
      ? toQuantity("expectedFirstId", parameters.expectedFirstId)
      : await readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
  const sim = await simulateTransaction(client, "mintBatch", {
    address: collection,
    abi: mintkitCollectionAbi,
    functionName: "mintBatch",
    args: [to, quantity, expectedFirstId],
    account: parameters.account,
  }, { measureUsed: true });
  return {
    operation: "mintBatch",
    ...(await estimateFields(client, sim, { operation: "mintBatch", contract: collection, to })),
    cases: [...(await batchCase(client, collection, expectedFirstId, quantity)), ...(await holderCases(client, collection, [to], "collection"))],
    contract: collection,
    account: accountAddress(parameters.account),
    value: 0n,
    quantity,
  };
}
