import type { Address } from "viem";
import { CliError } from "../../errors/CliError.js";

/**
 * Reads an address option: `0x` + 40 hex characters, checksum enforced when the case is mixed.
 * viem is loaded on first use (the CLI stays light at start-up).
 * @throws CliError `CLI_INVALID_ADDRESS` (exit code 2).
 * @example await parseAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "--to") // checksummed
 */
export async function parseAddress(value: string, field: string): Promise<Address> {
  const { getAddress, isAddress } = await import("viem");
  if (!isAddress(value)) {
    const badChecksum = /^0x[0-9a-fA-F]{40}$/.test(value);
    throw new CliError("CLI_INVALID_ADDRESS", `${field} is not a valid address: "${value}"${badChecksum ? " (wrong checksum)" : ""}.`, {
      hint: badChecksum
        ? "Copy the address again, or write it all in lowercase to skip the checksum check."
        : "An address is 0x followed by 40 hex characters.",
      details: { field, value },
    });
  }
  return getAddress(value);
}
