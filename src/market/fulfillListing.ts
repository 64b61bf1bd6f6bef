import {
  erc20Abi,
  getAddress,
  isAddressEqual,
  zeroAddress,
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hash,
  type Transport,
  type WalletClient,
} from "viem";
import { gasLimitFor, type GasLimit } from "../gas/gasLimitFor.js";
import { estimateContractGas, getBalance, readContract, simulateContract, waitForTransactionReceipt, writeContract } from "viem/actions";
import { marketReadOrThrow } from "./chainRead.js";
import { explainFulfilError, fulfilAbi } from "./decodeSeaportError.js";
import { marketError, problemError } from "./marketProblem.js";
import { ItemType, type SignedListing } from "./orderTypes.js";
import { NO_CONDUIT_KEY, SEAPORT_V1_6_ADDRESS } from "./seaportAddresses.js";
import { verifyListing } from "./verifyListing.js";

export interface FulfillListingParameters {
  readonly listing: SignedListing;
  /** The buyer (pays, receives the token). Defaults to the wallet client's account. */
  readonly account?: Account | Address;
  /** The Seaport the order must be for (default: Seaport 1.6 at its canonical address). */
  readonly seaport?: Address;
}

/** Which Seaport entry point fills the order. */
export type FulfilPath = "fulfillBasicOrder_efficient_6GL6yc" | "fulfillOrder";

export interface FulfillListingReturnType {
  readonly transactionHash: Hash;
  readonly path: FulfilPath;
  readonly orderHash: Hash;
  /** What the buyer paid (ETH sent, or ERC-20 taken), in the currency's smallest unit. */
  readonly price: bigint;
  readonly currency: Address;
  readonly gasUsed: bigint;
  /** What the gas cost in wei. */
  readonly fee: bigint;
  readonly blockNumber: bigint;
  /** The limit the fulfilment was sent with and why: the node's estimate plus the headroom `gasLimitFor` gives. */
  readonly gasLimit: GasLimit;
}

/**
 * Buys a listing: verifies it (`verifyListing`: any problem throws its `MarketError` before anything is
 * sent), checks the buyer's ETH, or ERC-20 balance and allowance to Seaport (`MARKET_INSUFFICIENT_FUNDS`,
 * `MARKET_INSUFFICIENT_TOKEN_BALANCE`, `MARKET_INSUFFICIENT_ALLOWANCE`, each with the amount missing),
 * simulates the fulfilment (a revert is decoded by `explainFulfilError`), then sends it and waits for the
 * receipt. The cheapest Seaport path that applies: `fulfillBasicOrder_efficient_6GL6yc` for a listing of one
 * token paid in ETH or one ERC-20 whose first consideration item pays the seller (every mintkit listing and
 * seaport-js's), `fulfillOrder` otherwise. The gas limit is the node's estimate plus the headroom `gasLimitFor`
 * reads from the chain (the buyer may empty its holding of the collection, an ERC-20 recipient its balance,
 * before the fulfilment is included), not the bare estimate, which then runs out of gas.
 *
 * @example
 * const { transactionHash, gasUsed } = await fulfillListing(walletClient, publicClient, { listing: parseListing(json) });
 */
export async function fulfillListing<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  walletClient: WalletClient<Transport, TChain, TAccount>,
  publicClient: Client,
  parameters: FulfillListingParameters,
): Promise<FulfillListingReturnType> {
  const account = parameters.account ?? walletClient.account;
  if (account === undefined) throw marketError("MARKET_NO_ACCOUNT", {});
  const buyer = getAddress(typeof account === "string" ? account : account.address);
  const seaport = getAddress(parameters.seaport ?? SEAPORT_V1_6_ADDRESS);
  const { listing } = parameters;
  const verified = await verifyListing(publicClient, { listing, seaport });
  if (verified.problems[0] !== undefined) throw problemError(verified.problems[0]);
  const { price, currency, orderHash } = verified;
  const isEth = isAddressEqual(currency, zeroAddress);
  await assertBuyerCanPay(publicClient, { buyer, currency, price, spender: seaport });

  const value = isEth ? price : 0n;
  const call = { ...fulfilCall(listing), address: seaport, abi: fulfilAbi, account, value } as const;
  const context = { listing, seaport, account: buyer, value };
  const fail = async (error: unknown, operation: string): Promise<never> => {
    throw (await explainFulfilError(publicClient, error, context)) ?? marketError("MARKET_RPC_FAILED", { operation }, error);
  };
  await simulateContract(publicClient, call as never).catch((error: unknown) => fail(error, "eth_call fulfil"));
  const estimate = await estimateContractGas(publicClient, call as never).catch((error: unknown) => fail(error, "eth_estimateGas fulfil"));
  const gasLimit = await marketReadOrThrow("read the state the fulfilment's gas limit depends on", () =>
    gasLimitFor(publicClient as Client<Transport, Chain | undefined>, { operation: "fulfillListing", listing, from: buyer, estimate }),
  );

  const client = walletClient as unknown as WalletClient;
  const transactionHash = await writeContract(client, { ...call, chain: client.chain ?? null, gas: gasLimit.gasLimit } as never).catch(
    (error: unknown) => fail(error, "send the fulfilment"),
  );
  const receipt = await marketReadOrThrow(`wait for the receipt of ${transactionHash}`, () =>
    waitForTransactionReceipt(publicClient, { hash: transactionHash }),
  );
  if (receipt.status !== "success") {
    const again = await verifyListing(publicClient, { listing, seaport }).catch(() => undefined);
    throw again?.problems[0] !== undefined ? problemError(again.problems[0]) : marketError("MARKET_TRANSACTION_REVERTED", { transactionHash });
  }
  return {
    transactionHash,
    path: call.functionName,
    orderHash,
    price,
    currency,
    gasUsed: receipt.gasUsed,
    fee: receipt.gasUsed * receipt.effectiveGasPrice,
    blockNumber: receipt.blockNumber,
    gasLimit,
  };
}

