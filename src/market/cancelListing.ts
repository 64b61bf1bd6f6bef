import { getAddress, isAddressEqual, type Account, type Address, type Chain, type Client, type Hash, type Transport, type WalletClient } from "viem";
import { gasLimitFor, type GasLimit } from "../gas/gasLimitFor.js";
import { estimateContractGas, readContract, waitForTransactionReceipt, writeContract } from "viem/actions";
import { seaportAbi } from "./generated/seaportAbi.js";
import { marketReadOrThrow } from "./chainRead.js";
import { explainFulfilError } from "./decodeSeaportError.js";
import { hashListing } from "./hashListing.js";
import { marketError } from "./marketProblem.js";
import type { SignedListing } from "./orderTypes.js";
import { SEAPORT_V1_6_ADDRESS } from "./seaportAddresses.js";

export interface CancelListingParameters {
  /** The order to cancel; without it, every order of the account is cancelled (`incrementCounter`). */
  readonly listing?: SignedListing;
  /** The offerer (or the order's zone). Defaults to the wallet client's account. */
  readonly account?: Account | Address;
  readonly seaport?: Address;
}

export interface CancelListingReturnType {
  readonly transactionHash: Hash;
  /** The cancelled order's hash, or undefined when every order was cancelled. */
  readonly orderHash: Hash | undefined;
  /** After cancelling all: the account's new Seaport counter. */
  readonly newCounter: bigint | undefined;
  readonly gasUsed: bigint;
  readonly fee: bigint;
  /** The limit it was sent with (`gasLimitFor`: a cancellation needs no headroom, nothing can make it dearer). */
  readonly gasLimit: GasLimit;
}

/**
 * Cancels one order on Seaport (`cancel`, by its offerer) or every order the account signed so far
 * (`incrementCounter`: orders signed with an older counter can never be filled). Simulated first; a
 * revert is decoded (`MARKET_FULFILL_REVERTED` with Seaport's error, e.g. `CannotCancelOrder` when the
 * account is not the offerer).
 *
 * @example
 * await cancelListing(walletClient, publicClient, { listing });   // one order
 * await cancelListing(walletClient, publicClient, {});            // all of them
 */
export async function cancelListing<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  walletClient: WalletClient<Transport, TChain, TAccount>,
  publicClient: Client,
  parameters: CancelListingParameters = {},
): Promise<CancelListingReturnType> {
  const account = parameters.account ?? walletClient.account;
  if (account === undefined) throw marketError("MARKET_NO_ACCOUNT", {});
  const from = getAddress(typeof account === "string" ? account : account.address);
  const seaport = getAddress(parameters.seaport ?? parameters.listing?.seaport ?? SEAPORT_V1_6_ADDRESS);
  const { listing } = parameters;
  if (listing !== undefined && !isAddressEqual(listing.seaport, seaport)) {
    throw marketError("MARKET_WRONG_SEAPORT", { orderSeaport: getAddress(listing.seaport), seaport });
  }
  const call = { ...cancelListingCall(listing), address: seaport, abi: seaportAbi, account } as const;
  const fail = async (error: unknown, operation: string): Promise<never> => {
    const explained = listing === undefined ? undefined : await explainFulfilError(publicClient, error, { listing, seaport, account: from, value: 0n });
    throw explained?.code === "MARKET_FULFILL_REVERTED" ? explained : marketError("MARKET_RPC_FAILED", { operation }, error);
  };
  const estimate = await estimateContractGas(publicClient, call as never).catch((error: unknown) => fail(error, "eth_estimateGas cancel"));
  const gasLimit = await marketReadOrThrow("read the fee tiers", () =>
    gasLimitFor(publicClient as Client<Transport, Chain | undefined>, { operation: "cancelListing", estimate }),
  );
  const client = walletClient as unknown as WalletClient;
  const transactionHash = await writeContract(client, { ...call, chain: client.chain ?? null, gas: gasLimit.gasLimit } as never).catch((error: unknown) =>
    fail(error, "send the cancellation"),
  );
  const receipt = await marketReadOrThrow("wait for the cancellation", () => waitForTransactionReceipt(publicClient, { hash: transactionHash }));
  if (receipt.status !== "success") throw marketError("MARKET_TRANSACTION_REVERTED", { transactionHash });
  let newCounter: bigint | undefined;
  if (listing === undefined) {
    newCounter = await marketReadOrThrow("Seaport getCounter", () =>
      readContract(publicClient, { address: seaport, abi: seaportAbi, functionName: "getCounter", args: [from] }),
    );
  }
  return {
    transactionHash,
    orderHash: listing === undefined ? undefined : hashListing(listing.parameters),
    newCounter,
    gasUsed: receipt.gasUsed,
    fee: receipt.gasUsed * receipt.effectiveGasPrice,
    gasLimit,
  };
}

/** The Seaport call that cancels `listing` (`cancel`, by its offerer), or every order of the sender (`incrementCounter`). */
export function cancelListingCall(listing: SignedListing | undefined) {
  return listing === undefined
    ? ({ functionName: "incrementCounter", args: [] } as const)
    : ({ functionName: "cancel", args: [[cancelComponents(listing)]] } as const);
}

function cancelComponents(listing: SignedListing) {
  const { totalOriginalConsiderationItems: _total, ...components } = listing.parameters;
  return { ...components, offer: [...components.offer], consideration: [...components.consideration] };
}
