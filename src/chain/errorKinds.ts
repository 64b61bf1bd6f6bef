import { findCauseByName } from "./walkCause.js";

/** viem's errors for a contract that refused (reverted, or returned no data). Matched by name: no viem import here. */
const REVERT_ERRORS = [
  "ContractFunctionRevertedError",
  "ContractFunctionZeroDataError",
  "RawContractError",
  "ExecutionRevertedError",
] as const;

/** viem's errors for an RPC endpoint that did not answer. */
const TRANSPORT_ERRORS = ["HttpRequestError", "TimeoutError", "WebSocketRequestError", "SocketClosedError"] as const;

/** Whether `err` (from a viem call) is the contract refusing (a revert, or no data), not the chain failing to answer. */
export function isRevertError(err: unknown): boolean {
  return findCauseByName(err, ...REVERT_ERRORS) !== undefined;
}

/** Whether `err` is the RPC endpoint failing to answer (HTTP error, time-out, closed socket). */
export function isTransportError(err: unknown): boolean {
  return findCauseByName(err, ...TRANSPORT_ERRORS) !== undefined;
}
