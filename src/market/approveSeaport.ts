import { getAddress, type Account, type Address, type Chain, type Client, type Hash, type Transport, type WalletClient } from "viem";
import { estimateContractGas, readContract, waitForTransactionReceipt, writeContract } from "viem/actions";
import { gasLimitFor, type GasLimit } from "../gas/gasLimitFor.js";
import { marketRead, marketReadOrThrow } from "./chainRead.js";
import { marketError } from "./marketProblem.js";
import { SEAPORT_V1_6_ADDRESS } from "./seaportAddresses.js";
import { marketTokenAbi } from "./tokenAbi.js";

export interface ApproveSeaportParameters {
  readonly collection: Address;
  /** The operator to approve (default: Seaport 1.6, which mintkit's listings use: no conduit). */
  readonly operator?: Address;
  readonly account?: Account | Address;
}

export interface ApproveSeaportReturnType {
  /** Undefined when the approval was already there (nothing sent). */
  readonly transactionHash: Hash | undefined;
  readonly gasUsed: bigint;
  /** What the approval cost in wei (`gasUsed * effectiveGasPrice`); 0 when nothing was sent. */
  readonly fee: bigint;
  /** The limit it was sent with (`gasLimitFor`: no headroom, the approval slot is written from zero whatever happens); undefined when nothing was sent. */
  readonly gasLimit?: GasLimit;
}

/**
 * Approves Seaport (`setApprovalForAll`) for the seller's tokens of `collection`, once: a listing can
 * only be filled when Seaport may move the token. Nothing is sent when the approval is already set; else it
 * is sent with the limit `gasLimitFor` gives (`estimateApproveSeaportGas` prices it).
 *
 * @example
 * const { fee } = await approveSeaport(walletClient, publicClient, { collection });
 */
export async function approveSeaport<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  walletClient: WalletClient<Transport, TChain, TAccount>,
  publicClient: Client,
  parameters: ApproveSeaportParameters,
): Promise<ApproveSeaportReturnType> {
  const account = parameters.account ?? walletClient.account;
  if (account === undefined) throw marketError("MARKET_NO_ACCOUNT", {});
  const owner = getAddress(typeof account === "string" ? account : account.address);
  const operator = getAddress(parameters.operator ?? SEAPORT_V1_6_ADDRESS);
  const approved = await marketRead(
    "isApprovedForAll",
    () => readContract(publicClient, { address: parameters.collection, abi: marketTokenAbi, functionName: "isApprovedForAll", args: [owner, operator] }),
    false,
  );
  if (approved) return { transactionHash: undefined, gasUsed: 0n, fee: 0n };
  const client = walletClient as unknown as WalletClient;
  const call = { ...approveSeaportCall(operator), address: parameters.collection, abi: marketTokenAbi, account } as const;
  const gasLimit = await marketReadOrThrow("estimate setApprovalForAll", async () =>
    gasLimitFor(publicClient as Client<Transport, Chain | undefined>, { operation: "approveSeaport", estimate: await estimateContractGas(publicClient, call) }),
  );
  const transactionHash = await marketReadOrThrow("send setApprovalForAll", () =>
    writeContract(client, { ...call, chain: client.chain ?? null, gas: gasLimit.gasLimit }),
  );
  const receipt = await marketReadOrThrow("wait for the approval", () => waitForTransactionReceipt(publicClient, { hash: transactionHash }));
  if (receipt.status !== "success") throw marketError("MARKET_TRANSACTION_REVERTED", { transactionHash });
  return { transactionHash, gasUsed: receipt.gasUsed, fee: receipt.gasUsed * receipt.effectiveGasPrice, gasLimit };
}

/** The call that approves `operator` for all of the sender's tokens of a collection. */
export function approveSeaportCall(operator: Address) {
  return { functionName: "setApprovalForAll", args: [operator, true] } as const;
}
