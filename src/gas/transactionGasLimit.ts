import { getBlock } from "viem/actions";
import { GasError } from "../errors/GasError.js";
import type { GasClient } from "./simulateGas.js";

/** EIP-7825's cap on one transaction's gas limit: 2^24 = 16,777,216 (Osaka; enforced by Hardhat's EDR). */
export const TRANSACTION_GAS_CAP = 16_777_216n;

/** The default safety margin kept under the per-transaction limit: 5% (in basis points). */
export const DEFAULT_SAFETY_MARGIN_BPS = 500;

/** The gas limits that bound one transaction, and the target a plan fills transactions up to. */
export interface TransactionGasLimit {
  /** The latest block's gas limit. */
  readonly blockGasLimit: bigint;
  /** EIP-7825's per-transaction cap ({@link TRANSACTION_GAS_CAP}). */
  readonly transactionGasCap: bigint;
  /** The caller's cap, if given. */
  readonly userGasCap: bigint | undefined;
  /** min(block gas limit, EIP-7825 cap, user cap). */
  readonly perTransactionLimit: bigint;
  /** The safety margin, in basis points of the limit. */
  readonly safetyMarginBps: number;
  /** The most gas a planned transaction may be estimated at: the limit minus the margin. */
  readonly targetGas: bigint;
  /** The block the limit was read from. */
  readonly blockNumber: bigint;
}

/**
 * Reads the gas that one transaction may use on the client's chain: the smallest of the latest block's
 * gas limit, the EIP-7825 per-transaction cap (2^24) and `maxGasPerTransaction`, with a safety margin
 * (default 5%) taken off for the target a planner fills transactions up to.
 *
 * @example
 * const { perTransactionLimit, targetGas } = await getTransactionGasLimit(publicClient, { maxGasPerTransaction: 3_000_000n });
 */
export async function getTransactionGasLimit(
  client: GasClient,
  options: { readonly maxGasPerTransaction?: bigint | number; readonly safetyMarginBps?: number } = {},
): Promise<TransactionGasLimit> {
  const userGasCap = options.maxGasPerTransaction === undefined ? undefined : toGas(options.maxGasPerTransaction);
  const safetyMarginBps = options.safetyMarginBps ?? DEFAULT_SAFETY_MARGIN_BPS;
  if (!Number.isInteger(safetyMarginBps) || safetyMarginBps < 0 || safetyMarginBps >= 10_000) {
    throw new GasError("GAS_INVALID_PARAMETER", "The safety margin must be whole basis points in [0, 10000).", {
      hint: "Pass safetyMarginBps as an integer, e.g. 500 for 5%.",
      details: { parameter: "safetyMarginBps", value: String(safetyMarginBps), reason: "out of range" },
    });
  }
  let block;
  try {
    block = await getBlock(client, { blockTag: "latest" });
  } catch (err) {
    throw new GasError("GAS_ESTIMATION_FAILED", "Could not read the latest block's gas limit.", {
      hint: "Check the RPC endpoint is reachable.",
      details: { operation: "getBlock" },
      cause: err,
    });
  }
  let perTransactionLimit = block.gasLimit < TRANSACTION_GAS_CAP ? block.gasLimit : TRANSACTION_GAS_CAP;
  if (userGasCap !== undefined && userGasCap < perTransactionLimit) perTransactionLimit = userGasCap;
  return {
    blockGasLimit: block.gasLimit,
    transactionGasCap: TRANSACTION_GAS_CAP,
    userGasCap,
    perTransactionLimit,
    safetyMarginBps,
    targetGas: (perTransactionLimit * BigInt(10_000 - safetyMarginBps)) / 10_000n,
    blockNumber: block.number ?? 0n,
  };
}

function toGas(value: bigint | number): bigint {
  if ((typeof value === "number" && (!Number.isSafeInteger(value) || value <= 0)) || (typeof value === "bigint" && value <= 0n)) {
    throw new GasError("GAS_INVALID_PARAMETER", "The per-transaction gas cap must be a positive whole number.", {
      hint: "Pass maxGasPerTransaction as a positive integer (gas units), e.g. 3000000.",
      details: { parameter: "maxGasPerTransaction", value: String(value), reason: "not a positive integer" },
    });
  }
  return BigInt(value);
}
