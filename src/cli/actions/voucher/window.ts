import { CliError } from "../../../errors/CliError.js";
import { parseTime } from "../../grammar/index.js";

/** The voucher's default lifetime when --valid-until is not given (createVoucher's default): 30 days. */
const DEFAULT_LIFETIME = 30n * 86_400n;

/**
 * The redemption window of `voucher sign` from --valid-from / --valid-until, checked before anything is
 * signed: an end in the past (at or before the chain's `now`) or at or before the start is refused, since the
 * voucher could never be redeemed. `validUntil` is left out when not given (the library's default applies).
 * @throws CliError `CLI_INVALID_TIME` (exit code 2).
 */
export function checkWindow(opts: { validFrom?: string; validUntil?: string }, now: bigint): { validFrom: bigint; validUntil?: bigint } {
  const validFrom = opts.validFrom === undefined ? 0n : parseTime(opts.validFrom, { field: "--valid-from", now });
  if (opts.validUntil === undefined) {
    if (validFrom >= now + DEFAULT_LIFETIME) {
      throw windowError("--valid-from", opts.validFrom!, "is after the default end of the window (30 days from now)", "Pass --valid-until after --valid-from as well.");
    }
    return { validFrom };
  }
  const validUntil = parseTime(opts.validUntil, { field: "--valid-until", now });
  if (validUntil !== 0n && validUntil <= now) {
    throw windowError("--valid-until", opts.validUntil, `is not in the future (the chain's time is ${iso(now)})`, "Pass a later end, e.g. --valid-until +7d.");
  }
  if (validUntil !== 0n && validUntil <= validFrom) {
    throw windowError("--valid-until", opts.validUntil, `is not after --valid-from (${iso(validFrom)}): the window is empty`, "Pass an end after the start, e.g. --valid-from +1d --valid-until +8d.");
  }
  return { validFrom, validUntil };
}

function windowError(field: string, value: string, reason: string, hint: string): CliError<"CLI_INVALID_TIME"> {
  return new CliError("CLI_INVALID_TIME", `${field} ${reason}, got "${value}"; nothing was signed.`, { hint, details: { field, value, reason } });
}

const iso = (seconds: bigint): string => new Date(Number(seconds) * 1000).toISOString();
