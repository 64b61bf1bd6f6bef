import { CliError } from "../../errors/CliError.js";
import { UINT256_MAX } from "./bounds.js";

/** Bounds of {@link parseUint}; `max` defaults to uint256's. */
export interface ParseUintParameters {
  /** The option's name, as the user typed it (`--token-id`). */
  readonly field: string;
  readonly min?: bigint;
  readonly max?: bigint;
}

/**
 * Reads a count, token id, uid or other whole number: decimal or `0x` hex, `_` separators allowed, never
 * negative, at most uint256 (or `max`). A bare number is always the number itself (no unit).
 * @throws CliError `CLI_INVALID_INPUT` (exit code 2) naming the option and the range.
 * @example parseUint("1_000", { field: "--quantity", min: 1n }) // 1000n
 */
export function parseUint(value: string, { field, min = 0n, max = UINT256_MAX }: ParseUintParameters): bigint {
  const text = value.trim().replace(/_/g, "");
  if (!/^(\d+|0x[0-9a-fA-F]+)$/.test(text)) {
    throw new CliError("CLI_INVALID_INPUT", `${field} must be a non-negative integer, got "${value}".`, {
      hint: `Pass a whole number for ${field} (decimal, or 0x hex).`,
      details: { field, value, reason: "not a non-negative integer" },
    });
  }
  const n = BigInt(text);
  if (n < min || n > max) {
    const upper = max === UINT256_MAX ? "2^256-1 (uint256)" : `${max}`;
    throw new CliError("CLI_INVALID_INPUT", `${field} must be between ${min} and ${upper}, got ${n > 10n ** 30n ? `${text.slice(0, 20)}… (${text.length} digits)` : n}.`, {
      hint: `Pass a value of ${field} within the range.`,
      details: { field, value, reason: "out of range" },
    });
  }
  return n;
}
