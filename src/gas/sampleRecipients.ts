import { encodePacked, getAddress, keccak256, slice, type Address } from "viem";
import { toQuantity } from "./toQuantity.js";

/**
 * `count` distinct, deterministic addresses that hold nothing (derived from a hash, so nobody has their
 * key): stand-ins for fresh holders when estimating an airdrop or a comparison before the real list is
 * known. Each is a first-time holder, the costliest case for a mint.
 *
 * @example
 * const recipients = sampleRecipients(100);
 * const { gas } = await estimateAirdropGas(publicClient, { collection, recipients, account });
 */
export function sampleRecipients(count: number | bigint, seed = "mintkit:sample-recipient"): Address[] {
  const n = Number(toQuantity("count", count));
  const out: Address[] = [];
  for (let i = 0; i < n; i++) {
    out.push(getAddress(slice(keccak256(encodePacked(["string", "uint256"], [seed, BigInt(i)])), 12)));
  }
  return out;
}
