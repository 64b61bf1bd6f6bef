import {
  erc20Abi,
  getAddress,
  isAddressEqual,
  zeroAddress,
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hash,
  type Transport,
  type WalletClient,
} from "viem";
import { getChainId, readContract, waitForTransactionReceipt, writeContract } from "viem/actions";
import { writeAndWait, type WriteClients } from "../chain/writeAndWait.js";
import { gasLimitFor } from "../gas/gasLimitFor.js";
import { explainRedeemError, simulateRedeem, tokenIdsOf, voucherTotalPrice, type RedeemVoucherParameters } from "./simulateRedeem.js";
import type { VoucherContractKind } from "./verifyVoucher.js";
import { voucherContractAbi } from "./voucherContractAbi.js";
import { voucherError } from "./voucherProblem.js";

export interface RedeemVoucherResult {
  readonly transactionHash: Hash;
  readonly kind: VoucherContractKind;
  /** ERC-721: the ids minted. ERC-1155: the one id minted (`quantity` copies of it). */
  readonly tokenIds: readonly bigint[];
  readonly quantity: bigint;
  /** Who received the tokens. */
  readonly recipient: Address;
  /** The ETH sent. */
  readonly value: bigint;
  readonly gasUsed: bigint;
  /** What the gas cost: `gasUsed * effectiveGasPrice`, in wei. */
  readonly fee: bigint;
  readonly blockNumber: bigint;
}

/**
 * Redeems a voucher: simulates it first (so a voucher the contract would refuse throws its decoded
 * `VoucherError` before anything is sent, see `simulateRedeem`), sends `redeem` from the wallet client's
 * account (or `account`), waits for the receipt and returns the minted token ids (from the contract's
 * `VoucherRedeemed` event) and the gas used. A transaction that reverts once mined throws the decoded
 * error (re-simulated on the new state), or `VOUCHER_TRANSACTION_REVERTED`.
 *
 * The gas limit is the node's estimate plus the headroom `gasLimitFor` reads from the chain (the buyer may
 * empty its balance, the next id may cross into a new bitmap word before inclusion), never the bare estimate.
 *
 * The price: an ETH voucher sends `price * quantity` as the value by default; for an ERC-20 voucher, the
 * redeemer approves the contract for that amount first (else `VOUCHER_INSUFFICIENT_ALLOWANCE`), or passes
 * `approve: true` and the allowance is raised to it here when short (an `approve` transaction first).
 * With `chainId` (a signed-voucher file carries it), a voucher signed for another chain than the client's
 * throws `VOUCHER_WRONG_CHAIN` before anything is simulated or sent.
 *
 * @example
 * const signed = parseSignedVoucher(json);
 * const { tokenIds, transactionHash } = await redeemVoucher(walletClient, publicClient, signed);
 */
