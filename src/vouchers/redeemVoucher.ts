import {
  getAddress,
  isAddressEqual,
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hash,
  type Transport,
  type WalletClient,
} from "viem";
import { waitForTransactionReceipt, writeContract } from "viem/actions";
import { explainRedeemError, simulateRedeem, tokenIdsOf, type RedeemVoucherParameters } from "./simulateRedeem.js";
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
 * The price: an ETH voucher sends `price * quantity` as the value by default; for an ERC-20 voucher, the
 * redeemer approves the contract for that amount first (else `VOUCHER_INSUFFICIENT_ALLOWANCE`).
 *
 * @example
 * const signed = parseSignedVoucher(json);
 * const { tokenIds, transactionHash } = await redeemVoucher(walletClient, publicClient, signed);
 */
export async function redeemVoucher<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  walletClient: WalletClient<Transport, TChain, TAccount>,
  publicClient: Client,
  parameters: RedeemVoucherParameters & { readonly account?: Account | Address },
): Promise<RedeemVoucherResult> {
  const account = parameters.account ?? walletClient.account;
  if (account === undefined) throw voucherError("VOUCHER_NO_ACCOUNT", {});
  const { voucher, signature, signer, contract } = parameters;
  const simulation = await simulateRedeem(publicClient, { ...parameters, account });
  const from = typeof account === "string" ? account : account.address;
  const context = { voucher, contract, account: from, value: simulation.value };

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
      gas: simulation.gas,
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
