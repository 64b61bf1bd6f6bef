import type { Address } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { GasError } from "../errors/GasError.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress, toQuantity } from "./toQuantity.js";
import { estimateFields } from "./gasLimitFor.js";
import { holderCases } from "./gasCases.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of one `airdrop(recipients, expectedFirstId)` transaction (one token each, consecutive ids) on a
 * MintkitCollection, simulated on the target chain as `account`; `expectedFirstId` defaults to the
 * collection's current `nextTokenId`. Fresh holders cost more than holders who already have a
 * token: estimate with the real list (or {@link sampleRecipients} for a worst case).
 *
 * @example
 * const { gas } = await estimateAirdropGas(publicClient, { collection, recipients, account: owner });
 */
export async function estimateAirdropGas(
  client: GasClient,
  parameters: {
    readonly collection: Address;
    readonly recipients: readonly Address[];
    readonly account: GasAccount;
    /** The id the first recipient must get; default: the collection's `nextTokenId` now. */
    readonly expectedFirstId?: bigint | number;
  },
): Promise<GasEstimate> {
  const collection = toAddress("collection", parameters.collection);
  if (!Array.isArray(parameters.recipients) || parameters.recipients.length === 0) {
    throw new GasError("GAS_INVALID_PARAMETER", "An airdrop needs at least one recipient.", {
      hint: "Pass recipients as a non-empty array of addresses.",
      details: { parameter: "recipients", value: String(parameters.recipients), reason: "empty" },
    });
  }
  const recipients = parameters.recipients.map((r, i) => toAddress(`recipients[${i}]`, r));
  const expectedFirstId =
    parameters.expectedFirstId !== undefined
      ? toQuantity("expectedFirstId", parameters.expectedFirstId)
      : await readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
  const sim = await simulateTransaction(client, "airdrop", {
    address: collection,
    abi: mintkitCollectionAbi,
    functionName: "airdrop",
    args: [recipients, expectedFirstId],
    account: parameters.account,
  }, { measureUsed: true });
  return {
    operation: "airdrop",
    ...(await estimateFields(client, sim, { operation: "airdrop", contract: collection, recipients })),
    cases: await holderCases(client, collection, recipients, "collection"),
    contract: collection,
    account: accountAddress(parameters.account),
    value: 0n,
    quantity: BigInt(recipients.length),
  };
}