export async function redeemVoucher<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  walletClient: WalletClient<Transport, TChain, TAccount>,
  publicClient: Client,
  parameters: RedeemVoucherParameters & {
    readonly account?: Account | Address;
    /** The chain the voucher was signed for; checked against the client's. */
    readonly chainId?: number;
    /** ERC-20 vouchers: approve the contract for the price first when the allowance is short. */
    readonly approve?: boolean;
  },
): Promise<RedeemVoucherResult> {
  const account = parameters.account ?? walletClient.account;
  if (account === undefined) throw voucherError("VOUCHER_NO_ACCOUNT", {});
  const { voucher, signature, signer, contract } = parameters;
  if (parameters.chainId !== undefined) {
    const chainId = await getChainId(publicClient).catch((error: unknown) => {
      throw voucherError("VOUCHER_RPC_FAILED", { operation: "read the chain id" }, error);
    });
    if (chainId !== parameters.chainId) throw voucherError("VOUCHER_WRONG_CHAIN", { signedFor: parameters.chainId, chainId });
  }
  if (parameters.approve === true && !isAddressEqual(voucher.currency, zeroAddress)) {
    await approvePrice(walletClient as unknown as WalletClient, publicClient, { voucher, contract, account });
  }
  const simulation = await simulateRedeem(publicClient, { ...parameters, account });
  const from = typeof account === "string" ? account : account.address;
  const context = { voucher, contract, account: from, value: simulation.value };
  // The node's estimate is the minimal limit on the chain as it is now: add the headroom for what can move before inclusion.
  const { gasLimit } = await gasLimitFor(publicClient as Client<Transport, Chain | undefined>, {
    operation: "redeem",
    contract,
    voucher,
    from,
    estimate: simulation.gas,
  }).catch((error: unknown) => {
    throw voucherError("VOUCHER_RPC_FAILED", { operation: "read the state the redemption's gas limit depends on" }, error);
  });

  let transactionHash: Hash;
  try {
    const client = walletClient as unknown as WalletClient;
    transactionHash = await writeContract(client, {
      address: contract,
      abi: voucherContractAbi,
      functionName: "redeem",
      args: [voucher, signer, signature],
      account,
      chain: client.chain ?? null,
      value: simulation.value,
      gas: gasLimit,
    });
  } catch (error) {
    throw (await explainRedeemError(publicClient, error, context)) ??
      voucherError("VOUCHER_RPC_FAILED", { operation: "send redeem transaction" }, error);
  }

  let receipt: Awaited<ReturnType<typeof waitForTransactionReceipt>>;
  try {
    receipt = await waitForTransactionReceipt(publicClient, { hash: transactionHash });
  } catch (error) {
    throw voucherError("VOUCHER_RPC_FAILED", { operation: `wait for the receipt of ${transactionHash}` }, error);
  }
  if (receipt.status !== "success") {
    const again = await simulateRedeem(publicClient, { ...parameters, account }).then(
      () => undefined,
      (error: unknown) => error,
    );
    throw again ?? voucherError("VOUCHER_TRANSACTION_REVERTED", { transactionHash });
  }

  const redeemed = parseEventLogs({ abi: voucherContractAbi, eventName: "VoucherRedeemed", logs: receipt.logs }).find((log) =>
    isAddressEqual(log.address, contract),
  );
  const firstTokenId = redeemed?.args.firstTokenId ?? simulation.tokenIds[0] ?? 0n;
  const quantity = redeemed?.args.quantity ?? simulation.quantity;
  return {
    transactionHash,
    kind: simulation.kind,
    tokenIds: tokenIdsOf(simulation.kind, firstTokenId, quantity),
    quantity,
    recipient: redeemed === undefined ? simulation.recipient : getAddress(redeemed.args.to),
    value: simulation.value,
    gasUsed: receipt.gasUsed,
    fee: receipt.gasUsed * receipt.effectiveGasPrice,
    blockNumber: receipt.blockNumber,
  };
}

/** Raises the redeemer's ERC-20 allowance to the voucher's total price when it is short (one `approve`). */
async function approvePrice(
  walletClient: WalletClient,
  publicClient: Client,
  parameters: { readonly voucher: RedeemVoucherParameters["voucher"]; readonly contract: Address; readonly account: Account | Address },
): Promise<void> {
  const { voucher, contract } = parameters;
  const from = typeof parameters.account === "string" ? parameters.account : parameters.account.address;
  const total = voucherTotalPrice(voucher);
  const allowance = await readContract(publicClient, {
    address: voucher.currency,
    abi: erc20Abi,
    functionName: "allowance",
    args: [from, contract],
  }).catch((error: unknown) => {
    throw voucherError("VOUCHER_RPC_FAILED", { operation: `read the allowance of ${voucher.currency}` }, error);
  });
  if (allowance >= total) return;
  const account = typeof parameters.account === "string" ? (walletClient.account ?? parameters.account) : parameters.account;
  await writeAndWait({ publicClient, walletClient } as unknown as WriteClients, {
    address: voucher.currency,
    abi: erc20Abi,
    functionName: "approve",
    args: [contract, total],
    ...(typeof account === "string" ? {} : { account }),
    action: `approve ${voucher.currency}`,
  });
}
