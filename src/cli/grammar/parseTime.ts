import { CliError } from "../../errors/CliError.js";
import { MAX_TIME } from "./bounds.js";

/** What {@link parseTime} reads. */
export interface ParseTimeParameters {
  /** The option's name, as the user typed it (`--valid-until`). */
  readonly field: string;
  /** "Now" for relative times, in unix seconds: the chain's latest block time (never the local clock). */
  readonly now: bigint;
}

/** Seconds per unit of a relative time (`+7d`): the same units in every command. */
export const TIME_UNITS: Readonly<Record<string, bigint>> = { s: 1n, m: 60n, h: 3600n, d: 86_400n, y: 365n * 86_400n };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/i;
const FORMS = "an ISO date (2027-01-31 or 2027-01-31T12:00:00Z; UTC unless it names an offset), +<n>s|m|h|d|y from the chain's time (+12h, +7d), or unix seconds";

/**
 * Reads a time: an ISO date, `+<n><unit>` after `now` (units s, m, h, d, y = 365 days), or unix seconds (a bare integer).
 * Bounds: from 1970-01-01 to 9999-12-31T23:59:59Z (no negative time, nothing an ISO date cannot print).
 * @throws CliError `CLI_INVALID_TIME` (exit code 2) with the forms it accepts.
 * @example parseTime("+7d", { field: "--valid-until", now: 1_700_000_000n }) // 1700604800n
 */
export function parseTime(value: string, { field, now }: ParseTimeParameters): bigint {
  const fail = (reason: string, hint = `Write ${field} as ${FORMS}.`) =>
    new CliError("CLI_INVALID_TIME", `${field} ${reason}, got "${value}".`, { hint, details: { field, value, reason } });
  const text = value.trim();
  let seconds: bigint;
  const relative = /^\+(\d+)([a-z]+)$/i.exec(text);
  const iso = ISO.exec(text);
  if (/^-\d/.test(text)) {
    throw fail("is before 1970 (a time cannot be negative)", `For a time from now write +${text.slice(1)}s (or +<n>m|h|d|y); otherwise ${FORMS}.`);
  } else if (/^\d+$/.test(text)) {
    seconds = BigInt(text);
  } else if (relative) {
    const unit = TIME_UNITS[relative[2]!.toLowerCase()];
    if (unit === undefined) throw fail(`has an unknown unit "${relative[2]}" (s, m, h, d or y)`);
    seconds = now + BigInt(relative[1]!) * unit;
  } else if (iso) {
    seconds = isoSeconds(iso, fail);
  } else {
    throw fail("is not a time");
  }
  if (seconds > MAX_TIME) throw fail("is after the year 9999", "Pass a nearer time, or leave the option out for its default.");
  return seconds;
}

function isoSeconds(m: RegExpExecArray, fail: (reason: string) => CliError): bigint {
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((p) => (p === undefined ? undefined : Number(p))) as number[];
  const ms = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month! - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw fail("is not a calendar date and time");
  }
  const zone = m[7]?.toUpperCase();
  const offset = zone === undefined || zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60;
  const seconds = BigInt(Math.floor(ms / 1000) - offset);
  if (seconds < 0n) throw fail("is before 1970");
  return seconds;
}
