import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  ExecutionRevertedError,
  RawContractError,
} from "viem";
import { marketError } from "./marketProblem.js";

/** Whether `error` (from a viem call) is the contract reverting, not the chain failing to answer. */
export function isRevertError(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return (
    error.walk(
      (e) =>
        e instanceof ContractFunctionRevertedError ||
        e instanceof ContractFunctionZeroDataError ||
        e instanceof RawContractError ||
        e instanceof ExecutionRevertedError,
    ) !== null
  );
}

/** Runs a chain read: a revert resolves to `onRevert`, any other failure throws `MARKET_RPC_FAILED` naming `operation`. */
export async function marketRead<T, R>(operation: string, read: () => Promise<T>, onRevert: R): Promise<T | R> {
  try {
    return await read();
  } catch (error) {
    if (isRevertError(error)) return onRevert;
    throw marketError("MARKET_RPC_FAILED", { operation }, error);
  }
}

/** Runs a chain read that must not fail: any failure throws `MARKET_RPC_FAILED` naming `operation`. */
export async function marketReadOrThrow<T>(operation: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw marketError("MARKET_RPC_FAILED", { operation }, error);
  }
}
