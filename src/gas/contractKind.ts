import type { Address } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { GasError } from "../errors/GasError.js";
import type { GasClient } from "./simulateGas.js";

/** ERC-165 id of ERC-1155. */
const ERC1155_INTERFACE_ID = "0xd9b67a26";

/**
 * Internal: whether `contract` is a mintkit ERC-1155 editions contract or an ERC-721 collection (ERC-165),
 * so a shared call (`redeem`) is simulated and decoded with the right ABI.
 */
export async function contractKind(client: GasClient, contract: Address): Promise<"collection" | "editions"> {
  try {
    const is1155 = await readContract(client, {
      address: contract,
      abi: mintkitCollectionAbi,
      functionName: "supportsInterface",
      args: [ERC1155_INTERFACE_ID],
    });
    return is1155 ? "editions" : "collection";
  } catch (err) {
    throw new GasError("GAS_INVALID_PARAMETER", `${contract} does not answer as a mintkit token contract on this chain.`, {
      hint: "Check the contract address and the network: it must be a deployed MintkitCollection or MintkitEditions.",
      details: { parameter: "contract", value: contract, reason: "no ERC-165 answer" },
      cause: err,
    });
  }
}
