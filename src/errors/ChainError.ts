import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** Typed `details` for each chain error code. Browser-safe. */
export interface ChainErrorDetailsByCode {
  /** A contract write reverted, in simulation (nothing was sent) or once mined (`transactionHash`). */
  CHAIN_TX_REVERTED: {
    /** What was being done, e.g. `"MintkitFactory.createCollection"`. */
    readonly action: string;
    readonly transactionHash?: string;
    readonly errorName?: string;
    readonly errorArgs?: readonly string[];
    readonly reason?: string;
  };
}

export type ChainErrorCode = keyof ChainErrorDetailsByCode;

/** Errors of the one chain-write path (`src/chain`): a write that reverted. */
export class ChainError<TCode extends ChainErrorCode = ChainErrorCode> extends MintkitError<TCode, ChainErrorDetailsByCode[TCode]> {
  override name = "ChainError";

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<ChainErrorDetailsByCode[TCode]> & { readonly details: ChainErrorDetailsByCode[TCode] },
  ) {
    super(code, shortMessage, options);
  }
}

/** True when `err` is a `ChainError`, optionally with the given code. */
export function isChainError<TCode extends ChainErrorCode>(err: unknown, code?: TCode): err is ChainError<TCode> {
  return err instanceof ChainError && (code === undefined || err.code === code);
}
