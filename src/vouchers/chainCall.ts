import { isRevertError } from "../chain/decodeRevert.js";
import { voucherError } from "./voucherProblem.js";

export { isRevertError };

/**
 * Runs a chain read: a revert resolves to `onRevert` (the contract said no), any other failure throws
 * `VOUCHER_RPC_FAILED` naming `operation`.
 */
export async function chainRead<T, R>(operation: string, read: () => Promise<T>, onRevert: R): Promise<T | R> {
  try {
    return await read();
  } catch (error) {
    if (isRevertError(error)) return onRevert;
    throw voucherError("VOUCHER_RPC_FAILED", { operation }, error);
  }
}

/** Runs a chain read that must not revert: any failure throws `VOUCHER_RPC_FAILED` naming `operation`. */
export async function chainReadOrThrow<T>(operation: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw voucherError("VOUCHER_RPC_FAILED", { operation }, error);
  }
}
