import type { Address } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import { gasFields, type GasEstimate } from "./types.js";

/**
 * Gas of minting one token on a MintkitCollection, simulated on the target chain as `account` (the owner
 * or a minter): `mint(to)`, or `mintWithURI(to, uri)` when `uri` is given (the token's own metadata URI).
 *
 * @example
 * const { gas } = await estimateMintGas(publicClient, { collection, to: buyer, account: owner });
 */
export async function estimateMintGas(
  client: GasClient,
  parameters: { readonly collection: Address; readonly to: Address; readonly account: GasAccount; readonly uri?: string },
): Promise<GasEstimate> {
  const collection = toAddress("collection", parameters.collection);
  const to = toAddress("to", parameters.to);
  const { account, uri } = parameters;
  const sim =
    uri === undefined
      ? await simulateTransaction(client, "mint", { address: collection, abi: mintkitCollectionAbi, functionName: "mint", args: [to], account }, { measureUsed: true })
      : await simulateTransaction(client, "mintWithURI", {
          address: collection,
          abi: mintkitCollectionAbi,
          functionName: "mintWithURI",
          args: [to, uri],
          account,
        }, { measureUsed: true });
  return {
    operation: uri === undefined ? "mint" : "mintWithURI",
    ...gasFields(sim),
    contract: collection,
    account: accountAddress(account),
    value: 0n,
    quantity: 1n,
  };
}
