import { CliError } from "../../errors/CliError.js";
import { MAX_ETH_WEI, UINT256_MAX } from "./bounds.js";

/** What {@link parseAmount} reads. */
export interface ParseAmountParameters {
  /** The option's name, as the user typed it (`--price`). */
  readonly field: string;
  /** The amount is in an ERC-20 token with these decimals (units `token` and `units`), not in ETH. */
  readonly token?: { readonly decimals: number };
}

/** The units of an ETH amount and of an ERC-20 amount, with their number of decimals. */
const ETH_UNITS: Readonly<Record<string, number>> = { eth: 18, ether: 18, gwei: 9, wei: 0 };
const TOKEN_UNITS = (decimals: number): Readonly<Record<string, number>> => ({ token: decimals, tokens: decimals, units: 0, unit: 0 });

/**
 * Reads an amount: a non-negative decimal number followed by its unit, `0.01eth`, `20gwei`, `123wei` (or
 * `2.5token` / `2500000units` for an ERC-20 price). THE RULE FOR A BARE NUMBER: refused (except `0`), in every
 * command, because `1` could mean 1 wei or 1 ether, 10^18 apart; the error says how to write it.
 * Bounds: at most uint256, and at most 1e9 ETH for ether (more than exists: a typo).
 * @throws CliError `CLI_INVALID_AMOUNT` (exit code 2) with what was wrong and how to write it.
 * @example parseAmount("0.01eth", { field: "--price" }) // 10000000000000000n
 */
export function parseAmount(value: string, { field, token }: ParseAmountParameters): bigint {
  const units = token === undefined ? ETH_UNITS : TOKEN_UNITS(token.decimals);
  const example = token === undefined ? "0.01eth, 20gwei or 123wei" : "2.5token (whole tokens) or 2500000units (the token's smallest unit)";
  const fail = (reason: string, hint = `Write ${field} as a number and a unit: ${example}.`) =>
    new CliError("CLI_INVALID_AMOUNT", `${field} ${reason}, got "${value}".`, { hint, details: { field, value, reason } });
  const text = value.trim().replace(/_/g, "");
  if (text.startsWith("-")) throw fail("cannot be negative");
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)$/i.exec(text);
  if (!m) throw fail("is not an amount");
  const [, number, unitText] = m as unknown as [string, string, string];
  const unit = unitText.toLowerCase();
  if (unit === "") {
    if (/^0*\.?0*$/.test(number)) return 0n;
    throw fail("has no unit (a bare number is refused: it could be wei or ether)", `Write ${field} with its unit, e.g. ${number}${token === undefined ? "eth" : "token"}; the units are ${example}.`);
  }
  const decimals = units[unit];
  if (decimals === undefined) {
    const other = token === undefined ? (unit in TOKEN_UNITS(0) ? " (the price is in ETH: no ERC-20 currency was given)" : "") : unit in ETH_UNITS ? " (the price is in the ERC-20 token named by --currency, not in ETH)" : "";
    throw fail(`has an unknown unit "${unitText}"${other}`);
  }
  const [whole, fraction = ""] = number.split(".") as [string, string?];
  if (fraction.length > decimals) throw fail(`has more decimals than its unit allows (${decimals})`, `Use at most ${decimals} decimals with ${unit}, or a smaller unit.`);
  const amount = BigInt(whole || "0") * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  if (token === undefined && amount > MAX_ETH_WEI) throw fail("is more ether than exists (over 1e9 ETH)", "Check the unit: 0.01eth is 10000000000000000wei.");
  if (amount > UINT256_MAX) throw fail("is over the largest amount a contract holds (2^256-1)");
  return amount;
}
