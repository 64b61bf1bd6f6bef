import { isAddress } from "viem";
import { voucherTypes, type Voucher } from "./voucherTypes.js";

/** A problem with one field: its path (`voucher.price`) and what is wrong. */
export interface VoucherFieldProblem {
  readonly path: string;
  readonly message: string;
}

/** The largest value of each unsigned integer field, from its Solidity type. */
const UINT_FIELDS = voucherTypes.Voucher.filter((f) => f.type.startsWith("uint")).map((f) => ({
  name: f.name,
  type: f.type,
  max: (1n << BigInt(f.type.slice(4))) - 1n,
}));
const ADDRESS_FIELDS = voucherTypes.Voucher.filter((f) => f.type === "address").map((f) => f.name);

/**
 * Every problem with `voucher`'s fields, in one go (empty when it is well-formed): each address a 20-byte
 * hex address, each integer a bigint within its Solidity type (`uint64` times, `uint96` royalty, `uint256`
 * otherwise), the URI a string. Field-level only: whether the contract accepts it is `verifyVoucher`'s job.
 * `path` is prefixed with `prefix` (default `voucher`).
 */
export function validateVoucher(voucher: Voucher, prefix = "voucher"): VoucherFieldProblem[] {
  const problems: VoucherFieldProblem[] = [];
  const record = voucher as unknown as Record<string, unknown>;
  if (typeof record !== "object" || record === null) return [{ path: prefix, message: "must be an object" }];
  for (const name of ADDRESS_FIELDS) {
    const value = record[name];
    if (typeof value !== "string" || !isAddress(value)) {
      problems.push({ path: `${prefix}.${name}`, message: `must be an address (0x + 40 hex digits), got ${describe(value)}` });
    }
  }
  for (const { name, type, max } of UINT_FIELDS) {
    const value = record[name];
    if (typeof value !== "bigint") {
      problems.push({ path: `${prefix}.${name}`, message: `must be a bigint (${type}), got ${describe(value)}` });
    } else if (value < 0n || value > max) {
      problems.push({ path: `${prefix}.${name}`, message: `must be between 0 and ${max} (${type}), got ${value}` });
    }
  }
  if (typeof record.uri !== "string") {
    problems.push({ path: `${prefix}.uri`, message: `must be a string, got ${describe(record.uri)}` });
  }
  const known = new Set<string>(voucherTypes.Voucher.map((f) => f.name));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) problems.push({ path: `${prefix}.${key}`, message: "is not a voucher field" });
  }
  return problems;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return Array.isArray(value) ? "an array" : typeof value;
}
