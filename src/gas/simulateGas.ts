import {
  encodeFunctionData,
  zeroAddress,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Client,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type EstimateContractGasParameters,
  type Hex,
  type Transport,
} from "viem";
import { estimateContractGas, getCode } from "viem/actions";
import { decodeRevert, isTransportError } from "../chain/decodeRevert.js";
import { findCauseByName } from "../chain/walkCause.js";
import { GasError } from "../errors/GasError.js";
import { measureGasUsed, type GasUsedSource } from "./measureGasUsed.js";
import { refineGasLimit } from "./refineGasLimit.js";

/** Any viem client that can read the chain (a public client, or a wallet client extended with it). */
export type GasClient = Client<Transport, Chain | undefined>;

/** An account as the gas functions accept it: its address, or a viem account. */
export type GasAccount = Address | Account;

/** The address of a {@link GasAccount}. */
export function accountAddress(account: GasAccount): Address {
  return typeof account === "string" ? account : account.address;
}

/**
 * Internal: estimates the gas of one contract call by simulating it on the client's chain
 * (`eth_estimateGas`, narrowed to the smallest sufficient gas limit by {@link refineGasLimit}), and turns a failure into a typed {@link GasError}: a revert is decoded against the
 * ABI (`AccessControlUnauthorizedAccount` → `GAS_NOT_MINTER`, `MaxSupplyExceeded` →
 * `GAS_MAX_SUPPLY_EXCEEDED`, anything else → `GAS_SIMULATION_REVERTED` with the error's name and
 * arguments); any other failure → `GAS_ESTIMATION_FAILED`.
 */
export async function simulateGas<
  const abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
  args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
>(
  client: GasClient,
  operation: string,
  parameters: EstimateContractGasParameters<abi, functionName, args, Chain | undefined>,
): Promise<bigint> {
  return (await simulateTransaction(client, operation, parameters)).gasLimit;
}

/** What one simulated transaction needs and uses. */
export interface SimulatedGas {
  /** The smallest gas limit at which it succeeds (within ~0.1%). */
  readonly gasLimit: bigint;
  /** The gas it will be charged (receipt gasUsed), or the limit when the node cannot say. */
  readonly gasUsed: bigint;
  readonly source: GasUsedSource;
}

/**
 * Internal: {@link simulateGas}, and also the gas the transaction will be charged ({@link measureGasUsed}).
 */
export async function simulateTransaction<
  const abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
  args extends ContractFunctionArgs<abi, "nonpayable" | "payable", functionName>,
>(
  client: GasClient,
  operation: string,
  parameters: EstimateContractGasParameters<abi, functionName, args, Chain | undefined>,
  options: { readonly measureUsed?: boolean } = {},
): Promise<SimulatedGas> {
  await requireCode(client, parameters.address, operation);
  let estimate: bigint;
  try {
    estimate = await estimateContractGas(client, parameters);
  } catch (err) {
    throw toGasError(err, operation, parameters.address, parameters.account);
  }
  const { abi, functionName, args, address, value } = parameters as unknown as {
    abi: Abi;
    functionName: string;
    args?: readonly unknown[];
    address: Address;
    value?: bigint;
  };
  const data = encodeFunctionData({ abi, functionName, args });
  const transaction = { account: parameters.account ?? zeroAddress, to: address, data, ...(value ? { value } : {}) };
  return finishSimulation(client, transaction, estimate, options.measureUsed ?? false);
}

/** Internal: a call to an address without code "succeeds" for 21k gas: refuse it instead. */
async function requireCode(client: GasClient, address: Address, operation: string): Promise<void> {
  let code: Hex | undefined;
  try {
    code = await getCode(client, { address });
  } catch (err) {
    throw toGasError(err, operation, address, undefined);
  }
  if (code === undefined || code === "0x") {
    throw new GasError("GAS_INVALID_PARAMETER", `No contract at ${address} on this chain (${operation}).`, {
      hint: "Check the contract address and the network (--rpc-url / chain): deploy the contract first.",
      details: { parameter: "contract", value: address, reason: "no code at the address" },
    });
  }
}

/** Internal: refines a node's estimate into the minimal gas limit and, if asked, measures gasUsed. */
export async function finishSimulation(
  client: GasClient,
  transaction: { readonly account: GasAccount; readonly to?: Address; readonly data: Hex; readonly value?: bigint },
  estimate: bigint,
  measureUsed: boolean,
): Promise<SimulatedGas> {
  const gasLimit = await refineGasLimit(client, transaction, estimate);
  const measured = measureUsed ? await measureGasUsed(client, transaction, gasLimit) : undefined;
  return measured
    ? { gasLimit, gasUsed: measured.gasUsed, source: measured.source }
    : { gasLimit, gasUsed: gasLimit, source: "limit" };
}

/** Internal: maps a viem estimation/simulation error to a {@link GasError} (see {@link simulateGas}). */
export function toGasError(
  err: unknown,
  operation: string,
  contract: Address | undefined,
  account: GasAccount | undefined | null,
  abi?: Abi,
): GasError {
  if (err instanceof GasError) return err;
  const reverted = findCauseByName(err, "ContractFunctionRevertedError") !== undefined;
  const decoded = decodeRevert(err, abi ? { abi } : {});
  if (reverted || decoded.errorName !== undefined) {
    const errorName = decoded.errorName === "Error" ? undefined : decoded.errorName;
    const errorArgs = [...(decoded.errorArgs ?? [])];
    if (errorName === "AccessControlUnauthorizedAccount" || errorName === "OwnableUnauthorizedAccount") {
      const who = errorArgs[0] ?? (account ? accountAddress(account) : "unknown");
      return new GasError("GAS_NOT_MINTER", `${who} may not ${operation} on ${contract ?? "the contract"}.`, {
        hint: "Estimate with the contract's owner or an account holding the minter role (grant it with grantRole(MINTER_ROLE, account)).",
        details: { contract: contract ?? "", account: who },
        cause: err,
      });
    }
    if (errorName === "MaxSupplyExceeded") {
      const [maxSupply = "0", available = "0", requested = "0"] = errorArgs;
      return new GasError(
        "GAS_MAX_SUPPLY_EXCEEDED",
        `${operation}: ${requested} token(s) requested but only ${available} remain under the max supply.`,
        {
          hint: "Mint at most the remaining supply, or raise the cap with setMaxSupply (admin).",
          details: { collection: contract ?? "", requested, available, maxSupply },
          cause: err,
        },
      );
    }
    const reason = decoded.reason;
    const what = errorName ? `${errorName}(${errorArgs.join(", ")})` : (reason ?? "no reason");
    return new GasError("GAS_SIMULATION_REVERTED", `${operation} reverts on this chain: ${what}.`, {
      hint: "The transaction would fail as given: fix its parameters (see the error) before estimating its gas.",
      details: {
        operation,
        ...(contract ? { contract } : {}),
        ...(errorName ? { errorName, errorArgs } : {}),
        ...(reason ? { reason } : {}),
      },
      cause: err,
    });
  }
  const unreachable = isTransportError(err);
  return new GasError("GAS_ESTIMATION_FAILED", `Could not estimate the gas of ${operation}: ${unreachable ? "the RPC endpoint did not answer" : "the node refused to execute it"}.`, {
    hint: unreachable
      ? "Check the RPC endpoint is reachable (--rpc-url / --network)."
      : "A node refuses a transaction above its per-transaction gas cap (2^24 gas under EIP-7825) or one that runs out of gas: split a large mint with `mintkit gas plan` (or planBatchMint).",
    details: { operation, ...(contract ? { contract } : {}) },
    cause: err,
  });
}
