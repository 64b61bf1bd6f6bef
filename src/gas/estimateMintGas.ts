import type { Address } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import { estimateFields } from "./gasLimitFor.js";
import { holderCases } from "./gasCases.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of minting one token on a MintkitCollection, simulated on the target chain as `account` (the owner
 * or a minter): `mint(to)`, or `mintWithURI(to, uri)` when `uri` is given (the token's own metadata URI).
 * `cases` says whether `to` is a first-time holder (+17.1k); `gasLimit` keeps the headroom for a holder
 * that may hold nothing by the time the mint is included (see {@link headroomFor}).
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
  const operation = uri === undefined ? "mint" : "mintWithURI";
  return {
    operation,
    ...(await estimateFields(client, sim, { operation, contract: collection, to })),
    cases: await holderCases(client, collection, [to], "collection"),
    contract: collection,
    account: accountAddress(account),
    value: 0n,
    quantity: 1n,
  };
}
