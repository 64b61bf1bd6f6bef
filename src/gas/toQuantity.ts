import { isAddress, zeroAddress, type Address } from "viem";
import { GasError } from "../errors/GasError.js";

/** Internal: a positive whole token count (number or bigint) as a bigint, or a `GAS_INVALID_PARAMETER`. */
export function toQuantity(parameter: string, value: bigint | number): bigint {
  const ok =
    (typeof value === "bigint" && value > 0n) || (typeof value === "number" && Number.isSafeInteger(value) && value > 0);
  if (!ok) {
    throw new GasError("GAS_INVALID_PARAMETER", `${parameter} must be a positive whole number.`, {
      hint: `Pass ${parameter} as a positive integer, e.g. 10000.`,
      details: { parameter, value: String(value), reason: "not a positive integer" },
    });
  }
  return BigInt(value);
}

/** Internal: checks `value` is an address (the zero address refused unless `allowZero`). */
export function toAddress(parameter: string, value: string, options: { allowZero?: boolean } = {}): Address {
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new GasError("GAS_INVALID_PARAMETER", `${parameter} is not an Ethereum address: ${String(value)}.`, {
      hint: `Pass ${parameter} as a 0x-prefixed, 20-byte hex address.`,
      details: { parameter, value: String(value), reason: "not an address" },
    });
  }
  if (!options.allowZero && value.toLowerCase() === zeroAddress) {
    throw new GasError("GAS_INVALID_PARAMETER", `${parameter} is the zero address.`, {
      hint: `Pass a real ${parameter} address.`,
      details: { parameter, value, reason: "zero address" },
    });
  }
  return value as Address;
}
