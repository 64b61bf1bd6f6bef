import type { Address, Hex } from "viem";
import { readContract } from "viem/actions";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import { GasError } from "../errors/GasError.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress, toQuantity } from "./toQuantity.js";
import { estimateFields } from "./gasLimitFor.js";
import { holderCases } from "./gasCases.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of an ERC-1155 `mint(to, id, amount, maxSupply, data)` on a MintkitEditions contract, simulated on
 * the target chain as `account` (the owner or a minter). Without `id`, the contract's next id (a new id);
 * the result's `operation` says whether the id is new (`editionsMintNew`: creates it with cap `maxSupply`)
 * or exists (`editionsMintExisting`: `maxSupply` must then be 0 or its recorded cap, 0 by default).
 *
 * @example
 * const created = await estimateEditionsMintGas(publicClient, { editions, to, amount: 100, account: owner });
 * const more = await estimateEditionsMintGas(publicClient, { editions, to, id: 1n, amount: 1, account: owner });
 */
export async function estimateEditionsMintGas(
  client: GasClient,
  parameters: {
    readonly editions: Address;
    readonly to: Address;
    readonly id?: bigint;
    readonly amount: bigint | number;
    readonly maxSupply?: bigint;
    readonly data?: Hex;
    readonly account: GasAccount;
  },
): Promise<GasEstimate> {
  const editions = toAddress("editions", parameters.editions);
  const to = toAddress("to", parameters.to);
  const amount = toQuantity("amount", parameters.amount);
  let id: bigint;
  let exists: boolean;
  try {
    id = parameters.id ?? (await readContract(client, { address: editions, abi: mintkitEditionsAbi, functionName: "nextTokenId" }));
    exists = await readContract(client, { address: editions, abi: mintkitEditionsAbi, functionName: "exists", args: [id] });
  } catch (err) {
    throw new GasError("GAS_INVALID_PARAMETER", `${editions} does not answer as a MintkitEditions contract on this chain.`, {
      hint: "Check the editions address and the network: it must be a deployed MintkitEditions.",
      details: { parameter: "editions", value: editions, reason: "not a MintkitEditions" },
      cause: err,
    });
  }
  const sim = await simulateTransaction(client, exists ? "editionsMintExisting" : "editionsMintNew", {
    address: editions,
    abi: mintkitEditionsAbi,
    functionName: "mint",
    args: [to, id, amount, parameters.maxSupply ?? 0n, parameters.data ?? "0x"],
    account: parameters.account,
  }, { measureUsed: true });
  const operation = exists ? "editionsMintExisting" : "editionsMintNew";
  return {
    operation,
    ...(await estimateFields(client, sim, { operation, contract: editions, to, id })),
    cases: await holderCases(client, editions, [to], "editions", id),
    contract: editions,
    account: accountAddress(parameters.account),
    value: 0n,
    quantity: amount,
  };
}
