import { getAddress } from "viem";
import type { Abi, Account, Address, Chain, Hash, PublicClient, TransactionReceipt, Transport, WalletClient } from "viem";
import { DeployError } from "../errors/DeployError.js";
import { decodeRevert, formatRevert, isRevertError } from "../chain/decodeRevert.js";
import type { WriteClients } from "../chain/writeAndWait.js";

/** Clients the deploy helpers take: a public client to read and wait, a wallet client with an account to send. */
export type DeployClients = WriteClients;

/** What one sent transaction cost. */
export interface TransactionOutcome {
  readonly transactionHash: Hash;
  readonly gasUsed: bigint;
  /** gasUsed × effectiveGasPrice, in wei. */
  readonly fee: bigint;
  readonly receipt: TransactionReceipt;
}

/** Deploys a contract from its ABI and bytecode and waits for it. */
export async function deployAndWait(
  clients: DeployClients,
  contract: string,
  params: { abi: Abi; bytecode: `0x${string}`; args: readonly unknown[] },
): Promise<TransactionOutcome & { address: Address }> {
  const { publicClient, walletClient } = clients;
  let hash: Hash;
  try {
    hash = await walletClient.deployContract({
      abi: params.abi,
      bytecode: params.bytecode,
      args: params.args,
      account: walletClient.account,
      chain: walletClient.chain,
    } as Parameters<typeof walletClient.deployContract>[0]);
  } catch (err) {
    if (decodeRevert(err).errorName || isRevertError(err) || /revert/i.test(String((err as Error).message))) throw reverted(contract, err);
    throw err;
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) throw reverted(contract, undefined, hash);
  if (!(await hasCode(publicClient, receipt.contractAddress))) {
    throw new DeployError("DEPLOY_NO_CODE", `${contract} was deployed but ${receipt.contractAddress} has no code.`, {
      hint: "Check the chain (a node that drops code, or a contract too large for it).",
      details: { contract, address: receipt.contractAddress },
    });
  }
  return {
    address: getAddress(receipt.contractAddress),
    transactionHash: hash,
    gasUsed: receipt.gasUsed,
    fee: receipt.gasUsed * receipt.effectiveGasPrice,
    receipt,
  };
}

/** True when `address` has contract code. */
export async function hasCode(publicClient: PublicClient<Transport, Chain | undefined>, address: Address | undefined): Promise<boolean> {
  if (!address) return false;
  const code = await publicClient.getCode({ address });
  return code !== undefined && code !== "0x";
}

/** The `DEPLOY_REVERTED` error of a deploy or factory write (an `onRevert` hook for `writeAndWait`). */
export function reverted(contract: string, cause?: unknown, transactionHash?: Hash): DeployError<"DEPLOY_REVERTED"> {
  const details = decodeRevert(cause);
  const decoded = formatRevert(details);
  return new DeployError(
    "DEPLOY_REVERTED",
    `${contract}: the transaction ${transactionHash ? `${transactionHash} ` : ""}reverted${decoded ? ` with ${decoded}` : ""}.`,
    {
      hint:
        details.errorName === "FailedDeployment"
          ? "This salt was already used by this creator for this kind of contract: pass another --salt."
          : "Check the parameters and the account's balance and roles; the decoded error names the cause.",
      details: {
        contract,
        ...(transactionHash ? { transactionHash } : {}),
        ...(details.errorName ? { errorName: details.errorName } : {}),
        ...(details.errorArgs ? { errorArgs: details.errorArgs } : {}),
      },
      cause,
    },
  );
}
