import { getAddress, isAddressEqual, zeroAddress, type Address } from "viem";
import { fulfilAbi } from "../market/decodeSeaportError.js";
import { assertBuyerCanPay, fulfilCall } from "../market/fulfillListing.js";
import { problemError } from "../market/marketProblem.js";
import type { SignedListing } from "../market/orderTypes.js";
import { SEAPORT_V1_6_ADDRESS } from "../market/seaportAddresses.js";
import { verifyListing } from "../market/verifyListing.js";
import { estimateFields } from "./gasLimitFor.js";
import { listingCases } from "./listingCases.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/** What {@link estimateFulfillListingGas} estimates: a signed Seaport listing, filled by `from`. */
export interface EstimateFulfillListingGasParameters {
  readonly listing: SignedListing;
  /** The buyer: pays the price and the gas, receives the token. */
  readonly from: GasAccount;
  /** The Seaport the order must be for (default: Seaport 1.6 at its canonical address). */
  readonly seaport?: Address;
}

/**
 * Gas of buying a Seaport 1.6 listing: the very call `fulfillListing` sends (`fulfillBasicOrder_efficient_6GL6yc`
 * or `fulfillOrder`, picked by `fulfilCall`; `via` names it), simulated on the target chain as the buyer
 * `from`. As `fulfillListing` does first, the listing is verified (a problem throws its `MarketError`, e.g.
 * `MARKET_EXPIRED`) and the buyer's ETH, or ERC-20 balance and allowance, checked (`MARKET_INSUFFICIENT_FUNDS`…);
 * a simulation that reverts anyway is refused with `GAS_SIMULATION_REVERTED` naming Seaport's error.
 *
 * `cases` read from the chain: the buyer a first-time holder of the collection (or ERC-1155 id, +17.1k);
 * each ETH recipient (seller, royalty, marketplace fee) an empty account the payment creates (+25k) or not;
 * each ERC-20 recipient's balance opened from zero (+17.1k) or not, and the buyer's allowance rewritten
 * (+2.9k) or unlimited. `gasLimit` adds what can still move before inclusion: the buyer emptying its holding,
 * an ERC-20 recipient emptying its balance (see {@link headroomFor}).
 *
 * @example
 * const { gas, gasLimit, cases } = await estimateFulfillListingGas(publicClient, { listing: parseListing(json), from: buyer });
 */
export async function estimateFulfillListingGas(client: GasClient, parameters: EstimateFulfillListingGasParameters): Promise<GasEstimate> {
  const { listing } = parameters;
  const from = typeof parameters.from === "string" ? toAddress("from", parameters.from) : parameters.from;
  const buyer = getAddress(accountAddress(from));
  const seaport = getAddress(parameters.seaport ?? SEAPORT_V1_6_ADDRESS);
  const verified = await verifyListing(client, { listing, seaport });
  if (verified.problems[0] !== undefined) throw problemError(verified.problems[0]);
  const { price, currency } = verified;
  await assertBuyerCanPay(client, { buyer, currency, price, spender: seaport });
  const value = isAddressEqual(currency, zeroAddress) ? price : 0n;
  const call = fulfilCall(listing);
  const sim = await simulateTransaction(
    client,
    "fulfil the listing",
    { ...call, address: seaport, abi: fulfilAbi, account: from, value } as never,
    { measureUsed: true },
  );
  return {
    operation: "fulfillListing",
    ...(await estimateFields(client, sim, { operation: "fulfillListing", listing, from: buyer })),
    cases: await listingCases(client, listing, buyer, seaport),
    contract: seaport,
    account: buyer,
    value,
    quantity: listing.parameters.offer[0]!.startAmount,
    via: call.functionName,
  };
}
