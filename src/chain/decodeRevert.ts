import { decodeErrorResult, isHex, type Abi } from "viem";
import { findCauseByName, walkCause } from "./walkCause.js";

export { isRevertError, isTransportError } from "./errorKinds.js";

/** A contract's refusal, decoded: the custom error (name + arguments) or the `require` reason string. */
export interface DecodedRevert {
  /** The custom error's name (`"Error"` for a plain reason string). */
  readonly errorName?: string;
  /** The custom error's arguments as strings (bigints in decimal). */
  readonly errorArgs?: readonly string[];
  /** The custom error's arguments as decoded. */
  readonly args?: readonly unknown[];
  /** The `require`/`revert` reason string. */
  readonly reason?: string;
}

export interface DecodeRevertParameters {
  /** Decode raw revert data found in the cause chain against this ABI (e.g. after a plain `estimateGas`). */
  readonly abi?: Abi;
}


/**
 * The decoded revert of a failed call, simulation or transaction: walks the cause chain for viem's
 * `ContractFunctionRevertedError` and, with `abi`, decodes raw revert data viem left undecoded. `{}`
 * when nothing could be decoded. Browser-safe.
 * @example
 * try { await publicClient.simulateContract(call) } catch (err) { const { errorName, errorArgs } = decodeRevert(err) }
 */
export function decodeRevert(err: unknown, parameters: DecodeRevertParameters = {}): DecodedRevert {
  const reverted = findCauseByName(err, "ContractFunctionRevertedError") as
    | (Error & { data?: { errorName?: string; args?: readonly unknown[] }; reason?: string })
    | undefined;
  const data = reverted?.data ?? (parameters.abi ? decodeRawRevert(err, parameters.abi) : undefined);
  const reason = reverted?.reason ?? undefined;
  const errorName = data?.errorName ?? (reason ? "Error" : undefined);
  const args = data?.args;
  return {
    ...(errorName ? { errorName } : {}),
    ...(args ? { args, errorArgs: args.map(argToString) } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** `Name(arg1, arg2)` for a decoded revert, its reason string for a plain `require`, or `undefined`. */
export function formatRevert(revert: DecodedRevert): string | undefined {
  if (revert.reason && (!revert.errorName || revert.errorName === "Error")) return revert.reason;
  if (!revert.errorName) return undefined;
  return `${revert.errorName}(${(revert.errorArgs ?? []).join(", ")})`;
}


function argToString(value: unknown): string {
  return typeof value === "bigint" ? value.toString() : String(value);
}

/** Revert data anywhere in `err`'s cause chain (`data` as hex, or `data.data`), decoded against `abi`. */
function decodeRawRevert(err: unknown, abi: Abi): { errorName: string; args: readonly unknown[] | undefined } | undefined {
  const withData = walkCause(err, (e) => rawData(e) !== undefined);
  const hex = rawData(withData);
  if (hex === undefined) return undefined;
  try {
    const result = decodeErrorResult({ abi, data: hex });
    return { errorName: result.errorName, args: result.args };
  } catch {
    return undefined;
  }
}

function rawData(e: unknown): `0x${string}` | undefined {
  if (e === null || typeof e !== "object") return undefined;
  const data: unknown = (e as { data?: unknown }).data;
  const hex = typeof data === "string" ? data : typeof data === "object" && data !== null ? (data as { data?: unknown }).data : undefined;
  return typeof hex === "string" && isHex(hex) && hex.length >= 10 ? hex : undefined;
}
