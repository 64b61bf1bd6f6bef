import { getAddress, type Address } from "viem";
import { cancelListingCall } from "../market/cancelListing.js";
import { seaportAbi } from "../market/generated/seaportAbi.js";
import type { SignedListing } from "../market/orderTypes.js";
import { SEAPORT_V1_6_ADDRESS } from "../market/seaportAddresses.js";
import { estimateFields } from "./gasLimitFor.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import type { GasEstimate } from "./types.js";

/** What {@link estimateCancelListingGas} estimates: one listing cancelled by its offerer, or all of the account's. */
export interface EstimateCancelListingGasParameters {
  /** The order to cancel; without it, every order of `account` (`incrementCounter`). */
  readonly listing?: SignedListing;
  /** The offerer (or the order's zone). */
  readonly account: GasAccount;
  /** Default: the listing's Seaport, else Seaport 1.6 at its canonical address. */
  readonly seaport?: Address;
}

/**
 * Gas of the call `cancelListing` sends: Seaport's `cancel([order])` by its offerer, or `incrementCounter()`
 * (every order the account signed so far), simulated as `account`. A cancel that would revert (not the
 * offerer: `CannotCancelOrder`) is refused with `GAS_SIMULATION_REVERTED`. No headroom: the order's status
 * slot is written whatever happens, and a counter only grows.
 *
 * @example
 * const { gas, gasLimit } = await estimateCancelListingGas(publicClient, { listing, account: seller });
 */
export async function estimateCancelListingGas(client: GasClient, parameters: EstimateCancelListingGasParameters): Promise<GasEstimate> {
  const { listing, account } = parameters;
  const seaport = getAddress(parameters.seaport ?? listing?.seaport ?? SEAPORT_V1_6_ADDRESS);
  const sim = await simulateTransaction(
    client,
    listing === undefined ? "cancel all listings (incrementCounter)" : "cancel the listing",
    { ...cancelListingCall(listing), address: seaport, abi: seaportAbi, account } as never,
    { measureUsed: true },
  );
  return {
    operation: "cancelListing",
    ...(await estimateFields(client, sim, { operation: "cancelListing" })),
    cases: [],
    contract: seaport,
    account: accountAddress(account),
    value: 0n,
    quantity: 0n,
    via: listing === undefined ? "incrementCounter" : "cancel",
  };
}
