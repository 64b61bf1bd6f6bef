import { getAddress, isAddress, isHex, size } from "viem";
import { claimTypeProblem, type ClaimValue } from "./claimTypes.js";

/** A JSON-safe claim value: integers as decimal strings, everything else as is. */
export type ClaimValueJson = string | boolean | readonly ClaimValueJson[];

const ARRAY = /^(.+)\[(\d*)\]$/;
const INTEGER = /^(u?)int(\d+)$/;
/**
 * Largest string or bytes claim value, in bytes: a claim travels in every presentation that discloses it and in
 * the calldata of an on-chain check, so a document belongs behind its hash, not in a claim.
 */
export const MAX_CLAIM_VALUE_BYTES = 16 * 1024;

const FIXED_BYTES = /^bytes(\d+)$/;
const DECIMAL = /^-?\d+$/;

/**
 * Checks `value` against the Solidity `type` and returns it in mintkit's canonical form: `bigint` for
 * integers (accepted as `bigint`, safe-integer `number` or decimal string), a checksummed address,
 * lowercase hex for bytes. Returns every problem instead when it does not fit.
 */
export function normalizeClaimValue(
  type: string,
  value: unknown,
  label = "value",
): { value: ClaimValue; problems: [] } | { value?: undefined; problems: string[] } {
  const typeProblem = claimTypeProblem(type);
  if (typeProblem) return { problems: [`${label}: ${typeProblem}`] };
  const problems: string[] = [];
  const normalized = normalize(type, value, label, problems);
  return problems.length === 0 && normalized !== undefined ? { value: normalized, problems: [] } : { problems };
}

function normalize(type: string, value: unknown, label: string, problems: string[]): ClaimValue | undefined {
  const array = ARRAY.exec(type);
  if (array) {
    if (!Array.isArray(value)) {
      problems.push(`${label} must be an array (${type})`);
      return undefined;
    }
    const length = array[2] === "" ? undefined : Number(array[2]);
    if (length !== undefined && value.length !== length) {
      problems.push(`${label} must have exactly ${length} elements (${type}), has ${value.length}`);
      return undefined;
    }
    const items = value.map((item, i) => normalize(array[1]!, item, `${label}[${i}]`, problems));
    return items.every((item) => item !== undefined) ? (items as ClaimValue[]) : undefined;
  }
  if (type === "string") {
    if (typeof value === "string" && new TextEncoder().encode(value).length > MAX_CLAIM_VALUE_BYTES) {
      problems.push(`${label} is ${new TextEncoder().encode(value).length} bytes, over the ${MAX_CLAIM_VALUE_BYTES}-byte limit of a claim (keep documents off the credential: commit to their hash in a bytes32 claim)`);
      return undefined;
    }
    if (typeof value === "string") return value;
    problems.push(`${label} must be a string`);
    return undefined;
  }
  if (type === "bool") {
    if (typeof value === "boolean") return value;
    problems.push(`${label} must be true or false`);
    return undefined;
  }
  if (type === "address") {
    if (typeof value === "string" && isAddress(value, { strict: false })) return getAddress(value);
    problems.push(`${label} must be a 20-byte hex address`);
    return undefined;
  }
  if (type === "bytes") {
    if (typeof value === "string" && value.length > 2 + 2 * MAX_CLAIM_VALUE_BYTES) {
      problems.push(`${label} is over the ${MAX_CLAIM_VALUE_BYTES}-byte limit of a claim (commit to a document's hash in a bytes32 claim instead)`);
      return undefined;
    }
    if (typeof value === "string" && isHex(value, { strict: true }) && value.length % 2 === 0) return value.toLowerCase() as `0x${string}`;
    problems.push(`${label} must be 0x-prefixed hex of whole bytes`);
    return undefined;
  }
  const fixed = FIXED_BYTES.exec(type);
  if (fixed) {
    const n = Number(fixed[1]);
    if (typeof value === "string" && isHex(value, { strict: true }) && value.length % 2 === 0 && size(value) === n) {
      return value.toLowerCase() as `0x${string}`;
    }
    problems.push(`${label} must be exactly ${n} bytes of 0x-prefixed hex (${type})`);
    return undefined;
  }
  const integer = INTEGER.exec(type);
  if (integer) {
    const bits = BigInt(integer[2]!);
    const signed = integer[1] === "";
    let n: bigint | undefined;
    if (typeof value === "bigint") n = value;
    else if (typeof value === "number" && Number.isSafeInteger(value)) n = BigInt(value);
    else if (typeof value === "string" && DECIMAL.test(value)) n = BigInt(value);
    if (n === undefined) {
      problems.push(`${label} must be an integer (bigint, safe-integer number or decimal string) for ${type}`);
      return undefined;
    }
    const min = signed ? -(1n << (bits - 1n)) : 0n;
    const max = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    if (n < min || n > max) {
      problems.push(`${label} ${n} is out of range for ${type} (${min} to ${max})`);
      return undefined;
    }
    return n;
  }
  problems.push(`${label}: unsupported type ${type}`);
  return undefined;
}

/** A claim value in JSON-safe form: bigints become decimal strings (arrays recursively). */
export function claimValueToJson(value: ClaimValue): ClaimValueJson {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return (value as readonly ClaimValue[]).map(claimValueToJson);
  return value as string | boolean;
}
