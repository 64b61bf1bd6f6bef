import { getAddress } from "viem";
import type { Abi, Account, Address, Chain, Hash, PublicClient, TransactionReceipt, Transport, WalletClient } from "viem";
import { DeployError } from "../errors/DeployError.js";
import { formatRevert, revertDetails } from "./revertDetails.js";

/** Clients the deploy helpers take: a public client to read and wait, a wallet client with an account to send. */
export interface DeployClients {
  readonly publicClient: PublicClient<Transport, Chain | undefined>;
  readonly walletClient: WalletClient<Transport, Chain | undefined, Account>;
}

/** What one sent transaction cost. */
export interface TransactionOutcome {
  readonly transactionHash: Hash;
  readonly gasUsed: bigint;
  /** gasUsed × effectiveGasPrice, in wei. */
  readonly fee: bigint;
  readonly receipt: TransactionReceipt;
}

/**
 * Simulates a contract write (decoding a revert before anything is sent), sends it, waits for the
 * receipt and checks its status.
 * @throws DeployError `DEPLOY_REVERTED` with the decoded error name when the simulation or the
 *   transaction reverts.
 */
export async function writeAndWait(
  clients: DeployClients,
  contract: string,
  call: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] },
): Promise<TransactionOutcome & { result: unknown }> {
  const { publicClient, walletClient } = clients;
  let request: unknown;
  let result: unknown;
  try {
    ({ request, result } = await publicClient.simulateContract({
      ...call,
      account: walletClient.account,
    } as Parameters<typeof publicClient.simulateContract>[0]));
  } catch (err) {
    throw reverted(contract, err);
  }
  const hash = await walletClient.writeContract(request as Parameters<typeof walletClient.writeContract>[0]);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw reverted(contract, undefined, hash);
  return { transactionHash: hash, gasUsed: receipt.gasUsed, fee: receipt.gasUsed * receipt.effectiveGasPrice, receipt, result };
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
    if (revertDetails(err).errorName || /revert/i.test(String((err as Error).message))) throw reverted(contract, err);
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

function reverted(contract: string, cause?: unknown, transactionHash?: Hash): DeployError<"DEPLOY_REVERTED"> {
  const details = revertDetails(cause);
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
