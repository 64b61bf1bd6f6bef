import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/**
 * Typed `details` for each gas error code. Browser-safe.
 * Amounts (gas, wei, token counts) are decimal strings so that details serialise cleanly (JSON, logs).
 */
export interface GasErrorDetailsByCode {
  /** A parameter is missing, of the wrong type or out of range. */
  GAS_INVALID_PARAMETER: { readonly parameter: string; readonly value: string; readonly reason: string };
  /** The mint asks for more tokens than the collection's max supply leaves. */
  GAS_MAX_SUPPLY_EXCEEDED: {
    readonly collection: string;
    readonly requested: string;
    readonly available: string;
    /** `"0"`: no cap (the contract's id space bounds the supply). */
    readonly maxSupply: string;
  };
  /** The account may not mint on this contract (neither its owner nor a holder of the minter role). */
  GAS_NOT_MINTER: { readonly contract: string; readonly account: string };
  /** The simulated transaction reverts on the target chain. */
  GAS_SIMULATION_REVERTED: {
    readonly operation: string;
    readonly contract?: string;
    /** The decoded custom error's name (e.g. `"ZeroQuantity"`), when the ABI knows it. */
    readonly errorName?: string;
    /** The decoded custom error's arguments, as strings. */
    readonly errorArgs?: readonly string[];
    readonly reason?: string;
  };
  /** Gas estimation failed for a reason other than a revert (RPC down, node refusing the call…). */
  GAS_ESTIMATION_FAILED: { readonly operation: string; readonly contract?: string };
  /** The per-transaction gas limit is too low for even the smallest transaction of the operation. */
  GAS_LIMIT_TOO_LOW: {
    readonly operation: string;
    readonly perTransactionLimit: string;
    /** Gas the smallest transaction needs (with the safety margin). */
    readonly required: string;
  };
  /** The node returned no usable `eth_feeHistory` (e.g. a pre-EIP-1559 chain). */
  GAS_FEE_HISTORY_UNAVAILABLE: { readonly blockCount: number };
  /** The operation name is not one mintkit knows how to estimate. */
  GAS_UNKNOWN_OPERATION: { readonly operation: string; readonly known: readonly string[] };
  /** A strategy of a comparison needs something the caller did not provide (a contract, a voucher…). */
  GAS_STRATEGY_UNAVAILABLE: { readonly strategy: string; readonly missing: string };
}

export type GasErrorCode = keyof GasErrorDetailsByCode;

/** Errors of gas and fee estimation (`src/gas`): simulations, batch plans, fee tiers, comparisons. */
export class GasError<TCode extends GasErrorCode = GasErrorCode> extends MintkitError<
  TCode,
  GasErrorDetailsByCode[TCode]
> {
  override name = "GasError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<GasErrorDetailsByCode[TCode]> & {
      readonly details: GasErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "docs/gas.md", ...options });
  }
}

/** True when `err` is a `GasError`, optionally with the given code. */
export function isGasError<TCode extends GasErrorCode>(err: unknown, code?: TCode): err is GasError<TCode> {
  return err instanceof GasError && (code === undefined || err.code === code);
}
