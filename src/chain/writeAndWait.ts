import type { Abi, Account, Address, Chain, Hash, PublicClient, TransactionReceipt, Transport, WalletClient } from "viem";
import { ChainError } from "../errors/ChainError.js";
import { gasLimitFor, type GasLimit } from "../gas/gasLimitFor.js";
import type { HeadroomForParameters } from "../gas/headroomFor.js";
import { decodeRevert, formatRevert, isRevertError, isTransportError, type DecodedRevert } from "./decodeRevert.js";

/** The clients a write takes: a public client to simulate and wait, a wallet client with an account to send. */
export interface WriteClients {
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  readonly walletClient: WalletClient<Transport, Chain | undefined, Account>;
}

/** Where a revert happened, for an {@link WriteAndWaitParameters.onRevert} hook to word its own error. */
export interface RevertContext {
  readonly action: string;
  /** The simulation's or the send's error (undefined when the mined transaction failed). */
  readonly cause?: unknown;
  /** Set when the transaction was mined and failed. */
  readonly transactionHash?: Hash;
}

export interface WriteAndWaitParameters {
  readonly address: Address;
  readonly abi: Abi;
  readonly functionName: string;
  readonly args: readonly unknown[];
  /** ETH to send, in wei. */
  readonly value?: bigint;
  /** The sender; the wallet client's account by default. */
  readonly account?: Account;
  /** What is being done, for messages (e.g. `"mint"`, `"MintkitFactory.createCollection"`). Defaults to `functionName`. */
  readonly action?: string;
  /** Turns a revert into the caller's own error; a `ChainError` `CHAIN_TX_REVERTED` by default. */
  readonly onRevert?: (revert: DecodedRevert, context: RevertContext) => Error;
  /**
   * The operation and the state it touches (see `headroomFor`): the write is then sent with the limit
   * `gasLimitFor` gives (the node's estimate plus the headroom for what can move before inclusion), not
   * the node's bare estimate, which runs out of gas when another transaction moves the state first.
   * Without it, the wallet client estimates the limit itself.
   */
  readonly headroom?: HeadroomForParameters;
}

/** A mined, successful contract write. */
export interface WriteAndWaitReturnType {
  readonly transactionHash: Hash;
  readonly gasUsed: bigint;
  /** gasUsed × effectiveGasPrice, in wei. */
  readonly fee: bigint;
  /** What the simulation returned (e.g. the minted token id). */
  readonly result: unknown;
  readonly receipt: TransactionReceipt;
  /** The limit the write was sent with and why (set when `headroom` was given). */
  readonly gasLimit?: GasLimit;
}

/**
 * The one write path: simulates a contract write (a revert is decoded and thrown before anything is sent),
 * sends it, waits for the receipt and checks its status. An RPC endpoint that does not answer is rethrown
 * as viem's transport error (it is not a revert). Browser-safe.
 * @throws ChainError `CHAIN_TX_REVERTED` with the decoded custom error (or the `onRevert` hook's error).
 * @example
 * const { result: tokenId, gasUsed } = await writeAndWait({ publicClient, walletClient }, {
 *   address: collection, abi: mintkitCollectionAbi, functionName: "mintWithURI", args: [to, uri],
 * });
 */
export async function writeAndWait(clients: WriteClients, parameters: WriteAndWaitParameters): Promise<WriteAndWaitReturnType> {
  const { publicClient, walletClient } = clients;
  const { onRevert = chainReverted, action = parameters.functionName, account = walletClient.account } = parameters;
  const call = {
    address: parameters.address,
    abi: parameters.abi,
    functionName: parameters.functionName,
    args: parameters.args,
    ...(parameters.value === undefined ? {} : { value: parameters.value }),
    account,
  };
  let request: unknown;
  let result: unknown;
  let gasLimit: GasLimit | undefined;
  try {
    ({ request, result } = await publicClient.simulateContract(call as Parameters<typeof publicClient.simulateContract>[0]));
    gasLimit = parameters.headroom === undefined ? undefined : await headroomLimit(publicClient, call, parameters.headroom);
  } catch (err) {
    const revert = decodeRevert(err, { abi: parameters.abi });
    if (!revert.errorName && !isRevertError(err) && isTransportError(err)) throw err;
    throw onRevert(revert, { action, cause: err });
  }
  const send = gasLimit === undefined ? request : { ...(request as object), gas: gasLimit.gasLimit };
  const hash = await walletClient.writeContract(send as Parameters<typeof walletClient.writeContract>[0]);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw onRevert({}, { action, transactionHash: hash });
  return {
    transactionHash: hash,
    gasUsed: receipt.gasUsed,
    fee: receipt.gasUsed * receipt.effectiveGasPrice,
    result,
    receipt,
    ...(gasLimit === undefined ? {} : { gasLimit }),
  };
}

/** The node's estimate of the call (`eth_estimateGas`) plus the operation's headroom. */
async function headroomLimit(publicClient: WriteClients["publicClient"], call: object, headroom: HeadroomForParameters): Promise<GasLimit> {
  const estimate = await publicClient.estimateContractGas(call as Parameters<typeof publicClient.estimateContractGas>[0]);
  return gasLimitFor(publicClient, { ...headroom, estimate });
}

/** The default revert error of {@link writeAndWait}. */
export function chainReverted(revert: DecodedRevert, context: RevertContext): ChainError<"CHAIN_TX_REVERTED"> {
  const decoded = formatRevert(revert);
  const tx = context.transactionHash ? ` (transaction ${context.transactionHash})` : "";
  return new ChainError("CHAIN_TX_REVERTED", `${context.action} reverted${tx}${decoded ? `: ${decoded}` : ""}.`, {
    hint: "Check the arguments and the sending account's roles and balance; the decoded error names the cause.",
    details: {
      action: context.action,
      ...(context.transactionHash ? { transactionHash: context.transactionHash } : {}),
      ...(revert.errorName ? { errorName: revert.errorName } : {}),
      ...(revert.errorArgs ? { errorArgs: revert.errorArgs } : {}),
      ...(revert.reason ? { reason: revert.reason } : {}),
    },
    cause: context.cause,
  });
}
