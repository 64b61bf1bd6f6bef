/**
 * Parsing of option values for commands. Light at import (viem is loaded inside the async helpers).
 * Every failure is a `CliError` (exit code 2) naming the option.
 */
import { CliError } from "../errors/CliError.js";
import { parseUint } from "./grammar/parseUint.js";

/** `CLI_INVALID_INPUT` for an option: `<field> <reason>, got "<value>".` (exit code 2). */
export function invalidInput(field: string, value: string, reason: string, hint?: string): CliError<"CLI_INVALID_INPUT"> {
  return new CliError("CLI_INVALID_INPUT", `${field} ${reason}, got "${value}".`, {
    hint: hint ?? `Fix ${field} and run the command again; nothing was sent.`,
    details: { field, value, reason },
  });
}

/** Parses an address option (checksum enforced for mixed case); `CLI_INVALID_ADDRESS` otherwise. */
export { parseAddress } from "./grammar/parseAddress.js";

/**
 * Parses a non-negative integer (decimal, or 0x-hex) as a bigint, at most uint256 unless `max` says less;
 * `CLI_INVALID_INPUT` otherwise. The grammar's {@link parseUint} under its older name.
 */
export function parseBigIntOption(value: string, field: string, bounds: { min?: bigint; max?: bigint } = {}): bigint {
  return parseUint(value, { field, ...bounds });
}

/** Parses a royalty in basis points, 0..1000 (the contracts' bound, 10%). */
export function parseBps(value: string, field = "--royalty-bps"): bigint {
  const text = value.trim();
  if (/^\d+$/.test(text) && BigInt(text) > 1000n) {
    throw new CliError("CLI_INVALID_INPUT", `${field} ${text} is over the bound of 1000 bps (10%).`, {
      hint: "Royalties are in basis points: 500 = 5%, at most 1000 = 10%.",
      details: { field, value, reason: "over 1000 bps" },
    });
  }
  return parseBigIntOption(value, field, { min: 0n, max: 1000n });
}

/** Parses a byte size: `1048576`, `512k`, `100M`, `1G` (binary units: KiB, MiB, GiB). */
export function parseSize(value: string, field = "--max-size"): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) {
    throw new CliError("CLI_INVALID_INPUT", `${field} must be a size like 100M or 512k, got "${value}".`, {
      hint: "Use bytes or a k/M/G suffix (binary units).",
      details: { field, value, reason: "not a size" },
    });
  }
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}

/** Collects a repeatable option into an array (commander's `(value, previous)` reducer). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Checks an endpoint URL option (`--rpc-url`, `--kubo-url`, …) is an absolute http(s) URL. A malformed URL
 * is bad input (`CLI_INVALID_INPUT`, exit code 2), not an unreachable service. The value is not echoed
 * (it may carry an API key).
 */
export function parseHttpUrl(value: string, field: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    const reason = url ? `uses ${url.protocol.replace(/:$/, "")}, not http or https` : "not an absolute URL";
    throw new CliError("CLI_INVALID_INPUT", `${field} is not a valid http(s) URL (${reason}).`, {
      hint: `Pass a full URL such as http://127.0.0.1:8545 for ${field}; nothing was sent.`,
      details: { field, reason },
    });
  }
  return value;
}
