/**
 * Option parsing for `mintkit credential …`. Every failure is a `CliError` (exit code 2) naming the option;
 * nothing here touches the chain. Light at import (viem loads inside the async helpers).
 */
import type { Address } from "viem";
import { invalidInput } from "../../parse.js";
import { parseTime } from "../../grammar/parseTime.js";
import { CliError } from "../../../errors/CliError.js";

const UINT256_MAX = (1n << 256n) - 1n;

/** A credential token id: decimal or 0x-hex uint256. */
export function parseTokenId(value: string, field = "<tokenId>"): bigint {
  const text = value.trim();
  if (!/^(\d+|0x[0-9a-fA-F]{1,64})$/.test(text) || BigInt(text) > UINT256_MAX) {
    throw invalidInput(field, value, "must be a token id (a uint256, decimal or 0x-hex)", "Copy the token id printed by `mintkit credential issue` (or from the claims file).");
  }
  return BigInt(text);
}

/** A schema id: 1 … 2^32-1. */
export function parseSchemaId(value: string, field = "--schema"): number {
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 0xffffffff) {
    throw invalidInput(field, value, "must be a schema id (an integer from 1)", "List the registry's schemas with `mintkit credential schema list`.");
  }
  return Number(text);
}

/** ERC-5484 burn authorizations by CLI name (the contract's enum order). */
export const burnAuthByName = { issuer: 0, owner: 1, both: 2, neither: 3 } as const;
export const burnAuthNames = ["issuer", "owner", "both", "neither"] as const;

/** `--burn-auth issuer|owner|both|neither` → the ERC-5484 enum value. */
export function parseBurnAuth(value: string): number {
  const key = value.trim().toLowerCase() as keyof typeof burnAuthByName;
  const n = burnAuthByName[key];
  if (n === undefined) throw invalidInput("--burn-auth", value, "must be issuer, owner, both or neither");
  return n;
}

/**
 * An expiry: `never`/`0`, or a time in the CLI's grammar (`parseTime`: unix seconds, an ISO date, `+<n>s|m|h|d|y`
 * from `now`); as unix seconds (0 = never). Must be after `now` (the chain's latest block time).
 * @throws CliError `CLI_INVALID_TIME`.
 */
export function parseExpiry(value: string, now: bigint, field = "--expiry"): number {
  const text = value.trim();
  if (text === "never" || text === "0") return 0;
  const seconds = parseTime(text, { field, now }); // at most 9999-12-31: fits the registry's uint40
  if (seconds <= now) {
    throw new CliError("CLI_INVALID_TIME", `${field} is not in the future (it is ${isoTime(Number(seconds))}, the chain's time is ${isoTime(Number(now))}), got "${value}".`, {
      hint: "Pass a later expiry (e.g. +365d), or never.",
      details: { field, value, reason: "not in the future" },
    });
  }
  return Number(seconds);
}

/** `--age-over 18,21` (repeatable) → [18, 21]: whole ages 0-99 (ISO mDL `age_over_NN`). */
export function parseAges(values: readonly string[] | undefined): number[] {
  const ages: number[] = [];
  for (const part of splitList(values)) {
    if (!/^\d{1,2}$/.test(part)) throw invalidInput("--age-over", part, "must be whole ages from 0 to 99, comma-separated (e.g. 18,21)");
    ages.push(Number(part));
  }
  return [...new Set(ages)].sort((a, b) => a - b);
}

/** A comma-separated, repeatable list option, trimmed, without empty items. */
export function splitList(values: readonly string[] | string | undefined): string[] {
  if (values === undefined) return [];
  return ([] as string[])
    .concat(values)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** A calendar date `YYYY-MM-DD` (checked as a real date later by the credentials library). */
export function parseCalendarDate(value: string, field: string): string {
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw invalidInput(field, value, "must be a calendar date YYYY-MM-DD");
  return text;
}

/** A positive number of seconds. */
export function parseSeconds(value: string, field: string): number {
  const text = value.trim();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw invalidInput(field, value, "must be a whole number of seconds");
  return Number(text);
}

/** A verifier's trusted issuer: `<registry>:<issuer>` or `<registry>:<issuer>:<schemaId>[+<schemaId>…]`. */
export interface TrustedIssuerOption {
  readonly registry: Address;
  readonly issuer: Address;
  readonly schemaIds?: readonly number[];
}

/** Parses `--trusted-issuer` values (repeatable). */
export async function parseTrustedIssuers(values: readonly string[] | undefined): Promise<TrustedIssuerOption[]> {
  const { getAddress, isAddress } = await import("viem");
  const out: TrustedIssuerOption[] = [];
  for (const value of values ?? []) {
    const parts = value.trim().split(":");
    const [registry, issuer, schemas] = parts;
    const ok = (a: string | undefined): a is string => a !== undefined && isAddress(a);
    if (parts.length < 2 || parts.length > 3 || !ok(registry) || !ok(issuer)) {
      throw invalidInput(
        "--trusted-issuer",
        value,
        "must be <registry address>:<issuer address>[:<schemaId>[+<schemaId>…]]",
        "Example: --trusted-issuer 0xRegistry…:0xIssuer… (both 0x + 40 hex; mixed case must be a valid checksum).",
      );
    }
    const schemaIds = schemas === undefined ? undefined : schemas.split("+").map((s) => parseSchemaId(s, "--trusted-issuer schema id"));
    out.push({ registry: getAddress(registry), issuer: getAddress(issuer), ...(schemaIds ? { schemaIds } : {}) });
  }
  return out;
}

/** ISO time of unix seconds, or "never" for 0. */
export function isoTime(seconds: number): string {
  return seconds === 0 ? "never" : new Date(seconds * 1000).toISOString();
}