/**
 * The Seaport call that fills `listing`: `fulfillBasicOrder_efficient_6GL6yc` (same work as
 * `fulfillBasicOrder`, a cheaper selector) when the order fits a basic order, `fulfillOrder` otherwise.
 */
export function fulfilCall(listing: SignedListing) {
  const p = listing.parameters;
  const offer = p.offer[0]!;
  const [first, ...rest] = p.consideration;
  const basic =
    first !== undefined &&
    isAddressEqual(first.recipient, p.offerer) &&
    p.totalOriginalConsiderationItems === BigInt(p.consideration.length) &&
    (offer.itemType === ItemType.ERC1155 || offer.startAmount === 1n);
  if (basic) {
    const route = (first.itemType === ItemType.NATIVE ? 0 : 2) + (offer.itemType === ItemType.ERC721 ? 0 : 1);
    return {
      functionName: "fulfillBasicOrder_efficient_6GL6yc",
      args: [
        {
          considerationToken: first.token,
          considerationIdentifier: first.identifierOrCriteria,
          considerationAmount: first.startAmount,
          offerer: p.offerer,
          zone: p.zone,
          offerToken: offer.token,
          offerIdentifier: offer.identifierOrCriteria,
          offerAmount: offer.startAmount,
          basicOrderType: p.orderType + 4 * route,
          startTime: p.startTime,
          endTime: p.endTime,
          zoneHash: p.zoneHash,
          salt: p.salt,
          offererConduitKey: p.conduitKey,
          fulfillerConduitKey: NO_CONDUIT_KEY,
          totalOriginalAdditionalRecipients: BigInt(rest.length),
          additionalRecipients: rest.map((item) => ({ amount: item.startAmount, recipient: item.recipient })),
          signature: listing.signature,
        },
      ],
    } as const;
  }
  const { counter: _counter, ...orderParameters } = p;
  return {
    functionName: "fulfillOrder",
    args: [{ parameters: { ...orderParameters, offer: [...p.offer], consideration: [...p.consideration] }, signature: listing.signature }, NO_CONDUIT_KEY],
  } as const;
}

/** Throws with the amount missing when `buyer` cannot pay `price` (ETH balance; ERC-20 balance and allowance to `spender`). */
export async function assertBuyerCanPay(
  client: Client,
  p: { readonly buyer: Address; readonly currency: Address; readonly price: bigint; readonly spender: Address },
): Promise<void> {
  const { buyer, currency, price, spender } = p;
  if (isAddressEqual(currency, zeroAddress)) {
    const balance = await marketReadOrThrow("getBalance(buyer)", () => getBalance(client, { address: buyer }));
    if (balance < price) {
      throw marketError("MARKET_INSUFFICIENT_FUNDS", { account: buyer, needed: String(price), balance: String(balance), missing: String(price - balance) });
    }
    return;
  }
  const [balance, allowance] = await Promise.all([
    marketReadOrThrow("ERC-20 balanceOf(buyer)", () => readContract(client, { address: currency, abi: erc20Abi, functionName: "balanceOf", args: [buyer] })),
    marketReadOrThrow("ERC-20 allowance", () => readContract(client, { address: currency, abi: erc20Abi, functionName: "allowance", args: [buyer, spender] })),
  ]);
  if (balance < price) {
    throw marketError("MARKET_INSUFFICIENT_TOKEN_BALANCE", {
      currency: getAddress(currency),
      account: buyer,
      needed: String(price),
      balance: String(balance),
      missing: String(price - balance),
    });
  }
  if (allowance < price) {
    throw marketError("MARKET_INSUFFICIENT_ALLOWANCE", {
      currency: getAddress(currency),
      account: buyer,
      spender: getAddress(spender),
      needed: String(price),
      allowance: String(allowance),
      missing: String(price - allowance),
    });
  }
}
